"""Shared fixtures: running the `lodestar` command in-process and writing model files."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from unittest import mock

import pytest
import yaml

from lodestar.cli import main

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

    # What the test client returns; django-stubs names it only for type checking.
    TestResponse = _MonkeyPatchedWSGIResponse

EXAMPLE = Path(__file__).parent / "conformance" / "files" / "spec-example.yaml"


@dataclass
class Run:
    """What a `lodestar` command printed and the code it exited with."""

    code: int
    out: str
    err: str


def run_lodestar(*args: str) -> Run:
    """Run `lodestar ARGS` in this process against the test database."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    # A command closes the database connections when it ends; inside a test transaction
    # that would end the test's connection (PostgreSQL), so the close is skipped here.
    with redirect_stdout(out), redirect_stderr(err), mock.patch("django.core.management.base.connections.close_all"):
        try:
            main(["lodestar", *args])
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    return Run(code=code, out=out.getvalue(), err=err.getvalue())


RunLodestar = Callable[..., Run]
WriteModel = Callable[..., Path]


@pytest.fixture
def lodestar(db: None) -> RunLodestar:
    """`lodestar(*args)` runs a command against the test database."""
    return run_lodestar


@pytest.fixture
def write_model(tmp_path: Path) -> WriteModel:
    """`write_model(document_or_text, name=...)` writes a model file and returns its path."""

    def write(document: dict[str, Any] | str, name: str = "model.yaml") -> Path:
        path = tmp_path / name
        text = document if isinstance(document, str) else yaml.safe_dump(document, sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def example_document() -> dict[str, Any]:
    """The spec's example model file, parsed (a fresh copy per test)."""
    loaded: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    return loaded


def postgres_required() -> bool:
    return bool(os.environ.get("CI")) or os.environ.get("LODESTAR_REQUIRE_POSTGRES") == "1"
