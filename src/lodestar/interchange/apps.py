from __future__ import annotations

from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    name = "lodestar.interchange"
    label = "interchange"
