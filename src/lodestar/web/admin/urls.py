"""Admin pages: users, import, export, the audit log."""

from __future__ import annotations

from django.urls import path

from lodestar.web.admin import views

urlpatterns = [
    path("admin/users/", views.users, name="admin-users"),
    path("admin/users/add", views.user_add, name="admin-user-add"),
    path("admin/users/role", views.user_set_role, name="admin-user-role"),
    path("admin/users/active", views.user_set_active, name="admin-user-active"),
    path("admin/import/", views.import_page, name="admin-import"),
    path("admin/import/apply", views.import_apply, name="admin-import-apply"),
    path("admin/export", views.export_download, name="admin-export"),
    path("admin/audit/", views.audit_page, name="admin-audit"),
]
