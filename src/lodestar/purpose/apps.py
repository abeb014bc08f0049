from __future__ import annotations

from django.apps import AppConfig


class PurposeConfig(AppConfig):
    name = "lodestar.purpose"
    label = "purpose"
