"""Every rule a scenario is validated by, each error at its path; a refused file writes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conformance.builders import task
from tests.conformance.scenario_builders import base, scenario
from tests.conformance.scenario_fixtures import Refused

CASES: list[Any] = [
    pytest.param([scenario("Not An Id")], "scenarios[0].id", "not a valid id", id="id pattern"),
    pytest.param([scenario("a"), scenario("a")], "scenarios[1].id", "duplicate id 'a'", id="unique ids"),
    pytest.param([scenario("base")], "scenarios[0].id", "reserved", id="base is reserved"),
    pytest.param([{"id": "a"}], "scenarios[0].name", "required", id="name required"),
    pytest.param([scenario(colour="red")], "scenarios[0].colour", "unknown key", id="unknown key"),
    pytest.param([scenario(replace={"goals": []})], "scenarios[0].replace.goals", "unknown key", id="replace goals"),
    pytest.param(
        [scenario(replace={"tasks": [task("t1", responsible=("markting",))]})],
        "scenarios[0].replace.tasks[0].responsible[0]",
        "unknown unit 'markting'",
        id="replaced task names an unknown unit",
    ),
    pytest.param(
        [scenario(replace={"tasks": [task("t1", change="maybe")]})],
        "scenarios[0].replace.tasks[0].change",
        "expected one of",
        id="replaced task enum",
    ),
    pytest.param(
        [scenario(units=[{"id": "hub", "name": "Hub", "kind": "squad", "parent": "ms"}])],
        "scenarios[0].units[0].kind",
        "expected one of",
        id="unit kind",
    ),
    pytest.param(
        [scenario(units=[{"id": "hub", "name": "Hub", "kind": "team", "parent": "nowhere"}])],
        "scenarios[0].units[0].parent",
        "unknown unit 'nowhere'",
        id="added unit's parent",
    ),
    pytest.param(
        [scenario(remove_units=["web"])],
        "scenarios[0].remove_units[0]",
        "unit 'web' is still referenced by people[3].unit",
        id="removed unit still referenced",
    ),
    pytest.param(
        [scenario(remove_units=["north"])], "scenarios[0].remove_units[0]", "unknown unit", id="remove unknown"
    ),
    pytest.param(
        [scenario(remove_people=["nobody"])],
        "scenarios[0].remove_people[0]",
        "unknown person",
        id="remove unknown person",
    ),
    pytest.param(
        [scenario(moves=[{"person": "ghost", "unit": "mkt"}])],
        "scenarios[0].moves[0].person",
        "unknown person 'ghost'",
        id="move unknown person",
    ),
    pytest.param(
        [scenario(moves=[{"person": "p1", "unit": "nowhere"}])],
        "scenarios[0].moves[0].unit",
        "unknown unit 'nowhere'",
        id="move to unknown unit",
    ),
    pytest.param(
        [scenario(moves=[{"person": "p1", "unit": "mkt"}, {"person": "p1", "unit": "web"}])],
        "scenarios[0].moves[1].person",
        "moved twice",
        id="each person moved at most once",
    ),
    pytest.param(
        [scenario(replace={"competencies": []})],
        "scenarios[0]",
        "people[0].competencies.c1",
        id="a base record becomes invalid",
    ),
    pytest.param(
        [scenario(people=[{"id": "mkt", "name": "Clash", "unit": "mkt"}])],
        "scenarios[0].people[0].id",
        "duplicate id 'mkt'",
        id="units and people share one namespace",
    ),
]


@pytest.mark.parametrize(("scenarios", "path", "message"), CASES)
def test_an_invalid_scenario_is_refused_at_its_path(
    refused: Refused, scenarios: list[Any], path: str, message: str
) -> None:
    errors = refused(base(scenarios=scenarios))

    assert any(found == path and message in text for found, text in errors), errors


def test_a_goal_may_list_tasks_the_scenario_no_longer_has(refused: Refused, compared: Any) -> None:
    document = base(scenarios=[scenario(replace={"tasks": []})])

    assert compared(document, as_of=base()["periods"][0]["start"])["scenarios"][1]["goals_affected"] == [
        "g1",
        "g2",
        "g3",
    ]
