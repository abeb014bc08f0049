"""Which tables a backup holds, in which order, and how a column's value is written as JSON and read back.

Every table of every Lodestar app is in the backup, found in the app registry, so a table that a
later change adds is backed up without touching this package; only the model's revision is left
out (`NOT_BACKED_UP`). Django's own tables are not: users, tokens and the audit log live in
`accounts`, sessions only sign people in (after a move everyone signs in again), and content
types and permissions are created by `migrate`.
"""

from __future__ import annotations

import base64
from datetime import date, datetime, time, timedelta
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.duration import duration_iso_string

Model = type[models.Model]


def lodestar_app_labels() -> list[str]:
    """The labels of Lodestar's own apps, in the order of INSTALLED_APPS."""
    return [config.label for config in apps.get_app_configs() if config.name.startswith("lodestar.")]


# The model's revision (`store/revision.py`) is a key for caches of this database, no data: a
# restored database starts a revision of its own, drawn by the restore's writes.
NOT_BACKED_UP = frozenset({"store.modelrevision"})


def is_stored(model: Model) -> bool:
    """Whether the model has a table of its own that Django manages (no proxy, no view) and that a backup holds."""
    return bool(
        model._meta.managed
        and not model._meta.proxy
        and not model._meta.swapped
        and model._meta.label_lower not in NOT_BACKED_UP
    )


def backed_up_models() -> list[Model]:
    """Every stored model of Lodestar's apps (relation tables included), each after the models it refers to."""
    labels = lodestar_app_labels()
    found = [
        model
        for label in labels
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if is_stored(model)
    ]
    return in_dependency_order(found)


def referred(model: Model) -> list[Model]:
    """The models that the model's foreign keys point to (itself aside)."""
    targets: list[Model] = []
    for field in model._meta.concrete_fields:
        target = field.related_model if field.is_relation else None
        if isinstance(target, type) and target is not model and target not in targets:
            targets.append(target)
    return targets


def in_dependency_order(found: list[Model]) -> list[Model]:
    """`found` with each model after the ones it refers to; a cycle (a unit's lead is a person of a unit)
    is broken in registry order, which the deferred foreign keys of both databases allow within the
    restore's one transaction."""
    remaining = list(found)
    ordered: list[Model] = []
    while remaining:
        ready = next(
            (model for model in remaining if all(target not in remaining for target in referred(model))),
            remaining[0],
        )
        ordered.append(ready)
        remaining.remove(ready)
    return ordered


def columns(model: Model) -> list[models.Field[Any, Any]]:
    """The model's columns, in its fields' order; generated columns aside (the database computes them)."""
    return [field for field in model._meta.concrete_fields if not field.generated]


def encode(field: models.Field[Any, Any], value: Any) -> Any:
    """The JSON value of one column: JSON as stored, dates and times in ISO 8601, bytes in base64."""
    if value is None or isinstance(field, models.JSONField) or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return duration_iso_string(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return str(value)  # decimals, UUIDs: the field reads its own text back


def decode(field: models.Field[Any, Any], value: Any) -> Any:
    """The Python value of one column read from JSON. Raises ValueError with the field's own message."""
    if value is None or isinstance(field, models.JSONField):
        return value
    try:
        return field.to_python(value)
    except ValidationError as error:
        raise ValueError("; ".join(str(message) for message in error.messages)) from None
