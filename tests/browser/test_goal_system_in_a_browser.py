"""The goal system as an employee uses it, in a real Chromium."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser


def test_signing_in_opens_the_dashboard_with_mission_and_goals(visit: Visit) -> None:
    visit.page.goto("/goals/")
    expect(visit.page).to_have_url(re.compile(r"/sign-in\?next="))
    visit.sign_in("viewer@example.com")
    expect(visit.page.get_by_role("heading", level=1)).to_contain_text("first choice an easy one")
    expect(visit.page.get_by_text("More qualified leads from the web")).to_be_visible()
    expect(visit.page.get_by_role("heading", name="Status of all 4 goals")).to_be_visible()
    assert visit.console_errors == []


def test_a_wrong_password_keeps_the_visitor_out(visit: Visit) -> None:
    visit.page.goto("/sign-in")
    visit.page.get_by_label("Email").fill("viewer@example.com")
    visit.page.get_by_label("Password").fill("wrong password")
    visit.page.get_by_role("button", name="Sign in").click()
    expect(visit.page.get_by_role("alert")).to_have_text("Wrong email or password.")


def test_the_alignment_tree_expands_and_shows_shared_goals_under_each_parent(visit: Visit) -> None:
    visit.sign_in("viewer@example.com")
    visit.page.get_by_role("link", name="Goals", exact=True).click()
    tree = visit.page.locator(".tree-list")
    expect(tree.get_by_role("link", name="Three tracked campaigns")).to_have_count(2)
    top = tree.locator("details").first
    expect(top).to_have_attribute("open", "")
    top.locator("summary").first.click(position={"x": 2, "y": 10})
    expect(top).not_to_have_attribute("open", "")
    visit.page.get_by_label("Unit").select_option("sales")
    visit.page.get_by_role("button", name="Filter").click()
    expect(visit.page.get_by_role("status")).to_contain_text("1 of 4 goals match")
    assert visit.console_errors == []


def test_the_goal_page_charts_each_key_result(visit: Visit) -> None:
    visit.sign_in("viewer@example.com")
    visit.page.goto("/goals/more-leads/?as_of=2026-07-01")
    chart = visit.page.locator("#kr-web-mqls svg.chart")
    expect(chart).to_be_visible()
    expect(chart.locator("circle.point")).to_have_count(2)
    expect(chart.locator("line.forecast")).to_have_count(1)
    expect(visit.page.get_by_role("heading", name="Why this matters")).to_be_visible()
    expect(visit.page.locator("#kr-web-mqls .current")).to_have_text("210 leads")


def test_an_owner_checks_in_inline_and_sees_errors_next_to_the_field(visit: Visit) -> None:
    visit.sign_in("sam@example.com")
    visit.page.goto("/goals/mkt-analytics/")
    card = visit.page.locator("#kr-tracked-share")
    card.get_by_label("Confidence").select_option("2")
    card.get_by_role("button", name="Check in").click()
    error = visit.page.locator("#c-note-err-tracked-share")
    expect(error).to_contain_text("required when confidence is 3 or less")
    expect(visit.page.locator("#c-note-tracked-share")).to_be_focused()
    assert visit.page.url.endswith("/goals/mkt-analytics/")  # updated in place, no navigation
    visit.page.locator("#c-note-tracked-share").fill("Tracking vendor is late.")
    visit.page.locator("#kr-tracked-share").get_by_role("button", name="Check in").click()
    expect(visit.page.locator("#kr-tracked-share [role=status]")).to_have_text("Check-in recorded: confidence 2/10.")
    expect(visit.page.locator("#kr-tracked-share .confidence")).to_have_text("2/10")
    assert visit.console_errors == []


def test_an_owner_records_a_value_on_another_day_inline(visit: Visit) -> None:
    visit.sign_in("sam@example.com")
    visit.page.goto("/goals/mkt-analytics/?as_of=2026-07-01")
    card = visit.page.locator("#kr-tracked-share")
    card.get_by_label("Value").fill("48")
    card.get_by_label("Confidence").select_option("7")
    card.get_by_text("Another day").click()
    card.get_by_label("Date").fill("2026-06-30")
    card.get_by_role("button", name="Check in").click()
    expect(visit.page.locator("#kr-tracked-share [role=status]")).to_have_text(
        "Check-in recorded: 48 %, confidence 7/10."
    )
    visit.page.goto("/goals/mkt-analytics/?as_of=2026-07-01")
    expect(visit.page.locator("#kr-tracked-share .current")).to_have_text("48 %")


def test_creating_a_goal_and_aligning_it_to_two_parents(visit: Visit) -> None:
    visit.sign_in("sam@example.com")
    visit.page.goto("/goals/new")
    visit.page.locator("#f-id").fill("webinars")  # typed by hand, so the title does not replace it
    visit.page.locator("#f-title").fill("Run monthly webinars")
    visit.page.get_by_label("Owner").select_option("mkt")
    visit.page.get_by_label("Period").select_option("fy2026")
    visit.page.get_by_label("Parent goal 1").fill("more-leads")
    visit.page.get_by_label("Weight").first.fill("2")
    visit.page.get_by_label("Parent goal 2").fill("mkt-analytics")
    expect(visit.page.locator("#parent-1-title")).to_contain_text("Measure every campaign")
    visit.page.get_by_role("button", name="Create goal").click()
    expect(visit.page).to_have_url(re.compile(r"/goals/webinars/$"))
    parents = visit.page.locator("section[aria-labelledby=parents]")
    expect(parents.get_by_role("link", name="More qualified leads from the web")).to_be_visible()
    expect(parents.get_by_role("link", name="Measure every campaign")).to_be_visible()
    expect(parents.get_by_text("×2")).to_be_visible()
    visit.page.goto("/goals/")
    expect(visit.page.locator(".tree-list").get_by_role("link", name="Run monthly webinars")).to_have_count(2)
    assert visit.console_errors == []


def test_a_viewer_is_refused_an_edit(visit: Visit) -> None:
    visit.sign_in("viewer@example.com")
    visit.page.goto("/goals/mkt-analytics/")
    expect(visit.page.get_by_role("link", name="Edit & align")).to_have_count(0)
    expect(visit.page.get_by_role("button", name="Check in")).to_have_count(0)
    response = visit.page.goto("/goals/mkt-analytics/edit")
    assert response is not None
    assert response.status == 403
    expect(visit.page.get_by_role("heading", name="Not allowed")).to_be_visible()


def test_no_request_leaves_the_server_and_no_console_errors_on_any_page(visit: Visit) -> None:
    visit.sign_in("admin@example.com")
    for path in [
        "/",
        "/goals/",
        "/goals/more-leads/",
        "/units/mkt/",
        "/people/sam/",
        "/me/",
        "/health-check/",
        "/kpis/",
        "/admin/users/",
        "/admin/import/",
        "/admin/audit/",
        "/account/password",
    ]:
        response = visit.page.goto(path)
        assert response is not None, path
        assert response.status == 200, path
    assert visit.foreign_requests() == []
    assert visit.console_errors == []
    assert any(url.endswith("htmx-2.min.js") for url in visit.requests)


def test_pages_are_usable_at_phone_width(visit: Visit) -> None:
    visit.page.set_viewport_size({"width": 390, "height": 844})
    visit.sign_in("sam@example.com")
    visit.page.goto("/goals/mkt-analytics/")
    width = visit.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    expect(visit.page.locator("#kr-tracked-share svg.chart")).to_be_visible()
