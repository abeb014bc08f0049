"""The scenarios pages: the list and the comparison (read-only)."""

from __future__ import annotations

from django.urls import path

from lodestar.web.scenarios import units, views

urlpatterns = [
    path("scenarios/", views.scenarios_page, name="scenarios"),
    path("scenarios/compare/", views.compare_page, name="scenarios-compare"),
    path("scenarios/<str:scenario_id>/units", units.scenario_units, name="scenario-units"),
]
