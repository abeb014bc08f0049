"""User text printed on the terminal cannot carry escape sequences, in any command.

The demo organization is imported with an escape sequence, a bell, DEL and a C1 control (CSI)
in every name and title; each command that prints model text, or text users typed, must print
none of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from lodestar.goals.models import KeyResult
from tests.conftest import Run
from tests.integration.warehouse import demo_warehouse as demo_warehouse  # noqa: PLC0414 - a fixture

TODAY = "2026-06-30"
EVIL = "Evil\x1b]0;owned\x07 \x1b[2J\x9b31m\x7f"
SHOWN = "Evil]0;owned [2J31m"
CONTROLS = ("\x1b", "\x07", "\x9b", "\x7f")


@pytest.fixture(autouse=True)
def in_a_scratch_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def hostile(document: dict[str, Any]) -> dict[str, Any]:
    """The document with EVIL in front of every name and title, and a task without an accountable unit."""
    document["organization"]["name"] = EVIL + document["organization"]["name"]
    for section in ("units", "people", "tasks", "competencies", "touchpoints", "kpis", "locations"):
        for item in document.get(section) or []:
            item["name"] = EVIL + item["name"]
    for goal in document["goals"]:
        goal["title"] = EVIL + goal["title"]
        for kr in goal.get("key_results") or []:
            kr["title"] = EVIL + kr["title"]
            for check_in in kr.get("check_ins") or []:
                if check_in.get("note"):
                    check_in["note"] = EVIL + check_in["note"]
    document["tasks"][0].pop("accountable", None)
    return document


def assert_clean(text: str) -> None:
    found = [control for control in CONTROLS if control in text]
    assert found == [], text[:2000]


@pytest.fixture
def imported(lodestar: Callable[..., Run], tmp_path: Path) -> Path:
    """The hostile demo, imported; the path of its model file."""
    target = tmp_path / "demo.yaml"
    assert lodestar("demo", "--today", TODAY, "--export", str(target)).code == 0
    target.write_text(yaml.safe_dump(hostile(yaml.safe_load(target.read_text())), allow_unicode=True))
    run = lodestar("import", str(target))
    assert run.code == 0, run.err
    assert_clean(run.out + run.err)
    return target


def test_status_strips_control_characters_from_a_goal_title(lodestar: Callable[..., Run], imported: Path) -> None:
    out = lodestar("status", "--as-of", TODAY).out
    assert SHOWN in out
    assert_clean(out)


def test_check_strips_them_from_the_names_in_its_findings(lodestar: Callable[..., Run], imported: Path) -> None:
    run = lodestar("check", "--as-of", TODAY)
    assert run.code == 1
    assert f"Task '{SHOWN}" in run.out
    assert_clean(run.out + run.err)


def strings(value: Any) -> list[str]:
    """Every string in a JSON document."""
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return [value] if isinstance(value, str) else []


def test_json_output_escapes_every_control_character_and_keeps_the_text(
    lodestar: Callable[..., Run], imported: Path
) -> None:
    run = lodestar("check", "--as-of", TODAY, "--format", "json")
    assert_clean(run.out)
    assert any(EVIL in text for text in strings(json.loads(run.out)))


def test_plan_and_import_strip_them_from_what_they_list(lodestar: Callable[..., Run], imported: Path) -> None:
    document = yaml.safe_load(imported.read_text())
    document["goals"][0]["title"] = EVIL + " again"
    document["goals"].append({**document["goals"][1], "id": "new\x1b-goal"})
    changed = imported.with_name("changed.yaml")
    changed.write_text(yaml.safe_dump(document, allow_unicode=True))
    for command in ("plan", "import"):
        run = lodestar(command, str(changed))
        assert_clean(run.out + run.err)
    document["goals"].pop()
    changed.write_text(yaml.safe_dump(document, allow_unicode=True))
    for command in ("plan", "import"):
        run = lodestar(command, str(changed))
        assert run.code == 0, run.err
        assert "goals" in run.out
        assert_clean(run.out + run.err)


def test_export_to_the_terminal_writes_them_as_yaml_escapes(lodestar: Callable[..., Run], imported: Path) -> None:
    run = lodestar("export")
    assert run.code == 0
    assert_clean(run.out)
    assert yaml.safe_load(run.out)["goals"][0]["title"].startswith(EVIL)


def test_roles_strips_them_from_unit_names(lodestar: Callable[..., Run], imported: Path) -> None:
    run = lodestar("roles")
    assert SHOWN in run.out
    assert_clean(run.out)


def test_report_prints_nothing_of_them(lodestar: Callable[..., Run], imported: Path, tmp_path: Path) -> None:
    run = lodestar("report", "--as-of", TODAY, "--out", str(tmp_path / "report.html"))
    assert run.code == 0, run.err
    assert_clean(run.out + run.err)
    unit = yaml.safe_load(imported.read_text())["units"][1]["id"]
    run = lodestar("report", "--as-of", TODAY, "--unit", unit, "--out", str(tmp_path / "unit.html"))
    assert run.code == 0, run.err
    assert_clean(run.out + run.err)


def test_users_and_tokens_strip_them_from_what_people_typed(lodestar: Callable[..., Run], imported: Path) -> None:
    assert lodestar("users", "add", "ada@example.com", "--role", "admin").code == 0
    created = lodestar("tokens", "create", "ada@example.com", "--name", EVIL)
    assert created.code == 0
    assert_clean(created.out + created.err)
    for args in (("users", "list"), ("tokens", "list"), ("tokens", "list", "ada@example.com")):
        run = lodestar(*args)
        assert run.code == 0, run.err
        assert_clean(run.out + run.err)
    assert SHOWN in lodestar("tokens", "list").out


def test_an_error_message_strips_them(lodestar: Callable[..., Run], imported: Path) -> None:
    run = lodestar("users", "add", f"{EVIL}@example.com", "--role", "admin")
    assert run.code == 2
    assert_clean(run.out + run.err)
    run = lodestar("report", "--unit", EVIL, "--out", "x.html")
    assert run.code == 2
    assert_clean(run.out + run.err)


def test_metrics_list_and_refresh_strip_them_from_a_binding_and_its_failure(
    lodestar: Callable[..., Run], imported: Path, demo_warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LODESTAR_METRICS_FILE", str(demo_warehouse))
    first, second = KeyResult.objects.order_by("id").values_list("id", flat=True)[:2]
    KeyResult.objects.filter(id=first).update(metric={"id": "mqls", "where": {"channel": EVIL}})
    KeyResult.objects.filter(id=second).update(metric={"id": "mqls", "where": {EVIL: "web"}})
    listing = lodestar("metrics", "list")
    assert "channel=Evil" in listing.out
    assert_clean(listing.out + listing.err)
    refresh = lodestar("metrics", "--verbosity", "2", "refresh", "--as-of", TODAY)
    assert refresh.code == 1
    assert f"key_result:{second}" in refresh.err
    assert_clean(refresh.out + refresh.err)
    as_json = lodestar("metrics", "list", "--format", "json")
    assert_clean(as_json.out)
    assert any(EVIL in text for text in strings(json.loads(as_json.out)))
