"""Import and export round-trip: the export is stable, and importing it keeps every value."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lodestar.goals.models import GoalContribution
from lodestar.lib import vocabulary
from lodestar.modelfile import sections
from lodestar.modelfile.sections import surveys as survey_sections
from lodestar.modelfile.sections.scenarios import MOVE_KEYS, REPLACE_KEYS, SCENARIO_KEYS
from lodestar.modelfile.validate import TOP_LEVEL_KEYS
from lodestar.modelfile.yaml_io import parse_yaml
from tests.conftest import EXAMPLE, Run

FILES = Path(__file__).parents[1] / "conformance" / "files"
EVERY_KEY = FILES / "every-key.yaml"
MODEL_FILES = [pytest.param(EXAMPLE, id="spec-example"), pytest.param(EVERY_KEY, id="every-key")]
# Dates around the every-key and spec-example periods: before, inside (twice) and after.
AS_OF_DATES = ("2025-12-31", "2026-04-15", "2026-06-30", "2027-01-15")

NUMBERS = """\
lodestar: 1
organization: {name: Numbers Ltd, currency: EUR}
units:
  - {id: company, name: Numbers Ltd, kind: company}
periods:
  - {id: fy, start: 2026-01-01, end: 2026-12-31}
goals:
  - id: figures
    title: Figures keep their value
    owner: company
    period: fy
    key_results:
      - {id: tiny, title: Tiny, baseline: 0.123456789, target: 1234567.891, weight: 0.333333333333}
      - {id: large, title: Large, baseline: 1000000000000, target: 1.0e-7,
         measurements: [{date: 2026-02-01, value: 0.1}, {date: 2026-03-01, value: -0.25}]}
      - {id: negative, title: Negative, baseline: -5, target: -2.5, direction: increase}
      - {id: corridor, title: Corridor, direction: range, range: [-1.5, 1000.25]}
kpis:
  - {id: small, name: Small, owner: company, better: lower, green: 0.000001, red: 99999999.99}
