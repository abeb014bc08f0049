"""`lodestar scenarios adopt`: the plan, the scenario removed, the others kept, a restore point, refused when another breaks."""

from __future__ import annotations

import json

from tests.conformance.builders import task
from tests.conformance.scenario_builders import base, scenario
from tests.conformance.scenario_fixtures import errors_of
from tests.conftest import RunLodestar, WriteModel

MOVING = scenario(
    "moving", moves=[{"person": "p4", "unit": "mkt"}], replace={"tasks": [task("t1", responsible=("mkt",))]}
)
HIRING = scenario("hiring", people=[{"id": "hire", "name": "Hire", "unit": "web"}])
LEAVING = scenario("leaving", remove_people=["p4"])


def _import(lodestar: RunLodestar, write_model: WriteModel, *scenarios: dict) -> None:  # type: ignore[type-arg]
    assert lodestar("import", str(write_model(base(scenarios=list(scenarios))))).code == 0


def test_adopting_prints_the_plan_and_keeps_the_other_scenarios(lodestar: RunLodestar, write_model: WriteModel) -> None:
    _import(lodestar, write_model, MOVING, HIRING)

    run = lodestar("scenarios", "adopt", "moving")

    assert run.code == 0, run.err
    assert 'people[p4].unit: "web" → "mkt"' in run.out
    assert "- t2" in run.out
    assert "goals[g1].tasks: loses 't4'" in run.out
    listed = json.loads(lodestar("scenarios", "list", "--format", "json").out)
    assert [entry["id"] for entry in listed["scenarios"]] == ["hiring"]


def test_a_dry_run_prints_the_plan_and_writes_nothing(lodestar: RunLodestar, write_model: WriteModel) -> None:
    _import(lodestar, write_model, MOVING)
    before = lodestar("export").out

    run = lodestar("scenarios", "adopt", "moving", "--dry-run", "--format", "json")

    assert run.code == 0
    plan = json.loads(run.out)
    assert plan["adopted"] is False
    assert {"goal": "g1", "task": "t4"} in plan["lost_tasks"]
    assert plan["plan"]["change"] >= 1
    assert lodestar("export").out == before


def test_adopting_is_refused_when_another_scenario_would_break(lodestar: RunLodestar, write_model: WriteModel) -> None:
    _import(lodestar, write_model, LEAVING, MOVING)
    before = lodestar("export").out

    run = lodestar("scenarios", "adopt", "leaving")

    assert run.code == 2
    assert ("scenarios[1].moves[0].person", "unknown person 'p4'") in errors_of(run)
    assert lodestar("export").out == before


def test_adopting_keeps_a_restore_point_that_returns_to_the_base(
    lodestar: RunLodestar, write_model: WriteModel
) -> None:
    _import(lodestar, write_model, MOVING)
    before = lodestar("export").out

    assert lodestar("scenarios", "adopt", "moving").code == 0
    points = json.loads(lodestar("restore", "--list", "--format", "json").out)
    newest = points["restore_points"][0] if isinstance(points, dict) else points[0]

    assert "moving" in newest["reason"]
    assert lodestar("restore", str(newest["id"])).code == 0
    assert lodestar("export").out == before


def test_adopting_an_unknown_scenario_is_an_error(lodestar: RunLodestar, write_model: WriteModel) -> None:
    _import(lodestar, write_model, MOVING)

    assert lodestar("scenarios", "adopt", "nope").code == 2
