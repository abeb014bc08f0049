"""The period page: the retrospective, "Close many", and the roll-over with its plan, by role.

The cast's organization (tests/integration/accounts/cast.py) with a second year, fy2027, to carry
into. Sam leads Marketing (`mkt-analytics`, Ana's `ana-campaigns`); `more-leads` (Marketing &
Sales) and `sales-pipeline` are not his; the viewer changes nothing.
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
from lodestar.lib.model import Closing, Goal
from lodestar.store.load import load_model
from tests.integration.accounts.cast import MODEL, BrowserAs, Cast, import_document

EDITOR = Actor(label="editor@example.com", role="editor", person_id=None, surface="web")
EVERY_GOAL = ["more-leads", "mkt-analytics", "sales-pipeline", "ana-campaigns"]


@pytest.fixture
def years(cast: Cast) -> None:
    """The cast's organization with a second year, fy2027, to carry its goals into."""
    document: dict[str, Any] = copy.deepcopy(MODEL)
    document["periods"].append({"id": "fy2027", "start": "2027-01-01", "end": "2027-12-31"})
    import_document(document)


def goals() -> dict[str, Goal]:
    return {goal.id: goal for goal in load_model().goals}


def ticked(content: str, name: str) -> list[str]:
    """The values of the checked checkboxes called `name`."""
    return re.findall(rf'<input type="checkbox" name="{name}" value="([^"]+)" checked', content)


def offered(content: str, name: str) -> list[str]:
    return re.findall(rf'<input type="checkbox" name="{name}" value="([^"]+)"', content)


def test_the_retrospective_lists_the_goals_with_final_scores_notes_and_status_counts(
    browser_as: BrowserAs, years: None
) -> None:
    services.close_goal(
        actor=EDITOR, goal_id="mkt-analytics", score=0.7, note="Tags first, then reports.", date="2026-07-01"
    )

    response = browser_as("viewer").get("/periods/fy2026/", {"as_of": "2026-07-01"})

    assert response.status_code == 200
    content = response.content.decode()
    rows = re.findall(r'<tr id="retro-([^"]+)">', content)
    assert rows == EVERY_GOAL
    closed_row = content[content.index('<tr id="retro-mkt-analytics">') :].split("</tr>")[0]
    assert '<strong>0.7</strong> <span class="meta">(70 %), graded 1 Jul 2026</span>' in closed_row
    assert "Tags first, then reports." in closed_row
    open_row = content[content.index('<tr id="retro-more-leads">') :].split("</tr>")[0]
    assert "progress on 1 Jul 2026, not graded" in open_row
    assert re.search(r'status-closed">Closed</span> <strong>1</strong>', content)
    assert "<strong>4</strong> goals" in content


def test_an_ungraded_goal_of_an_ended_period_scores_its_progress_at_the_end_as_the_roll_over_does(
    browser_as: BrowserAs, cast: Cast
) -> None:
    document: dict[str, Any] = copy.deepcopy(MODEL)
    document["periods"] = [
        {"id": "q1", "start": "2026-01-01", "end": "2026-03-31"},
        {"id": "q2", "start": "2026-04-01", "end": "2026-06-30"},
    ]
    for goal in document["goals"]:
        goal["period"] = "q1"
    import_document(document)  # web-mqls: 150 on 31 March (17 %), 210 on 30 June (50 %)

    content = browser_as("editor").get("/periods/q1/", {"as_of": "2026-07-01"}).content.decode()

    row = content[content.index('<tr id="retro-more-leads">') :].split("</tr>")[0]
    shown = re.search(r'<td class="score">(\d+ %) <span class="meta">progress on 31 Mar 2026, not graded', row)
    assert shown, row
    carried = re.search(
        r'value="more-leads" checked> More qualified leads from the web</label>\s*<span class="meta">final score (\d+ %)',
        content,
    )
    assert carried, content
    assert shown[1] == carried[1] == "4 %"  # 17 % of its own key result, weighed 1 against its contributors' 3


