"""The scenarios pages: the list and the comparison (every signed-in role), and the actions of editors and admins."""

from __future__ import annotations

from django.urls import path

from lodestar.web.scenarios import actions, units, views

urlpatterns = [
    path("scenarios/", views.scenarios_page, name="scenarios"),
    path("scenarios/compare/", views.compare_page, name="scenarios-compare"),
    path("scenarios/<str:scenario_id>/units", units.scenario_units, name="scenario-units"),
    path("scenarios/new", actions.scenario_new, name="scenario-new"),
    path("scenarios/id-proposal", actions.scenario_id_proposal, name="scenario-id-proposal"),
    path("scenarios/<str:scenario_id>/edit", actions.scenario_edit, name="scenario-edit"),
    path("scenarios/<str:scenario_id>/delete", actions.scenario_delete, name="scenario-delete"),
    path("scenarios/<str:scenario_id>/adopt", actions.scenario_adopt, name="scenario-adopt"),
]
