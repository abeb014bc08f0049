"""On the demo organization the analyses name the same subjects as the health check's rules."""

from __future__ import annotations

from datetime import date

import pytest

from lodestar.checks.rules import run_checks
from lodestar.demo.organization import demo_document
from lodestar.design.analysis import (
    change_overview,
    competency_gaps,
    dependency_network,
    raci_matrix,
    role_comparison,
    vision_readiness,
)
from lodestar.lib.model import Model
from lodestar.modelfile.validate import validate_document

AS_OF = date(2026, 6, 30)


@pytest.fixture(scope="module")
def demo() -> Model:
    return validate_document(demo_document(AS_OF))


def subjects(model: Model, code: str) -> set[str]:
    return {finding.subject for finding in run_checks(model, AS_OF) if finding.code == code}


def test_competency_gaps_are_the_findings_of_ls009(demo: Model) -> None:
    gaps = {gap.subject for gap in competency_gaps(demo)}
    assert gaps == subjects(demo, "LS009")
    assert gaps


def test_hotspots_are_the_findings_of_ls010(demo: Model) -> None:
    assert {f"unit:{node.id}" for node in dependency_network(demo).hotspots} == subjects(demo, "LS010")


def test_raci_rows_without_accountable_are_the_findings_of_ls006(demo: Model) -> None:
    flagged = {f"task:{row.task.id}" for row in raci_matrix(demo).flagged if row.task.accountable is None}
    assert flagged == subjects(demo, "LS006")


def test_unplanned_tasks_are_the_findings_of_ls015(demo: Model) -> None:
    overview = change_overview(demo)
    unplanned = {f"task:{item.task.id}" for group in overview.groups for item in group.items if item.unplanned}
    assert unplanned == subjects(demo, "LS015")


def test_flagged_business_units_are_the_findings_of_ls012(demo: Model) -> None:
    assert {f"unit:{unit.id}" for unit in role_comparison(demo).flagged} == subjects(demo, "LS012")


def test_questions_not_agreed_are_the_findings_of_ls011(demo: Model) -> None:
    readiness = vision_readiness(demo, as_of=AS_OF)
    open_questions = {f"question:{q}" for q in readiness.questions if q not in readiness.agreed}
    assert open_questions == subjects(demo, "LS011")
    assert 0 < readiness.share_agreed < 1
