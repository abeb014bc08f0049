"""The rhythm's keys through the API: a goal's closing and origin, a key result's owner, in the file's format."""

from __future__ import annotations

from datetime import date

from lodestar.goals.models import Goal, KeyResult
from tests.integration.accounts.cast import ApiAs

CARRIED = {"id": "webinars-2", "title": "Webinars, carried over", "owner": "mkt", "period": "fy2026"}


def test_a_goal_is_closed_with_a_date_and_score_and_reads_back_as_closed(api_as: ApiAs) -> None:
    editor = api_as("editor")

    response = editor.patch(
        "/goals/mkt-analytics", {"closed": {"date": "2026-06-15", "score": 0.7, "note": "Halfway."}, "version": 1}
    )

    assert response.status_code == 200, response.content
    goal = editor.get("/goals/mkt-analytics", as_of="2026-07-01").json()
    assert goal["closed"] == {"date": "2026-06-15", "score": 0.7, "note": "Halfway."}
    assert (goal["status"], goal["progress"]) == ("closed", 0.7)
    stored = Goal.objects.get(id="mkt-analytics")
    assert (stored.closed_date, stored.closed_score, stored.closed_note) == (date(2026, 6, 15), 0.7, "Halfway.")


def test_a_closing_before_the_period_starts_is_refused_with_its_path(api_as: ApiAs) -> None:
    response = api_as("editor").patch(
        "/goals/mkt-analytics", {"closed": {"date": "2025-12-31", "score": 1}, "version": 1}
    )

    assert response.status_code == 422
    assert response.json()["details"] == [
        {"path": "closed.date", "message": "2025-12-31 is before the start of period 'fy2026' (2026-01-01)"}
    ]


def test_a_goal_names_the_goal_it_was_carried_from_and_that_goal_cannot_be_deleted(api_as: ApiAs) -> None:
    editor = api_as("editor")

    created = editor.post("/goals", {**CARRIED, "carried_from": "ana-campaigns"})
    refused = editor.delete("/goals/ana-campaigns")

    assert created.status_code == 201, created.content
    assert Goal.objects.get(id="webinars-2").carried_from_id == "ana-campaigns"
    assert refused.status_code == 409
    assert "webinars-2" in refused.json()["error"]
    assert editor.delete("/goals/webinars-2").status_code == 204
    assert editor.delete("/goals/ana-campaigns").status_code == 204


def test_a_goal_carried_from_an_unknown_goal_or_itself_is_refused(api_as: ApiAs) -> None:
    editor = api_as("editor")

    unknown = editor.post("/goals", {**CARRIED, "carried_from": "nowhere"})
    itself = editor.post("/goals", {**CARRIED, "carried_from": "webinars-2"})

    assert unknown.json()["details"] == [{"path": "carried_from", "message": "unknown goal 'nowhere'"}]
    assert itself.json()["details"] == [{"path": "carried_from", "message": "a goal cannot be carried from itself"}]


def test_a_key_result_names_the_person_who_checks_in_on_it(api_as: ApiAs) -> None:
    editor = api_as("editor")

    created = editor.post(
        "/key-results", {"goal": "mkt-analytics", "id": "dashboards", "title": "Dashboards", "owner": "ana"}
    )
    unknown = editor.patch("/key-results/dashboards", {"owner": "nobody", "version": 1})

    assert created.status_code == 201, created.content
    assert editor.get("/key-results/dashboards").json()["owner"] == "ana"
    assert KeyResult.objects.get(id="dashboards").owner_id == "ana"
    assert unknown.json()["details"] == [{"path": "owner", "message": "unknown person 'nobody'"}]
