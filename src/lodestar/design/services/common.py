"""What the purpose and design services share: versions, ordinals and row ids."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import models
from django.db.models import Max

from lodestar.goals.services.common import merged
from lodestar.lib.errors import Conflict, Invalid, NotFound

__all__ = ["SavedEntity", "expect_version", "fingerprint", "keyed", "merged", "next_ordinal", "row_id"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SavedEntity:
    """What a change produced: the entity's id (a text id or a row number) and its new version."""

    id: str | int
    version: str


def fingerprint(document: dict[str, Any]) -> str:
    """The version of an entity: a short digest of its document, so that any change moves it on."""
    text = json.dumps(document, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def expect_version(version: Any, current: dict[str, Any], *, what: str, required: bool = True) -> None:
    """`version` must be the current document's fingerprint. Raises Invalid (missing) or Conflict (stale)."""
    if version is None and not required:
        return
    if type(version) is not str or not version:
        raise Invalid(
            "version required", [("version", "required: the version your change is based on (as read, a text)")]
        )
    if version != fingerprint(current):
        raise Conflict(
            f"{what} was changed by someone else since you opened it; reload to see their change, then apply yours again"
        )


def next_ordinal(model: type[models.Model]) -> int:
    """An ordinal after every stored row's, so that a new entity comes last."""
    last = model.objects.aggregate(last=Max("ordinal"))["last"]  # type: ignore[attr-defined]
    return 0 if last is None else last + 1


def keyed(model: type[models.Model], entities: Sequence[T]) -> dict[int, T]:
    """The loaded entities by their row id: rows and entities are both in ordinal order."""
    ids = model.objects.order_by("ordinal", "id").values_list("id", flat=True)  # type: ignore[attr-defined]
    return dict(zip(ids, entities, strict=False))


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
