"""Record measurements and check-ins on key results: the owners' everyday update."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_check_in
from lodestar.accounts.roles import ADMIN, EDITOR
from lodestar.goals import models as goals
from lodestar.goals.services.common import KEY_RESULTS, MEASUREMENTS, find_key_result
from lodestar.goals.validation import ValueOnThatDay, read_check_in, read_measurement
from lodestar.lib import clock
from lodestar.lib.errors import Invalid
from lodestar.lib.model import CheckIn, KeyResult, Measurement
from lodestar.modelfile.documents import check_in_document, measurement_document
from lodestar.store.load import load_model
from lodestar.store.rows import check_in_row, measurement_row
from lodestar.store.versions import clash_is_conflict, expect_version, lock_row, write_versioned

# The keys of a check-in document that belong to the value recorded with it.
VALUE_KEYS = ("value",)


@dataclass(frozen=True, slots=True)
class CheckedIn:
    """What a check-in recorded: the check-in, the value recorded with it, and the value that one replaced."""

    check_in: CheckIn
    measurement: Measurement | None = None
    replaced: Measurement | None = None


def record_measurement(
    *, actor: Actor, key_result_id: str, document: Any, replace: bool = False, replacing_version: Any = None
) -> Measurement:
    """Add `{date, value, source?}` to a key result; one per date.

    A day with a value entered by hand raises ValueOnThatDay, unless `replace` says to replace it
    (only while it has `replacing_version`, when given); a value a metric refresh wrote is never
    replaced. Parallel measurements of one key result take turns; a clash with one saved at the
    same moment raises Conflict. Raises NotFound, PermissionDenied and Invalid (with field paths).
    """
    with clash_is_conflict(f"a measurement of key result {key_result_id!r}"), transaction.atomic():
        lock_row(goals.KeyResult, key_result_id)
        model = load_model(parts=MEASUREMENTS)
        goal, kr = find_key_result(model, key_result_id)
        require_check_in(actor, goal.owner, kr.owner, model, what=f"the key results of goal {goal.id!r}")
        measurement = read_measurement(document, key_result=kr, replace=replace)
        replaced = _store_measurement(kr, measurement, replacing_version=replacing_version)
        audit.record(
            actor=actor,
            action="measurement.record",
            subject=f"key_result:{kr.id}",
            goal_id=goal.id,
            before=None if replaced is None else measurement_document(replaced),
            after=measurement_document(measurement),
        )
    return measurement


def record_check_in(
    *, actor: Actor, key_result_id: str, document: Any, replace: bool = False, replacing_version: Any = None
) -> CheckedIn:
    """Record `{date?, value?, confidence, note?, by?}`: the value (when given) and the check-in, in one step.

    `date` defaults to today; the value is a measurement on that date, recorded as
    `record_measurement` records one (`replace` and `replacing_version` as there). `by` defaults
    to the actor's person: a member records check-ins as their own person, only admins and
    editors may name another one; the audit entry names the signed-in actor either way. A
    confidence of LOW_CONFIDENCE or less needs a note.

    One transaction and one audit entry: the value and the check-in are stored together or not
    at all, and every issue of both is reported at once. Parallel check-ins of one key result
    take turns (each gets its own ordinal). Raises NotFound, PermissionDenied, Invalid
    (ValueOnThatDay for a day with a value entered by hand) and Conflict.
    """
    if type(document) is dict and "date" not in document:
        document = {**document, "date": clock.today()}
    valued = type(document) is dict and any(key in document for key in VALUE_KEYS)
    with clash_is_conflict(f"a check-in on key result {key_result_id!r}"), transaction.atomic():
        lock_row(goals.KeyResult, key_result_id)
        model = load_model(parts=MEASUREMENTS if valued else KEY_RESULTS)
        goal, kr = find_key_result(model, key_result_id)
        require_check_in(actor, goal.owner, kr.owner, model, what=f"the key results of goal {goal.id!r}")
        document = _signed_by_the_actor(actor, document)
        check_in, measurement = _read_check_in_and_value(document, kr=kr, model=model, replace=replace)
        replaced = None
        if measurement is not None:
            replaced = _store_measurement(kr, measurement, replacing_version=replacing_version)
        ordinal = (goals.CheckIn.objects.filter(key_result_id=kr.id).aggregate(last=Max("ordinal"))["last"] or 0) + 1
        goals.CheckIn.objects.create(**check_in_row(kr.id, check_in, ordinal=ordinal))
        after = check_in_document(check_in)
        if measurement is not None:
            after["measurement"] = measurement_document(measurement)
        audit.record(
            actor=actor,
            action="check_in.record",
            subject=f"key_result:{kr.id}",
            goal_id=goal.id,
            before=None if replaced is None else {"measurement": measurement_document(replaced)},
            after=after,
        )
    return CheckedIn(check_in=check_in, measurement=measurement, replaced=replaced)


def _read_check_in_and_value(
    document: Any, *, kr: KeyResult, model: Any, replace: bool
) -> tuple[CheckIn, Measurement | None]:
    """The check-in and the value of a check-in document, each read by its own reader; raises every issue of both."""
    if type(document) is not dict:
        return read_check_in(document, model=model), None
    check_in_part = {key: value for key, value in document.items() if key not in VALUE_KEYS}
    value_part = {"date": document["date"], **{key: document[key] for key in VALUE_KEYS if key in document}}
    problems: list[Invalid] = []
    check_in: CheckIn | None = None
    measurement: Measurement | None = None
    try:
        check_in = read_check_in(check_in_part, model=model)
    except Invalid as error:
        problems.append(error)
    if len(value_part) > 1:
        try:
            measurement = read_measurement(value_part, key_result=kr, replace=replace)
        except Invalid as error:
            problems.append(error)
    if problems:
        raise _together(problems)
    assert check_in is not None  # read, or a problem raised above
    return check_in, measurement


def _together(problems: list[Invalid]) -> Invalid:
    """One error with the issues of all (a date after today, reported by both readers, once)."""
    issues = list(dict.fromkeys(issue for problem in problems for issue in problem.issues))
    count = len(issues)
    message = f"{count} error{'s' if count != 1 else ''} in the check-in"
    clash = next((problem for problem in problems if isinstance(problem, ValueOnThatDay)), None)
    if clash is not None:
        return ValueOnThatDay(f"{message}; {clash}", issues, existing=clash.existing)
    return Invalid(message, issues)


def _store_measurement(kr: KeyResult, measurement: Measurement, *, replacing_version: Any) -> Measurement | None:
    """Insert the measurement, or write it over the value entered by hand on its day; returns the one replaced."""
    existing = next((x for x in kr.measurements if x.date == measurement.date), None)
    if existing is None:
        goals.Measurement.objects.create(**measurement_row("key_result_id", kr.id, measurement))
        measurement.version = 1
        return None
    what = f"the value of key result {kr.id!r} on {existing.date.isoformat()}"
    stored = existing.version or 1
    version = expect_version(replacing_version, stored=stored, what=what, required=False)
    row = measurement_row("key_result_id", kr.id, measurement)
    measurement.version = write_versioned(
        goals.Measurement,
        existing.row,
        version=stored if version is None else version,
        what=what,
        columns={"value": row["value"], "source": row["source"]},
    )
    return existing


def _signed_by_the_actor(actor: Actor, document: Any) -> Any:
    """The document with `by` set to the actor's person; a member naming anyone else is refused."""
    if type(document) is not dict:
        return document
    if actor.role in (ADMIN, EDITOR):
        return document if "by" in document or actor.person_id is None else {**document, "by": actor.person_id}
    if actor.person_id is None:
        message = "your account is not linked to a person of the organization: ask an admin to link it"
        raise Invalid("1 error in the check-in", [("by", message)])
    if document.get("by", actor.person_id) != actor.person_id:
        message = (
            f"you record check-ins as yourself ({actor.person_id!r}): "
            "only admins and editors may record a check-in by another person"
        )
        raise Invalid("1 error in the check-in", [("by", message)])
    return {**document, "by": actor.person_id}
