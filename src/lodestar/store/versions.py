"""Optimistic locking: every editable row has an integer `version` that each change moves on.

A change names the version it was based on. It is refused early when the loaded entity is
already newer, and the write itself is `UPDATE … SET version = version + 1 WHERE id = %s AND
version = %s`, so that check and write are one statement: two changes based on the same
version cannot both land.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import models
from django.db.models import F

from lodestar.lib.errors import Conflict, Invalid

Key = TypeVar("Key", str, int)


@dataclass(frozen=True, slots=True)
class Saved(Generic[Key]):
    """What a change produced: the entity's id (a text id or a row number) and its new version."""

    id: Key
    version: int


def expect_version(version: Any, *, stored: int | None, what: str, required: bool = True) -> int | None:
    """The version a change was based on: a whole number, the stored one. Raises Invalid or Conflict.

    Without `required`, a missing version (None) skips the check (a delete may leave it out).
    """
    if version is None and not required:
        return None
    if type(version) is not int:
        raise Invalid(
            "version required", [("version", "required: the version your change is based on (a whole number)")]
        )
    if stored is not None and version != stored:
        raise Conflict(
            f"{what} was changed by someone else since you opened it (your version {version}, now {stored}); "
            "reload to see their change, then apply yours again"
        )
    return version


def version_from_text(text: str | None) -> int | str | None:
    """A version as a form or query string sends it: a whole number, or the text as sent for the service to refuse."""
    stripped = (text or "").strip()
    return int(stripped) if stripped.isdigit() else stripped or None


def _raced(what: str) -> Conflict:
    return Conflict(f"{what} was changed by someone else at the same moment; reload and try again")


def write_versioned(table: type[models.Model], key: Any, *, version: int, what: str, columns: dict[str, Any]) -> int:
    """Write `columns` to the row if it still has `version`; returns the new version. Raises Conflict."""
    updated = table._default_manager.filter(pk=key, version=version).update(**columns, version=F("version") + 1)
    if not updated:
        raise _raced(what)
    return version + 1


def delete_versioned(table: type[models.Model], key: Any, *, version: int | None, what: str) -> None:
    """Delete the row (and what cascades from it); with a version, only while it still has it. Raises Conflict."""
    rows = table._default_manager.filter(pk=key)
    if version is not None:
        rows = rows.filter(version=version)
    deleted, _ = rows.delete()
    if not deleted:
        raise _raced(what)
