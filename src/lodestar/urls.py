"""URL configuration."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import include, path

from lodestar.api.api import api


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness probe for load balancers."""
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("", include("lodestar.web.urls")),
]

handler400 = "lodestar.web.errors.bad_request"
handler403 = "lodestar.web.errors.forbidden"
handler404 = "lodestar.web.errors.not_found"
handler500 = "lodestar.web.errors.server_error"
