"""What the purpose and design services share: ordinals, row ids and finding entities by row id."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models
from django.db.models import Max

from lodestar.goals.services.common import merged
from lodestar.lib.errors import NotFound
from lodestar.store.versions import Saved, expect_version

__all__ = ["Saved", "expect_version", "find", "merged", "next_ordinal", "row_id"]

T = TypeVar("T")


def next_ordinal(model: type[models.Model]) -> int:
    """An ordinal after every stored row's, so that a new entity comes last."""
    last = model._default_manager.aggregate(last=Max("ordinal"))["last"]
    return 0 if last is None else int(last) + 1


def row_id(value: Any, what: str) -> int:
    """A row id from a path or form value. Raises NotFound for anything that is not a positive whole number."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise NotFound(f"no {what} {value!r}") from None
    if number < 1 or str(number) != str(value).strip():
        raise NotFound(f"no {what} {value!r}")
    return number


def find(entities: dict[int, T], key: int, what: str) -> T:
    if key not in entities:
        raise NotFound(f"no {what} {key}")
    return entities[key]
