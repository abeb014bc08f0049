"""Close (grade) goals with a final score and a note, one or many at once, and reopen them.

The closing is the goal's `closed` key, read with the import's reader: a score from 0 to 1, a
date on or after the start of the goal's period (today by default, and like every value
entered on a page or through the API not after today), a note of at most TEXT_MAX characters.
Who may change the goal may close and reopen it.
"""

from __future__ import annotations

import copy
from typing import Any

from django.db import transaction

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import can_edit_owner, require_owner
from lodestar.goals import models as goals
from lodestar.goals.services.common import GOALS, find_goal
from lodestar.goals.validation import read_goal
from lodestar.lib import clock
from lodestar.lib.errors import Conflict, Invalid, PermissionDenied
from lodestar.lib.model import Closing, Goal, Model
from lodestar.modelfile.documents import goal_document
from lodestar.store.load import load_model
from lodestar.store.rows import goal_rows
from lodestar.store.versions import Saved, expect_version, write_versioned

__all__ = ["close_goal", "close_goals", "reopen_goal"]

# The keys of one closing in `close_goals`: the goal, its version, and the `closed` keys.
CLOSING_KEYS = ("goal", "score", "note", "date", "version")


def close_goal(
    *, actor: Actor, goal_id: str, score: Any, note: Any = None, date: Any = None, version: Any = None
) -> Saved[str]:
    """Close goal `goal_id` with the final `score` and an optional `note` on `date` (default today).

    Closing a closed goal grades it again. With `version`, only while the goal has it. Raises
    NotFound, PermissionDenied, Invalid (paths `score`, `date`, `note`) and Conflict.
    """
    what = f"goal {goal_id!r}"
    with transaction.atomic():
        model = load_model(parts=GOALS)
        current = find_goal(model, goal_id)
        require_owner(actor, current.owner, model, what=what)
        expect_version(version, stored=current.version, what=what, required=False)
        closing = _read_closing(model, current, {"score": score, "note": note, "date": date})
        saved = _write(actor, model, current, closing, version=version)
    return saved


def close_goals(*, actor: Actor, closings: Any) -> list[Saved[str]]:
    """Close many goals in one transaction: `[{goal, score, note?, date?, version?}]`, all or none.

    Every problem is reported at once, with paths `[j].score`; an unknown goal is one of them.
    Raises PermissionDenied (naming each goal the actor may not close), Invalid and Conflict.
    """
    if type(closings) is not list:
        raise Invalid("invalid closings", [("", "expected a list of {goal, score, note?, date?, version?}")])
    with transaction.atomic():
        model = load_model(parts=GOALS)
        found = _find_each(model, closings)
        denied = [goal for goal, _ in found.values() if not can_edit_owner(actor, goal.owner, model)]
        if denied:
            names = ", ".join(f"{goal.id!r} (owned by {goal.owner!r})" for goal in denied)
            raise PermissionDenied(f"you may not close goal{'s' if len(denied) != 1 else ''} {names}")
        read: list[tuple[Goal, Closing, Any]] = []
        issues: list[tuple[str, str]] = []
        for j, (goal, item) in found.items():
            try:
                expect_version(item.get("version"), stored=goal.version, what=f"goal {goal.id!r}", required=False)
            except Invalid as error:
                issues += [(f"[{j}].{path}", message) for path, message in error.issues]
                continue
            try:
                read.append((goal, _read_closing(model, goal, item), item.get("version")))
            except Invalid as error:
                issues += [(f"[{j}].{path}" if path else f"[{j}]", message) for path, message in error.issues]
        if issues:
            raise Invalid(f"{len(issues)} error{'s' if len(issues) != 1 else ''} in the closings", issues)
        saved = [_write(actor, model, goal, closing, version=version) for goal, closing, version in read]
    return saved


def reopen_goal(*, actor: Actor, goal_id: str, version: Any = None) -> Saved[str]:
    """Take the closing off goal `goal_id`: it is judged by its progress again.

    Raises NotFound, PermissionDenied and Conflict (the goal is not closed, or `version` is stale).
    """
    what = f"goal {goal_id!r}"
    with transaction.atomic():
        model = load_model(parts=GOALS)
        current = find_goal(model, goal_id)
        require_owner(actor, current.owner, model, what=what)
        expect_version(version, stored=current.version, what=what, required=False)
        if current.closed is None:
            raise Conflict(f"{what} is not closed: there is nothing to reopen")
        saved = _write(actor, model, current, None, version=version)
    return saved


def _find_each(model: Model, closings: list[Any]) -> dict[int, tuple[Goal, dict[str, Any]]]:
    """Each closing's goal; raises Invalid for entries that are no mapping, name no known goal or repeat one."""
    goals_by_id = {goal.id: goal for goal in model.goals}
    found: dict[int, tuple[Goal, dict[str, Any]]] = {}
    seen: dict[str, int] = {}
    issues: list[tuple[str, str]] = []
    for j, item in enumerate(closings):
        if type(item) is not dict:
            issues.append((f"[{j}]", "expected a mapping {goal, score, note?, date?, version?}"))
            continue
        issues += [(f"[{j}].{key}", "unknown key") for key in item if key not in CLOSING_KEYS]
        ident = item.get("goal")
        goal = goals_by_id.get(ident) if type(ident) is str else None
        if goal is None:
            issues.append((f"[{j}].goal", "required" if ident is None else f"no goal {str(ident)[:80]!r}"))
        elif goal.id in seen:
            issues.append((f"[{j}].goal", f"goal {goal.id!r} is closed twice (first at [{seen[goal.id]}])"))
        else:
            seen[goal.id] = j
            found[j] = (goal, item)
    if issues:
        raise Invalid(f"{len(issues)} error{'s' if len(issues) != 1 else ''} in the closings", issues)
    return found


def _read_closing(model: Model, goal: Goal, values: dict[str, Any]) -> Closing:
    """The closing `{score, note?, date?}` of `goal`, read as the import reads `closed`. Raises Invalid."""
    today = clock.today()
    given = {key: values.get(key) for key in ("date", "score", "note")}
    written = {key: value for key, value in given.items() if value is not None}
    written.setdefault("date", today)
    document = {**goal_document(goal), "closed": written}
    try:
        closed = read_goal(document, model=model, replacing=goal.id).closed
    except Invalid as error:
        issues = [(path.removeprefix("closed."), message) for path, message in error.issues]
        raise Invalid(f"{len(issues)} error{'s' if len(issues) != 1 else ''} in the closing", issues) from None
    assert closed is not None  # read, or an issue raised above
    if closed.date > today:
        raise Invalid(
            "1 error in the closing", [("date", f"{closed.date.isoformat()} is after today ({today.isoformat()})")]
        )
    return closed


def _write(actor: Actor, model: Model, current: Goal, closing: Closing | None, *, version: Any) -> Saved[str]:
    """Store the goal with `closing` (None: reopened), based on `version` or the version loaded; audited."""
    what = f"goal {current.id!r}"
    goal = copy.deepcopy(current)
    goal.closed = closing
    people = {person.id for person in model.people}
    based_on = version if type(version) is int else current.version or 1
    row = goal_rows(goal, people=people).row
    saved = write_versioned(goals.Goal, current.id, version=based_on, what=what, columns=row)
    audit.record(
        actor=actor,
        action="goal.close" if closing is not None else "goal.reopen",
        subject=f"goal:{current.id}",
        goal_id=current.id,
        before=goal_document(current),
        after=goal_document(goal),
    )
    return Saved(id=current.id, version=saved)
