"""What the middleware adds to a page request, as types, so views read `request.as_of` without `type: ignore`."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from lodestar.accounts.actor import Actor
from lodestar.accounts.models import User


class WebRequest(HttpRequest):
    """A page request past AsOfMiddleware: the date every figure is computed for, and htmx's details."""

    as_of: date
    as_of_given: bool
    htmx: HtmxDetails


class AuthenticatedRequest(WebRequest):
    """A page request past SignInRequiredMiddleware: a signed-in user, and the actor once `actor_of` named it."""

    user: User
    lodestar_actor: Actor
