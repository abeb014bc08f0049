"""Fixtures for the scenario conformance tests: compare, adopt and export through the command line."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from typing import Any

import pytest

from lodestar.modelfile.yaml_io import parse_yaml
from tests.conftest import Run, RunLodestar, WriteModel

Doc = dict[str, Any]
CompareAt = Callable[..., Doc]
Adopt = Callable[[Doc, str], Doc]
Refused = Callable[[Doc], list[tuple[str, str]]]


def _import(lodestar: RunLodestar, write_model: WriteModel, document: Doc) -> None:
    run = lodestar("import", str(write_model(document)))
    assert run.code == 0, f"import refused (exit {run.code}):\n{run.out}\n{run.err}"


def errors_of(run: Run) -> list[tuple[str, str]]:
    """The (path, message) pairs a refused command printed, without its closing line."""
    pairs = []
    for line in run.err.splitlines():
        if line and not line.startswith("error: "):
            path, _, message = line.partition(": ")
            pairs.append((path, message))
    return pairs


@pytest.fixture
def compared(lodestar: RunLodestar, write_model: WriteModel) -> CompareAt:
    """`compared(document, *ids, as_of=day)`: imports the document, returns `scenarios compare --format json` by id."""

    def compared(document: Doc, *ids: str, as_of: datetime.date) -> Doc:
        _import(lodestar, write_model, document)
        run = lodestar("scenarios", "compare", *ids, "--format", "json", "--as-of", as_of.isoformat())
        assert run.code == 0, f"compare failed (exit {run.code}):\n{run.out}\n{run.err}"
        parsed: Doc = json.loads(run.out)
        assert parsed["as_of"] == as_of.isoformat()
        return parsed

    return compared


@pytest.fixture
def adopted(lodestar: RunLodestar, write_model: WriteModel) -> Adopt:
    """`adopted(document, id)`: imports the document, adopts the scenario and returns the exported model."""

    def adopted(document: Doc, scenario_id: str) -> Doc:
        _import(lodestar, write_model, document)
        run = lodestar("scenarios", "adopt", scenario_id)
        assert run.code == 0, f"adopt failed (exit {run.code}):\n{run.out}\n{run.err}"
        exported = lodestar("export")
        assert exported.code == 0
        result: Doc = parse_yaml(exported.out)
        return result

    return adopted


@pytest.fixture
def refused(lodestar: RunLodestar, write_model: WriteModel) -> Refused:
    """`refused(document)`: the import must fail with exit 2 and write nothing; returns its errors."""

    def refused(document: Doc) -> list[tuple[str, str]]:
        run = lodestar("import", str(write_model(document)))
        assert run.code == 2, f"import not refused (exit {run.code}):\n{run.out}\n{run.err}"
        assert lodestar("export").code == 2, "something was written"
        return errors_of(run)

    return refused
