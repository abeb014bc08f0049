"""What the goal services share: lookups, and merging a change into the current document."""

from __future__ import annotations

from typing import Any

from lodestar.lib.errors import Invalid, NotFound
from lodestar.lib.model import Goal, KeyResult, Model
from lodestar.lib.wording import Wording, gettext_noop

# What the goal services read of the stored model, so that one change need not read every table.
# Every change checks the actor's reach (the tree and its people) and finds its goal; a goal's
# reader also looks at the periods, tasks and goals it refers to and at the key result ids taken;
# a measurement at the key result's measurements, a check-in only at the people; a decision on a
# proposed link at the goals' links.
REACH = frozenset({"units", "people", "goals"})
KEY_RESULTS = REACH | {"key_results"}
LINKS = REACH | {"goal_links"}
GOALS = LINKS | {"periods", "tasks"}
GOALS_WITH_KEY_RESULTS = GOALS | KEY_RESULTS
MEASUREMENTS = KEY_RESULTS | {"measurements"}
UPDATES = MEASUREMENTS | {"check_ins"}


def find_goal(model: Model, goal_id: str) -> Goal:
    goal = next((goal for goal in model.goals if goal.id == goal_id), None)
    if goal is None:
        raise NotFound(Wording.of(gettext_noop("no goal %(id)s"), id=repr(goal_id)))
    return goal


def find_key_result(model: Model, key_result_id: str) -> tuple[Goal, KeyResult]:
    for goal in model.goals:
        for kr in goal.key_results:
            if kr.id == key_result_id:
                return goal, kr
    raise NotFound(Wording.of(gettext_noop("no key result %(id)s"), id=repr(key_result_id)))


def new_entity(kind: str, document: Any) -> str:
    """How a create names what it adds before reading it: `goal 'x'`, or `the new goal` without a text id."""
    key = document.get("id") if type(document) is dict else None
    return f"{kind} {key!r}" if type(key) is str and key else f"the new {kind}"


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
