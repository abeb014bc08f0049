"""The dashboard, the health check and the KPI board."""

from __future__ import annotations

from django.urls import path

from lodestar.web.overview import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("health-check/", views.health_check, name="health-check"),
    path("kpis/", views.kpi_board, name="kpis"),
]
