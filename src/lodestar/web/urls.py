"""The pages, one URLconf per area."""

from __future__ import annotations

from django.urls import include, path

urlpatterns = [
    path("", include("lodestar.web.overview.urls")),
    path("", include("lodestar.web.accounts.urls")),
    path("", include("lodestar.web.org.urls")),
    path("", include("lodestar.web.goals.urls")),
    path("", include("lodestar.web.metrics.urls")),
    path("", include("lodestar.web.admin.urls")),
    path("", include("lodestar.web.design.urls")),
    path("", include("lodestar.web.reports.urls")),
    path("", include("lodestar.web.scenarios.urls")),
    path("", include("lodestar.web.surveys.urls")),
]
