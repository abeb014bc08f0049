"""Closing and reopening a goal on its page: the form, its refusals, who may, the audit log, carried goals.

Who may change what is the cast's (tests/integration/accounts/cast.py): Ana her own goal
`ana-campaigns`, Sam Marketing's, Kim Sales'; the viewer nothing. `more-leads` stands at 12 % as
of 1 July 2026: its own key result at 50 %, its two contributing goals (weights 2 and 1) at none.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from typing import Any

import pytest

from lodestar.accounts.actor import Actor
from lodestar.accounts.models import AuditEntry
from lodestar.goals import services
from lodestar.lib.model import Closing
from lodestar.store.load import load_model
from tests.integration.accounts.cast import MODEL, BrowserAs, Cast, import_document

AS_OF = "2026-07-01"
EDITOR = Actor(label="editor@example.com", role="editor", person_id=None, surface="web")


def closed(goal_id: str) -> Closing | None:
    return next(goal.closed for goal in load_model().goals if goal.id == goal_id)


def score_field(content: str) -> str:
    found = re.search(r'<input type="number" id="close-score" name="score"[^>]*>', content)
    assert found, content
    return found.group(0)


def test_an_editor_is_offered_to_close_a_goal_with_the_score_proposed_from_its_progress(browser_as: BrowserAs) -> None:
    content = browser_as("editor").get("/goals/more-leads/", {"as_of": AS_OF}).content.decode()

    field = score_field(content)
    assert 'value="0.1"' in field  # 12 % on the step of 0.1
    assert 'step="0.1"' in field
    assert 'min="0"' in field and 'max="1"' in field
    assert '<output id="close-score-percent" for="close-score" class="unit">10 %</output>' in content
    assert "proposed 0.1 from its progress (12 %)" in content
    assert 'name="note"' in content
    assert '<input type="date" id="close-date" name="date" min="2026-01-01"' in content


@pytest.mark.parametrize("user", ["viewer", "kim", "unlinked"])
def test_who_may_not_change_a_goal_sees_no_close_form_and_is_refused_a_close(browser_as: BrowserAs, user: str) -> None:
    client = browser_as(user)
    assert 'id="close-score"' not in client.get("/goals/ana-campaigns/").content.decode()

    response = client.post("/goals/ana-campaigns/close", {"score": "0.7", "version": "1"})

    assert response.status_code == 403
    assert closed("ana-campaigns") is None
    assert not AuditEntry.objects.filter(action="goal.close").exists()


def test_a_member_closes_her_own_goal_and_its_page_says_so_with_the_note(browser_as: BrowserAs) -> None:
    client = browser_as("ana")
    form = {"score": "0.7", "note": "Tracking needs a budget line.", "date": "2026-07-01", "version": "1"}

    response = client.post("/goals/ana-campaigns/close", form)

    assert response.status_code == 302
    assert response["Location"] == "/goals/ana-campaigns/#closing"
    assert closed("ana-campaigns") == Closing(date(2026, 7, 1), 0.7, "Tracking needs a budget line.")
    content = client.get("/goals/ana-campaigns/").content.decode()
    assert "Closed with score 0.7 (70 %)." in content  # the notice after the redirect
    assert 'Closed on 1 Jul 2026 with score <strong>0.7</strong> <span class="nowrap">(70 %)</span>.' in content
    assert "Closed: it counts with its final score, 70 %, in the goals above it." in content
    assert (
        '<span class="bar status-closed" role="img" aria-label="progress 70 %"><span class="fill" style="width: 70.0%"></span></span>'
        in content
    )
    assert '<h3>What we learned</h3><p class="closing-note">Tracking needs a budget line.</p>' in content
    assert 'class="badge status-closed">Closed</span>' in content
    entry = AuditEntry.objects.get(action="goal.close")
    assert (entry.actor, entry.subject, entry.surface) == ("ana@example.com", "goal:ana-campaigns", "web")
    assert entry.before is not None and "closed" not in entry.before
    assert entry.after is not None
    assert entry.after["closed"] == {"date": "2026-07-01", "score": 0.7, "note": "Tracking needs a budget line."}


def test_a_refused_closing_shows_each_error_next_to_its_field_and_keeps_what_was_typed(browser_as: BrowserAs) -> None:
    form = {"score": "1.5", "note": "What we learned, typed.", "date": "2026-06-30", "version": "1"}

    response = browser_as("sam").post("/goals/mkt-analytics/close", form)

    assert response.status_code == 400
    content = response.content.decode()
    assert 'value="1.5"' in score_field(content)
    assert 'aria-invalid="true"' in score_field(content)
    assert '<p class="field-error" id="close-score-err">1.5 is out of range: expected 0 to 1</p>' in content
    assert 'value="2026-06-30"' in content
    assert "What we learned, typed.</textarea>" in content
    assert '<details class="close-goal" open>' in content
    assert closed("mkt-analytics") is None


def test_a_closing_before_the_period_starts_is_refused_at_the_date_which_unfolds(browser_as: BrowserAs) -> None:
    response = browser_as("sam").post("/goals/mkt-analytics/close", {"score": "0.3", "date": "2025-12-31"})

    assert response.status_code == 400
    content = response.content.decode()
    assert re.search(r'<p class="field-error" id="close-date-err">[^<]*2026-01-01', content), content
    assert 'value="2025-12-31"' in content
    assert '<details class="other-day" open>' in content
    assert 'value="0.3"' in score_field(content)
    assert closed("mkt-analytics") is None


def test_a_closing_without_a_score_is_refused_at_the_score(browser_as: BrowserAs) -> None:
    response = browser_as("sam").post("/goals/mkt-analytics/close", {"score": "", "version": "1"})

    assert response.status_code == 400
    assert 'id="close-score-err"' in response.content.decode()
    assert closed("mkt-analytics") is None


def test_a_closing_of_a_goal_changed_meanwhile_says_so_and_keeps_the_note(browser_as: BrowserAs) -> None:
    form = {"score": "0.4", "note": "Kept for the second try.", "version": "7"}

    response = browser_as("sam").post("/goals/mkt-analytics/close", form)

    assert response.status_code == 409
    content = response.content.decode()
    assert "was changed by someone else since you opened it" in content
    assert "Kept for the second try.</textarea>" in content
    assert '<input type="hidden" name="version" value="1">' in content  # the form is now based on the goal as it is
    assert closed("mkt-analytics") is None


def test_reopening_asks_first_then_takes_the_closing_off(browser_as: BrowserAs) -> None:
    services.close_goal(actor=EDITOR, goal_id="ana-campaigns", score=0.6, note="Done enough.", date="2026-07-01")
    client = browser_as("ana")
    page = client.get("/goals/ana-campaigns/").content.decode()
    assert '<a class="button small no-print" href="/goals/ana-campaigns/reopen">Reopen</a>' in page
    assert "Grade again" in page

    confirm = client.get("/goals/ana-campaigns/reopen")
    assert confirm.status_code == 200
    assert "closed on 1 Jul 2026 with score 0.6 (60 %)" in confirm.content.decode()
    assert closed("ana-campaigns") is not None
    response = client.post("/goals/ana-campaigns/reopen", {"version": "2"})

    assert response.status_code == 302
    assert response["Location"] == "/goals/ana-campaigns/"
    assert closed("ana-campaigns") is None
    content = client.get("/goals/ana-campaigns/").content.decode()
    assert "Reopened: the goal is judged by its progress again." in content
    assert 'id="close-score"' in content
    entry = AuditEntry.objects.get(action="goal.reopen")
    assert (entry.actor, entry.subject) == ("ana@example.com", "goal:ana-campaigns")


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_viewer_may_not_reopen_a_goal(browser_as: BrowserAs, method: str) -> None:
    services.close_goal(actor=EDITOR, goal_id="ana-campaigns", score=0.6, date="2026-07-01")
    client = browser_as("viewer")
    assert "Reopen" not in client.get("/goals/ana-campaigns/").content.decode()

    response = getattr(client, method)("/goals/ana-campaigns/reopen", {"version": "2"})

    assert response.status_code == 403
    assert closed("ana-campaigns") is not None


def test_reopening_an_open_goal_is_a_conflict(browser_as: BrowserAs) -> None:
    assert browser_as("ana").get("/goals/ana-campaigns/reopen").status_code == 409
    assert browser_as("ana").post("/goals/ana-campaigns/reopen", {"version": "1"}).status_code == 409


def test_grading_a_closed_goal_again_shows_its_score_and_note_in_the_form(browser_as: BrowserAs) -> None:
    services.close_goal(actor=EDITOR, goal_id="more-leads", score=0.8, note="Webinars worked.", date="2026-07-01")
    client = browser_as("editor")
    content = client.get("/goals/more-leads/").content.decode()
    assert 'value="0.8"' in score_field(content)
    assert "Webinars worked.</textarea>" in content

    response = client.post("/goals/more-leads/close", {"score": "0.9", "note": "Webinars worked.", "version": "2"})

    assert response.status_code == 302
    assert closed("more-leads") is not None and closed("more-leads").score == 0.9  # type: ignore[union-attr]  # checked


def test_a_goal_closed_after_the_day_shown_is_still_open_as_of_that_day(browser_as: BrowserAs) -> None:
    services.close_goal(actor=EDITOR, goal_id="more-leads", score=0.8, date="2026-07-01")

    content = browser_as("viewer").get("/goals/more-leads/", {"as_of": "2026-06-30"}).content.decode()

    assert "Closed later, on 1 Jul 2026, with score 0.8: as of 30 Jun 2026 it is still open." in content
    assert "Closed on" not in content


def test_a_carried_goal_links_back_and_its_original_links_on(browser_as: BrowserAs, cast: Cast) -> None:
    document: dict[str, Any] = copy.deepcopy(MODEL)
    document["periods"].append({"id": "fy2027", "start": "2027-01-01", "end": "2027-12-31"})
    import_document(document)
    services.roll_over(actor=EDITOR, source="fy2026", target="fy2027", goal_ids=["mkt-analytics"])
    client = browser_as("viewer")

    copy_page = client.get("/goals/mkt-analytics.fy2027/").content.decode()
    original_page = client.get("/goals/mkt-analytics/").content.decode()

    assert 'Carried over from <a href="/goals/mkt-analytics/">Measure every campaign</a> (fy2026)' in copy_page, (
        copy_page
    )
    assert 'Carried on to <a href="/goals/mkt-analytics.fy2027/">Measure every campaign</a> (fy2027)' in original_page
    assert "Carried over from" not in original_page
