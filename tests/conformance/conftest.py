"""Fixtures that import a model document and read back `status`, `check` and `roles` as JSON."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from tests.conftest import RunLodestar, WriteModel

Doc = dict[str, Any]


@dataclass
class Status:
    """The parsed output of `lodestar status --format json`, with lookups by id."""

    data: Doc

    def goal(self, id: str) -> Doc:
        return _one(self.data["goals"], id)

    def key_result(self, id: str) -> Doc:
        return _one(self.data["key_results"], id)

    def kpi(self, id: str) -> Doc:
        return _one(self.data["kpis"], id)


def _one(items: list[Doc], id: str) -> Doc:
    matches = [item for item in items if item["id"] == id]
    assert len(matches) == 1, f"expected exactly one entry with id {id!r}, got {matches}"
    return matches[0]


Load = Callable[[Doc | str], None]
StatusAt = Callable[[Doc, datetime.date], Status]
CheckAt = Callable[[Doc, datetime.date], Doc]
FindingsAt = Callable[[Doc, datetime.date], list[tuple[str, str]]]
RolesOf = Callable[[Doc], Doc]


@pytest.fixture
def load(lodestar: RunLodestar, write_model: WriteModel) -> Load:
    """`load(document)` imports a model and fails the test if the import is refused."""

    def load(document: Doc | str) -> None:
        run = lodestar("import", str(write_model(document)))
        assert run.code == 0, f"import refused (exit {run.code}):\n{run.out}\n{run.err}"

    return load


@pytest.fixture
def status(lodestar: RunLodestar, load: Load) -> StatusAt:
    """`status(document, as_of)` imports the document and returns its status as of that date."""

    def status(document: Doc, as_of: datetime.date) -> Status:
        load(document)
        run = lodestar("status", "--format", "json", "--as-of", as_of.isoformat())
        assert run.code == 0, f"status failed (exit {run.code}):\n{run.out}\n{run.err}"
        return Status(json.loads(run.out))

    return status


@pytest.fixture
def check(lodestar: RunLodestar, load: Load) -> CheckAt:
    """`check(document, as_of)` imports the document and returns the parsed `check --format json`."""

    def check(document: Doc, as_of: datetime.date) -> Doc:
        load(document)
        run = lodestar("check", "--format", "json", "--as-of", as_of.isoformat())
        parsed: Doc = json.loads(run.out)
        expected_code = 1 if parsed["findings"] else 0
        assert run.code == expected_code, f"check exited {run.code} with {len(parsed['findings'])} findings"
        return parsed

    return check


@pytest.fixture
def findings(check: CheckAt) -> FindingsAt:
    """`findings(document, as_of)` is the sorted list of (code, subject) the health check reports."""

    def findings(document: Doc, as_of: datetime.date) -> list[tuple[str, str]]:
        return sorted((finding["code"], finding["subject"]) for finding in check(document, as_of)["findings"])

    return findings


@pytest.fixture
def roles(lodestar: RunLodestar, load: Load) -> RolesOf:
    """`roles(document)` imports the document and returns the parsed `roles --format json`."""

    def roles(document: Doc) -> Doc:
        load(document)
        run = lodestar("roles", "--format", "json")
        assert run.code == 0, f"roles failed (exit {run.code}):\n{run.out}\n{run.err}"
        parsed: Doc = json.loads(run.out)
        return parsed

    return roles


@dataclass
class Sent:
    """What `lodestar remind` or `lodestar digest` printed as JSON, and its exit code."""

    code: int
    data: Doc
    err: str


SendAt = Callable[..., Sent]


def _sender(lodestar: RunLodestar, command: str) -> SendAt:
    def send(as_of: datetime.date, *options: str) -> Sent:
        run = lodestar(command, "--format", "json", "--as-of", as_of.isoformat(), *options)
        assert run.code in (0, 1), f"{command} failed (exit {run.code}):\n{run.out}\n{run.err}"
        return Sent(code=run.code, data=json.loads(run.out), err=run.err)

    return send


@pytest.fixture
def remind(lodestar: RunLodestar) -> SendAt:
    """`remind(as_of, *options)` runs `lodestar remind --format json` on the stored model."""
    return _sender(lodestar, "remind")


@pytest.fixture
def digest(lodestar: RunLodestar) -> SendAt:
    """`digest(as_of, *options)` runs `lodestar digest --format json` on the stored model."""
    return _sender(lodestar, "digest")


from tests.conformance.scenario_fixtures import adopted, compared, refused  # noqa: E402, F401  (the scenario fixtures)
