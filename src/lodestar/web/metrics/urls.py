"""The metric catalog, one metric's page and refresh now."""

from __future__ import annotations

from django.urls import path

from lodestar.web.metrics import views

urlpatterns = [
    path("metrics/", views.catalog_page, name="metrics"),
    path("metrics/refresh", views.refresh, name="metrics-refresh"),
    path("metrics/refresh/<int:run_id>", views.refresh_run, name="metrics-refresh-run"),
    path("metrics/<str:metric_id>/", views.metric_page, name="metric"),
]
