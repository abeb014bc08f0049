from __future__ import annotations

from django.apps import AppConfig


class MetricsConfig(AppConfig):
    name = "lodestar.metrics"
    label = "metrics"
    verbose_name = "Metrics"
