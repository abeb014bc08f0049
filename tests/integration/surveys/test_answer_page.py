"""The answering page: a participant answers an open round on one page, in one go, without being named."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.models import AuditEntry
from lodestar.store.load import load_model
from lodestar.surveys import models as tables
from lodestar.surveys.services import close_survey
from tests.integration.accounts.cast import MODEL, BrowserAs, Cast, import_document
from tests.integration.surveys.rounds import TASKS, open_round, with_tasks

FULL = {
    "clarity-own_role": "4",
    "clarity-mission": "5",
    "accountable-web": "mkt",
    "responsible-web": ["mkt", "sales"],
    "accountable-leads": "dont_know",
    "responsible-leads": ["dont_know"],
}


@pytest.fixture
def round_open(cast: Cast) -> str:
    with_tasks()
    return open_round()


def page(survey_id: str) -> str:
    return f"/surveys/{survey_id}/answer"


@pytest.mark.parametrize(
    ("name", "status"),
    [("sam", 200), ("kim", 200), ("ana", 200), ("admin", 403), ("editor", 403), ("viewer", 403), ("unlinked", 403)],
)
def test_the_page_opens_for_people_of_the_audience_and_refuses_accounts_without_a_person(
    browser_as: BrowserAs, round_open: str, name: str, status: int
) -> None:
    response = browser_as(name).get(page(round_open))

    assert response.status_code == status
    if status == 403:
        assert b"not linked to a person" in response.content


def test_the_page_asks_the_three_questions_and_each_task_with_unit_names(
    browser_as: BrowserAs, round_open: str
) -> None:
    html = browser_as("sam").get(page(round_open)).content.decode()

    assert html.count('type="radio" name="clarity-') == 15
    assert "<legend>How clear is the mission to you?" in html
    assert '<option value="mkt">Marketing</option>' in html
    assert 'name="responsible-web" value="dont_know"' in html
    assert "<legend>Web analytics</legend>" in html and "<legend>Lead handover</legend>" in html


def test_a_person_outside_the_audience_gets_a_403_page(browser_as: BrowserAs, cast: Cast) -> None:
    with_tasks()
    survey_id = open_round(audience=["sales"])

    response = browser_as("sam").get(page(survey_id))

    assert response.status_code == 403
    assert b"does not ask your unit" in response.content


def test_a_closed_round_gets_a_409_page_and_takes_no_answer(browser_as: BrowserAs, round_open: str) -> None:
    close_survey(actor=command_line_actor(), survey_id=round_open, version=1)

    shown = browser_as("sam").get(page(round_open))
    sent = browser_as("sam").post(page(round_open), FULL)

    assert (shown.status_code, sent.status_code) == (409, 409)
    assert b"has been closed" in shown.content
    assert load_model().surveys[0].responses == []


def test_an_unknown_round_is_a_404(browser_as: BrowserAs, round_open: str) -> None:
    assert browser_as("sam").get(page("nowhere")).status_code == 404


def test_one_submit_saves_the_whole_answer_with_the_unit_and_thanks(browser_as: BrowserAs, round_open: str) -> None:
    response = browser_as("sam").post(page(round_open), FULL)

    assert response.status_code == 200
    assert b"Thank you" in response.content and b"You can change it until the survey closes" in response.content
    survey = load_model().surveys[0]
    assert survey.participants == ["sam"]
    (stored,) = survey.responses
    assert (stored.unit, stored.clarity) == ("mkt", {"own_role": 4, "mission": 5})
    assert [(a.task, a.accountable, a.responsible) for a in stored.answers or []] == [
        ("web", "mkt", ["mkt", "sales"]),
        ("leads", "dont_know", "dont_know"),
    ]


def test_opening_again_shows_the_earlier_answer_and_sending_replaces_it(browser_as: BrowserAs, round_open: str) -> None:
    sam = browser_as("sam")
    sam.post(page(round_open), FULL)

    html = sam.get(page(round_open)).content.decode()
    again = sam.post(page(round_open), {"clarity-own_role": "1"})

    assert 'name="clarity-own_role" value="4" checked' in html
    assert '<option value="mkt" selected>Marketing</option>' in html
    assert "replaces the earlier answer" in html
    assert b"has replaced your earlier one" in again.content
    (stored,) = load_model().surveys[0].responses
    assert (stored.clarity, stored.answers) == ({"own_role": 1}, None)


def test_an_empty_submit_is_an_answer_with_every_question_skipped(browser_as: BrowserAs, round_open: str) -> None:
    assert browser_as("kim").post(page(round_open), {}).status_code == 200
    (stored,) = load_model().surveys[0].responses
    assert (stored.unit, stored.clarity, stored.answers) == ("sales", None, None)


def test_invalid_input_is_shown_next_to_its_field_and_keeps_what_was_typed(
    browser_as: BrowserAs, round_open: str
) -> None:
    sent = {**FULL, "clarity-own_role": "9", "accountable-web": "nowhere"}

    response = browser_as("sam").post(page(round_open), sent)

    html = response.content.decode()
    assert response.status_code == 400
    assert '<p class="field-error" id="clarity-own_role-error">9 is out of range: expected 1 to 5</p>' in html
    assert '<p class="field-error" id="task-web-error">unknown unit &#x27;nowhere&#x27;</p>' in html
    assert 'name="clarity-mission" value="5" checked' in html
    assert 'name="responsible-web" value="sales" checked' in html
    assert load_model().surveys[0].responses == []


def test_units_and_dont_know_together_are_refused_next_to_the_task(browser_as: BrowserAs, round_open: str) -> None:
    response = browser_as("sam").post(page(round_open), {**FULL, "responsible-leads": ["dont_know", "mkt"]})

    html = response.content.decode()
    assert response.status_code == 400
    assert '<p class="field-error" id="task-leads-error">Choose units or “don’t know”, not both.</p>' in html
    assert 'name="responsible-leads" value="mkt" checked' in html
    assert load_model().surveys[0].responses == []


def test_neither_the_page_the_stored_response_nor_the_audit_entry_links_the_person(
    browser_as: BrowserAs, round_open: str
) -> None:
    sam = browser_as("sam")
    sam.post(page(round_open), FULL)
    sam.post(page(round_open), FULL)

    stored = tables.SurveyResponse.objects.get()
    assert "sam" not in json.dumps([stored.unit, stored.clarity, stored.answers])
    assert not hasattr(stored, "person_id")
    entries = AuditEntry.objects.filter(action="survey.answer")
    assert [(e.actor, e.before, e.after) for e in entries] == [("a participant", None, None)] * 2
    assert stored.token
    assert stored.token not in sam.get(page(round_open)).content.decode()


@pytest.mark.parametrize("language", ["de"])
def test_the_page_speaks_german(browser_as: BrowserAs, round_open: str, language: str) -> None:
    response = browser_as("sam").get(page(round_open), headers={"Accept-Language": language})

    assert "Wie klar ist Ihnen die Mission?" in response.content.decode()


def grown(teams: int) -> dict[str, Any]:
    """The cast's organization with `teams` more teams under Marketing & Sales, a person each, and the tasks."""
    units = [{"id": f"t{t}", "name": f"Team {t}", "kind": "team", "parent": "mkt"} for t in range(teams)]
    people = [{"id": f"p{t}", "name": f"Person {t}", "unit": f"t{t}"} for t in range(teams)]
    return {**MODEL, "units": [*MODEL["units"], *units], "people": [*MODEL["people"], *people], "tasks": TASKS}


