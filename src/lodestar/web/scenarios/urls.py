"""The scenarios pages: the list and the comparison (read-only)."""

from __future__ import annotations

from django.urls import path

from lodestar.web.scenarios import views

urlpatterns = [
    path("scenarios/", views.scenarios_page, name="scenarios"),
    path("scenarios/compare/", views.compare_page, name="scenarios-compare"),
]
