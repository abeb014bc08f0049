"""Invalid scenarios in the every-key model: `lodestar import` exits 2, reports each at its path, writes nothing.

Indexes in every-key.yaml: scenarios 0 in-house (units 0 web-team, 1 media-desk; people 0 eve, 1 dev;
moves 0 ben; replace tasks 0 web-analytics, 1 media-buying), 1 unchanged.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import RunLodestar, WriteModel
from tests.integration.test_bad_input import DELETE, bad, edited, reported

CASES = [
    bad("scenario id pattern", {"scenarios[1].id": "As It Is"}, ("scenarios[1].id", "not a valid id")),
    bad("scenario ids unique", {"scenarios[1].id": "in-house"}, ("scenarios[1].id", "duplicate id 'in-house'")),
    bad("base is reserved", {"scenarios[1].id": "base"}, ("scenarios[1].id", "reserved")),
    bad("scenario without name", {"scenarios[1].name": DELETE}, ("scenarios[1].name", "required")),
    bad("unknown scenario key", {"scenarios[1].remove_unit": ["it"]}, ("scenarios[1].remove_unit", "unknown key")),
    bad(
        "replace names a section it cannot",
        {"scenarios[0].replace.goals": []},
        ("scenarios[0].replace.goals", "unknown key"),
    ),
    bad(
        "replaced section is not a list",
        {"scenarios[0].replace.tasks": {"id": "x"}},
        ("scenarios[0].replace.tasks", "expected a complete list"),
    ),
    bad(
        "replaced task with a misspelt unit",
        {"scenarios[0].replace.tasks[1].responsible[0]": "markting"},
        ("scenarios[0].replace.tasks[1].responsible[0]", "unknown unit 'markting'"),
    ),
    bad(
        "removed unit still referenced",
        {"scenarios[0].remove_units[1]": "sales"},
        ("scenarios[0].remove_units[1]", "unit 'sales' is still referenced by"),
    ),
    bad(
        "remove an unknown unit",
        {"scenarios[1].remove_units": ["north"]},
        ("scenarios[1].remove_units[0]", "unknown unit 'north'"),
    ),
    bad(
        "remove an unknown person",
        {"scenarios[1].remove_people": ["zoe"]},
        ("scenarios[1].remove_people[0]", "unknown person 'zoe'"),
    ),
    bad(
        "move to an unknown unit",
        {"scenarios[0].moves[0].unit": "nowhere"},
        ("scenarios[0].moves[0].unit", "unknown unit 'nowhere'"),
    ),
    bad(
        "a person moved twice",
        {"scenarios[0].moves[1]": {"person": "ben", "unit": "sales"}},
        ("scenarios[0].moves[1].person", "moved twice"),
    ),
    bad(
        "added unit with a wrong kind",
        {"scenarios[0].units[1].kind": "squad"},
        ("scenarios[0].units[1].kind", "expected one of"),
    ),
    bad(
        "planned hire with a level out of range",
        {"scenarios[0].people[0].competencies": {"web-analytics": 9}},
        ("scenarios[0].people[0].competencies.web-analytics", "out of range"),
    ),
    bad(
        "a base record becomes invalid",
        {"scenarios[0].replace.touchpoints": []},
        ("scenarios[0]", "kpis[0].touchpoint: unknown touchpoint 'website'"),
    ),
]


@pytest.mark.parametrize(("change", "errors"), CASES)
def test_an_invalid_scenario_is_refused_with_its_path_and_nothing_is_written(
    lodestar: RunLodestar, write_model: WriteModel, change: dict[str, Any], errors: tuple[tuple[str, str], ...]
) -> None:
    run = lodestar("import", str(write_model(edited(change))))

    assert run.code == 2, run.out
    found = reported(run)
    for path, message in errors:
        assert any(where == path and message in text for where, text in found), found
    assert lodestar("export").code == 2  # no model was stored
