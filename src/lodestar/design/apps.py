from __future__ import annotations

from django.apps import AppConfig


class DesignConfig(AppConfig):
    name = "lodestar.design"
    label = "design"
