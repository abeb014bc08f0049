"""What the page views share: the acting user, the snapshot, and one translation of domain errors."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from lodestar.accounts.actor import Actor
from lodestar.accounts.services import actor_for
from lodestar.goals.snapshot import Snapshot, take_snapshot
from lodestar.i18n.words import say
from lodestar.lib.errors import Conflict, Invalid, LodestarError, NotFound, PermissionDenied
from lodestar.web.http import AuthenticatedRequest, WebRequest
from lodestar.web.issues import field_errors, issue_text

__all__ = ["View", "actor_of", "error_page", "error_text", "field_errors", "snapshot_of", "translate_errors"]

View = Callable[..., HttpResponse]


def actor_of(request: AuthenticatedRequest) -> Actor:
    """The signed-in user as the services' acting user, named once per request."""
    if not hasattr(request, "lodestar_actor"):
        request.lodestar_actor = actor_for(request.user, surface="web")
    return request.lodestar_actor


def snapshot_of(request: WebRequest) -> Snapshot:
    """The model as of the request's date. Raises NotFound before the first import."""
    return take_snapshot(as_of=request.as_of)


def error_page(request: HttpRequest, *, status: int, title: str, message: str) -> HttpResponse:
    template = "web/_error_inline.html" if getattr(request, "htmx", False) else "web/error.html"
    return render(request, template, {"title": title, "message": message}, status=status)


def error_text(error: LodestarError) -> str:
    """A domain error's message in the page's language: its wording, else an issue `web/issues.py` knows."""
    return say(error.wording) if error.wording is not None else issue_text(str(error))


def translate_errors(view: View) -> View:
    """NotFound, PermissionDenied, Conflict and stray Invalid errors become error pages."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotFound as error:
            return error_page(request, status=404, title=gettext("Not found"), message=error_text(error))
        except PermissionDenied as error:
            return error_page(request, status=403, title=gettext("Not allowed"), message=error_text(error))
        except Conflict as error:
            title = gettext("Someone else changed this first")
            return error_page(request, status=409, title=title, message=error_text(error))
        except Invalid as error:
            details = "; ".join(
                f"{path}: {issue_text(message)}" if path else issue_text(message) for path, message in error.issues
            )
            return error_page(
                request, status=400, title=gettext("Invalid input"), message=f"{error_text(error)}. {details}"
            )

    return wrapped
