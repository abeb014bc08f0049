from __future__ import annotations

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "lodestar.api"
    label = "lodestar_api"
