"""Health-check rules about tasks, competencies, dependencies, vision and roles: LS006, LS007,
LS009-LS012 and LS015.

Each model is the clean base organization (no findings) plus what the rule needs; the check
runs as of day(10).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conformance.builders import (
    VISION_QUESTIONS,
    day,
    dependency,
    goal,
    key_result,
    organization,
    period,
    person,
    role_profile,
    task,
    to,
    unit,
)
from tests.conformance.conftest import FindingsAt

AS_OF = day(10)


def with_code(code: str, found: list[tuple[str, str]]) -> list[str]:
    return sorted(subject for found_code, subject in found if found_code == code)


def competency(id: str = "c", **required: int) -> dict[str, Any]:
    document: dict[str, Any] = {"id": id, "name": id.upper()}
    if required:
        document["required"] = required
    return document


# LS006 and LS007: tasks without accountable or responsible units


def test_a_task_without_an_accountable_unit_is_reported(findings: FindingsAt) -> None:
    assert findings(organization(tasks=[task("t", accountable=None)]), AS_OF) == [("LS006", "task:t")]


def test_a_task_with_no_responsible_unit_is_reported(findings: FindingsAt) -> None:
    assert findings(organization(tasks=[task("t", responsible=())]), AS_OF) == [("LS007", "task:t")]


def test_a_task_with_neither_is_reported_twice(findings: FindingsAt) -> None:
    document = organization(tasks=[task("t", accountable=None, responsible=())])

    assert findings(document, AS_OF) == [("LS006", "task:t"), ("LS007", "task:t")]


def test_a_task_with_accountable_and_responsible_units_is_not_reported(findings: FindingsAt) -> None:
    assert findings(organization(tasks=[task("t", responsible=("ms", "company"))]), AS_OF) == []


# LS009: required competency levels nobody in the unit or below it reaches


def test_a_required_level_reached_by_a_person_of_the_unit_is_not_reported(findings: FindingsAt) -> None:
    document = organization(competencies=[competency(ms=3)], people=[person("jo", "ms", c=3)])

    assert findings(document, AS_OF) == []


def test_a_required_level_nobody_reaches_is_reported(findings: FindingsAt) -> None:
    document = organization(competencies=[competency(ms=3)], people=[person("jo", "ms", c=2)])

    assert findings(document, AS_OF) == [("LS009", "competency:c@ms")]


def test_a_required_level_in_a_unit_without_people_is_reported(findings: FindingsAt) -> None:
    assert findings(organization(competencies=[competency(ms=1)]), AS_OF) == [("LS009", "competency:c@ms")]


def test_a_person_without_the_competency_counts_as_level_0(findings: FindingsAt) -> None:
    document = organization(competencies=[competency(ms=1), competency("d")], people=[person("jo", "ms", d=5)])

    assert findings(document, AS_OF) == [("LS009", "competency:c@ms")]


def test_a_person_in_a_unit_below_reaches_the_level_for_the_unit_above(findings: FindingsAt) -> None:
    document = organization(
        units=[unit("emea", "area"), unit("emea-north", "area", parent="emea")],
        competencies=[competency(ms=4)],
        people=[person("kim", "emea-north", c=4)],
    )

    assert findings(document, AS_OF) == []


def test_a_person_in_the_unit_above_does_not_reach_the_level_for_the_unit_below(findings: FindingsAt) -> None:
    document = organization(
        units=[unit("emea", "area")], competencies=[competency(emea=2)], people=[person("jo", "ms", c=5)]
    )

    assert findings(document, AS_OF) == [("LS009", "competency:c@emea")]


def test_a_person_in_a_sibling_unit_does_not_count(findings: FindingsAt) -> None:
    document = organization(
        units=[unit("emea", "area"), unit("apac", "area")],
        competencies=[competency(emea=2)],
        people=[person("lee", "apac", c=5)],
    )

    assert findings(document, AS_OF) == [("LS009", "competency:c@emea")]


def test_a_task_requires_its_competency_levels_in_each_responsible_unit(findings: FindingsAt) -> None:
    document = organization(
        units=[unit("emea", "area"), unit("apac", "area")],
        competencies=[competency()],
        people=[person("lee", "apac", c=3)],
        tasks=[task("t", responsible=("emea", "apac"), competencies={"c": 3})],
    )

    assert findings(document, AS_OF) == [("LS009", "competency:c@emea")]


def test_a_task_requirement_does_not_apply_to_consulted_or_accountable_units(findings: FindingsAt) -> None:
    document = organization(
        units=[unit("emea", "area")],
        competencies=[competency()],
        people=[person("lee", "emea", c=3)],
        tasks=[task("t", responsible=("emea",), accountable="ms", consulted=["company"], competencies={"c": 3})],
    )

    assert findings(document, AS_OF) == []


@pytest.mark.parametrize("change", ["new", "expand", "keep", "reduce"])
def test_a_task_not_being_dropped_requires_its_competencies(findings: FindingsAt, change: str) -> None:
    document = organization(
        competencies=[competency()],
        tasks=[task("t", change=change, competencies={"c": 2})],
        goals=[goal("g", key_result(), tasks=["t"])],
    )

    assert with_code("LS009", findings(document, AS_OF)) == ["competency:c@ms"]


def test_a_task_being_dropped_requires_no_competencies(findings: FindingsAt) -> None:
    document = organization(competencies=[competency()], tasks=[task("t", change="drop", competencies={"c": 2})])

    assert findings(document, AS_OF) == []


def test_a_task_can_require_more_than_the_catalog_does(findings: FindingsAt) -> None:
    document = organization(
        competencies=[competency(ms=2)],
        people=[person("jo", "ms", c=3)],
        tasks=[task("t", competencies={"c": 4})],
    )

    assert with_code("LS009", findings(document, AS_OF)) == ["competency:c@ms"]


# LS010: dependency hotspots


def hub_model(targets: list[int], *, inbound: int = 0) -> dict[str, Any]:
    """`ms` depends on one adjacent unit per target; the first `inbound` dependencies point the other way."""
    others = [f"adj{index}" for index in range(len(targets))]
    dependencies = [
        dependency(other, "ms", target) if index < inbound else dependency("ms", other, target)
        for index, (other, target) in enumerate(zip(others, targets, strict=True))
    ]
    return organization(
        units=[unit(other, "adjacent", parent="company") for other in others], dependencies=dependencies
    )


def test_a_unit_in_4_dependencies_with_target_3_or_more_is_a_hotspot(findings: FindingsAt) -> None:
    assert findings(hub_model([3, 3, 4, 5]), AS_OF) == [("LS010", "unit:ms")]


def test_a_unit_in_exactly_3_such_dependencies_is_not_a_hotspot(findings: FindingsAt) -> None:
    assert findings(hub_model([3, 4, 5]), AS_OF) == []


def test_dependencies_with_target_below_3_do_not_count(findings: FindingsAt) -> None:
    assert findings(hub_model([3, 3, 3, 2, 0]), AS_OF) == []


def test_dependencies_count_in_both_directions(findings: FindingsAt) -> None:
    assert findings(hub_model([3, 3, 3, 3], inbound=2), AS_OF) == [("LS010", "unit:ms")]


def test_the_current_intensity_does_not_count(findings: FindingsAt) -> None:
    document = hub_model([2, 2, 2, 2])
    for item in document["dependencies"]:
        item["now"] = 5

    assert findings(document, AS_OF) == []


def test_both_sides_of_four_strong_dependencies_are_hotspots(findings: FindingsAt) -> None:
    document = organization(
        units=[unit("it", "adjacent", parent="company")],
        dependencies=[
            {"from": "ms", "to": "it", "about": about, "kind": kind, "now": 1, "target": 4}
            for about, kind in [("CRM", "data"), ("Tracking", "data"), ("Releases", "approval"), ("Support", "service")]
        ],
    )

    assert findings(document, AS_OF) == [("LS010", "unit:it"), ("LS010", "unit:ms")]


# LS011: vision questions without an agreed answer for the mission's scope


def vision_with(question: str, **answer: Any) -> list[dict[str, Any]]:
    """Agreed answers to every question but `question`, which gets `answer` instead."""
    others = [{"question": other, "status": "agreed"} for other in VISION_QUESTIONS if other != question]
    return [*others, {"question": question, **answer}]


def test_without_any_vision_answer_every_question_is_reported(findings: FindingsAt) -> None:
    assert findings(organization(vision=[]), AS_OF) == [("LS011", f"question:{q}") for q in sorted(VISION_QUESTIONS)]


@pytest.mark.parametrize("status", ["open", "draft"])
def test_a_question_whose_answer_is_not_agreed_is_reported(findings: FindingsAt, status: str) -> None:
    document = organization(vision=vision_with("cooperation", status=status))

    assert findings(document, AS_OF) == [("LS011", "question:cooperation")]


def test_an_agreed_answer_for_another_scope_does_not_count(findings: FindingsAt) -> None:
    document = organization(vision=vision_with("tasks", status="agreed", scope="company"))

    assert findings(document, AS_OF) == [("LS011", "question:tasks")]


def test_an_agreed_answer_naming_the_mission_scope_counts(findings: FindingsAt) -> None:
    document = organization(vision=vision_with("tasks", status="agreed", scope="ms"))

    assert findings(document, AS_OF) == []


def test_an_agreed_answer_toward_one_business_unit_counts(findings: FindingsAt) -> None:
    document = organization(
        units=[unit("bu", "business_unit", parent="company")],
        vision=vision_with("business_units", status="agreed", toward="bu"),
    )

    assert findings(document, AS_OF) == []


def test_one_agreed_answer_among_drafts_for_other_business_units_is_enough(findings: FindingsAt) -> None:
    document = organization(
        units=[unit("bu-a", "business_unit", parent="company"), unit("bu-b", "business_unit", parent="company")],
        vision=[
            *vision_with("business_units", status="draft"),
            {"question": "business_units", "toward": "bu-a", "status": "agreed"},
            {"question": "business_units", "toward": "bu-b", "status": "open"},
        ],
    )

    assert findings(document, AS_OF) == []


def test_without_a_mission_every_question_unanswered_for_the_root_unit_is_reported(findings: FindingsAt) -> None:
    document = organization(mission=False, vision=[])

    assert with_code("LS011", findings(document, AS_OF)) == sorted(f"question:{q}" for q in VISION_QUESTIONS)


def test_without_a_mission_answers_agreed_for_the_root_unit_count(findings: FindingsAt) -> None:
    vision = [{"question": question, "scope": "company", "status": "agreed"} for question in VISION_QUESTIONS]

    assert findings(organization(mission=False, vision=vision), AS_OF) == []


def test_without_a_mission_answers_agreed_for_another_unit_do_not_count(findings: FindingsAt) -> None:
    vision = [{"question": question, "scope": "ms", "status": "agreed"} for question in VISION_QUESTIONS]

    assert with_code("LS011", findings(organization(mission=False, vision=vision), AS_OF)) == sorted(
        f"question:{q}" for q in VISION_QUESTIONS
    )


def test_without_a_mission_answers_without_a_scope_are_for_the_root_unit(findings: FindingsAt) -> None:
    # Interpretation: an answer's scope defaults to the mission's scope, which is the root without a mission.
    assert findings(organization(mission=False), AS_OF) == []


# LS012: business units outside the core business without a role profile toward them


def test_a_non_core_business_unit_without_a_profile_toward_it_is_reported(findings: FindingsAt) -> None:
    document = organization(units=[unit("bu", "business_unit", parent="company", core=False)])

    assert findings(document, AS_OF) == [("LS012", "unit:bu")]


def test_a_non_core_business_unit_with_a_profile_toward_it_is_not_reported(findings: FindingsAt) -> None:
    document = organization(
        units=[unit("bu", "business_unit", parent="company", core=False)],
        role_profiles=[role_profile("ms", toward="bu")],
    )

    assert findings(document, AS_OF) == []


def test_a_profile_of_any_unit_toward_it_is_enough(findings: FindingsAt) -> None:
    document = organization(
        units=[unit("bu", "business_unit", parent="company", core=False)],
        role_profiles=[role_profile("company", toward="bu")],
    )

    assert findings(document, AS_OF) == []


def test_a_profile_toward_another_business_unit_does_not_count(findings: FindingsAt) -> None:
    document = organization(
        units=[
            unit("bu", "business_unit", parent="company", core=False),
            unit("core", "business_unit", parent="company"),
        ],
        role_profiles=[role_profile("ms"), role_profile("ms", toward="core")],
    )

    assert findings(document, AS_OF) == [("LS012", "unit:bu")]


@pytest.mark.parametrize("core", [True, None], ids=["explicit", "default"])
def test_a_core_business_unit_needs_no_profile(findings: FindingsAt, core: bool | None) -> None:
    assert findings(organization(units=[unit("bu", "business_unit", parent="company", core=core)]), AS_OF) == []


# LS015: new or expanded tasks that no goal lists


@pytest.mark.parametrize("change", ["new", "expand"])
def test_a_new_or_expanded_task_no_goal_lists_is_reported(findings: FindingsAt, change: str) -> None:
    assert findings(organization(tasks=[task("t", change=change)]), AS_OF) == [("LS015", "task:t")]


@pytest.mark.parametrize("change", ["keep", "reduce", "drop"])
def test_other_tasks_need_no_goal(findings: FindingsAt, change: str) -> None:
    assert findings(organization(tasks=[task("t", change=change)]), AS_OF) == []


def test_a_new_task_listed_by_a_goal_is_not_reported(findings: FindingsAt) -> None:
    document = organization(tasks=[task("t", change="new")], goals=[goal("g", key_result(), tasks=["t"])])

    assert findings(document, AS_OF) == []


def test_a_new_task_listed_by_a_goal_of_another_period_is_not_reported(findings: FindingsAt) -> None:
    document = organization(
        periods=[period("p", 0, 100), period("next", 101, 200)],
        tasks=[task("t", change="new")],
        goals=[goal("g", key_result()), goal("later", key_result("k2"), period="next", tasks=["t"])],
    )

    assert findings(document, AS_OF) == []


def test_a_new_task_listed_by_a_contributing_goal_is_not_reported(findings: FindingsAt) -> None:
    document = organization(
        tasks=[task("t", change="expand")],
        goals=[goal("top", key_result("k1")), goal("g", key_result("k2"), tasks=["t"], contributes_to=[to("top")])],
    )

    assert findings(document, AS_OF) == []
