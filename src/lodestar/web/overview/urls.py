"""The dashboard, the health check, the KPI board and the leadership review."""

from __future__ import annotations

from django.urls import path

from lodestar.web.overview import review, views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("health-check/", views.health_check, name="health-check"),
    path("kpis/", views.kpi_board, name="kpis"),
    path("review/", review.review, name="review"),
]
