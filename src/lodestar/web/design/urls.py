"""The pages of the design workspace and its edit forms (one generic form view per verb; the kinds are
those of `lodestar.design.kinds`)."""

from __future__ import annotations

from django.urls import path

from lodestar.web.design import edits, views

urlpatterns = [
    path("purpose/", views.purpose_page, name="purpose"),
    path("vision/", views.vision_page, name="vision"),
    path("roles/", views.roles_page, name="roles"),
    path("tasks/", views.tasks_page, name="tasks"),
    path("dependencies/", views.dependencies_page, name="dependencies"),
    path("competencies/", views.competencies_page, name="competencies"),
    path("touchpoints/", views.touchpoints_page, name="touchpoints"),
    path("purpose/mission/new", edits.entity_new, {"kind_name": "mission"}, name="mission-new"),
    path("purpose/mission/edit", edits.entity_edit, {"kind_name": "mission"}, name="mission-edit"),
    path("purpose/mission/delete", edits.entity_delete, {"kind_name": "mission"}, name="mission-delete"),
    path("units/<str:unit_id>/purpose", edits.unit_purpose, name="unit-purpose"),
    path("competencies/levels", edits.person_level, name="person-level"),
    path("vision/answers/new", edits.entity_new, {"kind_name": "vision"}, name="vision-new"),
    path("vision/answers/<str:key>/edit", edits.entity_edit, {"kind_name": "vision"}, name="vision-edit"),
    path("vision/answers/<str:key>/delete", edits.entity_delete, {"kind_name": "vision"}, name="vision-delete"),
    path("roles/profiles/new", edits.entity_new, {"kind_name": "role_profile"}, name="role-profile-new"),
    path("roles/profiles/<str:key>/edit", edits.entity_edit, {"kind_name": "role_profile"}, name="role-profile-edit"),
    path(
        "roles/profiles/<str:key>/delete",
        edits.entity_delete,
        {"kind_name": "role_profile"},
        name="role-profile-delete",
    ),
    path("tasks/new", edits.entity_new, {"kind_name": "task"}, name="task-new"),
    path("tasks/<str:key>/edit", edits.entity_edit, {"kind_name": "task"}, name="task-edit"),
    path("tasks/<str:key>/delete", edits.entity_delete, {"kind_name": "task"}, name="task-delete"),
    path("dependencies/new", edits.entity_new, {"kind_name": "dependency"}, name="dependency-new"),
    path("dependencies/<str:key>/edit", edits.entity_edit, {"kind_name": "dependency"}, name="dependency-edit"),
    path("dependencies/<str:key>/delete", edits.entity_delete, {"kind_name": "dependency"}, name="dependency-delete"),
    path("competencies/new", edits.entity_new, {"kind_name": "competency"}, name="competency-new"),
    path("competencies/<str:key>/edit", edits.entity_edit, {"kind_name": "competency"}, name="competency-edit"),
    path("competencies/<str:key>/delete", edits.entity_delete, {"kind_name": "competency"}, name="competency-delete"),
    path("touchpoints/new", edits.entity_new, {"kind_name": "touchpoint"}, name="touchpoint-new"),
    path("touchpoints/<str:key>/edit", edits.entity_edit, {"kind_name": "touchpoint"}, name="touchpoint-edit"),
    path("touchpoints/<str:key>/delete", edits.entity_delete, {"kind_name": "touchpoint"}, name="touchpoint-delete"),
]
