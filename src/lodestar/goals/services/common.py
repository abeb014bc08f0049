"""What the goal services share: the result of a change, lookups, versions and merging changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lodestar.lib.errors import Conflict, Invalid, NotFound
from lodestar.lib.model import Goal, KeyResult, Model


@dataclass(frozen=True, slots=True)
class Saved:
    """What a change produced: the entity's id and its new version."""

    id: str
    version: int


def find_goal(model: Model, goal_id: str) -> Goal:
    goal = next((goal for goal in model.goals if goal.id == goal_id), None)
    if goal is None:
        raise NotFound(f"no goal {goal_id!r}")
    return goal


def find_key_result(model: Model, key_result_id: str) -> tuple[Goal, KeyResult]:
    for goal in model.goals:
        for kr in goal.key_results:
            if kr.id == key_result_id:
                return goal, kr
    raise NotFound(f"no key result {key_result_id!r}")


def expect_version(version: Any, stored: int, *, what: str) -> int:
    """The version a change was based on must be the stored one. Raises Invalid or Conflict."""
    if type(version) is not int:
        raise Invalid(
            "version required", [("version", "required: the version your change is based on (a whole number)")]
        )
    if version != stored:
        raise Conflict(
            f"{what} was changed by someone else since you opened it (your version {version}, now {stored}); "
            "reload to see their change, then apply yours again"
        )
    return version


def merged(current: dict[str, Any], changes: Any, *, fixed: tuple[str, ...], what: str) -> dict[str, Any]:
    """`current` with `changes` applied; a null value removes an optional key. Raises Invalid."""
    if type(changes) is not dict:
        raise Invalid(f"expected the {what} as a mapping", [("", "expected a mapping of fields to change")])
    issues = [
        (key, f"cannot be changed here (was {current.get(key)!r})")
        for key in fixed
        if key in changes and changes[key] != current.get(key)
    ]
    if issues:
        raise Invalid(f"invalid {what}", issues)
    document = dict(current)
    for key, value in changes.items():
        if value is None:
            document.pop(key, None)
        else:
            document[key] = value
    return document
