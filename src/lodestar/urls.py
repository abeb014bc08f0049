"""URL configuration."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import include, path

from lodestar.api.api import api
from lodestar.database import database_answers


def healthz(request: HttpRequest) -> JsonResponse:
    """Health probe for load balancers and monitoring: 200 when the database answers a `SELECT 1`, else 503."""
    if database_answers():
        return JsonResponse({"status": "ok"})
    response = JsonResponse({"status": "unavailable", "reason": "the database cannot be reached"}, status=503)
    response._has_been_logged = True  # type: ignore[attr-defined]  # a probe; monitoring reports it
    return response


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("", include("lodestar.web.urls")),
]

handler400 = "lodestar.web.errors.bad_request"
handler403 = "lodestar.web.errors.forbidden"
handler404 = "lodestar.web.errors.not_found"
handler500 = "lodestar.web.errors.server_error"
