"""Closing (grading), re-grading and reopening goals: validation, permissions, versions and the audit log."""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

import pytest

from lodestar.accounts.actor import Actor
from lodestar.accounts.models import AuditEntry
from lodestar.goals import services
from lodestar.lib import clock
from lodestar.lib.errors import Conflict, Invalid, NotFound, PermissionDenied
from lodestar.lib.limits import TEXT_MAX
from lodestar.lib.model import Closing, Goal
from lodestar.store.load import load_model
from tests.integration.accounts.cast import MODEL, import_document


def actor(role: str, person: str | None = None) -> Actor:
    return Actor(label=f"{person or role}@example.com", role=role, person_id=person, surface="test")


EDITOR = actor("editor")
ADMIN = actor("admin")
SAM = actor("member", "sam")  # leads Marketing: mkt-analytics, ana-campaigns
ANA = actor("member", "ana")  # her own goal and her unit's
KIM = actor("member", "kim")  # leads Sales
VIEWER = actor("viewer")
GRADED = date(2026, 2, 3)  # in period fy2026, and before today


def stored(goal_id: str) -> Goal:
    return next(goal for goal in load_model().goals if goal.id == goal_id)


def sides(entry: AuditEntry) -> tuple[dict[str, Any], dict[str, Any]]:
    """An audit entry's goal documents before and after."""
    assert isinstance(entry.before, dict) and isinstance(entry.after, dict)
    return entry.before, entry.after


def test_a_goal_is_closed_with_its_score_note_and_date(org: dict[str, Any]) -> None:
    saved = services.close_goal(actor=EDITOR, goal_id="more-leads", score=0.7, note="Webinars worked.", date=GRADED)

    assert stored("more-leads").closed == Closing(GRADED, 0.7, "Webinars worked.")
    assert saved.id == "more-leads"
    assert saved.version == stored("more-leads").version == 2


def test_the_closing_date_defaults_to_today(org: dict[str, Any]) -> None:
    services.close_goal(actor=EDITOR, goal_id="more-leads", score=0.5)

    assert stored("more-leads").closed == Closing(clock.today(), 0.5, None)


def test_dates_may_be_given_as_text(org: dict[str, Any]) -> None:
    services.close_goal(actor=EDITOR, goal_id="more-leads", score=1, date="2026-02-03")

    closed = stored("more-leads").closed
    assert closed is not None and closed.date == GRADED


@pytest.mark.parametrize("score", [0, 0.25, 0.333, 1])
def test_any_score_from_0_to_1_is_kept_as_given(org: dict[str, Any], score: float) -> None:
    services.close_goal(actor=EDITOR, goal_id="more-leads", score=score, date=GRADED)

    closed = stored("more-leads").closed
    assert closed is not None and closed.score == score


@pytest.mark.parametrize(
    ("values", "path", "message"),
    [
        ({"score": 1.1}, "score", "1.1 is out of range: expected 0 to 1"),
        ({"score": -0.1}, "score", "-0.1 is out of range: expected 0 to 1"),
        ({"score": "0.5"}, "score", "expected a number"),
        ({"score": None}, "score", "required"),
        ({"score": 0.5, "date": "2025-12-31"}, "date", "is before the start of period 'fy2026' (2026-01-01)"),
        ({"score": 0.5, "date": "2201-01-01"}, "date", "out of range: dates are from 1900-01-01 to 2200-12-31"),
        ({"score": 0.5, "date": "07/03/2026"}, "date", "expected a date YYYY-MM-DD"),
        ({"score": 0.5, "note": "x" * (TEXT_MAX + 1)}, "note", f"too long: at most {TEXT_MAX:,} characters"),
        ({"score": 0.5, "note": " "}, "note", "must not be empty"),
    ],
)
def test_a_closing_is_read_as_the_import_reads_closed(
    org: dict[str, Any], values: dict[str, Any], path: str, message: str
) -> None:
    with pytest.raises(Invalid) as caught:
        services.close_goal(actor=EDITOR, goal_id="more-leads", **values)

    assert [issue_path for issue_path, _ in caught.value.issues] == [path]
    assert message in caught.value.issues[0][1]
    assert stored("more-leads").closed is None
    assert not AuditEntry.objects.filter(action="goal.close").exists()


def test_every_problem_of_a_closing_is_reported_at_once(org: dict[str, Any]) -> None:
    with pytest.raises(Invalid) as caught:
        services.close_goal(actor=EDITOR, goal_id="more-leads", score=2, date="07/03/2026", note="")

    assert sorted(path for path, _ in caught.value.issues) == ["date", "note", "score"]


def test_a_closing_dated_after_today_is_refused(org: dict[str, Any]) -> None:
    tomorrow = clock.today() + timedelta(days=1)

    with pytest.raises(Invalid) as caught:
        services.close_goal(actor=EDITOR, goal_id="more-leads", score=0.5, date=tomorrow)

    assert caught.value.issues == [("date", f"{tomorrow.isoformat()} is after today ({clock.today().isoformat()})")]


