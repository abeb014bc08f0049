"""Closing a goal and rolling a quarter over, in a real Chromium, as the people who do it."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from playwright.sync_api import expect

from lodestar.goals.models import Goal
from lodestar.lib import clock
from tests.browser.conftest import Visit
from tests.integration.accounts.cast import MODEL, import_document

pytestmark = pytest.mark.browser


def quarters() -> dict[str, Any]:
    """The cast's organization in two quarters: its goals in q1, nothing yet in q2."""
    document: dict[str, Any] = copy.deepcopy(MODEL)
    document["periods"] = [
        {"id": "q1", "start": "2026-01-01", "end": "2026-03-31"},
        {"id": "q2", "start": "2026-04-01", "end": "2026-06-30"},
    ]
    for goal in document["goals"]:
        goal["period"] = "q1"
    return document


def test_a_member_closes_her_goal_from_its_page(visit: Visit) -> None:
    import_document(quarters())
    visit.sign_in("ana@example.com")
    visit.page.goto("/goals/ana-campaigns/")
    closing = visit.page.locator("#closing")
    expect(closing.locator("details.close-goal")).to_have_attribute("open", "")  # q1 has ended: time to grade

    score = closing.get_by_label("Final score")
    expect(score).to_have_value("0")  # no progress yet: proposed 0
    score.fill("0.7")
    expect(closing.locator("output")).to_have_text("70 %")
    closing.get_by_label("What we learned").fill("Tracking needs its own budget line.")
    closing.get_by_role("button", name="Close and grade").click()

    expect(visit.page.locator(".closed-line")).to_have_text(
        f"Closed on {clock.today().strftime('%-d %b %Y')} with score 0.7 (70 %)."
    )
    expect(visit.page.locator(".closing-note")).to_have_text("Tracking needs its own budget line.")
    expect(visit.page.locator(".summary .badge")).to_have_text("Closed")
    assert Goal.objects.get(id="ana-campaigns").closed_score == 0.7
    assert visit.console_errors == []
    assert visit.foreign_requests() == []


def test_an_editor_rolls_a_quarter_over_from_the_period_page_and_sees_the_copies_in_the_new_quarter(
    visit: Visit,
) -> None:
    import_document(quarters())
    visit.sign_in("editor@example.com")
    visit.page.goto("/goals/more-leads/")
    visit.page.get_by_role("link", name="q1", exact=True).click()
    expect(visit.page.get_by_role("heading", name="Period q1")).to_be_visible()

    rolling = visit.page.locator("#roll-over")
    expect(rolling.get_by_label("Carry into")).to_have_value("q2")
    rolling.get_by_label("A pipeline sales trusts").uncheck()
    rolling.get_by_role("button", name="Show the plan").click()

    plan = visit.page.locator("#roll-over-plan")
    expect(plan).to_contain_text("Plan: 6 to add, 0 to change, 0 to remove.")
    expect(plan).to_contain_text("+ add goals[more-leads.q2]")
    expect(plan).to_contain_text("web-mqls.q2 (baseline 150)")  # its value at the end of q1
    assert not Goal.objects.filter(period_id="q2").exists()
    plan.get_by_role("button", name="Carry 3 goals").click()

    visit.page.wait_for_url("**/periods/q2/#retrospective")
    expect(visit.page.locator("[role=status]").first).to_have_text(
        "Carried 3 goals and 3 key results from period q1 into q2."
    )
    rows = visit.page.locator("#retrospective tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("Carried over from More qualified leads from the web (q1)")
    rows.first.get_by_role("link", name="More qualified leads from the web").first.click()
    expect(visit.page.locator(".carried")).to_contain_text("Carried over from More qualified leads from the web (q1)")
    assert visit.page.url.endswith("/goals/more-leads.q2/")
    assert visit.console_errors == []
    assert visit.foreign_requests() == []
