"""The JSON API (django-ninja): one NinjaAPI, domain errors translated here once."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from lodestar.api.auth import BearerToken
from lodestar.api.body import BodyTooLarge, MalformedBody
from lodestar.api.routes_goals import router as goals_router
from lodestar.api.routes_model import router as model_router
from lodestar.lib.errors import Conflict, Invalid, NotFound, PermissionDenied

api = NinjaAPI(
    title="Lodestar API",
    version="1",
    description="The goal system of a marketing & sales organization. Authenticate with `Authorization: Bearer <token>` "
    '(`lodestar tokens create EMAIL`). Errors are `{"error": message, "details": [{"path", "message"}]}`.',
    auth=BearerToken(),
    urls_namespace="api",
)
api.add_router("", model_router)
api.add_router("", goals_router)


def _error(
    request: HttpRequest, status: int, message: str, details: list[dict[str, Any]] | None = None
) -> HttpResponse:
    return api.create_response(request, {"error": message, "details": details or []}, status=status)


def _issues(error: Invalid) -> list[dict[str, Any]]:
    return [{"path": path, "message": message} for path, message in error.issues]


@api.exception_handler(Invalid)
def _invalid(request: HttpRequest, error: Invalid) -> HttpResponse:
    status = 413 if isinstance(error, BodyTooLarge) else 400 if isinstance(error, MalformedBody) else 422
    return _error(request, status, str(error), _issues(error))


@api.exception_handler(NotFound)
def _not_found(request: HttpRequest, error: NotFound) -> HttpResponse:
    return _error(request, 404, str(error))


@api.exception_handler(Http404)
def _no_route(request: HttpRequest, error: Http404) -> HttpResponse:
    return _error(request, 404, "not found")


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return _error(request, 403, str(error))


@api.exception_handler(Conflict)
def _conflict(request: HttpRequest, error: Conflict) -> HttpResponse:
    return _error(request, 409, str(error))


@api.exception_handler(AuthenticationError)
def _unauthorized(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    response = _error(request, 401, "missing or invalid API token: send Authorization: Bearer <token>")
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(NinjaValidationError)
def _unparsable(request: HttpRequest, error: NinjaValidationError) -> HttpResponse:
    details = [
        {"path": ".".join(str(part) for part in item.get("loc", ())[1:]), "message": item.get("msg", "invalid")}
        for item in error.errors
    ]
    return _error(request, 422, "invalid input", details)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    return _error(request, error.status_code, str(error))


@api.exception_handler(RequestDataTooBig)
def _too_big(request: HttpRequest, error: RequestDataTooBig) -> HttpResponse:
    return _error(request, 413, "the body is too large")
