"""Scenarios in a real Chromium: created from the list (from the base, or as a copy of another, the id proposed as
the name is typed), a task moved in one through the task form, the comparison changed, and adopted after its plan
was shown."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from lodestar.accounts.actor import command_line_actor
from lodestar.scenarios.edits import create_scenario, get_scenario
from lodestar.store.load import load_model
from tests.browser.conftest import Visit
from tests.integration.accounts.cast import import_document
from tests.integration.design.conftest import DESIGN_MODEL

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


@pytest.fixture
def designed(visit: Visit) -> None:
    """The cast's organization (imported for `visit`) with its target design: tasks, dependencies, competencies."""
    import_document(DESIGN_MODEL)


def test_an_editor_moves_a_task_in_a_new_scenario_sees_the_comparison_change_and_adopts_it(
    designed: None, visit: Visit
) -> None:
    visit.sign_in("editor@example.com")
    page = visit.page
    page.goto("/scenarios/")
    page.get_by_role("link", name="Create the first scenario").click()
    page.get_by_label("Name").fill("Analytics in sales")
    expect(page.locator("#f-id")).to_have_value("analytics-in-sales")
    page.get_by_role("button", name="Create scenario").click()
    expect(page.get_by_role("status")).to_contain_text("Created the scenario “Analytics in sales”.")

    page.goto("/scenarios/compare/?ids=analytics-in-sales&as_of=2026-07-01")
    load = page.locator("#figure-accountable_load td").nth(1)
    expect(load).not_to_contain_text("changed")

    page.goto("/tasks/")
    page.locator(".scenario-switch").get_by_role("link", name="Analytics in sales").click()
    expect(page.get_by_text("You are looking at scenario “Analytics in sales”")).to_be_visible()
    page.get_by_role("link", name="Edit Web analytics").click()
    page.get_by_label("Accountable").select_option("sales")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/tasks/\?task=web-analytics&scenario=analytics-in-sales#task-web-analytics$"))
    assert next(task.accountable for task in load_model().tasks if task.id == "web-analytics") == "ms"

    page.goto("/scenarios/compare/?ids=analytics-in-sales&as_of=2026-07-01")
    expect(load).to_contain_text("changed")
    expect(load.locator("li", has_text="sales")).to_contain_text("(+1)")

    page.goto("/scenarios/")
    page.get_by_role("link", name="Adopt Analytics in sales").click()
    expect(page.locator(".plan-lines")).to_contain_text("tasks[web-analytics].accountable")
    page.get_by_role("button", name="Adopt scenario").click()
    expect(page.get_by_role("status")).to_contain_text("Adopted the scenario “Analytics in sales”")
    assert next(task.accountable for task in load_model().tasks if task.id == "web-analytics") == "sales"
    assert load_model().scenarios == []
    assert visit.console_errors == []
    assert visit.foreign_requests() == []
