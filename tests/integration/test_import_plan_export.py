"""`lodestar import`, `plan` and `export`: what they change, what they report, where they write."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lodestar.lib.limits import NAME_MAX
from lodestar.modelfile.yaml_io import parse_yaml
from tests.conftest import EXAMPLE, Run

EVERY_KEY = Path(__file__).parents[1] / "conformance" / "files" / "every-key.yaml"
NO_MODEL = "error: no model has been imported yet"


@pytest.fixture
def imported(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], example_document: dict[str, Any]
) -> dict[str, Any]:
    """The spec example, imported; returns the document for a test to change."""
    run = lodestar("import", str(write_model(example_document, name="stored.yaml")))
    assert run.code == 0, run.err
    return example_document


def without_revision(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "revision"}


def plan_lines(run: Run) -> list[str]:
    """The plan's lines without blank lines."""
    return [line for line in run.out.splitlines() if line.strip()]


def test_plan_shows_a_changed_goal_title_as_a_change_of_that_goal(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], imported: dict[str, Any]
) -> None:
    imported["goals"][0]["title"] = "More leads"

    run = lodestar("plan", str(write_model(imported)))

    assert run.code == 0
    assert plan_lines(run) == [
        "Plan: 0 to add, 1 to change, 0 to remove.",
        "goals:",
        '  ~ goals[more-leads].title: "More qualified leads from the web" → "More leads"',
    ]


def test_plan_shows_a_removed_person(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], imported: dict[str, Any]
) -> None:
    stored = {**imported, "people": [*imported["people"], {"id": "kim", "name": "Kim Novak", "unit": "mkt"}]}
    assert lodestar("import", str(write_model(stored, name="with-kim.yaml"))).code == 0

    run = lodestar("plan", str(write_model(imported)))

    assert plan_lines(run) == ["Plan: 0 to add, 0 to change, 1 to remove.", "people:", "  - kim"]


def test_plan_shows_an_added_key_result_without_changing_its_goal(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], imported: dict[str, Any]
) -> None:
    imported["goals"][1]["key_results"].append(
        {"id": "tagged-pages", "title": "Tagged pages", "baseline": 10, "target": 95}
    )

    run = lodestar("plan", str(write_model(imported)))

    assert plan_lines(run) == ["Plan: 1 to add, 0 to change, 0 to remove.", "key_results:", "  + tagged-pages"]


def test_plan_shows_each_changed_field_of_a_key_result(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], imported: dict[str, Any]
) -> None:
    web_mqls = imported["goals"][0]["key_results"][0]
    web_mqls["target"] = 320
    web_mqls["measurements"].append({"date": "2026-09-30", "value": 260})

    run = lodestar("plan", str(write_model(imported)))

    assert plan_lines(run) == [
        "Plan: 0 to add, 1 to change, 0 to remove.",
        "key_results:",
        "  ~ key_results[web-mqls].target: 300 → 320",
        "  ~ key_results[web-mqls].measurements: 1 added",
    ]


def test_plan_as_json_lists_each_change(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], imported: dict[str, Any]
) -> None:
    imported["goals"][0]["title"] = "More leads"
    imported["locations"].append({"id": "plant", "name": "Plant"})
    imported["units"][4]["location"] = "plant"

    run = lodestar("plan", "--format", "json", str(write_model(imported)))

    assert json.loads(run.out) == {
        "add": 1,
        "change": 2,
        "remove": 0,
        "changes": [
            {"collection": "locations", "id": "plant", "action": "add", "fields": []},
            {
                "collection": "units",
                "id": "mkt",
                "action": "change",
                "fields": ["location"],
                "details": [{"path": "units[mkt].location", "before": "hq", "after": "plant"}],
            },
            {
                "collection": "goals",
                "id": "more-leads",
                "action": "change",
                "fields": ["title"],
                "details": [
                    {
                        "path": "goals[more-leads].title",
                        "before": "More qualified leads from the web",
                        "after": "More leads",
                    }
                ],
            },
        ],
        "removes": {"measurements": 0, "check_ins": 0},
        "revision": {"file": None, "known": False},
        "kept": {},
        "conflicts": [],
        "forced": False,
    }


def test_plan_writes_nothing(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], imported: dict[str, Any]
) -> None:
    before = lodestar("export").out
    imported["goals"][0]["title"] = "More leads"
    del imported["people"][1]["competencies"]

    assert lodestar("plan", str(write_model(imported))).code == 0

    assert lodestar("export").out == before


def test_plan_of_the_stored_model_finds_no_changes(lodestar: Callable[..., Run], imported: dict[str, Any]) -> None:
    run = lodestar("plan", str(EXAMPLE))

    assert (run.code, run.out.strip()) == (0, "No changes: the stored model already equals the file.")


def test_plan_on_an_empty_database_adds_everything(lodestar: Callable[..., Run]) -> None:
    run = lodestar("plan", "--format", "json", str(EXAMPLE))

    plan = json.loads(run.out)
    assert (plan["add"], plan["change"], plan["remove"]) == (21, 0, 0)
    assert {change["action"] for change in plan["changes"]} == {"add"}


