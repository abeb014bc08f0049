"""Optimistic locking: every editable row has an integer `version` that each change moves on.

A change names the version it was based on. It is refused early when the loaded entity is
already newer, and the write itself is `UPDATE … SET version = version + 1 WHERE id = %s AND
version = %s`, so that check and write are one statement: two changes based on the same
version cannot both land.

A new row has no version to compare. Two creates that each checked that an id (or a date) was
free can both reach the insert; the database's unique constraint refuses the second, and
`clash_is_conflict` turns that refusal into a Conflict. `lock_row` makes the records that hang
from one row (a key result's measurements and check-ins) take turns on PostgreSQL; SQLite's
write transactions take turns anyway (`BEGIN IMMEDIATE`, see `lib/database_url.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import IntegrityError, models
from django.db.models import F

from lodestar.lib.errors import Conflict, Invalid
from lodestar.lib.wording import Wording, gettext_noop

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
            Wording.of(
                gettext_noop(
                    "%(what)s was changed by someone else since you opened it (your version %(version)s, "
                    "now %(stored)s); reload to see their change, then apply yours again"
                ),
                what=what,
                version=str(version),
                stored=str(stored),
            )
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


@contextmanager
def clash_is_conflict(what: str) -> Iterator[None]:
    """Around a write's transaction: a constraint that a parallel write hit first raises Conflict naming `what`.

    Enter it outside `transaction.atomic()`, so that the failed transaction has been rolled back.
    """
    try:
        yield
    except IntegrityError as error:
        raise Conflict(
            Wording.of(
                gettext_noop(
                    "%(what)s clashes with a change someone else saved at the same moment; reload to see it, then try again"
                ),
                what=what,
            )
        ) from error


def lock_row(table: type[models.Model], key: Any) -> None:
    """Hold the row (if it exists) until the transaction ends; a parallel writer that locks it waits."""
    list(table._default_manager.select_for_update().filter(pk=key).values_list("pk", flat=True))
