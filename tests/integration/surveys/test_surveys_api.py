"""The surveys API: rounds for editors, answers for participants, results exactly as the CLI prints them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from lodestar.accounts.models import AuditEntry
from lodestar.store.load import load_model
from lodestar.surveys import models as tables
from tests.conftest import run_lodestar
from tests.integration.accounts.cast import ApiAs, Cast
from tests.integration.surveys.rounds import ANSWER, open_round, with_tasks


@pytest.fixture
def round_open(cast: Cast) -> str:
    with_tasks()
    return open_round()


def settings(**more: Any) -> dict[str, Any]:
    return {
        "id": "q3",
        "name": "Third round",
        "opens": "2026-09-01",
        "closes": "2026-09-30",
        "audience": ["ms"],
        **more,
    }


def test_an_editor_starts_a_round_and_gets_it_with_its_counts(api_as: ApiAs, cast: Cast) -> None:
    response = api_as("editor").post("/surveys", settings(min_group=3))

    assert response.status_code == 201, response.content
    assert response.json() == {
        **settings(min_group=3),
        "version": 1,
        "invited": 4,
        "responses": 0,
        "answered": {},
    }


@pytest.mark.parametrize("name", ["sam", "viewer"])
def test_a_member_or_viewer_may_not_start_a_round(api_as: ApiAs, cast: Cast, name: str) -> None:
    assert api_as(name).post("/surveys", settings()).status_code == 403


def test_a_round_with_bad_settings_is_refused_with_paths(api_as: ApiAs, cast: Cast) -> None:
    response = api_as("editor").post("/surveys", settings(closes="2026-08-01", min_group=0))

    assert response.status_code == 422
    assert sorted(d["path"] for d in response.json()["details"]) == ["closes", "min_group"]


def test_answers_cannot_be_set_by_an_editor(api_as: ApiAs, cast: Cast) -> None:
    response = api_as("editor").post("/surveys", settings(participants=["sam"]))

    assert response.status_code == 422
    assert [d["path"] for d in response.json()["details"]] == ["participants"]


def test_an_editor_changes_closes_and_deletes_a_round(api_as: ApiAs, round_open: str) -> None:
    editor = api_as("editor")
    changed = editor.patch(f"/surveys/{round_open}", {"name": "Renamed", "version": 1})
    assert (changed.status_code, changed.json()["name"], changed.json()["version"]) == (200, "Renamed", 2)
    stale = editor.post(f"/surveys/{round_open}/close", {"version": 1})
    assert stale.status_code == 409
    closed = editor.post(f"/surveys/{round_open}/close", {"version": 2})
    assert closed.status_code == 200
    assert api_as("sam").post(f"/surveys/{round_open}/responses", ANSWER).status_code == 409
    assert editor.delete(f"/surveys/{round_open}?version=3").status_code == 204
    assert editor.get(f"/surveys/{round_open}").status_code == 404


def test_a_participant_answers_and_answering_again_replaces_the_answer(api_as: ApiAs, round_open: str) -> None:
    sam = api_as("sam")
    first = sam.post(f"/surveys/{round_open}/responses", ANSWER)
    again = sam.post(f"/surveys/{round_open}/responses", {"clarity": {"own_role": 1}})

    assert (first.status_code, first.json()) == (200, {"survey": round_open, "replaced": False})
    assert (again.status_code, again.json()) == (200, {"survey": round_open, "replaced": True})
    survey = load_model().surveys[0]
    assert survey.participants == ["sam"]
    assert len(survey.responses) == 1
    assert (survey.responses[0].unit, survey.responses[0].clarity, survey.responses[0].answers) == (
        "mkt",
        {"own_role": 1},
        None,
    )
    assert api_as("editor").get(f"/surveys/{round_open}").json()["answered"] == {"mkt": 1}


def test_a_person_outside_the_audience_or_without_a_person_may_not_answer(api_as: ApiAs, cast: Cast) -> None:
    with_tasks()
    survey_id = open_round(audience=["sales"])

    assert api_as("sam").post(f"/surveys/{survey_id}/responses", ANSWER).status_code == 403
    assert api_as("editor").post(f"/surveys/{survey_id}/responses", ANSWER).status_code == 403
    assert api_as("kim").post(f"/surveys/{survey_id}/responses", ANSWER).status_code == 200


def test_an_invalid_answer_is_refused_with_its_path(api_as: ApiAs, round_open: str) -> None:
    body = {"clarity": {"own_role": 7}, "answers": [{"task": "web", "accountable": "nowhere"}]}
    response = api_as("sam").post(f"/surveys/{round_open}/responses", body)

    assert response.status_code == 422
    assert sorted(d["path"] for d in response.json()["details"]) == ["answers[0]", "clarity.own_role"]
    assert load_model().surveys[0].responses == []


def test_the_results_are_exactly_what_the_command_prints(api_as: ApiAs, round_open: str) -> None:
    api_as("sam").post(f"/surveys/{round_open}/responses", ANSWER)
    api_as("kim").post(f"/surveys/{round_open}/responses", {"answers": [{"task": "web", "accountable": "ms"}]})

    from_api = api_as("viewer").get(f"/surveys/{round_open}/results")
    printed = run_lodestar("survey", "results", round_open, "--format", "json")

    assert from_api.status_code == 200
    assert from_api.json() == json.loads(printed.out)
    assert from_api.json()["tasks"][0]["answers"] == 2


def test_no_api_answer_or_audit_entry_links_a_person_to_their_answer(api_as: ApiAs, round_open: str) -> None:
    api_as("sam").post(f"/surveys/{round_open}/responses", ANSWER)
    api_as("sam").post(f"/surveys/{round_open}/responses", ANSWER)

    answers = [
        api_as("editor").get("/surveys").content,
        api_as("editor").get(f"/surveys/{round_open}").content,
        api_as("editor").get(f"/surveys/{round_open}/results").content,
    ]
    assert not any(b"sam" in content or b"Sam" in content for content in answers)
    entries = AuditEntry.objects.filter(action="survey.answer")
    assert [(e.actor, e.before, e.after) for e in entries] == [("a participant", None, None)] * 2
    stored = tables.SurveyResponse.objects.get()
    assert "sam" not in json.dumps([stored.unit, stored.clarity, stored.answers, stored.token])


def test_a_group_below_min_group_shows_no_figure_in_the_api(api_as: ApiAs, cast: Cast) -> None:
    with_tasks()
    survey_id = open_round(min_group=2)
    api_as("sam").post(f"/surveys/{survey_id}/responses", ANSWER)

    found = api_as("editor").get(f"/surveys/{survey_id}/results").json()

    assert found["clarity"] == {"own_role": None, "neighbours": None, "mission": None}
    assert all(t[k] is None for t in found["tasks"] for k in ("accountable_agreement", "dont_know", "consensus"))
    assert found["units"] == [{"unit": "mkt", "responses": 1, "clarity": None, "accountable_agreement": None}]