def test_import_prints_the_plan_it_applied(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], imported: dict[str, Any]
) -> None:
    imported["goals"][0]["title"] = "More leads"
    path = write_model(imported)

    run = lodestar("import", str(path))

    assert run.code == 0
    assert plan_lines(run) == [
        "Plan: 0 to add, 1 to change, 0 to remove.",
        "goals:",
        '  ~ goals[more-leads].title: "More qualified leads from the web" → "More leads"',
        f"Imported {path}.",
    ]


def test_import_applies_a_change(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], imported: dict[str, Any]
) -> None:
    imported["goals"][0]["title"] = "More leads"

    assert lodestar("import", str(write_model(imported))).code == 0

    assert parse_yaml(lodestar("export").out)["goals"][0]["title"] == "More leads"


def test_import_removes_what_the_file_no_longer_holds(lodestar: Callable[..., Run]) -> None:
    assert lodestar("import", str(EVERY_KEY)).code == 0

    assert lodestar("import", str(EXAMPLE)).code == 0

    assert without_revision(parse_yaml(lodestar("export").out)) == parse_yaml(EXAMPLE.read_text(encoding="utf-8"))


def test_import_removes_a_key_result_and_its_measurements(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], imported: dict[str, Any]
) -> None:
    del imported["goals"][0]["key_results"][0]

    run = lodestar("import", str(write_model(imported)))

    assert "  - web-mqls" in run.out
    exported = lodestar("export").out
    assert "web-mqls" not in exported
    assert "2026-06-30" not in exported  # its measurement went with it


def test_import_removes_an_optional_value_left_out_of_the_file(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], imported: dict[str, Any]
) -> None:
    del imported["units"][4]["location"]

    assert lodestar("import", str(write_model(imported))).code == 0

    assert "location" not in parse_yaml(lodestar("export").out)["units"][4]


def test_import_as_json_reports_the_counts(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], imported: dict[str, Any]
) -> None:
    imported["periods"].append({"id": "fy2027", "start": "2027-01-01", "end": "2027-12-31"})

    run = lodestar("import", "--format", "json", str(write_model(imported)))

    assert json.loads(run.out)["changes"] == [{"collection": "periods", "id": "fy2027", "action": "add", "fields": []}]


def test_an_organization_without_currency_is_exported_with_eur(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], example_document: dict[str, Any]
) -> None:
    del example_document["organization"]["currency"]

    assert lodestar("import", str(write_model(example_document))).code == 0

    assert parse_yaml(lodestar("export").out)["organization"]["currency"] == "EUR"


def test_export_to_a_file_writes_what_it_would_print(
    lodestar: Callable[..., Run], imported: dict[str, Any], tmp_path: Path
) -> None:
    target = tmp_path / "exported.yaml"

    run = lodestar("export", str(target))

    assert (run.code, run.out, run.err.strip()) == (0, "", f"Wrote {target}.")
    assert target.read_text(encoding="utf-8") == lodestar("export").out


