"""Vision readiness: the questions × scopes matrix, the share agreed and the evidence the model holds."""

from __future__ import annotations

from datetime import date
from typing import Any

from lodestar.design.analysis import vision_readiness
from lodestar.lib.model import Competency, Dependency, Goal, Period, RoleProfile, RoleState, VisionAnswer
from tests.unit.design.build import empty_model, model, task, unit

QUESTIONS = ("mission", "role_change", "tasks", "business_units", "division", "cooperation", "goals", "competencies")


def answer(question: str, status: str = "agreed", **more: Any) -> VisionAnswer:
    return VisionAnswer(question=question, status=status, **more)


def test_without_answers_every_cell_is_unanswered_and_nothing_is_agreed() -> None:
    readiness = vision_readiness(model())
    assert readiness.share_agreed == 0.0
    assert [row.scope for row in readiness.rows] == ["ms"]
    assert [cell.status for cell in readiness.rows[0].cells] == ["unanswered"] * 8
    assert [cell.question for cell in readiness.rows[0].cells] == list(QUESTIONS)


def test_the_matrix_has_a_row_per_business_unit_and_per_other_scope() -> None:
    m = model(
        unit("bu-a", "business_unit", parent="company"),
        unit("bu-b", "business_unit", parent="company", core=False),
        unit("sales"),
        vision=[
            answer("business_units", "draft", toward="bu-b", owner="ms", answer="Perhaps."),
            answer("goals", "open", scope="sales"),
            answer("tasks", scope="sales"),
        ],
    )
    rows = vision_readiness(m).rows
    assert [(row.scope, row.toward) for row in rows] == [("ms", None), ("ms", "bu-a"), ("ms", "bu-b"), ("sales", None)]
    cell = rows[2].cells[QUESTIONS.index("business_units")]
    assert cell.status == "draft"
    assert cell.answer is not None and cell.answer.answer == "Perhaps." and cell.answer.owner == "ms"
    assert rows[2].label == "Ms toward Bu B"
    assert rows[3].cells[QUESTIONS.index("goals")].status == "open"


def test_share_agreed_counts_questions_agreed_for_the_mission_scope_with_any_toward() -> None:
    m = model(
        unit("bu", "business_unit", parent="company"),
        unit("sales"),
        vision=[
            answer("mission"),
            answer("business_units", toward="bu"),
            answer("goals", "draft"),
            answer("tasks", scope="sales"),
            answer("division", scope="ms"),
        ],
    )
    readiness = vision_readiness(m)
    assert readiness.agreed == ("mission", "business_units", "division")
    assert readiness.share_agreed == 3 / 8


def test_without_a_mission_the_root_is_the_scope_and_the_mission_evidence_is_a_concern() -> None:
    m = model(mission=False, vision=[answer("mission")])
    readiness = vision_readiness(m)
    assert readiness.scope == "company"
    assert readiness.agreed == ("mission",)
    assert readiness.evidence["mission"].concern


def test_an_empty_model_still_has_evidence_for_every_question() -> None:
    readiness = vision_readiness(empty_model())
    assert set(readiness.evidence) == set(QUESTIONS)
    assert readiness.evidence["tasks"].concern
    assert readiness.evidence["competencies"].concern


def test_goals_evidence_names_business_units_and_units_without_goals() -> None:
    period = Period("fy", date(2026, 1, 1), date(2026, 12, 31))
    old = Period("old", date(2025, 1, 1), date(2025, 12, 31))
    m = model(
        unit("bu-a", "business_unit", parent="company"),
        unit("bu-b", "business_unit", parent="company"),
        unit("bu-c", "business_unit", parent="company"),
        unit("mkt"),
        unit("sales"),
        unit("north", "team", parent="sales"),
        periods=[period, old],
        tasks=[task("abm", toward=["bu-b"])],
        goals=[
            Goal(id="g", title="G", owner="bu-a", period="fy"),
            Goal(id="h", title="H", owner="mkt", period="fy", tasks=["abm"]),
            Goal(id="old", title="Old", owner="north", period="old"),
        ],
    )
    evidence = vision_readiness(m, as_of=date(2026, 6, 30)).evidence["goals"]
    assert [item.subject for item in evidence.items] == ["unit:bu-c", "unit:sales", "unit:north"]
    assert evidence.concern
    timeless = vision_readiness(m).evidence["goals"]
    assert "unit:north" not in [item.subject for item in timeless.items]


def test_tasks_evidence_names_new_tasks_no_goal_lists_and_dropped_tasks_still_listed() -> None:
    m = model(
        tasks=[task("abm", "new"), task("crm", "expand"), task("fairs", "drop"), task("press", "new")],
        goals=[Goal(id="g", title="G", owner="ms", period="p", tasks=["press", "fairs"])],
    )
    evidence = vision_readiness(m).evidence["tasks"]
    assert [item.subject for item in evidence.items] == ["task:abm", "task:crm", "task:fairs"]
    assert "2 new" in evidence.summary and "1 dropped" in evidence.summary


def test_cooperation_evidence_names_the_hotspots_and_competencies_the_gaps() -> None:
    m = model(
        *(unit(u) for u in ("a", "b", "c", "d")),
        unit("it", "adjacent", parent="company"),
        dependencies=[Dependency(u, "it", "x", "data", 1, 4) for u in ("a", "b", "c", "d")],
        competencies=[Competency("sql", "SQL", required={"a": 2})],
    )
    evidence = vision_readiness(m).evidence
    assert [item.subject for item in evidence["cooperation"].items] == ["unit:it"]
    assert [item.subject for item in evidence["competencies"].items] == ["competency:sql@a"]
    assert evidence["competencies"].concern


def test_business_units_evidence_flags_non_core_business_units_without_a_profile() -> None:
    state = RoleState(decision_rights={}, sales_alignment="defined")
    m = model(
        unit("core", "business_unit", parent="company"),
        unit("side", "business_unit", parent="company", core=False),
        unit("side-2", "business_unit", parent="company", core=False),
        role_profiles=[RoleProfile(unit="ms", as_is=state, target=state, toward="side-2")],
    )
    evidence = vision_readiness(m).evidence
    assert [item.subject for item in evidence["business_units"].items] == ["unit:side"]
    assert evidence["role_change"].items[0].text.startswith("Ms toward Side 2: ")


def test_mission_evidence_mentions_adoption_and_principles() -> None:
    m = model()
    assert m.mission is not None
    m.mission.adopted = date(2025, 11, 14)
    m.mission.principles = ["One", "Two"]
    evidence = vision_readiness(m).evidence["mission"]
    assert not evidence.concern
    assert "2025-11-14" in evidence.summary and "2 principles" in evidence.summary
