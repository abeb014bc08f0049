"""The survey's answering page in a real browser: accessible at both widths, and answered by keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from lodestar.store.load import load_model
from tests.browser.conftest import Axe, Visit
from tests.integration.accounts.cast import Cast
from tests.integration.surveys.rounds import open_round, with_tasks

pytestmark = pytest.mark.browser

PAGE = "/surveys/now/answer"


@pytest.mark.parametrize("locale", ["en-GB", "de"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_answer_page_has_no_serious_violation_and_fits_the_window(
    chromium: Browser, live_server: LiveServer, transactional_db: None, cast: Cast, axe: Axe, width: int, locale: str
) -> None:
    with_tasks()
    open_round()
    tab = Visit(chromium, live_server.url, width=width, locale=locale)
    try:
        tab.sign_in("sam@example.com") if locale == "en-GB" else _sign_in_german(tab)
        tab.page.goto(PAGE)
        assert axe.violations(tab.page) == []
        assert tab.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert tab.console_errors == [] and tab.foreign_requests() == []
    finally:
        tab.context.close()


def _sign_in_german(tab: Visit) -> None:
    tab.page.goto("/sign-in")
    tab.page.locator("input[type=email]").fill("sam@example.com")
    tab.page.locator("input[type=password]").fill("correct horse battery")
    tab.page.locator("input[type=password]").press("Enter")
    tab.page.wait_for_url(f"{tab.base_url}/")


def test_a_participant_answers_by_keyboard_and_is_thanked(visit: Visit) -> None:
    with_tasks()
    open_round()
    visit.sign_in("sam@example.com")
    visit.page.goto(PAGE)
    page = visit.page

    page.get_by_role("group", name="How clear is your own role to you?").get_by_label("4 – mostly clear").focus()
    page.keyboard.press("Space")
    page.get_by_label("Who is accountable?").first.select_option(label="Marketing")
    page.get_by_role("group", name="Who is responsible?").first.get_by_label("Sales", exact=True).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Send my answer").press("Enter")

    expect(page.get_by_role("status")).to_contain_text("You can change it until the survey closes")
    (stored,) = load_model().surveys[0].responses
    assert stored.clarity == {"own_role": 4}
    assert [(a.task, a.accountable, a.responsible) for a in stored.answers or []] == [("web", "mkt", ["sales"])]
