"""User text printed on the terminal cannot carry escape sequences."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import Run

TODAY = "2026-06-30"


@pytest.fixture(autouse=True)
def in_a_scratch_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_status_strips_control_characters_from_a_goal_title(lodestar: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "demo.yaml"
    assert lodestar("demo", "--today", TODAY, "--export", str(target)).code == 0
    document = yaml.safe_load(target.read_text())
    document["goals"][0]["title"] = "Evil\x1b]0;owned\x07 title\x1b[2J"
    target.write_text(yaml.safe_dump(document, allow_unicode=True))
    run = lodestar("import", str(target))
    assert run.code == 0, run.err
    out = lodestar("status", "--as-of", TODAY).out
    assert "Evil]0;owned title[2J" in out
    assert "\x1b" not in out and "\x07" not in out