def test_a_closing_may_be_dated_after_the_periods_end(db: None) -> None:
    january = copy.deepcopy(MODEL)
    january["periods"].append({"id": "jan", "start": "2026-01-01", "end": "2026-01-31"})
    january["goals"][0]["period"] = "jan"
    import_document(january)

    services.close_goal(actor=EDITOR, goal_id="more-leads", score=0.5, date=GRADED)

    assert stored("more-leads").closed == Closing(GRADED, 0.5, None)


def test_closing_an_unknown_goal_is_not_found(org: dict[str, Any]) -> None:
    with pytest.raises(NotFound):
        services.close_goal(actor=EDITOR, goal_id="nowhere", score=0.5)


def test_a_closed_goal_is_graded_again_and_the_audit_log_keeps_both(org: dict[str, Any]) -> None:
    services.close_goal(actor=EDITOR, goal_id="more-leads", score=0.7, date=GRADED)
    services.close_goal(actor=EDITOR, goal_id="more-leads", score=0.8, note="Counted late leads.", date=GRADED)

    assert stored("more-leads").closed == Closing(GRADED, 0.8, "Counted late leads.")
    entries = [sides(entry) for entry in AuditEntry.objects.filter(action="goal.close").order_by("id")]
    assert [before.get("closed") for before, _ in entries] == [None, {"date": "2026-02-03", "score": 0.7}]
    assert [after["closed"]["score"] for _, after in entries] == [0.7, 0.8]


def test_closing_is_audited_with_the_goal_before_and_after(org: dict[str, Any]) -> None:
    services.close_goal(actor=SAM, goal_id="mkt-analytics", score=0.4, note="Tracking came late.", date=GRADED)

    entry = AuditEntry.objects.get(action="goal.close")
    assert (entry.actor, entry.subject, entry.goal_id) == ("sam@example.com", "goal:mkt-analytics", "mkt-analytics")
    before, after = sides(entry)
    assert before["title"] == after["title"] == "Measure every campaign"
    assert "closed" not in before
    assert after["closed"] == {"date": "2026-02-03", "score": 0.4, "note": "Tracking came late."}


def test_a_goal_is_reopened_and_judged_by_its_progress_again(org: dict[str, Any]) -> None:
    closed = services.close_goal(actor=EDITOR, goal_id="more-leads", score=0.7, date=GRADED)

    saved = services.reopen_goal(actor=EDITOR, goal_id="more-leads", version=closed.version)

    assert stored("more-leads").closed is None
    assert saved.version == closed.version + 1
    before, after = sides(AuditEntry.objects.get(action="goal.reopen"))
    assert before["closed"] == {"date": "2026-02-03", "score": 0.7}
    assert "closed" not in after


def test_reopening_a_goal_that_is_not_closed_is_a_conflict(org: dict[str, Any]) -> None:
    with pytest.raises(Conflict, match="is not closed"):
        services.reopen_goal(actor=EDITOR, goal_id="more-leads")

    assert not AuditEntry.objects.filter(action="goal.reopen").exists()


def test_a_closing_based_on_a_stale_version_is_a_conflict(org: dict[str, Any]) -> None:
    version = stored("more-leads").version
    services.update_goal(actor=EDITOR, goal_id="more-leads", changes={"title": "More leads"}, version=version)

    with pytest.raises(Conflict):
        services.close_goal(actor=EDITOR, goal_id="more-leads", score=0.5, date=GRADED, version=version)
    with pytest.raises(Conflict):
        services.reopen_goal(actor=EDITOR, goal_id="more-leads", version=version)

    assert stored("more-leads").closed is None


def test_closing_keeps_the_goals_links_and_key_results(org: dict[str, Any]) -> None:
    before = stored("ana-campaigns")

    services.close_goal(actor=ANA, goal_id="ana-campaigns", score=0.9, date=GRADED)

    after = stored("ana-campaigns")
    assert after.contributes_to == before.contributes_to
    assert after.key_results == before.key_results
    assert (after.title, after.owner, after.period) == (before.title, before.owner, before.period)


@pytest.mark.parametrize(
    ("who", "goal_id"),
    [
        (ADMIN, "more-leads"),
        (EDITOR, "sales-pipeline"),
        (SAM, "mkt-analytics"),
        (SAM, "ana-campaigns"),
        (ANA, "ana-campaigns"),
        (ANA, "mkt-analytics"),
        (KIM, "sales-pipeline"),
    ],
)
def test_who_may_change_a_goal_may_close_and_reopen_it(org: dict[str, Any], who: Actor, goal_id: str) -> None:
    services.close_goal(actor=who, goal_id=goal_id, score=0.5, date=GRADED)
    assert stored(goal_id).closed is not None

    services.reopen_goal(actor=who, goal_id=goal_id)
    assert stored(goal_id).closed is None


