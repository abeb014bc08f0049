"""A proposed link in a real Chromium: the parent's owner accepts it in place (htmx), and it counts."""

import pytest
from playwright.sync_api import expect

from lodestar.accounts.services import actor_for
from lodestar.goals import services
from tests.browser.conftest import Visit
from tests.integration.accounts.cast import Cast

pytestmark = pytest.mark.browser

PUSH = {
    "id": "sam-push",
    "title": "Push the pipeline from marketing",
    "owner": "mkt",
    "period": "fy2026",
    "contributes_to": [{"goal": "sales-pipeline", "weight": 1000}],
    "key_results": [{"id": "push-kr", "title": "Pushed leads", "baseline": 0, "target": 10}],
}


def test_the_parents_owner_accepts_a_proposed_link_on_the_goal_page(visit: Visit, cast: Cast) -> None:
    services.create_goal(actor=actor_for(cast.sam, surface="web"), document=PUSH)
    visit.sign_in("kim@example.com")
    visit.page.goto("/goals/sales-pipeline/?as_of=2026-07-01")
    proposals = visit.page.locator("#proposals")
    expect(proposals).to_contain_text("Proposed by Marketing")

    proposals.get_by_role("button", name="Accept").click()

    expect(visit.page.locator("#main .alert.success")).to_contain_text("Accepted the link from sam-push")
    expect(visit.page.get_by_role("status").first).to_contain_text("as of 1 July 2026")
    expect(visit.page.locator("#proposals")).to_have_count(0)
    expect(visit.page.locator("#contributors ~ .goal-line", has_text="Push the pipeline")).to_have_count(1)
    assert visit.console_errors == []


def test_the_contributing_goal_says_it_waits_for_the_parents_owner(visit: Visit, cast: Cast) -> None:
    services.create_goal(actor=actor_for(cast.sam, surface="web"), document=PUSH)
    visit.sign_in("sam@example.com")
    visit.page.goto("/goals/sam-push/")

    expect(visit.page.get_by_text("waiting for its owner (Sales)")).to_be_visible()
    expect(visit.page.locator(".goal-line.proposed-link .proposed")).to_have_text("proposed")
    assert visit.console_errors == []
