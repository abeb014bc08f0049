"""The pages of the design workspace and its edit forms."""

from __future__ import annotations

from django.urls import path

from lodestar.web.design import edits as design_edits
from lodestar.web.design import views as design

urlpatterns = [
    path("purpose/", design.purpose_page, name="purpose"),
    path("vision/", design.vision_page, name="vision"),
    path("roles/", design.roles_page, name="roles"),
    path("tasks/", design.tasks_page, name="tasks"),
    path("dependencies/", design.dependencies_page, name="dependencies"),
    path("competencies/", design.competencies_page, name="competencies"),
    path("touchpoints/", design.touchpoints_page, name="touchpoints"),
    path("purpose/mission/new", design_edits.entity_new, {"kind_name": "mission"}, name="mission-new"),
    path("purpose/mission/edit", design_edits.entity_edit, {"kind_name": "mission"}, name="mission-edit"),
    path("purpose/mission/delete", design_edits.entity_delete, {"kind_name": "mission"}, name="mission-delete"),
    path("units/<str:unit_id>/purpose", design_edits.unit_purpose, name="unit-purpose"),
    path("competencies/levels", design_edits.person_level, name="person-level"),
]
for prefix, kind in (
    ("vision/answers", "vision"),
    ("roles/profiles", "role_profile"),
    ("tasks", "task"),
    ("dependencies", "dependency"),
    ("competencies", "competency"),
    ("touchpoints", "touchpoint"),
):
    name = kind.replace("_", "-")
    urlpatterns += [
        path(f"{prefix}/new", design_edits.entity_new, {"kind_name": kind}, name=f"{name}-new"),
        path(f"{prefix}/<str:key>/edit", design_edits.entity_edit, {"kind_name": kind}, name=f"{name}-edit"),
        path(f"{prefix}/<str:key>/delete", design_edits.entity_delete, {"kind_name": kind}, name=f"{name}-delete"),
    ]