def test_export_to_a_directory_that_does_not_exist_exits_2(
    lodestar: Callable[..., Run], imported: dict[str, Any], tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "exported.yaml"

    run = lodestar("export", str(target))

    assert run.code == 2
    assert f"error: cannot write {target}: No such file or directory" in run.err
    assert not target.exists()


def test_export_without_a_model_exits_2_and_says_how_to_get_one(lodestar: Callable[..., Run]) -> None:
    run = lodestar("export")

    assert (run.code, run.out) == (2, "")
    assert "no model has been imported yet: run `lodestar import FILE`" in run.err


def test_export_to_a_file_without_a_model_writes_no_file(lodestar: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "exported.yaml"

    assert lodestar("export", str(target)).code == 2

    assert not target.exists()


# --- a fresh database: every command creates the tables it needs ---


def run_fresh(database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `lodestar ARGS` in a new process against the SQLite file `database`."""
    environment = {**os.environ, "LODESTAR_DATABASE_URL": f"sqlite:///{database}"}
    return subprocess.run(
        [sys.executable, "-m", "lodestar.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=database.parent,
        timeout=120,
        check=False,
    )


def tables(database: Path) -> set[str]:
    with sqlite3.connect(database) as connection:
        return {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


FRESH_COMMANDS = [
    pytest.param(("export",), 2, NO_MODEL, id="export"),
    pytest.param(("status",), 2, NO_MODEL, id="status"),
    pytest.param(("check",), 2, NO_MODEL, id="check"),
    pytest.param(("roles",), 2, NO_MODEL, id="roles"),
    pytest.param(("plan", str(EXAMPLE)), 0, "", id="plan"),
    pytest.param(("import", str(EXAMPLE)), 0, "", id="import"),
]


@pytest.mark.parametrize(("args", "code", "message"), FRESH_COMMANDS)
def test_a_command_on_a_fresh_database_creates_the_tables(
    tmp_path: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    database = tmp_path / "fresh.sqlite3"

    done = run_fresh(database, *args)

    assert done.returncode == code, done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert {"django_migrations", "org_unit", "goals_goal"} <= tables(database)


def test_a_fresh_database_takes_an_import_and_answers_every_command(tmp_path: Path) -> None:
    database = tmp_path / "fresh.sqlite3"

    assert run_fresh(database, "import", str(EVERY_KEY)).returncode == 0

    exported = parse_yaml(run_fresh(database, "export").stdout)
    assert exported.pop("revision") != parse_yaml(EVERY_KEY.read_text(encoding="utf-8"))["revision"]
    assert exported == without_revision(parse_yaml(EVERY_KEY.read_text(encoding="utf-8")))
    assert run_fresh(database, "status", "--as-of", "2026-06-30", "--format", "json").returncode == 0
    assert run_fresh(database, "check", "--as-of", "2026-06-30").returncode == 1
    assert run_fresh(database, "roles").returncode == 0


# --- importing over another model gives what a fresh import gives ---


def swap_hierarchy(document: dict[str, Any]) -> None:
    parents = {"mkt": "group", "ms": "mkt", "agency": "mkt"}
    for unit in document["units"]:
        unit["parent"] = parents.get(unit["id"], unit.get("parent"))


def turn_a_person_into_a_unit(document: dict[str, Any]) -> None:
    document["people"] = [person for person in document["people"] if person["id"] != "dev"]
    del document["units"][6]["lead"]
    # The KPI `quote-time` keeps its owner "dev", which now names the unit.
    document["units"].append({"id": "dev", "name": "Development", "kind": "adjacent", "parent": "group"})
    document["scenarios"][0]["people"].pop(1)  # the scenario changes the person dev


def move_a_key_result_to_another_goal(document: dict[str, Any]) -> None:
    moved = document["goals"][0]["key_results"].pop(1)
    document["goals"][2]["key_results"].append(moved)
    document["goals"][1]["period"] = "fy2026"


def reverse_a_contribution(document: dict[str, Any]) -> None:
    del document["goals"][1]["contributes_to"]
    document["goals"][0]["contributes_to"] = [{"goal": "web-conversion", "weight": 3}]
    document["goals"][2]["contributes_to"] = [{"goal": "web-conversion"}]


def empty_every_list(document: dict[str, Any]) -> None:
    for key in (
        "locations",
        "people",
        "role_profiles",
        "vision",
        "tasks",
        "dependencies",
        "competencies",
        "touchpoints",
        "periods",
        "goals",
        "kpis",
        "mission",
        "scenarios",
    ):
        del document[key]
    document["units"] = [{"id": "group", "name": "Nordlicht Pumps AG", "kind": "company"}]


@pytest.mark.parametrize(
    "change",
    [
        swap_hierarchy,
        turn_a_person_into_a_unit,
        move_a_key_result_to_another_goal,
        reverse_a_contribution,
        empty_every_list,
    ],
)
def test_importing_over_a_model_stores_what_a_fresh_import_stores(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], change: Callable[[dict[str, Any]], None]
) -> None:
    document = parse_yaml(EVERY_KEY.read_text(encoding="utf-8"))
    change(document)
    path = write_model(document)
    assert lodestar("import", str(path)).code == 0
    fresh = lodestar("export").out
    assert lodestar("import", str(EVERY_KEY)).code == 0

    run = lodestar("import", str(path))

    assert run.code == 0, run.err
    assert lodestar("export").out == fresh


def test_a_long_text_keeps_every_character(lodestar: Callable[..., Run], write_model: Callable[..., Path]) -> None:
    document = parse_yaml(EVERY_KEY.read_text(encoding="utf-8"))
    long = ("A name that goes on and on " * 40)[:NAME_MAX]  # as long as a name may be
    document["units"][4]["name"] = long
    document["goals"][0]["key_results"][0]["title"] = long
    document["goals"][0]["key_results"][0]["measurements"][0]["source"] = long
    document["touchpoints"][0]["channel"] = long
    assert lodestar("import", str(write_model(document))).code == 0

    exported = parse_yaml(lodestar("export").out)

    assert exported["units"][4]["name"] == long
    assert exported["goals"][0]["key_results"][0]["title"] == long
    assert exported["goals"][0]["key_results"][0]["measurements"][0]["source"] == long
    assert exported["touchpoints"][0]["channel"] == long


def test_plan_shows_the_removal_of_one_of_two_dependencies_about_the_same_thing(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], imported: dict[str, Any]
) -> None:
    second = {**imported["dependencies"][0], "kind": "approval", "now": 2, "target": 4}
    stored = {**imported, "dependencies": [*imported["dependencies"], second]}
    assert lodestar("import", str(write_model(stored, name="two.yaml"))).code == 0

    run = lodestar("plan", "--format", "json", str(write_model(imported)))

    assert (json.loads(run.out)["change"], json.loads(run.out)["remove"]) == (0, 1)
