"""Scenarios in a real Chromium: created from the list as a copy of another (its id proposed as the name is
typed), then adopted after its plan was shown."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from lodestar.accounts.actor import command_line_actor
from lodestar.scenarios.edits import create_scenario, get_scenario
from lodestar.store.load import load_model
from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

HUB = {
    "id": "hub",
    "name": "A digital hub",
    "units": [{"id": "hub", "name": "Hub", "kind": "team", "parent": "mkt"}],
    "moves": [{"person": "ana", "unit": "hub"}],
}


def test_an_editor_copies_a_scenario_and_adopts_the_copy_after_seeing_its_plan(visit: Visit) -> None:
    create_scenario(actor=command_line_actor(), document=HUB)
    visit.sign_in("editor@example.com")
    page = visit.page
    page.goto("/scenarios/")
    page.get_by_role("link", name="Copy A digital hub into a new scenario").click()
    expect(page.get_by_label("A copy of “A digital hub” (its changes)")).to_be_checked()

    page.get_by_label("Name").fill("Größerer Hub")
    expect(page.locator("#f-id")).to_have_value("groesserer-hub")
    page.get_by_role("button", name="Create scenario").click()

    expect(page).to_have_url(re.compile(r"/scenarios/#scenario-groesserer-hub$"))
    expect(page.get_by_role("status")).to_contain_text("Created the scenario “Größerer Hub”.")
    assert get_scenario(scenario_id="groesserer-hub").moves == get_scenario(scenario_id="hub").moves

    page.get_by_role("link", name="Adopt Größerer Hub").click()
    expect(page.get_by_role("heading", name="Adopt “Größerer Hub”?")).to_be_visible()
    expect(page.locator(".plan-lines")).to_contain_text('people[ana].unit: "mkt" → "hub"')
    expect(page.get_by_text("They stay, as changes to the new base: “A digital hub”.")).to_be_visible()
    page.get_by_role("button", name="Adopt scenario").click()

    expect(page).to_have_url(re.compile(r"/scenarios/$"))
    expect(page.get_by_role("status")).to_contain_text("Adopted the scenario “Größerer Hub”")
    expect(page.locator("#scenario-groesserer-hub")).to_have_count(0)
    expect(page.locator("#scenario-hub")).to_be_visible()
    model = load_model()
    assert next(person.unit for person in model.people if person.id == "ana") == "hub"
    assert visit.console_errors == []
