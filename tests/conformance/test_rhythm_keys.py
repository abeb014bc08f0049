"""The rhythm's keys in a model file: read, refused with their paths, and written back (spec: the goal rhythm, Keys)."""

from __future__ import annotations

from typing import Any

import pytest

from lodestar.modelfile.yaml_io import parse_yaml
from tests.conformance.builders import day, goal, key_result, organization, period, unit
from tests.conformance.rhythm_builders import someone
from tests.conftest import RunLodestar, WriteModel


def valid() -> dict[str, Any]:
    return organization(
        units=[unit("team", "team", cadence={"every": "two_weeks", "day": "thu"})],
        people=[someone("lea", "team", reminders=False), someone("max", "team")],
        periods=[period("p", 0, 100), period("next", 101, 200)],
        goals=[
            goal("g", key_result("kr", owner="max"), closed={"date": day(120), "score": 0.75, "note": "Good enough."}),
            goal("h", key_result("kr2"), period="next", carried_from="g"),
        ],
    )


def errors(lodestar: RunLodestar, write_model: WriteModel, document: dict[str, Any]) -> list[str]:
    run = lodestar("import", str(write_model(document)))
    assert run.code == 2, run.out
    return [line for line in run.err.splitlines() if not line.startswith("error: ")]


def test_a_file_with_every_rhythm_key_imports_and_exports_them(lodestar: RunLodestar, write_model: WriteModel) -> None:
    assert lodestar("import", str(write_model(valid()))).code == 0

    exported = parse_yaml(lodestar("export").out)

    assert exported["units"][2]["cadence"] == {"every": "two_weeks", "day": "thu"}
    assert exported["people"][0]["reminders"] is False
    assert "reminders" not in exported["people"][1]
    assert exported["goals"][0]["key_results"][0]["owner"] == "max"
    assert exported["goals"][0]["closed"] == {"date": "2026-05-01", "score": 0.75, "note": "Good enough."}
    assert exported["goals"][1]["carried_from"] == "g"


def test_the_export_writes_the_rhythm_keys_in_the_formats_order(lodestar: RunLodestar, write_model: WriteModel) -> None:
    assert lodestar("import", str(write_model(valid()))).code == 0

    exported = parse_yaml(lodestar("export").out)

    assert list(exported["goals"][0])[-1] == "closed"
    assert list(exported["goals"][1])[-1] == "carried_from"
    assert list(exported["units"][2])[-1] == "cadence"
    assert list(exported["people"][0])[-1] == "reminders"


def change(document: dict[str, Any], where: str, value: Any) -> dict[str, Any]:
    """The document with `value` at `where`: units.N.key, people.N.key, goals.N.key or goals.N.krs.M.key."""
    parts = where.split(".")
    target: Any = document
    for part in parts[:-1]:
        target = target[int(part)] if part.isdigit() else target["key_results" if part == "krs" else part]
    target[parts[-1]] = value
    return document


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        (
            "units.2.cadence",
            {"every": "fortnight", "day": "mon"},
            "units[2].cadence.every: expected one of week, two_weeks, month",
        ),
        (
            "units.2.cadence",
            {"every": "week", "day": "monday"},
            "units[2].cadence.day: expected one of mon, tue, wed, thu, fri, sat, sun",
        ),
        ("units.2.cadence", {"every": "two_weeks", "day": 3}, "units[2].cadence.day: expected one of mon, tue"),
        (
            "units.2.cadence",
            {"every": "month", "day": 29},
            "units[2].cadence.day: 29 is out of range: expected 1 to 28",
        ),
        ("units.2.cadence", {"every": "month", "day": 0}, "units[2].cadence.day: 0 is out of range: expected 1 to 28"),
        (
            "units.2.cadence",
            {"every": "month", "day": "mon"},
            "units[2].cadence.day: expected a whole number from 1 to 28",
        ),
        ("units.2.cadence", {"every": "week"}, "units[2].cadence.day: required"),
        ("units.2.cadence", {"day": "mon"}, "units[2].cadence.every: required"),
        ("units.2.cadence", {"every": "week", "day": "mon", "at": "09:00"}, "units[2].cadence.at: unknown key 'at'"),
        ("units.2.cadence", "weekly", "units[2].cadence: expected a mapping, got the text 'weekly'"),
        ("people.0.reminders", "no", "people[0].reminders: expected true or false, got the text 'no'"),
        ("people.0.reminder", False, "people[0].reminder: unknown key 'reminder' (did you mean 'reminders'?)"),
        ("goals.0.krs.0.owner", "zoe", "goals[0].key_results[0].owner: unknown person 'zoe'"),
        ("goals.0.krs.0.owner", "team", "goals[0].key_results[0].owner: unknown person 'team'"),
        (
            "goals.0.closed",
            {"date": day(120), "score": 1.5},
            "goals[0].closed.score: 1.5 is out of range: expected 0 to 1",
        ),
        (
            "goals.0.closed",
            {"date": day(120), "score": -0.1},
            "goals[0].closed.score: -0.1 is out of range: expected 0 to 1",
        ),
        (
            "goals.0.closed",
            {"date": day(120), "score": "high"},
            "goals[0].closed.score: expected a number, got the text 'high'",
        ),
        (
            "goals.0.closed",
            {"date": day(-1), "score": 0.5},
            "goals[0].closed.date: 2025-12-31 is before the start of period 'p' (2026-01-01)",
        ),
        ("goals.0.closed", {"date": "soon", "score": 0.5}, "goals[0].closed.date: expected a date YYYY-MM-DD"),
        ("goals.0.closed", {"score": 0.5}, "goals[0].closed.date: required"),
        ("goals.0.closed", {"date": day(120)}, "goals[0].closed.score: required"),
        (
            "goals.0.closed",
            {"date": day(120), "score": 0.5, "grade": "B"},
            "goals[0].closed.grade: unknown key 'grade'",
        ),
        ("goals.1.carried_from", "h", "goals[1].carried_from: a goal cannot be carried from itself"),
        ("goals.1.carried_from", "gone", "goals[1].carried_from: unknown goal 'gone'"),
        ("goals.1.carried_from", 7, "goals[1].carried_from: expected an id, got the number 7"),
    ],
)
def test_a_wrong_rhythm_key_is_refused_with_its_path(
    lodestar: RunLodestar, write_model: WriteModel, where: str, value: Any, expected: str
) -> None:
    found = errors(lodestar, write_model, change(valid(), where, value))

    assert any(line.startswith(expected) for line in found), found
    assert lodestar("export").code == 2  # nothing was written


def test_a_closing_on_the_first_day_of_the_period_is_allowed(lodestar: RunLodestar, write_model: WriteModel) -> None:
    document = change(valid(), "goals.0.closed", {"date": day(0), "score": 0})

    assert lodestar("import", str(write_model(document))).code == 0


def test_a_goal_may_be_carried_from_a_goal_later_in_the_file(lodestar: RunLodestar, write_model: WriteModel) -> None:
    document = valid()
    del document["goals"][1]["carried_from"]
    document["goals"][0]["carried_from"] = "h"

    assert lodestar("import", str(write_model(document))).code == 0
