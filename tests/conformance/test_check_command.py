"""Exit codes of `lodestar check` (spec: Health check): 0 no findings, 1 findings, 2 could not run."""

from __future__ import annotations

import pytest

from tests.conformance.builders import organization, task
from tests.conformance.conftest import Load
from tests.conftest import RunLodestar


@pytest.mark.parametrize("output", ["text", "json"])
def test_check_exits_0_without_findings(lodestar: RunLodestar, load: Load, output: str) -> None:
    load(organization())

    assert lodestar("check", "--as-of", "2026-01-11", "--format", output).code == 0


@pytest.mark.parametrize("output", ["text", "json"])
def test_check_exits_1_with_findings(lodestar: RunLodestar, load: Load, output: str) -> None:
    load(organization(tasks=[task("t", accountable=None)]))

    assert lodestar("check", "--as-of", "2026-01-11", "--format", output).code == 1


def test_check_text_output_names_the_code_and_subject_of_each_finding(lodestar: RunLodestar, load: Load) -> None:
    load(organization(tasks=[task("t", accountable=None)]))
    run = lodestar("check", "--as-of", "2026-01-11")

    assert "LS006" in run.out
    assert "task:t" in run.out


@pytest.mark.parametrize("as_of", ["2026-13-01", "2026-02-30", "tomorrow", "01.02.2026", ""])
def test_check_exits_2_for_an_invalid_as_of_date(lodestar: RunLodestar, load: Load, as_of: str) -> None:
    load(organization())

    assert lodestar("check", "--as-of", as_of).code == 2


def test_check_exits_2_for_an_unknown_format(lodestar: RunLodestar, load: Load) -> None:
    load(organization())

    assert lodestar("check", "--format", "xml").code == 2


def test_check_exits_2_without_an_imported_model(lodestar: RunLodestar) -> None:
    run = lodestar("check", "--as-of", "2026-01-11")

    assert run.code == 2


def test_check_exits_2_without_an_imported_model_in_json_too(lodestar: RunLodestar) -> None:
    assert lodestar("check", "--format", "json").code == 2


def test_check_accepts_a_leap_day(lodestar: RunLodestar, load: Load) -> None:
    load(organization())

    assert lodestar("check", "--as-of", "2028-02-29").code == 0
