"""Error pages for what Django itself refuses (unknown URLs, bad requests, failures).

A failure is logged once, with a reference id that the page (or the API's JSON) shows; an unreachable
database is a 503, and so is a database busy with another write (try again in a moment). None shows a
traceback or SQL.
"""

from __future__ import annotations

import logging
import secrets
import sys
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext, gettext_noop

from lodestar.database import busy, unreachable

logger = logging.getLogger("lodestar.errors")

# The API's JSON says these in English; the pages in the reader's language (gettext of them).
DATABASE_UNAVAILABLE = gettext_noop("The database cannot be reached. Try again in a few minutes.")
RETRY_AFTER_SECONDS = "30"
DATABASE_BUSY = gettext_noop("The database is busy with other saves. Nothing was changed: try again in a moment.")
BUSY_RETRY_AFTER_SECONDS = "2"


def failure_reference(request: HttpRequest, error: BaseException | None) -> str:
    """Log an unexpected failure with its traceback under a new reference id, and return the id."""
    reference = secrets.token_hex(6)
    exc_info = (type(error), error, error.__traceback__) if error is not None else True
    logger.error("reference %s: %s %s failed", reference, request.method, request.path, exc_info=exc_info)
    return reference


def server_error_message(reference: str) -> str:
    return gettext("Something went wrong on our side. It has been logged under reference %(reference)s.") % {
        "reference": reference
    }


def database_unavailable_logged(request: HttpRequest, error: BaseException) -> None:
    logger.warning("%s %s: the database cannot be reached: %s", request.method, request.path, error)


def database_busy_logged(request: HttpRequest, error: BaseException) -> None:
    logger.warning("%s %s: the database is busy: %s", request.method, request.path, error)


def _is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def _page(request: HttpRequest, title: str, message: str, status: int) -> HttpResponse:
    """The styled error page; without the signed-in user's menu when even that cannot be read."""
    context: dict[str, Any] = {"title": title, "message": message}
    try:
        return render(request, "web/error.html", context, status=status)
    except Exception:
        request.user = AnonymousUser()
        return render(request, "web/error.html", context, status=status)


def _logged(response: HttpResponse) -> HttpResponse:
    response._has_been_logged = True  # type: ignore[attr-defined]  # logged here, with the reference id
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"error": "the request could not be read", "details": []}, status=400)
    return _page(request, gettext("Bad request"), gettext("The request could not be read."), 400)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = gettext("You may not do this. If the form was open a long time, reload the page and try again.")
    return _page(request, gettext("Not allowed"), message, 403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"error": "not found", "details": []}, status=404)
    return _page(request, gettext("Not found"), gettext("There is no such page."), 404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's handler500: called while the exception is being handled."""
    error = sys.exc_info()[1]
    if error is not None and busy(error):
        database_busy_logged(request, error)
        if _is_api(request):
            response: HttpResponse = JsonResponse({"error": DATABASE_BUSY, "details": []}, status=503)
        else:
            response = _page(request, gettext("Database busy"), gettext(DATABASE_BUSY), 503)
        response["Retry-After"] = BUSY_RETRY_AFTER_SECONDS
        return _logged(response)
    if error is not None and unreachable(error):
        database_unavailable_logged(request, error)
        request.user = AnonymousUser()  # reading the user would try the database again
        if _is_api(request):
            response = JsonResponse({"error": DATABASE_UNAVAILABLE, "details": []}, status=503)
        else:
            response = _page(request, gettext("Database unavailable"), gettext(DATABASE_UNAVAILABLE), 503)
        response["Retry-After"] = RETRY_AFTER_SECONDS
        return _logged(response)
    reference = failure_reference(request, error)
    if _is_api(request):
        document = {"error": f"internal error, reference {reference}", "details": []}
        return _logged(JsonResponse(document, status=500))
    return _logged(_page(request, gettext("Server error"), server_error_message(reference), 500))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    message = gettext("The form expired or came from elsewhere. Reload the page and try again.")
    return _page(request, gettext("Form expired"), message, 403)
