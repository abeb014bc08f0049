"""The pages."""

from __future__ import annotations

from django.urls import path

from lodestar.web.views import admin, auth, edits, goals, metrics, org, overview

urlpatterns = [
    path("", overview.dashboard, name="dashboard"),
    path("sign-in", auth.sign_in, name="sign-in"),
    path("sign-out", auth.sign_out, name="sign-out"),
    path("account/password", auth.change_password, name="password"),
    path("me/", overview.me, name="me"),
    path("health-check/", overview.health_check, name="health-check"),
    path("kpis/", overview.kpi_board, name="kpis"),
    path("goals/", goals.alignment, name="alignment"),
    path("goals/new", edits.goal_new, name="goal-new"),
    path("goals/<str:goal_id>/", goals.goal_page, name="goal"),
    path("goals/<str:goal_id>/edit", edits.goal_edit, name="goal-edit"),
    path("goals/<str:goal_id>/delete", edits.goal_delete, name="goal-delete"),
    path("goals/<str:goal_id>/key-results/new", edits.key_result_new, name="key-result-new"),
    path("key-results/<str:key_result_id>/edit", edits.key_result_edit, name="key-result-edit"),
    path("key-results/<str:key_result_id>/delete", edits.key_result_delete, name="key-result-delete"),
    path("key-results/<str:key_result_id>/measurements", edits.record_measurement, name="record-measurement"),
    path("key-results/<str:key_result_id>/check-ins", edits.record_check_in, name="record-check-in"),
    path("metrics/", metrics.catalog_page, name="metrics"),
    path("metrics/refresh", metrics.refresh, name="metrics-refresh"),
    path("metrics/<str:metric_id>/", metrics.metric_page, name="metric"),
    path("units/<str:unit_id>/", org.unit_page, name="unit"),
    path("people/<str:person_id>/", org.person_page, name="person"),
    path("admin/users/", admin.users, name="admin-users"),
    path("admin/users/add", admin.user_add, name="admin-user-add"),
    path("admin/users/role", admin.user_set_role, name="admin-user-role"),
    path("admin/users/active", admin.user_set_active, name="admin-user-active"),
    path("admin/import/", admin.import_page, name="admin-import"),
    path("admin/import/apply", admin.import_apply, name="admin-import-apply"),
    path("admin/export", admin.export_download, name="admin-export"),
    path("admin/audit/", admin.audit_page, name="admin-audit"),
]
