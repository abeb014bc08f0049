"""Bearer-token authentication for the API, and the type of an authenticated API request."""

from __future__ import annotations

from typing import Any, cast

from django.http import HttpRequest
from ninja.security import HttpBearer

from lodestar.accounts.actor import Actor
from lodestar.accounts.services import actor_for
from lodestar.accounts.tokens import user_for_token


class ApiRequest(HttpRequest):
    """A request whose bearer token was accepted: `actor` is the token's user acting through the API."""

    actor: Actor


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>`, a token created with `lodestar tokens create EMAIL`."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is None:
            return None
        cast(ApiRequest, request).actor = actor_for(user, surface="api")
        return user
