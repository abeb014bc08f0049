"""Running a survey round in a real browser: the new round form (refused, then saved) and the round's page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from lodestar.store.load import load_model
from tests.browser.conftest import Axe, Visit
from tests.integration.accounts.cast import PASSWORD, Cast
from tests.integration.surveys.rounds import open_round, with_tasks

pytestmark = pytest.mark.browser


def _sign_in(tab: Visit, email: str) -> None:
    tab.page.goto("/sign-in")
    tab.page.locator("input[type=email]").fill(email)
    tab.page.locator("input[type=password]").fill(PASSWORD)
    tab.page.locator("input[type=password]").press("Enter")
    tab.page.wait_for_url(f"{tab.base_url}/")


@pytest.mark.parametrize("locale", ["en-GB", "de"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_refused_form_and_the_round_page_have_no_serious_violation_and_fit_the_window(
    chromium: Browser, live_server: LiveServer, transactional_db: None, cast: Cast, axe: Axe, width: int, locale: str
) -> None:
    with_tasks()
    open_round()
    tab = Visit(chromium, live_server.url, width=width, locale=locale)
    try:
        _sign_in(tab, "editor@example.com")
        tab.page.goto("/surveys/new")
        tab.page.locator("#round-name").fill("Role clarity autumn")
        tab.page.locator("form.round-form button[type=submit]").click()
        expect(tab.page.locator("#round-audience-error")).to_be_visible()
        for path in (None, "/surveys/now/"):
            if path:
                tab.page.goto(path)
            assert axe.violations(tab.page) == []
            assert tab.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        # The refused form is answered with status 400, which Chromium reports on the console.
        assert [e for e in tab.console_errors if "status of 400" not in e] == []
        assert tab.foreign_requests() == []
    finally:
        tab.context.close()


def test_an_editor_finds_a_unit_by_typing_and_creates_a_round(visit: Visit) -> None:
    with_tasks()
    visit.sign_in("editor@example.com")
    page = visit.page
    page.goto("/surveys/new")

    page.get_by_role("textbox", name="Name").fill("Role clarity autumn")
    expect(page.get_by_role("textbox", name="Id")).to_have_value("role-clarity-autumn")
    page.get_by_label("Find a unit").fill("sal")
    expect(page.get_by_label("Marketing", exact=True)).to_be_hidden()
    page.get_by_label("Sales", exact=True).check()
    page.get_by_role("button", name="Create survey round").click()

    page.wait_for_url(f"{visit.base_url}/surveys/role-clarity-autumn/")
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()
    (survey,) = load_model().surveys
    assert survey.audience == ["sales"]
