"""Why a goal is affected: the tasks concerned (dropped or no longer there) and the owner passed on."""

from __future__ import annotations

from datetime import date
from typing import Any

from lodestar.lib.model import Model
from lodestar.modelfile.validate import validate_document
from lodestar.scenarios.affected import DROPPED, GONE, affected_goals
from lodestar.scenarios.compare import compare
from tests.conformance.builders import dependency, goal, key_result, task
from tests.conformance.scenario_builders import base, scenario

AS_OF = date(2026, 7, 1)


def _model(*scenarios: dict[str, Any], **sections: Any) -> Model:
    return validate_document(base(scenarios=list(scenarios), **sections))


def _summary(model: Model, column: Model) -> list[tuple[str, list[tuple[str, str]], str | None, str | None]]:
    return [
        (found.goal.id, [(t.task, t.how) for t in found.tasks], found.owner_from, found.owner_to)
        for found in affected_goals(model, column)
    ]


def test_in_the_base_only_the_goals_listing_a_dropped_task_are_affected() -> None:
    model = _model()

    assert _summary(model, model) == [("g1", [("t4", DROPPED)], None, None)]


def test_a_task_the_scenario_no_longer_has_is_named_and_only_that_task() -> None:
    goals = [
        goal("g1", key_result("k1"), owner="ms", tasks=["t4"]),
        goal("g2", key_result("k2"), owner="mkt", tasks=["t1", "t2"]),
        goal("g3", key_result("k3"), owner="p3", tasks=["t2"]),
    ]
    kept = [
        task("t2", responsible=("sales",), accountable="sales", delivery="decentral"),
        task("t3", responsible=("agency",), accountable="mkt", delivery="external"),
    ]
    model = _model(scenario("lean", replace={"tasks": kept}), goals=goals)
    (_, lean) = compare(model, [], as_of=AS_OF)

    # t4 is gone too (the replaced tasks do not list it), t2 is still there and concerns no goal
    assert _summary(model, lean.model) == [("g1", [("t4", GONE)], None, None), ("g2", [("t1", GONE)], None, None)]


def test_a_task_dropped_in_the_scenario_is_named_as_dropped() -> None:
    dropped = [
        task("t1", change="drop", responsible=("mkt",), accountable="mkt"),
        task("t2", responsible=("sales",), accountable="sales", delivery="decentral"),
        task("t3", responsible=("agency",), accountable="mkt", delivery="external"),
        task("t4", change="drop", responsible=("mkt",), accountable="mkt"),
        task("t5", responsible=(), accountable=None),
    ]
    model = _model(scenario("cut", replace={"tasks": dropped}))
    (_, cut) = compare(model, [], as_of=AS_OF)

    assert _summary(model, cut.model) == [
        ("g1", [("t4", DROPPED)], None, None),
        ("g2", [("t1", DROPPED)], None, None),
    ]


def test_a_removed_persons_goal_names_the_owner_it_passed_from_and_to_without_tasks() -> None:
    model = _model(scenario("leaving", remove_people=["p3"]))
    (_, leaving) = compare(model, [], as_of=AS_OF)

    assert _summary(model, leaving.model) == [
        ("g1", [("t4", DROPPED)], None, None),
        ("g3", [], "p3", "sales"),
    ]
    assert affected_goals(model, leaving.model)[1].owner_passed


def test_the_goals_are_those_the_comparison_counts_as_affected_in_every_column() -> None:
    model = _model(
        scenario("leaving", remove_people=["p3"]),
        scenario(
            "no-web",
            moves=[{"person": "p4", "unit": "mkt"}],
            remove_units=["web"],
            replace={"dependencies": [dependency("mkt", "it", 3), dependency("sales", "it", 4)], "tasks": []},
        ),
    )

    for column in compare(model, [], as_of=AS_OF):
        assert [found.goal.id for found in affected_goals(model, column.model)] == column.figures["goals_affected"]