def test_the_page_makes_as_many_queries_for_a_larger_organization(browser_as: BrowserAs, cast: Cast) -> None:
    counts = []
    for size in (2, 12):
        import_document(grown(size))
        survey_id = open_round(f"size-{size}")
        sam = browser_as("sam")
        with CaptureQueriesContext(connection) as shown:
            assert sam.get(page(survey_id)).status_code == 200
        counts.append(len(shown.captured_queries))

    assert counts[0] == counts[1]


def test_the_list_shows_the_open_rounds_a_person_is_asked_and_links_to_them(
    browser_as: BrowserAs, round_open: str
) -> None:
    open_round("sales-only", audience=["sales"])
    open_round("later", opens="2099-01-01", closes="2099-01-31")

    html = browser_as("sam").get("/surveys/").content.decode()

    assert f'href="/surveys/{round_open}/answer"' in html
    assert "sales-only" not in html and "later" not in html
    assert 'href="/surveys/"' in browser_as("sam").get("/me/").content.decode()


def test_the_list_says_when_no_round_is_open_and_when_no_person_is_linked(
    browser_as: BrowserAs, round_open: str
) -> None:
    close_survey(actor=command_line_actor(), survey_id=round_open, version=1)

    assert "No survey is open for you right now." in browser_as("sam").get("/surveys/").content.decode()
    assert "not linked to a person" in browser_as("editor").get("/surveys/").content.decode()
