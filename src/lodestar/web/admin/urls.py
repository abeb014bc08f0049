"""Admin pages: users, import, export, restore points, the audit log."""

from __future__ import annotations

from django.urls import path

from lodestar.web.admin import imports, views

urlpatterns = [
    path("admin/users/", views.users, name="admin-users"),
    path("admin/users/add", views.user_add, name="admin-user-add"),
    path("admin/users/invite", views.user_invite, name="admin-user-invite"),
    path("admin/users/invite-unit", views.user_invite_unit, name="admin-user-invite-unit"),
    path("admin/users/role", views.user_set_role, name="admin-user-role"),
    path("admin/users/active", views.user_set_active, name="admin-user-active"),
    path("admin/users/unlock", views.user_unlock, name="admin-user-unlock"),
    path("admin/import/", imports.import_page, name="admin-import"),
    path("admin/import/apply", imports.import_apply, name="admin-import-apply"),
    path("admin/export", imports.export_download, name="admin-export"),
    path("admin/restore/<int:point_id>/", imports.restore_page, name="admin-restore"),
    path("admin/audit/", views.audit_page, name="admin-audit"),
]
