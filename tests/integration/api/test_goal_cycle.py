"""The goal cycle over the API: close (grade) and reopen a goal, and roll a period over into the next."""

from __future__ import annotations

import copy

from lodestar.accounts.models import AuditEntry
from lodestar.goals.models import Goal
from lodestar.store.models import RestorePoint
from tests.integration.accounts.cast import MODEL, ApiAs, import_document


def with_a_second_half() -> None:
    """The cast's organization with its goals in the first half of 2026 and a second half to carry them into."""
    document = copy.deepcopy(MODEL)
    document["periods"] = [
        {"id": "h1-2026", "start": "2026-01-01", "end": "2026-06-30"},
        {"id": "h2-2026", "start": "2026-07-01", "end": "2026-12-31"},
    ]
    for goal in document["goals"]:
        goal["period"] = "h1-2026"
    import_document(document)


def test_a_member_closes_her_goal_and_it_counts_with_its_score(api_as: ApiAs) -> None:
    response = api_as("sam").post("/goals/mkt-analytics/close", {"date": "2026-06-30", "score": 0.4, "note": "Late."})

    assert response.status_code == 200, response.content
    goal = response.json()
    assert goal["status"] == "closed"
    assert goal["progress"] == 0.4
    assert goal["closed"] == {"date": "2026-06-30", "score": 0.4, "note": "Late."}
    assert AuditEntry.objects.filter(action="goal.close", subject="goal:mkt-analytics").exists()


def test_a_score_outside_0_to_1_or_a_missing_one_is_refused_with_the_field(api_as: ApiAs) -> None:
    sam = api_as("sam")

    too_high = sam.post("/goals/mkt-analytics/close", {"score": 1.5})
    missing = sam.post("/goals/mkt-analytics/close", {"note": "no score"})
    unknown = sam.post("/goals/mkt-analytics/close", {"score": 0.5, "grade": "A"})

    assert too_high.status_code == 422
    assert [detail["path"] for detail in too_high.json()["details"]] == ["score"]
    assert missing.status_code == 422
    assert [detail["path"] for detail in missing.json()["details"]] == ["score"]
    assert [detail["path"] for detail in unknown.json()["details"]] == ["grade"]
    assert Goal.objects.get(id="mkt-analytics").closed_score is None


def test_viewers_and_members_of_other_units_may_not_close(api_as: ApiAs) -> None:
    assert api_as("viewer").post("/goals/mkt-analytics/close", {"score": 0.5}).status_code == 403
    assert api_as("kim").post("/goals/mkt-analytics/close", {"score": 0.5}).status_code == 403
    assert Goal.objects.get(id="mkt-analytics").closed_score is None


def test_reopening_scores_the_goal_from_its_key_results_again(api_as: ApiAs) -> None:
    sam = api_as("sam")
    sam.post("/goals/mkt-analytics/close", {"date": "2026-06-30", "score": 0.4})

    reopened = sam.delete("/goals/mkt-analytics/close")
    again = sam.delete("/goals/mkt-analytics/close")

    assert reopened.status_code == 204, reopened.content
    goal = sam.get("/goals/mkt-analytics").json()
    assert goal["closed"] is None
    assert goal["status"] != "closed"
    assert again.status_code == 409
    assert AuditEntry.objects.filter(action="goal.reopen").count() == 1


def test_a_dry_run_plans_the_roll_over_and_writes_nothing(api_as: ApiAs) -> None:
    with_a_second_half()
    before = Goal.objects.count()

    response = api_as("editor").post("/periods/h1-2026/rollover", {"to": "h2-2026", "dry_run": True})

    assert response.status_code == 200, response.content
    plan = response.json()
    assert (plan["from"], plan["to"], plan["applied"]) == ("h1-2026", "h2-2026", False)
    assert {item["goal"] for item in plan["carried"]} >= {"mkt-analytics"}
    assert all(item["copy"] == f"{item['goal']}.h2-2026" for item in plan["carried"])
    assert Goal.objects.count() == before


def test_a_roll_over_carries_the_goals_links_them_back_and_keeps_a_restore_point(api_as: ApiAs) -> None:
    with_a_second_half()
    points = RestorePoint.objects.count()

    response = api_as("editor").post("/periods/h1-2026/rollover", {"to": "h2-2026", "goals": ["mkt-analytics"]})

    assert response.status_code == 200, response.content
    assert response.json()["applied"] is True
    assert [item["goal"] for item in response.json()["carried"]] == ["mkt-analytics"]
    copy_row = Goal.objects.get(id="mkt-analytics.h2-2026")
    assert (copy_row.period_id, copy_row.carried_from_id) == ("h2-2026", "mkt-analytics")
    assert RestorePoint.objects.count() == points + 1
    assert AuditEntry.objects.filter(action="period.rollover").exists()


def test_a_refused_roll_over_names_every_problem_and_writes_nothing(api_as: ApiAs) -> None:
    with_a_second_half()
    editor = api_as("editor")
    before = Goal.objects.count()

    backwards = editor.post("/periods/h2-2026/rollover", {"to": "h1-2026"})
    unknown = editor.post("/periods/h1-2026/rollover", {"to": "h2-2026", "goals": ["nowhere"]})
    no_target = editor.post("/periods/h1-2026/rollover", {})

    assert backwards.status_code == 422
    assert unknown.status_code == 422
    assert "nowhere" in unknown.content.decode()
    assert no_target.status_code == 422
    assert [detail["path"] for detail in no_target.json()["details"]] == ["to"]
    assert Goal.objects.count() == before
    assert api_as("viewer").post("/periods/h1-2026/rollover", {"to": "h2-2026"}).status_code == 403