@pytest.mark.parametrize(
    ("who", "goal_id"),
    [(SAM, "more-leads"), (SAM, "sales-pipeline"), (ANA, "more-leads"), (KIM, "mkt-analytics"), (VIEWER, "more-leads")],
)
def test_nobody_else_may_close_or_reopen_it(org: dict[str, Any], who: Actor, goal_id: str) -> None:
    with pytest.raises(PermissionDenied):
        services.close_goal(actor=who, goal_id=goal_id, score=0.5, date=GRADED)
    services.close_goal(actor=EDITOR, goal_id=goal_id, score=0.5, date=GRADED)
    with pytest.raises(PermissionDenied):
        services.reopen_goal(actor=who, goal_id=goal_id)

    assert stored(goal_id).closed == Closing(GRADED, 0.5, None)
    assert AuditEntry.objects.filter(action="goal.close").count() == 1


def test_a_member_without_a_person_may_close_nothing(org: dict[str, Any]) -> None:
    with pytest.raises(PermissionDenied):
        services.close_goal(actor=actor("member"), goal_id="ana-campaigns", score=0.5, date=GRADED)


# Many at once


def test_an_editor_closes_many_goals_in_one_go(org: dict[str, Any]) -> None:
    saved = services.close_goals(
        actor=EDITOR,
        closings=[
            {"goal": "mkt-analytics", "score": 0.4, "date": GRADED},
            {"goal": "sales-pipeline", "score": 0.6, "note": "Pipeline reviews weekly.", "date": "2026-02-02"},
        ],
    )

    assert [(s.id, s.version) for s in saved] == [("mkt-analytics", 2), ("sales-pipeline", 2)]
    assert stored("mkt-analytics").closed == Closing(GRADED, 0.4, None)
    assert stored("sales-pipeline").closed == Closing(date(2026, 2, 2), 0.6, "Pipeline reviews weekly.")
    assert AuditEntry.objects.filter(action="goal.close").count() == 2


def test_closing_many_reports_every_problem_and_closes_none(org: dict[str, Any]) -> None:
    with pytest.raises(Invalid) as caught:
        services.close_goals(
            actor=EDITOR,
            closings=[
                {"goal": "mkt-analytics", "score": 0.4},
                {"goal": "sales-pipeline", "score": 2},
                {"goal": "more-leads", "score": 0.5, "date": "2025-01-01"},
            ],
        )

    assert [path for path, _ in caught.value.issues] == ["[1].score", "[2].date"]
    assert all(goal.closed is None for goal in load_model().goals)
    assert not AuditEntry.objects.filter(action="goal.close").exists()


def test_closing_many_names_unknown_repeated_and_malformed_entries(org: dict[str, Any]) -> None:
    with pytest.raises(Invalid) as caught:
        services.close_goals(
            actor=EDITOR,
            closings=[
                {"goal": "nowhere", "score": 0.4},
                {"goal": "more-leads", "score": 0.4},
                {"goal": "more-leads", "score": 0.5},
                "more-leads",
                {"score": 0.5, "grade": "A"},
            ],
        )

    assert caught.value.issues == [
        ("[0].goal", "no goal 'nowhere'"),
        ("[2].goal", "goal 'more-leads' is closed twice (first at [1])"),
        ("[3]", "expected a mapping {goal, score, note?, date?, version?}"),
        ("[4].grade", "unknown key"),
        ("[4].goal", "required"),
    ]


def test_closing_many_checks_each_version(org: dict[str, Any]) -> None:
    stale = stored("more-leads").version
    services.update_goal(actor=EDITOR, goal_id="more-leads", changes={"title": "More leads"}, version=stale)

    with pytest.raises(Conflict):
        services.close_goals(
            actor=EDITOR,
            closings=[{"goal": "mkt-analytics", "score": 0.4}, {"goal": "more-leads", "score": 0.5, "version": stale}],
        )

    assert stored("mkt-analytics").closed is None


def test_a_member_closes_many_only_of_their_own_goals(org: dict[str, Any]) -> None:
    with pytest.raises(PermissionDenied) as caught:
        services.close_goals(
            actor=SAM,
            closings=[
                {"goal": "mkt-analytics", "score": 0.4},
                {"goal": "more-leads", "score": 0.5},
                {"goal": "sales-pipeline", "score": 0.5},
            ],
        )

    assert "'more-leads' (owned by 'ms'), 'sales-pipeline' (owned by 'sales')" in str(caught.value)
    assert stored("mkt-analytics").closed is None

    services.close_goals(
        actor=SAM, closings=[{"goal": "mkt-analytics", "score": 0.4}, {"goal": "ana-campaigns", "score": 1}]
    )
    assert stored("ana-campaigns").closed is not None


def test_closing_many_wants_a_list(org: dict[str, Any]) -> None:
    with pytest.raises(Invalid):
        services.close_goals(actor=EDITOR, closings={"goal": "more-leads", "score": 0.5})
