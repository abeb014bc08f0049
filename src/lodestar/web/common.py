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
from lodestar.lib.errors import Conflict, Invalid, NotFound, PermissionDenied
from lodestar.web.http import AuthenticatedRequest, WebRequest

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


def translate_errors(view: View) -> View:
    """NotFound, PermissionDenied, Conflict and stray Invalid errors become error pages."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotFound as error:
            return error_page(request, status=404, title=gettext("Not found"), message=str(error))
        except PermissionDenied as error:
            return error_page(request, status=403, title=gettext("Not allowed"), message=str(error))
        except Conflict as error:
            title = gettext("Someone else changed this first")
            return error_page(request, status=409, title=title, message=str(error))
        except Invalid as error:
            details = "; ".join(f"{path}: {message}" if path else message for path, message in error.issues)
            return error_page(request, status=400, title=gettext("Invalid input"), message=f"{error}. {details}")

    return wrapped


def field_errors(error: Invalid) -> dict[str, str]:
    """Issues keyed by field path; several on one field are joined."""
    errors: dict[str, str] = {}
    for path, message in error.issues:
        errors[path] = f"{errors[path]}; {message}" if path in errors else message
    return errors
