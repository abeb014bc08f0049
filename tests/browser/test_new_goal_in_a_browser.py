"""A new goal in a real Chromium: its key results in the same form, ids proposed as the titles are typed."""

import re

import pytest
from playwright.sync_api import Route, expect

from lodestar.goals.models import Goal, KeyResult
from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser


def test_a_goal_with_two_key_results_is_created_in_one_form_without_typing_an_id(visit: Visit) -> None:
    visit.sign_in("sam@example.com")
    visit.page.goto("/goals/new")
    page = visit.page
    page.get_by_label("Title", exact=True).first.fill("Qualifizierte Leads über das Web")
    expect(page.locator("#f-id")).to_have_value("qualifizierte-leads-ueber-das-web")
    page.get_by_label("Owner").select_option("mkt")
    page.get_by_label("Period").select_option("fy2026")

    # The parent picker asks the server for the likeliest parents of a Marketing goal.
    page.locator("#parent-0").focus()
    expect(page.locator("#parent-goals option").first).to_have_attribute("value", "mkt-analytics")
    page.locator("#parent-0").fill(page.locator("#parent-goals option").first.get_attribute("value") or "")
    expect(page.locator("#parent-0-title")).to_contain_text("Measure every campaign")

    page.locator("#kr-0-title").fill("Leads pro Monat")
    page.locator("#kr-0-unit").fill("leads")
    page.locator("#kr-0-baseline").fill("10")
    page.locator("#kr-0-target").fill("40")
    expect(page.locator("#kr-0-id")).to_have_value("leads-pro-monat")
    page.locator("#kr-1-title").fill("Landing page live")
    page.get_by_label("Milestone (done / not done)").nth(1).check()
    expect(page.locator("#kr-1-baseline")).to_be_hidden()
    expect(page.locator("#kr-1-id")).to_have_value("landing-page-live")

    page.get_by_role("button", name="Add another key result").click()
    expect(page.locator(".kr-row")).to_have_count(4)
    expect(page.locator("#kr-3-title")).to_be_focused()
    expect(page.locator("#kr-0-title")).to_have_value("Leads pro Monat")  # added in place: nothing posted

    page.get_by_role("button", name="Create goal").click()
    expect(page).to_have_url(re.compile(r"/goals/qualifizierte-leads-ueber-das-web/$"))
    expect(page.locator("#kr-leads-pro-monat")).to_contain_text("Leads pro Monat")
    expect(page.locator("#kr-landing-page-live .current")).to_have_text("Not done")
    expect(page.locator("#kr-landing-page-live").get_by_label("Done?")).to_be_visible()
    ids = KeyResult.objects.filter(goal_id="qualifizierte-leads-ueber-das-web").values_list("id", flat=True)
    assert sorted(ids) == ["landing-page-live", "leads-pro-monat"]
    assert Goal.objects.get(id="qualifizierte-leads-ueber-das-web").owner_unit_id == "mkt"
    assert visit.console_errors == []
    assert visit.foreign_requests() == []


def test_an_id_typed_by_hand_stays_and_two_rows_with_one_title_get_two_ids(visit: Visit) -> None:
    visit.sign_in("sam@example.com")
    visit.page.goto("/goals/new")
    page = visit.page
    page.locator("#kr-0-title").fill("Webinars")
    expect(page.locator("#kr-0-id")).to_have_value("webinars")
    page.locator("#kr-1-title").fill("Webinars")
    expect(page.locator("#kr-1-id")).to_have_value("webinars-2")

    page.locator("#f-id").fill("my-own-id")
    page.get_by_label("Title", exact=True).first.fill("Something else entirely")
    page.locator("#kr-0-title").fill("Webinars per month")
    expect(page.locator("#kr-0-id")).to_have_value("webinars-per-month")
    expect(page.locator("#f-id")).to_have_value("my-own-id")
    assert visit.console_errors == []


def test_a_title_typed_before_the_forms_script_ran_gets_its_proposed_id(visit: Visit) -> None:
    """On a slow page the user can type before the deferred script runs; the proposal still comes."""
    visit.sign_in("sam@example.com")
    page = visit.page
    held: list[Route] = []

    def hold(route: Route) -> None:
        held.append(route)

    page.route("**/goal_form.js*", hold)
    page.goto("/goals/new", wait_until="commit")
    page.get_by_label("Title", exact=True).first.fill("Mehr Reichweite")
    assert len(held) == 1  # the script is still held back: the title was typed before it ran
    expect(page.locator("#f-id")).to_have_value("")
    held[0].continue_()
    expect(page.locator("#f-id")).to_have_value("mehr-reichweite")
    assert visit.console_errors == []
