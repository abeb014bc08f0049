"""A goal's history as a person reads it: who did what, and each changed field as `Target: 300 → 350`.

The audit log keeps each change as the documents before and after it (the model file's keys); this
module compares the two field by field and says each field's name in the page's language. A field
the table does not name is shown by its key, with underscores as spaces.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext_lazy

from lodestar.accounts.models import AuditEntry
from lodestar.i18n import numbers
from lodestar.i18n.terms import term

ACTIONS: dict[str, Promise] = {
    "goal.create": pgettext_lazy("history", "created the goal"),
    "goal.update": pgettext_lazy("history", "changed the goal"),
    "goal.align": pgettext_lazy("history", "changed what the goal contributes to"),
    "goal.align.accept": pgettext_lazy("history", "accepted a proposed contribution"),
    "goal.align.decline": pgettext_lazy("history", "declined a proposed contribution"),
    "goal.close": pgettext_lazy("history", "closed the goal"),
    "goal.reopen": pgettext_lazy("history", "reopened the goal"),
    "goal.carry": pgettext_lazy("history", "carried the goal into a new period"),
    "goal.delete": pgettext_lazy("history", "deleted the goal"),
    "key_result.create": pgettext_lazy("history", "added a key result"),
    "key_result.update": pgettext_lazy("history", "changed a key result"),
    "key_result.delete": pgettext_lazy("history", "removed a key result"),
    "measurement.record": pgettext_lazy("history", "recorded a value"),
    "measurement.update": pgettext_lazy("history", "corrected a value"),
    "measurement.delete": pgettext_lazy("history", "removed a value"),
    "check_in.record": pgettext_lazy("history", "checked in"),
}
FIELDS: dict[str, Promise] = {
    "title": pgettext_lazy("field", "Title"),
    "description": pgettext_lazy("field", "Description"),
    "owner": pgettext_lazy("field", "Owner"),
    "period": pgettext_lazy("field", "Period"),
    "contributes_to": pgettext_lazy("field", "Contributes to"),
    "goal": pgettext_lazy("field", "Goal"),
    "weight": pgettext_lazy("field", "Weight"),
    "tasks": pgettext_lazy("field", "Tasks"),
    "carried_from": pgettext_lazy("field", "Carried from"),
    "closed": pgettext_lazy("field", "Closed"),
    "score": pgettext_lazy("field", "Score"),
    "on": pgettext_lazy("field", "On"),
    "note": pgettext_lazy("field", "Note"),
    "key_results": pgettext_lazy("field", "Key results"),
    "metric": pgettext_lazy("field", "Metric"),
    "unit": pgettext_lazy("field", "Unit"),
    "direction": pgettext_lazy("field", "Direction"),
    "start": pgettext_lazy("field", "Start"),
    "target": pgettext_lazy("field", "Target"),
    "baseline": pgettext_lazy("field", "Baseline"),
    "value": pgettext_lazy("field", "Value"),
    "date": pgettext_lazy("field", "Date"),
    "confidence": pgettext_lazy("field", "Confidence"),
    "status": pgettext_lazy("field", "Status"),
    "measurements": pgettext_lazy("field", "Values"),
    "check_ins": pgettext_lazy("field", "Check-ins"),
    "measurement": pgettext_lazy("field", "Value"),
    "check_in": pgettext_lazy("field", "Check-in"),
}
NOTHING = "—"


@dataclass(frozen=True, slots=True)
class Change:
    field: str
    before: str | None  # None: the field is new (a created goal, a recorded value)
    after: str


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    entry: AuditEntry
    action: str
    changes: list[Change]


def _label(path: tuple[str, ...]) -> str:
    """The field's name; a nested field (a key result's target) by its own name after its parent's."""
    names = [str(FIELDS[key]) if key in FIELDS else key.replace("_", " ") for key in path if not key.isdigit()]
    return " · ".join(names) or gettext("Value")


def _text(key: str, value: Any) -> str:
    if value is None or value in ("", []):
        return NOTHING
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, int | float):
        return numbers.figure(value)
    if key == "status" and isinstance(value, str):
        return term("status", value)
    if isinstance(value, list) and all(not isinstance(item, dict | list) for item in value):
        return ", ".join(_text(key, item) for item in value)
    if isinstance(value, list) and all(isinstance(item, dict) and "goal" in item for item in value):
        return ", ".join(str(item["goal"]) for item in value)  # contributes_to: the goals it names
    return str(value)


def _flat(document: Any, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    """Each scalar of a document by its path; lists of plain values and of links stay whole."""
    if isinstance(document, dict):
        flat: dict[tuple[str, ...], Any] = {}
        for key, value in document.items():
            flat.update(_flat(value, (*path, str(key))))
        return flat
    if isinstance(document, list) and any(isinstance(item, dict) and "goal" not in item for item in document):
        flat = {}
        for number, item in enumerate(document):
            named = isinstance(item, dict) and isinstance(item.get("id"), str)
            key = str(item["id"]) if named else str(number)
            flat.update(_flat(item, (*path, key)))
        return flat
    return {path: document}


def changes(before: Any, after: Any) -> list[Change]:
    """Each field that differs between the two documents, in the order of the later one."""
    old, new = _flat(before) if before is not None else {}, _flat(after) if after is not None else {}
    found: list[Change] = []
    for path in [*new, *(path for path in old if path not in new)]:
        if path in old and path in new and old[path] == new[path]:
            continue
        if not path and after is not None and before is None and isinstance(after, dict):
            continue
        key = path[-1] if path else ""
        if key in ("id", "version"):
            continue
        found.append(
            Change(
                _label(path),
                None if before is None else _text(key, old.get(path)),
                NOTHING if after is None else _text(key, new.get(path)),
            )
        )
    return found


def history(entries: Iterable[AuditEntry]) -> list[HistoryEntry]:
    return [
        HistoryEntry(
            entry,
            str(ACTIONS[entry.action]) if entry.action in ACTIONS else entry.action,
            changes(entry.before, entry.after),
        )
        for entry in entries
    ]
