"""The e-mail and time-zone settings as a process meets them: refused in one line, or the console by default."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.integration.notifications.model import AS_OF, MODEL

TIMEOUT = 300


def run(environment: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lodestar.cli", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("LODESTAR_EMAIL_URL", "ftp://mail.example.com", "error: LODESTAR_EMAIL_URL: unsupported scheme 'ftp'"),
        ("LODESTAR_EMAIL_FROM", "nobody", "error: LODESTAR_EMAIL_FROM: 'nobody' is not a sender"),
        ("LODESTAR_BASE_URL", "goals.example.com", "error: LODESTAR_BASE_URL: 'goals.example.com' is not an address"),
        ("LODESTAR_TIME_ZONE", "Mars/Olympus", "error: LODESTAR_TIME_ZONE: 'Mars/Olympus' is not a time zone"),
    ],
)
def test_a_setting_lodestar_cannot_use_stops_every_command_with_one_line_and_exit_2(
    tmp_path: Path, name: str, value: str, message: str
) -> None:
    environment = {**os.environ, "LODESTAR_DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}", name: value}

    done = run(environment, "remind", "--dry-run")

    assert done.returncode == 2
    assert done.stderr.startswith(message), done.stderr
    assert "Traceback" not in done.stderr


def test_by_default_a_real_run_writes_the_messages_to_the_terminal_beside_its_report(
    database_url: str, tmp_path: Path
) -> None:
    environment = {key: value for key, value in os.environ.items() if key != "LODESTAR_EMAIL_URL"}
    environment["LODESTAR_DATABASE_URL"] = database_url
    model = tmp_path / "model.yaml"
    model.write_text(yaml.safe_dump(MODEL, sort_keys=False), encoding="utf-8")
    assert run(environment, "import", str(model)).returncode == 0

    done = run(environment, "remind", "--as-of", AS_OF.isoformat(), "--format", "json")

    assert done.returncode == 0, done.stderr
    assert [item["person"] for item in json.loads(done.stdout)["reminders"]] == ["lea", "max"]
    assert "To: lea@example.com" in done.stderr
    assert "Content-Type: text/html" in done.stderr