def test_a_viewer_sees_the_retrospective_without_forms_and_is_refused_every_post(
    browser_as: BrowserAs, years: None
) -> None:
    client = browser_as("viewer")
    content = client.get("/periods/fy2026/").content.decode()
    assert "Close many" not in content
    assert "Roll over" not in content
    assert 'name="carry"' not in content

    closing = client.post("/periods/fy2026/close", {"close": "mkt-analytics", "score-mkt-analytics": "0.5"})
    rolling = client.post("/periods/fy2026/roll-over", {"target": "fy2027", "carry": "mkt-analytics"})
    planning = client.get("/periods/fy2026/", {"plan": "1", "target": "fy2027", "carry": "mkt-analytics"})

    assert (closing.status_code, rolling.status_code, planning.status_code) == (403, 403, 403)
    assert goals()["mkt-analytics"].closed is None
    assert "mkt-analytics.fy2027" not in goals()


def test_an_unknown_period_is_not_found(browser_as: BrowserAs, years: None) -> None:
    client = browser_as("editor")
    assert client.get("/periods/fy1999/").status_code == 404
    assert (
        client.post("/periods/fy1999/close", {"close": "mkt-analytics", "score-mkt-analytics": "1"}).status_code == 404
    )
    assert client.post("/periods/fy1999/roll-over", {"target": "fy2027", "carry": "mkt-analytics"}).status_code == 404
    assert goals()["mkt-analytics"].closed is None


def test_the_goal_page_and_the_alignment_page_link_the_period_pages(browser_as: BrowserAs, years: None) -> None:
    client = browser_as("viewer")
    assert 'period <a href="/periods/fy2026/">fy2026</a>' in client.get("/goals/more-leads/").content.decode()
    alignment = client.get("/goals/").content.decode()
    assert '<a href="/periods/fy2026/">fy2026</a>' in alignment
    assert '<a href="/periods/fy2027/">fy2027</a>' in alignment


def test_an_editor_closes_many_goals_in_one_post(browser_as: BrowserAs, years: None) -> None:
    client = browser_as("editor")
    page = client.get("/periods/fy2026/", {"as_of": "2026-07-01"}).content.decode()
    assert offered(page, "close") == EVERY_GOAL
    assert 'name="score-more-leads" min="0" max="1" step="0.1" inputmode="decimal" value="0.1"' in page  # 12 %
    assert '<p class="hint" id="many-hint-more-leads">progress on 1 Jul: 12 %</p>' in page
    form = {
        "close": ["mkt-analytics", "ana-campaigns"],
        "score-mkt-analytics": "0.4",
        "note-mkt-analytics": "Start with the tags.",
        "version-mkt-analytics": "1",
        "score-ana-campaigns": "1",
        "version-ana-campaigns": "1",
        "score-more-leads": "0.2",  # not ticked: stays open
        "date": "2026-07-01",
    }

    response = client.post("/periods/fy2026/close", form)

    assert response.status_code == 302
    assert response["Location"] == "/periods/fy2026/#retrospective"
    stored = goals()
    assert stored["mkt-analytics"].closed == Closing(date(2026, 7, 1), 0.4, "Start with the tags.")
    assert stored["ana-campaigns"].closed == Closing(date(2026, 7, 1), 1.0)
    assert stored["more-leads"].closed is None
    entries = AuditEntry.objects.filter(action="goal.close").order_by("id")
    assert [(e.subject, e.actor) for e in entries] == [
        ("goal:mkt-analytics", "editor@example.com"),
        ("goal:ana-campaigns", "editor@example.com"),
    ]
    content = client.get("/periods/fy2026/").content.decode()
    assert "Closed 2 goals." in content
    assert offered(content, "close") == ["more-leads", "sales-pipeline"]  # the open ones


def test_close_many_offers_a_member_only_the_goals_he_may_close(browser_as: BrowserAs, years: None) -> None:
    content = browser_as("sam").get("/periods/fy2026/").content.decode()

    assert offered(content, "close") == ["mkt-analytics", "ana-campaigns"]
    assert offered(content, "carry") == ["mkt-analytics", "ana-campaigns"]


def test_a_member_who_ticks_a_goal_of_another_unit_is_refused_and_nothing_is_closed(
    browser_as: BrowserAs, years: None
) -> None:
    form = {"close": ["mkt-analytics", "sales-pipeline"], "score-mkt-analytics": "0.5", "score-sales-pipeline": "0.5"}

    response = browser_as("sam").post("/periods/fy2026/close", form)

    assert response.status_code == 403
    assert "sales-pipeline" in response.content.decode()
    assert goals()["mkt-analytics"].closed is None


