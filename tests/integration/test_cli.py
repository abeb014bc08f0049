"""The `lodestar` command as a user meets it: help, version, demo, status text, roles text."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml

from lodestar import __version__
from lodestar.demo.organization import demo_document
from lodestar.modelfile.plan import plan_additions, plan_changes
from lodestar.modelfile.validate import validate_document
from tests.conftest import Run

TODAY = "2026-06-30"


@pytest.fixture(autouse=True)
def in_a_scratch_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`lodestar demo` writes its warehouse extract into ./demo-data: keep it out of the checkout."""
    monkeypatch.chdir(tmp_path)


def test_version_prints_the_package_version(lodestar: Callable[..., Run]) -> None:
    run = lodestar("--version")
    assert run.code == 0
    assert run.out.strip() == f"lodestar {__version__}"


def test_help_lists_lodestars_commands_before_djangos(lodestar: Callable[..., Run]) -> None:
    out = lodestar("--help").out
    for command in ("import", "plan", "export", "status", "check", "roles", "demo"):
        assert f"\n  {command} " in out
    assert out.index("Lodestar commands:") < out.index("Django commands:")
    assert out.index("  status ") < out.index("Django commands:")


def test_the_installed_console_script_runs(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("lodestar")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0
    assert __version__ in done.stdout


def test_demo_loads_an_organization_with_goals(lodestar: Callable[..., Run]) -> None:
    run = lodestar("demo", "--today", TODAY)
    assert run.code == 0, run.err
    assert "Loaded the demo organization" in run.out
    status = json.loads(lodestar("status", "--as-of", TODAY, "--format", "json").out)
    assert len(status["goals"]) >= 40
    statuses = {goal["status"] for goal in status["goals"]}
    assert {"on_track", "at_risk", "off_track", "achieved"} <= statuses


def test_the_demo_shows_some_health_check_findings_but_not_every_code(lodestar: Callable[..., Run]) -> None:
    lodestar("demo", "--today", TODAY)
    run = lodestar("check", "--as-of", TODAY, "--format", "json")
    codes = {finding["code"] for finding in json.loads(run.out)["findings"]}
    assert run.code == 1
    assert 3 <= len(codes) < 15


def test_demo_export_writes_a_file_that_imports_cleanly(lodestar: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "demo.yaml"
    run = lodestar("demo", "--today", TODAY, "--export", str(target))
    assert run.code == 0, run.err
    assert yaml.safe_load(target.read_text())["lodestar"] == 1
    assert lodestar("import", str(target)).code == 0
    assert lodestar("export").out == target.read_text()


def test_demo_dates_follow_today(lodestar: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "demo.yaml"
    lodestar("demo", "--today", "2031-03-15", "--export", str(target))
    periods = yaml.safe_load(target.read_text())["periods"]
    assert any(str(period["start"]) == "2031-01-01" for period in periods)


def test_status_text_draws_a_tree_with_bars_and_no_colour_when_piped(lodestar: Callable[..., Run]) -> None:
    lodestar("demo", "--today", TODAY)
    out = lodestar("status", "--as-of", TODAY).out
    assert out.startswith("Mission: ")
    assert "█" in out
    assert "┃" in out or "╋" in out
    assert "\033[" not in out
    assert "    " in out.split("\n")[4] or any(line.startswith("    ") for line in out.splitlines())


def test_status_for_a_unit_shows_only_its_goals(lodestar: Callable[..., Run]) -> None:
    lodestar("demo", "--today", TODAY)
    everything = json.loads(lodestar("status", "--as-of", TODAY, "--format", "json").out)
    unit = json.loads(lodestar("status", "--as-of", TODAY, "--format", "json", "--unit", "sales").out)
    assert 0 < len(unit["goals"]) < len(everything["goals"])
    goal_ids = {goal["id"] for goal in unit["goals"]}
    assert all(kr["goal"] in goal_ids for kr in unit["key_results"])


def test_status_for_an_unknown_unit_exits_2(lodestar: Callable[..., Run]) -> None:
    lodestar("demo", "--today", TODAY)
    run = lodestar("status", "--unit", "nowhere")
    assert run.code == 2
    assert "unknown unit 'nowhere'" in run.err


def test_check_text_groups_findings_by_code_with_a_hint(lodestar: Callable[..., Run]) -> None:
    lodestar("demo", "--today", TODAY)
    out = lodestar("check", "--as-of", TODAY).out
    assert "LS010  Reduce the unit's interfaces" in out
    assert "  unit:it: " in out


def test_roles_text_names_the_nearest_archetypes(lodestar: Callable[..., Run]) -> None:
    lodestar("demo", "--today", TODAY)
    out = lodestar("roles").out
    assert "as-is : " in out
    assert "target: " in out
    assert "strategy" in out


def test_status_without_a_model_says_how_to_get_one(lodestar: Callable[..., Run]) -> None:
    run = lodestar("status")
    assert run.code == 2
    assert "lodestar import FILE" in run.err


def test_the_plan_for_an_empty_database_equals_the_diff_against_nothing() -> None:
    model = validate_document(demo_document(date(2026, 6, 30)))
    assert plan_additions(model).changes == plan_changes(None, model).changes


def test_a_generated_organization_is_valid_and_sized_as_asked(lodestar: Callable[..., Run]) -> None:
    run = lodestar("demo", "--people", "200", "--today", TODAY)
    assert run.code == 0, run.err
    assert "200 people" in run.out
