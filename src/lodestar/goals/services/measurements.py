"""Correct and delete a key result's measurement entered by hand; a value a metric refresh wrote is the refresh's."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_check_in
from lodestar.goals import models as goals
from lodestar.goals.services.common import MEASUREMENTS, find_key_result, merged
from lodestar.goals.validation import read_measurement, refreshed_value, written_by_a_refresh
from lodestar.lib.errors import Invalid, NotFound, PermissionDenied
from lodestar.lib.limits import day_problem
from lodestar.lib.model import Goal, KeyResult, Measurement
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.modelfile.documents import measurement_document
from lodestar.store.load import load_model
from lodestar.store.rows import measurement_row
from lodestar.store.versions import clash_is_conflict, delete_versioned, expect_version, lock_row, write_versioned


def update_measurement(*, actor: Actor, key_result_id: str, day: Any, changes: Any, version: Any) -> Measurement:
    """Change the `value`, `source` or `date` of the key result's measurement on `day`; returns it as saved.

    Raises NotFound, PermissionDenied (a value a metric refresh wrote), Conflict (a stale
    `version`, or the new date taken meanwhile) and Invalid (with field paths; a new date that
    has a value already).
    """
    with clash_is_conflict(f"a measurement of key result {key_result_id!r}"), transaction.atomic():
        goal, kr, current = _find(actor, key_result_id, day)
        what = _what(kr, current)
        expect_version(version, stored=current.version, what=what)
        before = measurement_document(current)
        document = merged(before, changes, fixed=(), what="measurement")
        measurement = read_measurement(document, key_result=kr, replacing=current.date)
        row = measurement_row("key_result_id", kr.id, measurement)
        del row["key_result_id"]
        measurement.version = write_versioned(goals.Measurement, current.row, version=version, what=what, columns=row)
        audit.record(
            actor=actor,
            action="measurement.update",
            subject=f"key_result:{kr.id}",
            goal_id=goal.id,
            before=before,
            after=measurement_document(measurement),
        )
    return measurement


def delete_measurement(*, actor: Actor, key_result_id: str, day: Any, version: Any = None) -> None:
    """Delete the key result's measurement on `day` (with a version, only while it has it).

    Raises NotFound, PermissionDenied (a value a metric refresh wrote) and Conflict.
    """
    with transaction.atomic():
        goal, kr, current = _find(actor, key_result_id, day)
        what = _what(kr, current)
        expect_version(version, stored=current.version, what=what, required=False)
        delete_versioned(goals.Measurement, current.row, version=version, what=what)
        audit.record(
            actor=actor,
            action="measurement.delete",
            subject=f"key_result:{kr.id}",
            goal_id=goal.id,
            before=measurement_document(current),
        )


def parse_day(day: Any) -> date:
    """The day a measurement is named by: a date, or its text `YYYY-MM-DD`. Raises Invalid."""
    if type(day) is date:
        return day
    try:
        if type(day) is not str or len(day) != 10:
            raise ValueError
        parsed = date.fromisoformat(day)
    except ValueError:
        raise Invalid("invalid date", [("date", f"expected a date YYYY-MM-DD, got {str(day)[:40]!r}")]) from None
    problem = day_problem(parsed)
    if problem is not None:
        raise Invalid("invalid date", [("date", problem)])
    return parsed


def _find(actor: Actor, key_result_id: str, day: Any) -> tuple[Goal, KeyResult, Measurement]:
    """The key result (locked) and its measurement on `day`, for a change the actor may make by hand."""
    wanted = parse_day(day)
    lock_row(goals.KeyResult, key_result_id)
    model = load_model(parts=MEASUREMENTS)
    goal, kr = find_key_result(model, key_result_id)
    require_check_in(actor, goal.owner, kr.owner, model, what=f"the key results of goal {goal.id!r}")
    current = next((x for x in kr.measurements if x.date == wanted), None)
    if current is None:
        raise NotFound(
            Wording.of(gettext_noop("key result %(id)s has no measurement on %(day)s"), id=repr(kr.id), day=wanted)
        )
    if written_by_a_refresh(current):
        raise PermissionDenied(f"you may not change the value on {wanted.isoformat()}: {refreshed_value(current)}")
    return goal, kr, current


def _what(kr: KeyResult, measurement: Measurement) -> str:
    return f"the value of key result {kr.id!r} on {measurement.date.isoformat()}"