def test_a_refused_close_many_closes_nothing_and_keeps_every_tick_and_score(browser_as: BrowserAs, years: None) -> None:
    form = {
        "close": ["mkt-analytics", "ana-campaigns"],
        "score-mkt-analytics": "0.4",
        "note-mkt-analytics": "Typed, and kept.",
        "score-ana-campaigns": "2",
        "score-more-leads": "0.3",
    }

    response = browser_as("editor").post("/periods/fy2026/close", form)

    assert response.status_code == 400
    content = response.content.decode()
    assert ticked(content, "close") == ["mkt-analytics", "ana-campaigns"]
    assert '<p class="field-error" id="many-score-err-ana-campaigns">2 is out of range: expected 0 to 1</p>' in content
    assert 'id="many-score-err-mkt-analytics"' not in content
    assert 'name="score-mkt-analytics" min="0" max="1" step="0.1" inputmode="decimal" value="0.4"' in content
    assert 'name="score-more-leads" min="0" max="1" step="0.1" inputmode="decimal" value="0.3"' in content
    assert 'value="Typed, and kept."' in content
    assert all(goals()[goal_id].closed is None for goal_id in EVERY_GOAL)


def test_a_date_before_the_period_is_shown_once_at_the_common_date(browser_as: BrowserAs, years: None) -> None:
    form = {
        "close": ["mkt-analytics", "ana-campaigns"],
        "score-mkt-analytics": "0.4",
        "score-ana-campaigns": "0.6",
        "date": "2025-12-01",
    }

    content = browser_as("editor").post("/periods/fy2026/close", form).content.decode()

    errors = re.findall(r'<p class="field-error" id="many-date-err">([^<]*)</p>', content)
    assert errors == ["2025-12-01 is before the start of period &#x27;fy2026&#x27; (2026-01-01)"]
    assert '<details class="other-day" open>' in content


def test_close_many_of_a_goal_changed_meanwhile_closes_nothing_and_says_so(browser_as: BrowserAs, years: None) -> None:
    form = {
        "close": ["mkt-analytics", "ana-campaigns"],
        "score-mkt-analytics": "0.4",
        "version-mkt-analytics": "1",
        "score-ana-campaigns": "0.6",
        "version-ana-campaigns": "3",
    }

    response = browser_as("editor").post("/periods/fy2026/close", form)

    assert response.status_code == 409
    content = response.content.decode()
    assert "goal &#x27;ana-campaigns&#x27; was changed by someone else since you opened it" in content
    assert ticked(content, "close") == ["mkt-analytics", "ana-campaigns"]
    assert all(goals()[goal_id].closed is None for goal_id in EVERY_GOAL)


def test_close_many_without_a_tick_says_so(browser_as: BrowserAs, years: None) -> None:
    response = browser_as("editor").post("/periods/fy2026/close", {"score-mkt-analytics": "0.4"})

    assert response.status_code == 400
    assert "Tick the goals to close." in response.content.decode()


def test_the_roll_over_ticks_the_goals_below_a_final_score_of_1(browser_as: BrowserAs, years: None) -> None:
    services.close_goal(actor=EDITOR, goal_id="ana-campaigns", score=1, date="2026-07-01")

    content = browser_as("editor").get("/periods/fy2026/").content.decode()

    assert offered(content, "carry") == EVERY_GOAL
    assert ticked(content, "carry") == ["more-leads", "mkt-analytics", "sales-pipeline"]
    assert re.search(r'<option value="fy2027" selected>', content)
    assert '<option value="fy2026"' not in content  # only later periods


def test_showing_the_plan_lists_the_copies_and_writes_nothing(browser_as: BrowserAs, years: None) -> None:
    query = {"plan": "1", "target": "fy2027", "carry": ["mkt-analytics", "ana-campaigns"]}

    response = browser_as("sam").get("/periods/fy2026/", query)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Plan: 4 to add, 0 to change, 0 to remove." in content
    assert "Entities missing from the file are removed." not in content
    assert '<li class="plan-add">+ add <code>goals[mkt-analytics.fy2027]</code></li>' in content
    assert '<li class="plan-add">+ add <code>key_results[campaigns.fy2027]</code></li>' in content
    assert "<strong>ana-campaigns</strong> → ana-campaigns.fy2027" in content
    assert ticked(content, "carry") == ["mkt-analytics", "ana-campaigns"]
    carry_form = content[content.index('action="/periods/fy2026/roll-over"') :].split("</form>")[0]
    assert '<input type="hidden" name="target" value="fy2027">' in carry_form
    assert re.findall(r'name="carry" value="([^"]+)"', carry_form) == ["mkt-analytics", "ana-campaigns"]
    assert "Carry 2 goals</button>" in carry_form
    assert "mkt-analytics.fy2027" not in goals()


