"""The results page of a closed survey round in a real browser: the heat map's cells, its suppressed groups, accessibility."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import Axe, Visit
from tests.integration.accounts.cast import Cast
from tests.integration.surveys.closed_rounds import with_closed_rounds

pytestmark = pytest.mark.browser

PAGE = "/surveys/autumn/results"


def test_an_editor_sees_the_heat_map_with_its_shares_and_the_groups_too_small_to_show(visit: Visit) -> None:
    with_closed_rounds()
    visit.sign_in("editor@example.com")
    visit.page.goto(PAGE)
    heat = visit.page.get_by_role("table").filter(has=visit.page.get_by_role("columnheader", name="Task")).nth(1)

    expect(visit.page.get_by_role("heading", name="Which units name the designed accountable")).to_be_visible()
    expect(heat.get_by_role("columnheader")).to_have_text(
        ["Task", "Marketing6 responses", "Salestoo few responses to show"]
    )
    web = heat.get_by_role("row", name="Web analytics")
    expect(web.get_by_role("cell")).to_have_text(["67 %", "group too small"])
    expect(heat.locator("td.band-2")).to_have_text(["67 %"])
    expect(heat.locator("td.suppressed")).to_have_count(4)
    assert "Sales" not in " ".join(heat.locator("td.band-0, td.band-1, td.band-2, td.band-3").all_inner_texts())
    assert visit.console_errors == [] and visit.foreign_requests() == []


@pytest.mark.parametrize("locale", ["en-GB", "de"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_results_page_has_no_serious_violation_and_fits_the_window(
    chromium: Browser, live_server: LiveServer, transactional_db: None, cast: Cast, axe: Axe, width: int, locale: str
) -> None:
    with_closed_rounds()
    tab = Visit(chromium, live_server.url, width=width, locale=locale)
    try:
        _sign_in(tab)
        tab.page.goto(PAGE, wait_until="load")
        assert axe.violations(tab.page) == []
        assert tab.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert tab.console_errors == [] and tab.foreign_requests() == []
    finally:
        tab.context.close()


def _sign_in(tab: Visit) -> None:
    """Sign in as the editor whatever the page's language (the labels are German in German)."""
    tab.page.goto("/sign-in")
    tab.page.locator("input[type=email]").fill("editor@example.com")
    tab.page.locator("input[type=password]").fill("correct horse battery")
    tab.page.locator("input[type=password]").press("Enter")
    tab.page.wait_for_url(f"{tab.base_url}/")
