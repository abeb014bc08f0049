"""schemathesis over the OpenAPI document that `lodestar serve` serves: the API does what its document says.

`lodestar serve` runs on loopback over a database of its own, of the kind this run uses
(tests/integration/processes.py), holding `tests/conformance/files/every-key.yaml` (every entity kind,
every key) and two users: an admin and a member who leads Marketing (`ben`). The test reads
`/api/v1/openapi.json` from the server and, with each user's token, runs every operation of it:

- before each operation that follows a write that succeeded, the store is put back to the file
  (model_keeper.py), so that a DELETE or a PATCH never leaves the next operation with nothing
  to act on;
- each operation gets `EXAMPLES` cases of valid input and as many of input that breaks its
  schema (derandomized, no deadline, no shrinking). About half of them name what exists: the
  path parameters an entity of the file (an id, a row, a measurement's date), and the
  references of a valid body (`owner`, `period`, `goal`, `unit`, ...) ids of the file, so that
  creates and check-ins get past their references and their answers are checked too;
- each answer is checked: no 5xx (`not_a_server_error`), a status code the operation documents
  (`status_code_conformance`), a documented content type and a body that conforms to the
  documented schema (`content_type_conformance`, `response_schema_conformance`); and every
  operation must have been run past the token check.

Every failure of every operation is collected and reported at once. Left out on purpose: the
metrics operations have no metrics file here (they answer their documented 404); a request line
longer than gunicorn's limit is answered by gunicorn (414, HTML) before Lodestar sees it; and
schemathesis's `negative_data_rejection` is not run, since the API ignores unknown query
parameters, as HTTP APIs do.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.core.result import Err, Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.integration.processes import free_port, process_database, run_lodestar_process, stop

MODEL_FILE = Path(__file__).parents[2] / "conformance" / "files" / "every-key.yaml"
KEEPER = Path(__file__).with_name("model_keeper.py")
# Cases per operation and generation mode (valid input, input that breaks the schema).
EXAMPLES = 5
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
USERS = {"admin": ("admin", "ana"), "member": ("member", "ben")}
START_TIMEOUT = 120.0
REQUEST_TIMEOUT = 60.0
# gunicorn's `limit_request_line`: it answers a longer request line itself, with an HTML 414.
REQUEST_LINE_LIMIT = 4094


@dataclass
class Served:
    """The server's address, each user's token, and the way back to the model file."""

    base_url: str
    token: dict[str, str] = field(repr=False)
    keeper: subprocess.Popen[str]
    operations: list[str] = field(default_factory=list)

    def reset(self) -> None:
        """Import the model file again, as the only model; returns once it is stored."""
        assert self.keeper.stdin is not None and self.keeper.stdout is not None
        self.keeper.stdin.write("reset\n")
        self.keeper.stdin.flush()
        answer = self.keeper.stdout.readline()
        assert answer == "ok\n", f"the model keeper answered {answer!r}"

    def get(self, path: str, role: str = "admin") -> Any:
        headers = {"Authorization": f"Bearer {self.token[role]}"}
        with urllib.request.urlopen(
            urllib.request.Request(f"{self.base_url}{path}", headers=headers), timeout=REQUEST_TIMEOUT
        ) as response:
            return json.loads(response.read())


def _wait_for(base_url: str, process: subprocess.Popen[Any], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        assert process.poll() is None, log.read_text(encoding="utf-8")
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=5):
                return
        except OSError:
            pass
        assert time.monotonic() < deadline, f"lodestar serve did not answer within {START_TIMEOUT:.0f} s"
        time.sleep(0.2)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    directory = tmp_path_factory.mktemp("schemathesis")
    for database_url in process_database(directory):
        environment = {
            **os.environ,
            "LODESTAR_DATABASE_URL": database_url,
            "LODESTAR_WORKERS": "1",
            "LODESTAR_SECRET_KEY": secrets.token_urlsafe(50),
            "LODESTAR_DEBUG": "false",
            "LODESTAR_STATIC_ROOT": str(directory / "static"),
        }
        environment.pop("LODESTAR_METRICS_FILE", None)
        (directory / "static").mkdir()
        run_lodestar_process(environment, "import", "--quiet", str(MODEL_FILE))
        tokens = {}
        for name, (role, person) in USERS.items():
            email = f"{name}@example.com"
            run_lodestar_process(
                environment,
                "users",
                "add",
                email,
                "--role",
                role,
                "--person",
                person,
                "--password-stdin",
                stdin="x" * 20,
            )
            tokens[name] = run_lodestar_process(environment, "tokens", "create", email).strip()
        port = free_port()
        log_path = directory / "serve.log"
        with log_path.open("w", encoding="utf-8") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "lodestar.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
                env=environment,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=directory,
            )
            keeper = subprocess.Popen(
                [sys.executable, str(KEEPER), str(MODEL_FILE)],
                env=environment,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                cwd=directory,
            )
            try:
                base_url = f"http://127.0.0.1:{port}"
                _wait_for(base_url, server, log_path)
                yield Served(base_url=base_url, token=tokens, keeper=keeper)
            finally:
                assert keeper.stdin is not None
                keeper.stdin.close()
                stop(keeper)
                stop(server)


def _existing(served: Served, collection: str) -> dict[str, list[Any]]:
    """Values of path parameters that name entities of the model file, for the paths under /api/v1/COLLECTION."""

    def items(path: str) -> list[Any]:
        found: list[Any] = served.get(f"/api/v1/{path}")["items"]
        return found

    if collection == "goals":
        goals = [goal["id"] for goal in items("goals?limit=500")]
        return {"goal_id": goals, "contributor_id": goals}
    if collection == "key-results":
        key_results = [kr["id"] for kr in items("key-results?limit=500")]
        days = {m["date"] for kr in key_results for m in served.get(f"/api/v1/key-results/{kr}")["measurements"]}
        return {"key_result_id": key_results, "day": sorted(days)}
    if collection in ("vision-answers", "role-profiles", "dependencies"):
        return {"row": [item["id"] for item in items(collection)]}
    if collection in ("tasks", "competencies", "touchpoints"):
        return {"ident": [item["id"] for item in items(collection)]}
    if collection == "people":
        return {
            "person_id": [p["id"] for p in items("people")],
            "competency_id": [c["id"] for c in items("competencies")],
        }
    return {}


def _references(served: Served) -> dict[str, list[str]]:
    """Ids of the model file that a body may refer to, by the body's key (the API cannot change them)."""
    units = [unit["id"] for unit in served.get("/api/v1/units")["items"]]
    people = [person["id"] for person in served.get("/api/v1/people")["items"]]
    goals = served.get("/api/v1/goals?limit=500")["items"]
    return {
        **dict.fromkeys(("scope", "unit", "from", "to", "accountable"), units),
        "owner": units + people,
        "by": people,
        "period": sorted({goal["period"] for goal in goals}),
        "goal": [goal["id"] for goal in goals],
    }