def test_carrying_the_planned_goals_leads_to_the_target_period_which_lists_the_copies(
    browser_as: BrowserAs, years: None
) -> None:
    client = browser_as("sam")

    response = client.post(
        "/periods/fy2026/roll-over", {"target": "fy2027", "carry": ["mkt-analytics", "ana-campaigns"]}
    )

    assert response.status_code == 302
    assert response["Location"] == "/periods/fy2027/#retrospective"
    stored = goals()
    assert stored["mkt-analytics.fy2027"].carried_from == "mkt-analytics"
    assert stored["ana-campaigns.fy2027"].period == "fy2027"
    content = client.get("/periods/fy2027/").content.decode()
    assert "Carried 2 goals and 2 key results from period fy2026 into fy2027." in content
    assert re.findall(r'<tr id="retro-([^"]+)">', content) == ["mkt-analytics.fy2027", "ana-campaigns.fy2027"]
    assert 'Carried over from <a href="/goals/mkt-analytics/">Measure every campaign</a> (fy2026)' in content
    run = AuditEntry.objects.get(action="period.rollover")
    assert (run.actor, run.surface, run.subject) == ("sam@example.com", "web", "period:fy2026")
    assert AuditEntry.objects.filter(action="goal.carry").count() == 2


def test_a_refused_roll_over_lists_the_problems_next_to_the_goals_and_keeps_the_ticks(
    browser_as: BrowserAs, years: None
) -> None:
    services.roll_over(actor=EDITOR, source="fy2026", target="fy2027", goal_ids=["ana-campaigns"])
    client = browser_as("editor")

    response = client.post(
        "/periods/fy2026/roll-over", {"target": "fy2027", "carry": ["mkt-analytics", "ana-campaigns"]}
    )

    assert response.status_code == 400
    content = response.content.decode()
    assert "The roll-over is refused; nothing was written." in content
    assert "goals[ana-campaigns]: its copy&#x27;s id &#x27;ana-campaigns.fy2027&#x27; exists already" in content
    assert re.search(r'<p class="field-error" id="carry-err-ana-campaigns">its copy&#x27;s id', content)
    assert ticked(content, "carry") == ["mkt-analytics", "ana-campaigns"]
    assert "mkt-analytics.fy2027" not in goals()


def test_showing_the_plan_of_a_refused_roll_over_lists_its_problems(browser_as: BrowserAs, years: None) -> None:
    services.roll_over(actor=EDITOR, source="fy2026", target="fy2027", goal_ids=["ana-campaigns"])

    response = browser_as("editor").get("/periods/fy2026/", {"plan": "1", "target": "fy2027", "carry": "ana-campaigns"})

    assert response.status_code == 400
    content = response.content.decode()
    assert "key_results[campaigns]: its copy&#x27;s id &#x27;campaigns.fy2027&#x27; exists already" in content
    assert "Carry 1 goal" not in content


def test_carrying_without_a_tick_says_so(browser_as: BrowserAs, years: None) -> None:
    client = browser_as("editor")
    assert (
        "Tick the goals to carry." in client.get("/periods/fy2026/", {"plan": "1", "target": "fy2027"}).content.decode()
    )

    response = client.post("/periods/fy2026/roll-over", {"target": "fy2027"})

    assert response.status_code == 400
    assert "Tick the goals to carry." in response.content.decode()


def test_a_member_may_not_carry_a_goal_of_another_unit(browser_as: BrowserAs, years: None) -> None:
    response = browser_as("sam").post("/periods/fy2026/roll-over", {"target": "fy2027", "carry": ["sales-pipeline"]})

    assert response.status_code == 403
    assert "sales-pipeline.fy2027" not in goals()


def test_a_period_with_no_later_one_says_there_is_nowhere_to_carry_to(browser_as: BrowserAs, years: None) -> None:
    content = browser_as("editor").get("/periods/fy2027/").content.decode()

    assert "No goals in this period." in content
    assert "Roll over" not in content  # nothing of fy2027 to carry

    services.roll_over(actor=EDITOR, source="fy2026", target="fy2027", goal_ids=["ana-campaigns"])
    content = browser_as("editor").get("/periods/fy2027/").content.decode()
    assert "No period starts after this one" in content
