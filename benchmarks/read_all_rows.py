"""The floor for `lodestar status`: start Django with Lodestar's settings and read every stored row once."""

from __future__ import annotations

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")
django.setup()

from django.apps import apps  # noqa: E402
from django.db import connection  # noqa: E402

rows = 0
with connection.cursor() as cursor:
    for label in ("org", "purpose", "design", "goals"):
        for model in apps.get_app_config(label).get_models():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(model._meta.db_table)}")
            rows += len(cursor.fetchall())
print(rows)
