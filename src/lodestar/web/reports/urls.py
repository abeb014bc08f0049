"""The organization and unit reports as PDF downloads."""

from __future__ import annotations

from django.urls import path

from lodestar.web.reports import views

urlpatterns = [
    path("reports/organization.pdf", views.organization_pdf, name="report-organization"),
    path("reports/units/<str:unit_id>.pdf", views.unit_pdf, name="report-unit"),
]
