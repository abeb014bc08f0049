"""Rolling a period over through the service: permissions, consent, the restore point and the audit log."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from lodestar.accounts.actor import Actor
from lodestar.accounts.models import AuditEntry
from lodestar.goals import services
from lodestar.lib.errors import Invalid, PermissionDenied
from lodestar.lib.model import Contribution, Goal
from lodestar.rhythm.rollover import RollOverRefused
from lodestar.store.load import load_model
from lodestar.store.restore import list_restore_points
from tests.integration.accounts.cast import MODEL, import_document

EDITOR = Actor(label="editor@example.com", role="editor", person_id=None, surface="web")
SAM = Actor(label="sam@example.com", role="member", person_id="sam", surface="web")  # leads Marketing
ANA = Actor(label="ana@example.com", role="member", person_id="ana", surface="web")

TWO_YEARS: dict[str, Any] = copy.deepcopy(MODEL)
TWO_YEARS["periods"].append({"id": "fy2027", "start": "2027-01-01", "end": "2027-12-31"})
EVERY_GOAL = ["more-leads", "mkt-analytics", "sales-pipeline", "ana-campaigns"]


@pytest.fixture
def years(db: None) -> None:
    """The cast's organization with a second year, fy2027, to carry its goals into."""
    import_document(TWO_YEARS)


def goals() -> dict[str, Goal]:
    return {goal.id: goal for goal in load_model().goals}


def test_an_editor_rolls_a_year_over_with_every_unfinished_goal(years: None) -> None:
    rollover = services.roll_over(actor=EDITOR, source="fy2026", target="fy2027")

    assert [c.original.id for c in rollover.carried] == EVERY_GOAL
    stored = goals()
    assert [goal.id for goal in stored.values()][4:] == [f"{goal_id}.fy2027" for goal_id in EVERY_GOAL]
    assert all(stored[f"{goal_id}.fy2027"].version == 1 for goal_id in EVERY_GOAL)
    assert stored["ana-campaigns.fy2027"].contributes_to == [
        Contribution("mkt-analytics.fy2027"),
        Contribution("sales-pipeline.fy2027", 0.5),
    ]
    assert [kr.baseline for kr in stored["more-leads.fy2027"].key_results] == [210]


def test_the_roll_over_keeps_a_restore_point_and_is_audited(years: None) -> None:
    services.roll_over(actor=EDITOR, source="fy2026", target="fy2027", goal_ids=["mkt-analytics", "more-leads"])

    (point,) = list_restore_points()
    assert (point.reason, point.actor, point.surface) == (
        "before the roll-over from fy2026 to fy2027",
        "editor@example.com",
        "web",
    )
    assert point.counts["goals"] == 4
    run = AuditEntry.objects.get(action="period.rollover")
    assert (run.actor, run.subject) == ("editor@example.com", "period:fy2026")
    assert run.after == {
        "from": "fy2026",
        "to": "fy2027",
        "goals": {"more-leads": "more-leads.fy2027", "mkt-analytics": "mkt-analytics.fy2027"},
        "key_results": {"web-mqls": "web-mqls.fy2027", "tracked-share": "tracked-share.fy2027"},
        "restore_point": point.pk,
    }
    carried = list(AuditEntry.objects.filter(action="goal.carry").order_by("id"))
    assert [(entry.subject, entry.goal_id) for entry in carried] == [
        ("goal:more-leads.fy2027", "more-leads.fy2027"),
        ("goal:mkt-analytics.fy2027", "mkt-analytics.fy2027"),
    ]
    assert carried[1].before is None
    assert carried[1].after == {
        "id": "mkt-analytics.fy2027",
        "title": "Measure every campaign",
        "owner": "mkt",
        "period": "fy2027",
        "contributes_to": [{"goal": "more-leads.fy2027", "weight": 2}],
        "carried_from": "mkt-analytics",
        "key_results": ["tracked-share.fy2027"],
    }


def test_planning_a_roll_over_writes_nothing(years: None) -> None:
    rollover = services.plan_roll_over(actor=EDITOR, source="fy2026", target="fy2027")

    assert [goal.id for goal in rollover.copies] == [f"{goal_id}.fy2027" for goal_id in EVERY_GOAL]
    assert list(goals()) == EVERY_GOAL
    assert list_restore_points() == []
    assert not AuditEntry.objects.filter(action__in=("goal.carry", "period.rollover")).exists()


def test_a_refused_roll_over_writes_nothing(years: None) -> None:
    services.create_goal(
        actor=EDITOR, document={"id": "sales-pipeline.fy2027", "title": "Taken", "owner": "sales", "period": "fy2027"}
    )

    with pytest.raises(RollOverRefused) as refused:
        services.roll_over(actor=EDITOR, source="fy2026", target="fy2027")

    assert isinstance(refused.value, Invalid)
    assert refused.value.issues == [
        ("goals[sales-pipeline]", "its copy's id 'sales-pipeline.fy2027' exists already (another goal has it)")
    ]
    assert set(goals()) == {*EVERY_GOAL, "sales-pipeline.fy2027"}
    assert list_restore_points() == []
    assert not AuditEntry.objects.filter(action__in=("goal.carry", "period.rollover")).exists()


def test_nothing_to_carry_writes_nothing(years: None) -> None:
    empty = services.roll_over(actor=EDITOR, source="fy2026", target="fy2027", goal_ids=[])

    assert empty.carried == ()
    assert list_restore_points() == []
    assert not AuditEntry.objects.filter(action="period.rollover").exists()


def test_a_member_carries_the_goals_they_may_change(years: None) -> None:
    services.roll_over(actor=SAM, source="fy2026", target="fy2027", goal_ids=["mkt-analytics", "ana-campaigns"])

    stored = goals()
    assert stored["mkt-analytics.fy2027"].contributes_to == [Contribution("more-leads", 2)]
    assert stored["ana-campaigns.fy2027"].contributes_to == [
        Contribution("mkt-analytics.fy2027"),
        Contribution("sales-pipeline", 0.5),
    ]


def test_a_copys_link_counts_where_the_originals_did_even_to_a_goal_the_member_may_not_change(years: None) -> None:
    services.roll_over(actor=ANA, source="fy2026", target="fy2027", goal_ids=["ana-campaigns"])

    copy_of = goals()["ana-campaigns.fy2027"]
    assert copy_of.contributes_to == [Contribution("mkt-analytics"), Contribution("sales-pipeline", 0.5)]
    assert copy_of.proposed_contributions == []


def test_a_member_may_not_carry_goals_they_may_not_change(years: None) -> None:
    with pytest.raises(PermissionDenied) as denied:
        services.roll_over(actor=SAM, source="fy2026", target="fy2027")

    assert "'more-leads' (owned by 'ms'), 'sales-pipeline' (owned by 'sales')" in str(denied.value)
    with pytest.raises(PermissionDenied):
        services.plan_roll_over(actor=SAM, source="fy2026", target="fy2027", goal_ids=["more-leads"])
    assert list(goals()) == EVERY_GOAL
    assert list_restore_points() == []


@pytest.mark.parametrize("role", ["viewer", "member"])
def test_viewers_and_members_without_a_person_roll_nothing_over(years: None, role: str) -> None:
    nobody = Actor(label="nobody@example.com", role=role, person_id=None, surface="api")

    with pytest.raises(PermissionDenied):
        services.plan_roll_over(actor=nobody, source="fy2026", target="fy2027", goal_ids=[])
    with pytest.raises(PermissionDenied):
        services.roll_over(actor=nobody, source="fy2026", target="fy2027", goal_ids=["ana-campaigns"])
    assert list(goals()) == EVERY_GOAL
