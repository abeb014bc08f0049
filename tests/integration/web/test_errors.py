"""Errors in the right shape: JSON on the API, a styled page with a reference id on the web, one line on the CLI."""

from __future__ import annotations

import json
import logging
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db.utils import OperationalError
from django.test import Client

from tests.integration.accounts.cast import ApiAs, BrowserAs

DEAD_DATABASE = "postgresql://nobody@127.0.0.1:1/x"
SECRET = "a deliberate failure in SELECT secret_column FROM secret_table"
REFERENCE = re.compile(r"reference ([0-9a-f]{12})")


def _lodestar(*args: str) -> list[str]:
    return [str(Path(sys.executable).with_name("lodestar")), *args]


def _environment(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "LODESTAR_DATABASE_URL": DEAD_DATABASE,
        "LODESTAR_SECRET_KEY": "k" * 50,
        "LODESTAR_DEBUG": "false",
        "LODESTAR_STATIC_ROOT": str(tmp_path / "static"),
    }


@pytest.mark.parametrize("command", ["status", "migrate"])
def test_an_unreachable_database_is_one_line_on_the_command_line_and_exit_2(tmp_path: Path, command: str) -> None:
    done = subprocess.run(
        _lodestar(command),
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=_environment(tmp_path),
        timeout=120,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error: cannot reach the database")
    assert "127.0.0.1:1" in lines[0]
    assert "Traceback" not in done.stderr


@dataclass
class Served:
    base: str
    process: subprocess.Popen[str]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode()


@pytest.fixture
def served_on_a_dead_database(tmp_path: Path) -> Iterator[Served]:
    """`lodestar serve` on a free loopback port, its database a PostgreSQL server that is not there."""
    port = _free_port()
    process = subprocess.Popen(
        _lodestar("serve", "--port", str(port), "--workers", "1", "--skip-collectstatic"),
        cwd=tmp_path,
        env=_environment(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # until the server answers or has stopped
            if process.poll() is not None:
                output = process.stdout.read() if process.stdout else ""
                pytest.fail(f"lodestar serve stopped with {process.returncode}:\n{output}")
            try:
                _get(f"{base}/healthz")
                break
            except OSError:
                time.sleep(0.1)
        yield Served(base=base, process=process)
    finally:
        process.terminate()
        process.wait(timeout=60)


def test_an_unreachable_database_is_a_503_on_healthz_pages_and_the_api(served_on_a_dead_database: Served) -> None:
    base = served_on_a_dead_database.base
    status, kind, body = _get(f"{base}/healthz")
    assert status == 503
    assert kind.startswith("application/json")
    assert json.loads(body)["status"] == "unavailable"

    status, kind, body = _get(f"{base}/", headers={"Cookie": "sessionid=abcdefghijklmnopqrstuvwxyz012345"})
    assert status == 503
    assert kind.startswith("text/html")
    assert "<h1>Database unavailable</h1>" in body
    assert "lodestar.css" in body
    assert "Traceback" not in body and "psycopg" not in body

    status, kind, body = _get(f"{base}/api/v1/status", headers={"Authorization": f"Bearer ls_{'0' * 12}_{'x' * 43}"})
    assert status == 503
    assert kind.startswith("application/json")
    error = json.loads(body)
    assert set(error) == {"error", "details"}
    assert "database" in error["error"]
    assert "psycopg" not in body and "127.0.0.1" not in body


def test_healthz_answers_ok_when_the_database_answers(db: None) -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_answers_503_when_the_database_fails(db: None) -> None:
    failing = mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("gone"))
    with failing:
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "reason": "the database cannot be reached"}


def test_an_unexpected_exception_in_the_api_is_a_json_500_with_a_reference_in_the_log(
    api_as: ApiAs, caplog: pytest.LogCaptureFixture
) -> None:
    api = api_as("admin")
    api.client.raise_request_exception = False
    with (
        caplog.at_level(logging.ERROR),
        mock.patch("lodestar.api.routes_model.status_json", side_effect=RuntimeError(SECRET)),
    ):
        response = api.get("/status")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    error = response.json()
    assert set(error) == {"error", "details"}
    assert SECRET not in response.content.decode()
    found = REFERENCE.search(error["error"])
    assert found is not None, error
    logged = [record for record in caplog.records if found.group(1) in record.getMessage()]
    assert logged and logged[0].exc_info is not None
    assert SECRET in str(logged[0].exc_info[1])


def test_a_page_that_fails_shows_the_styled_error_page_with_the_reference_in_the_log(
    browser_as: BrowserAs, caplog: pytest.LogCaptureFixture
) -> None:
    client = browser_as("sam")
    client.raise_request_exception = False
    with (
        caplog.at_level(logging.ERROR),
        mock.patch("lodestar.web.overview.views.snapshot_of", side_effect=RuntimeError(SECRET)),
    ):
        response = client.get("/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "<h1>Server error</h1>" in body
    assert "lodestar.css" in body
    assert SECRET not in body and "Traceback" not in body
    found = REFERENCE.search(body)
    assert found is not None, body
    logged = [record for record in caplog.records if found.group(1) in record.getMessage()]
    assert len(logged) == 1 and logged[0].exc_info is not None


def test_a_failure_outside_the_api_views_is_still_json_on_the_api(
    api_as: ApiAs, caplog: pytest.LogCaptureFixture
) -> None:
    api = api_as("admin")
    api.client.raise_request_exception = False
    with (
        caplog.at_level(logging.ERROR),
        mock.patch("lodestar.web.middleware.parse_day", side_effect=RuntimeError(SECRET)),
    ):
        response = api.get("/status", as_of="2026-07-01")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert REFERENCE.search(response.json()["error"]) is not None
    assert SECRET not in response.content.decode()


@pytest.mark.parametrize("page", ["9" * 30, "9" * 5000, "100001"])
def test_a_huge_audit_page_number_is_refused_not_a_500(browser_as: BrowserAs, page: str) -> None:
    client = browser_as("admin")
    client.raise_request_exception = False
    response = client.get("/admin/audit/", {"page": page})
    assert response.status_code == 400
    assert "page must be a whole number from 1 to 100000" in response.content.decode()


def test_the_last_allowed_audit_page_is_an_empty_page(browser_as: BrowserAs) -> None:
    response = browser_as("admin").get("/admin/audit/", {"page": "100000"})
    assert response.status_code == 200


def test_a_method_the_api_does_not_allow_is_a_json_405(api_as: ApiAs) -> None:
    api = api_as("admin")
    response = api.client.put("/api/v1/status", headers=api.headers)
    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"error": "method not allowed", "details": []}
    assert "GET" in response["Allow"]


def test_an_unknown_api_path_is_a_json_404(api_as: ApiAs) -> None:
    response = api_as("admin").get("/no-such-resource")
    assert response.status_code == 404
    assert response.json() == {"error": "not found", "details": []}


def test_the_json_405_keeps_the_security_headers(api_as: ApiAs) -> None:
    api = api_as("admin")
    response = api.client.delete("/api/v1/status", headers=api.headers)
    assert response.status_code == 405
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("error", "status"), [(SuspiciousOperation("odd header"), 400), (PermissionDenied("no"), 403)], ids=str
)
def test_django_s_own_refusals_in_an_api_handler_are_json_not_500(api_as: ApiAs, error: Exception, status: int) -> None:
    api = api_as("admin")
    with mock.patch("lodestar.api.routes_model.status_json", side_effect=error):
        response = api.get("/status")
    assert response.status_code == status
    assert set(response.json()) == {"error", "details"}
