"""Every command that takes a date refuses one outside 1900–2200 with one clear line and exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunLodestar
from tests.integration.accounts.cast import org  # noqa: F401 - a fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("org")]

COMMANDS = {
    "status": ("status", "--as-of"),
    "check": ("check", "--as-of"),
    "report": ("report", "--out", "report.html", "--as-of"),
    "metrics refresh": ("metrics", "--metrics", "metrics.yaml", "refresh", "--as-of"),
    "metrics values --from": ("metrics", "--metrics", "metrics.yaml", "values", "mqls", "--to", "2026-01-01", "--from"),
    "demo --today": ("demo", "--today"),
}


@pytest.fixture(autouse=True)
def in_a_scratch_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_date_outside_1900_to_2200_is_one_line_and_exit_2(lodestar: RunLodestar, command: str, day: str) -> None:
    run = lodestar(*COMMANDS[command], day)
    assert run.code == 2
    assert run.out == ""
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert f"{day} is out of range: dates are from 1900-01-01 to 2200-12-31" in lines[0]


@pytest.mark.parametrize("command", ["status", "check", "metrics refresh"])
def test_a_date_that_is_not_one_is_one_line_too(lodestar: RunLodestar, command: str) -> None:
    run = lodestar(*COMMANDS[command], "2026-13-01")
    assert run.code == 2
    assert run.err.strip().splitlines() == [run.err.strip()]
    assert "'2026-13-01' is not a date" in run.err


@pytest.mark.parametrize("day", ["1900-01-01", "2200-12-31"])
def test_the_first_and_the_last_day_are_taken(lodestar: RunLodestar, day: str) -> None:
    run = lodestar("status", "--as-of", day)
    assert run.code == 0, run.err
    assert day in run.out
