"""The JSON API (django-ninja): one NinjaAPI, domain errors translated here once."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.schema import OpenAPISchema

from lodestar.accounts.tokens import user_for_token
from lodestar.api import schemas
from lodestar.api.auth import BearerToken
from lodestar.api.body import BodyTooLarge, MalformedBody
from lodestar.api.routes_cycle import router as cycle_router
from lodestar.api.routes_design import router as design_router
from lodestar.api.routes_goals import router as goals_router
from lodestar.api.routes_metrics import router as metrics_router
from lodestar.api.routes_model import router as model_router
from lodestar.api.routes_scenarios import router as scenarios_router
from lodestar.api.routes_surveys import router as surveys_router
from lodestar.database import busy, unreachable
from lodestar.lib.errors import Conflict, Invalid, NotFound, PermissionDenied
from lodestar.metrics.errors import EngineError, MetricsError, MetricsFileError
from lodestar.metrics.services import problems_of
from lodestar.web.errors import (
    BUSY_RETRY_AFTER_SECONDS,
    DATABASE_BUSY,
    DATABASE_UNAVAILABLE,
    RETRY_AFTER_SECONDS,
    database_busy_logged,
    database_unavailable_logged,
    failure_reference,
)


def signed_in_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The OpenAPI document and its docs page: for a signed-in session or a valid bearer token, else 401."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if request.user.is_authenticated or (scheme.lower() == "bearer" and user_for_token(token.strip())):
            return view(request, *args, **kwargs)
        return JsonResponse({"error": "sign in or send a bearer token to read the API docs", "details": []}, status=401)

    return guarded


class LodestarApi(NinjaAPI):
    """The API, whose OpenAPI document also carries the schemas that the routes' answers refer to (`Error`)."""

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        document = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        document["components"]["schemas"].update(schemas.COMPONENTS)
        return document


api = LodestarApi(
    title="Lodestar API",
    version="1",
    description="The goal system of a marketing & sales organization. Authenticate with `Authorization: Bearer <token>` "
    '(`lodestar tokens create EMAIL`). Every error, whatever its status, is `{"error": message, "details": '
    '[{"path", "message"}]}` (the `Error` schema); each operation lists the statuses it answers. '
    "Metrics: without a configured metrics file (LODESTAR_METRICS_FILE) 404; a metrics file or bindings that "
    "cannot be used 409 (every problem in `details`); a warehouse that fails 502. An unexpected failure is a 500 "
    "whose `error` names the reference id it was logged under; a database that cannot be reached is a 503.",
    auth=BearerToken(),
    urls_namespace="api",
    docs_decorator=signed_in_only,
)
api.add_router("", model_router)
api.add_router("", goals_router)
api.add_router("", cycle_router)
api.add_router("", surveys_router)
api.add_router("", design_router)
api.add_router("", metrics_router)
api.add_router("", scenarios_router)


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


@api.exception_handler(MetricsFileError)
def _bad_metrics_file(request: HttpRequest, error: MetricsFileError) -> HttpResponse:
    details = [{"path": problem.location, "message": problem.message} for problem in error.problems]
    return _error(request, 409, f"the metrics file {error.path} cannot be used", details)


@api.exception_handler(EngineError)
def _warehouse_failed(request: HttpRequest, error: EngineError) -> HttpResponse:
    return _error(request, 502, f"the warehouse failed: {error}")


@api.exception_handler(MetricsError)
def _metrics_unusable(request: HttpRequest, error: MetricsError) -> HttpResponse:
    # Bindings that do not fit the metrics file (a refresh refuses them all at once), one per line: "subject: message".
    lines = [line.partition(": ") for line in problems_of(error)]
    details = [
        {"path": subject, "message": message} if message else {"path": "", "message": subject}
        for subject, _, message in lines
    ]
    return _error(request, 409, "the metrics cannot be used as they are bound", details)


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


@api.exception_handler(SuspiciousOperation)
def _suspicious(request: HttpRequest, error: SuspiciousOperation) -> HttpResponse:
    return _error(request, 400, "the request could not be read")


@api.exception_handler(DjangoPermissionDenied)
def _django_forbidden(request: HttpRequest, error: DjangoPermissionDenied) -> HttpResponse:
    return _error(request, 403, "not allowed")


@api.exception_handler(Exception)
def _unexpected(request: HttpRequest, error: Exception) -> HttpResponse:
    if busy(error):
        database_busy_logged(request, error)
        response = _error(request, 503, DATABASE_BUSY)
        response["Retry-After"] = BUSY_RETRY_AFTER_SECONDS
    elif unreachable(error):
        database_unavailable_logged(request, error)
        response = _error(request, 503, DATABASE_UNAVAILABLE)
        response["Retry-After"] = RETRY_AFTER_SECONDS
    else:
        response = _error(request, 500, f"internal error, reference {failure_reference(request, error)}")
    response._has_been_logged = True  # type: ignore[attr-defined]  # logged above (the 500 with its reference id)
    return response