def _referring(case: Any, references: dict[str, str]) -> Any:
    """The case with the references its body has replaced by ids that exist."""
    if isinstance(case.body, dict):
        case.body = {**case.body, **{key: value for key, value in references.items() if key in case.body}}
    return case


def _cases(
    operation: Any, mode: schemathesis.GenerationMode, existing: dict[str, list[Any]], references: dict[str, list[str]]
) -> Any:
    """The generated cases, and as many whose path parameters and (valid) body's references name what exists."""
    names = [parameter.name for parameter in operation.path_parameters]
    if names and all(existing.get(name) for name in names):
        known = st.fixed_dictionaries({name: st.sampled_from(existing[name]) for name in names})
        existing_paths = known.flatmap(
            lambda values: operation.as_strategy(generation_mode=mode, path_parameters=values)
        )
    else:
        existing_paths = operation.as_strategy(generation_mode=mode)
    if mode is schemathesis.GenerationMode.POSITIVE and operation.body:
        ids = st.fixed_dictionaries({key: st.sampled_from(values) for key, values in references.items()})
        existing_paths = st.tuples(existing_paths, ids).map(lambda drawn: _referring(*drawn))
    return st.one_of(operation.as_strategy(generation_mode=mode), existing_paths)


@dataclass
class Outcome:
    """What one operation's cases answered: their statuses, and the distinct failures with a request each."""

    statuses: list[int] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)


def _exercise(
    operation: Any,
    mode: schemathesis.GenerationMode,
    served: Served,
    role: str,
    existing: dict[str, list[Any]],
    references: dict[str, list[str]],
) -> Outcome:
    """Send the operation's cases of one generation mode and check each answer."""
    outcome = Outcome()
    headers = {"Authorization": f"Bearer {served.token[role]}"}

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=_cases(operation, mode, existing, references))
    def run(case: Any) -> None:
        response = case.call(base_url=served.base_url, headers=headers, timeout=REQUEST_TIMEOUT)
        outcome.statuses.append(response.status_code)
        request_line = f"{response.request.method} {response.request.path_url} HTTP/1.1"
        if response.status_code == 414 and len(request_line) > REQUEST_LINE_LIMIT:
            return  # refused by the HTTP server before it reached the API (README, "Errors and monitoring")
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except FailureGroup as group:
            kinds = ", ".join(sorted({type(failure).__name__ for failure in group.exceptions}))
            outcome.failures.setdefault(kinds, f"{operation.label} as {role} ({mode.value}): {group}")

    run()
    return outcome


@pytest.mark.parametrize("role", USERS)
def test_every_operation_answers_as_the_served_openapi_document_says(served: Served, role: str) -> None:
    document = served.get("/api/v1/openapi.json", role)
    results = list(schemathesis.openapi.from_dict(document).get_all_operations())
    assert [str(result.err()) for result in results if isinstance(result, Err)] == []
    operations = [result.ok() for result in results if isinstance(result, Ok)]
    assert len(operations) == sum(len(methods) for methods in document["paths"].values())

    failures: list[str] = []
    statuses: dict[str, list[int]] = {}
    served.reset()  # an earlier test may have changed the store
    references = _references(served)
    changed = False
    for operation in operations:
        if changed:
            served.reset()
        existing = _existing(served, operation.path.split("/")[3])
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
            outcome = _exercise(operation, mode, served, role, existing, references)
            failures += outcome.failures.values()
            statuses.setdefault(operation.label, []).extend(outcome.statuses)
        # A write is one transaction: one that was refused (4xx) left the store as it was.
        answered = statuses[operation.label]
        changed = operation.method.upper() != "GET" and any(200 <= status < 300 for status in answered)

    assert failures == [], "\n\n".join(failures)
    # Each operation was run past the token check, so its own answers were checked.
    assert [label for label, answered in statuses.items() if set(answered) <= {401}] == []