"""


def typed(document: Any) -> str:
    """The document as JSON text: 120 and 120.0, or 1 and true, come out different.

    Without its revision: an export stamps its own, whatever the imported file said.
    """
    return json.dumps({k: v for k, v in document.items() if k != "revision"}, sort_keys=True, ensure_ascii=False)


def reports(lodestar: Callable[..., Run]) -> dict[str, str]:
    """What `status`, `check` and `roles` print as JSON, for several dates."""
    outputs = {}
    for as_of in AS_OF_DATES:
        for command in ("status", "check"):
            run = lodestar(command, "--as-of", as_of, "--format", "json")
            assert run.code in (0, 1), run.err
            outputs[f"{command} {as_of}"] = run.out
    roles = lodestar("roles", "--format", "json")
    assert roles.code == 0, roles.err
    outputs["roles"] = roles.out
    return outputs


def import_file(lodestar: Callable[..., Run], path: Path) -> None:
    run = lodestar("import", str(path))
    assert run.code == 0, run.err


@pytest.mark.parametrize("model_file", MODEL_FILES)
def test_export_import_export_is_byte_identical(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], model_file: Path
) -> None:
    import_file(lodestar, model_file)
    first = lodestar("export").out
    import_file(lodestar, write_model(first, name="exported.yaml"))

    second = lodestar("export").out

    assert second == first


@pytest.mark.parametrize("model_file", MODEL_FILES)
def test_the_export_holds_every_key_and_value_of_the_file(lodestar: Callable[..., Run], model_file: Path) -> None:
    import_file(lodestar, model_file)

    exported = parse_yaml(lodestar("export").out)

    assert typed(exported) == typed(parse_yaml(model_file.read_text(encoding="utf-8")))


@pytest.mark.parametrize("model_file", MODEL_FILES)
def test_importing_the_export_again_changes_nothing(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], model_file: Path
) -> None:
    import_file(lodestar, model_file)
    exported = write_model(lodestar("export").out, name="exported.yaml")

    run = lodestar("plan", str(exported))

    assert (run.code, run.out.strip()) == (0, "No changes: the stored model already equals the file.")


def without_revision(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("revision: "))


@pytest.mark.parametrize("model_file", MODEL_FILES)
def test_the_export_reimported_into_a_changed_database_gives_the_same_reports(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], model_file: Path
) -> None:
    import_file(lodestar, model_file)
    before = reports(lodestar)
    # Without its revision the file replaces the store (with it, what the store changed since is kept).
    exported = write_model(without_revision(lodestar("export").out), name="exported.yaml")
    import_file(lodestar, write_model(NUMBERS, name="other.yaml"))  # everything else is removed
    assert reports(lodestar) != before

    import_file(lodestar, exported)

    assert reports(lodestar) == before


def test_numbers_keep_their_value_and_kind_through_the_database(
    lodestar: Callable[..., Run], write_model: Callable[..., Path]
) -> None:
    import_file(lodestar, write_model(NUMBERS))

    exported = parse_yaml(lodestar("export").out)

    assert typed(exported) == typed(parse_yaml(NUMBERS))


def test_the_every_key_file_uses_every_key_of_the_format() -> None:
    document = parse_yaml(EVERY_KEY.read_text(encoding="utf-8"))
    used = keys_by_place(document)
    goals = document["goals"]
    key_results = [kr for goal in goals for kr in goal["key_results"]]

    assert set(document) == TOP_LEVEL_KEYS
    assert used["organization"] == sections.ORGANIZATION_KEYS
    assert used["units"] == sections.UNIT_KEYS
    assert used["units.cadence"] == sections.CADENCE_KEYS
    assert used["people"] == sections.PERSON_KEYS
    assert used["mission"] == sections.MISSION_KEYS
    assert used["role_profiles"] == sections.ROLE_KEYS
    assert used["vision"] == sections.VISION_KEYS
    assert used["tasks"] == sections.TASK_KEYS
    assert used["competencies"] == sections.COMPETENCY_KEYS
    assert used["touchpoints"] == sections.TOUCHPOINT_KEYS
    assert used["goals"] == sections.GOAL_KEYS
    assert used["goals.closed"] == sections.CLOSED_KEYS
    assert used["goals.contributes_to"] == sections.CONTRIBUTION_KEYS
    assert used["goals.key_results"] == sections.KEY_RESULT_KEYS
    assert used["goals.key_results.measurements"] == sections.MEASUREMENT_KEYS
    assert used["goals.key_results.check_ins"] == sections.CHECK_IN_KEYS
    assert used["goals.key_results.metric"] == sections.METRIC_KEYS
    assert used["kpis"] == sections.KPI_KEYS
    assert used["kpis.metric"] == sections.METRIC_KEYS
    assert used["scenarios"] == SCENARIO_KEYS
    assert used["scenarios.moves"] == MOVE_KEYS
    assert used["scenarios.replace"] == REPLACE_KEYS
    assert used["surveys"] == survey_sections.SURVEY_KEYS
    assert used["surveys.responses"] == survey_sections.SURVEY_RESPONSE_KEYS
    assert used["surveys.responses.clarity"] == survey_sections.SURVEY_CLARITY_KEYS
    assert used["surveys.responses.answers"] == survey_sections.SURVEY_ANSWER_KEYS
    assert {unit["kind"] for unit in document["units"]} == set(vocabulary.UNIT_KINDS)
    assert {answer["question"] for answer in document["vision"]} == set(vocabulary.VISION_QUESTIONS)
    assert {answer["status"] for answer in document["vision"]} == set(vocabulary.VISION_STATUSES)
    assert {task["change"] for task in document["tasks"]} == set(vocabulary.TASK_CHANGES)
    assert {task["delivery"] for task in document["tasks"]} == set(vocabulary.TASK_DELIVERIES)
    assert {d["kind"] for d in document["dependencies"]} == set(vocabulary.DEPENDENCY_KINDS)
    assert {t["stage"] for t in document["touchpoints"]} == set(vocabulary.JOURNEY_STAGES)
    assert {kr.get("direction") for kr in key_results} == {*vocabulary.DIRECTIONS, None}
    assert {kpi["better"] for kpi in document["kpis"]} == set(vocabulary.BETTER)
    assert {unit["cadence"]["every"] for unit in document["units"] if "cadence" in unit} == set(
        vocabulary.CADENCE_EVERY
    )
    assert {person.get("reminders") for person in document["people"]} == {True, False, None}
    assert {type(goal["closed"]["score"]) for goal in goals if "closed" in goal} == {int, float}
    assert {type(kr["metric"]) for kr in key_results if "metric" in kr} == {str, dict}
    assert {type(kpi["metric"]) for kpi in document["kpis"] if "metric" in kpi} == {str, dict}
    assert {type(kr["baseline"]) for kr in key_results if "baseline" in kr} == {int, float}


def keys_by_place(document: dict[str, Any]) -> dict[str, set[str]]:
    """Every key used, by where it sits (`goals.key_results` for the keys of key results, ...)."""
    used: dict[str, set[str]] = {}

    def walk(value: Any, place: str) -> None:
        if isinstance(value, dict):
            if place:
                used.setdefault(place, set()).update(value)
            for key, child in value.items():
                walk(child, f"{place}.{key}" if place else key)
        elif isinstance(value, list):
            for item in value:
                walk(item, place)

    walk(document, "")
    return used


def test_a_number_in_exponent_notation_is_read_as_a_number(
    lodestar: Callable[..., Run], write_model: Callable[..., Path]
) -> None:
    text = NUMBERS.replace("target: 1234567.891", "target: 1.5e6").replace("green: 0.000001", "green: 1e-6")
    assert "1.5e6" in text
    assert "1e-6" in text

    run = lodestar("import", str(write_model(text)))

    assert run.code == 0, run.err
    exported = parse_yaml(lodestar("export").out)
    assert exported["goals"][0]["key_results"][0]["target"] == 1500000
    assert exported["kpis"][0]["green"] == 1e-6


PROPOSED = """\
lodestar: 1
organization: {name: Consent Ltd}
units:
  - {id: company, name: Consent Ltd, kind: company}
  - {id: sales, name: Sales, kind: department, parent: company}
periods:
  - {id: fy, start: 2026-01-01, end: 2026-12-31}
goals:
  - {id: top, title: Top, owner: company, period: fy}
  - {id: other, title: Other, owner: company, period: fy}
  - id: mine
    title: Mine
    owner: sales
    period: fy
    contributes_to: [{goal: top, weight: 1000, proposed: true}, {goal: other, proposed: false}]
"""


def test_an_import_carries_proposed_as_written_and_the_export_writes_it_only_where_set(
    lodestar: Callable[..., Run], write_model: Callable[..., Path]
) -> None:
    import_file(lodestar, write_model(PROPOSED))

    stored = GoalContribution.objects.filter(goal_id="mine").order_by("ordinal")
    exported = lodestar("export").out

    assert list(stored.values_list("parent_id", "proposed")) == [("top", True), ("other", False)]
    assert parse_yaml(exported)["goals"][2]["contributes_to"] == [
        {"goal": "top", "weight": 1000, "proposed": True},
        {"goal": "other"},
    ]
    assert "proposed: false" not in exported
    import_file(lodestar, write_model(exported, name="exported.yaml"))
    assert lodestar("export").out == exported
