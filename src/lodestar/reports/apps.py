from __future__ import annotations

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "lodestar.reports"
    label = "reports"
