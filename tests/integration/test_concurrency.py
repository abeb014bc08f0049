"""Concurrent writes through `lodestar serve` with 3 workers, on the database kind of this run.

The server gets a database of its own, of the kind this run uses (tests/integration/processes.py).
Each round fires 20 check-ins on one key result and two saves of one goal based on the same
version, all at once: every check-in is stored exactly once, one save lands (200) and the other
is refused as stale (409), and no request ends in a 5xx.
"""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from lodestar.lib.clock import today
from tests.conftest import EXAMPLE
from tests.integration.processes import run_lodestar_process, serve_environment, serving

ROUNDS = 20
CHECK_INS = 20
WORKERS = 3
REQUEST_TIMEOUT = 60.0
ADMIN = "admin@example.com"
KEY_RESULT = "web-mqls"
GOAL = "more-leads"


@dataclass(frozen=True)
class Answer:
    status: int
    body: str


def request(port: int, method: str, path: str, token: str, body: dict[str, Any] | None = None) -> Answer:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        response = connection.getresponse()
        return Answer(response.status, response.read().decode("utf-8", "replace"))
    finally:
        connection.close()


@dataclass
class Server:
    port: int
    token: str


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[Server]:
    """`lodestar serve` with 3 workers over the spec's example model, and an admin's API token."""
    environment = serve_environment(database_url, tmp_path, workers=WORKERS)
    run_lodestar_process(environment, "import", str(EXAMPLE))
    run_lodestar_process(
        environment, "users", "add", ADMIN, "--role", "admin", "--person", "jo", "--password-stdin", stdin="x" * 20
    )
    token = run_lodestar_process(environment, "tokens", "create", ADMIN).strip()
    with serving(environment, tmp_path) as port:
        yield Server(port=port, token=token)


def _all_at_once(calls: list[tuple[str, str, dict[str, Any]]], server: Server) -> list[Answer]:
    """Send every call from its own thread, released together."""
    answers: list[Answer | None] = [None] * len(calls)
    start = threading.Barrier(len(calls))

    def send(index: int) -> None:
        method, path, body = calls[index]
        start.wait(timeout=REQUEST_TIMEOUT)
        try:
            answers[index] = request(server.port, method, path, server.token, body)
        except OSError as error:
            answers[index] = Answer(0, f"{type(error).__name__}: {error}")

    threads = [threading.Thread(target=send, args=(index,)) for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT * 2)
    assert not any(thread.is_alive() for thread in threads), "a request did not finish"
    return [answer for answer in answers if answer is not None]


def _goal_version(server: Server) -> int:
    answer = request(server.port, "GET", f"/api/v1/goals/{GOAL}", server.token)
    assert answer.status == 200, answer.body
    version: int = json.loads(answer.body)["version"]
    return version


def test_parallel_check_ins_are_each_stored_once_and_of_two_parallel_saves_one_lands(server: Server) -> None:
    date = today().isoformat()
    failures: list[str] = []
    save_statuses: list[list[int]] = []
    for round_number in range(ROUNDS):
        version = _goal_version(server)
        check_ins = [
            (
                "POST",
                f"/api/v1/key-results/{KEY_RESULT}/check-ins",
                {"date": date, "confidence": 7, "note": f"round {round_number} check-in {index}"},
            )
            for index in range(CHECK_INS)
        ]
        saves = [
            ("PATCH", f"/api/v1/goals/{GOAL}", {"version": version, "title": f"Round {round_number} save {index}"})
            for index in range(2)
        ]
        answers = _all_at_once(check_ins + saves, server)
        failures += [
            f"round {round_number}: {answer.status} {answer.body[:200]}"
            for answer in answers[:CHECK_INS]
            if answer.status != 201
        ]
        save_statuses.append(sorted(answer.status for answer in answers[CHECK_INS:]))

    assert failures == []
    assert save_statuses == [[200, 409]] * ROUNDS
    stored = request(server.port, "GET", f"/api/v1/key-results/{KEY_RESULT}", server.token)
    notes = [check_in.get("note", "") for check_in in json.loads(stored.body)["check_ins"]]
    expected = [f"round {r} check-in {i}" for r in range(ROUNDS) for i in range(CHECK_INS)]
    assert sorted(note for note in notes if note.startswith("round ")) == sorted(expected)
    assert _goal_version(server) == 1 + ROUNDS
