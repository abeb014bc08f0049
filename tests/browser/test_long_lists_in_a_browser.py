"""A grown organization in a real Chromium: the tree's deeper branch opened with the keyboard, and the
paginated pages readable (axe-core) and no wider than the window at 1280 and 390 px.

Set LODESTAR_SHOTS to a directory to keep a screenshot of each page at each width there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.services import create_user
from tests.browser.conftest import Axe, Visit
from tests.integration.accounts.cast import PASSWORD, import_document
from tests.integration.web.test_query_counts import grown_document

pytestmark = pytest.mark.browser

EMAIL = "boss@example.com"
PAGES = {
    "tree": "/goals/?as_of=2026-07-01",
    "health-check": "/health-check/?as_of=2026-07-01",
    "health-check-rule": "/health-check/?as_of=2026-07-01&rule=LS014",
    "unit-page-2": "/units/ms/?as_of=2026-07-01&below=2",
}


@pytest.fixture
def grown(transactional_db: None) -> None:
    """Fifteen teams (77 goals below Marketing & Sales), a goal three levels below the top one, and its admin."""
    document = grown_document(15)
    document["goals"] += [
        {"id": "deep", "title": "A deep goal", "owner": "p0-0", "period": "fy", "contributes_to": [{"goal": "g0-0"}]},
        {
            "id": "deepest",
            "title": "The deepest goal",
            "owner": "p0-0",
            "period": "fy",
            "contributes_to": [{"goal": "deep"}],
        },
    ]
    import_document(document)
    create_user(actor=command_line_actor(), email=EMAIL, role="admin", password=PASSWORD, person_id="boss")


@pytest.fixture
def tab(chromium: Browser, live_server: LiveServer, grown: None, request: pytest.FixtureRequest) -> Iterator[Visit]:
    width = getattr(request, "param", 1280)
    visit = Visit(chromium, live_server.url, width=width, locale="en")
    visit.sign_in(EMAIL)
    yield visit
    visit.context.close()


def test_a_branch_of_the_tree_opens_with_the_keyboard_and_loads_its_goals(tab: Visit, axe: Axe) -> None:
    tab.page.goto("/goals/")
    deepest = tab.page.get_by_role("link", name="The deepest goal")
    expect(deepest).to_have_count(0)
    toggle = tab.page.locator('summary[aria-label="A deep goal"]')
    toggle.focus()
    tab.page.keyboard.press("Enter")
    expect(deepest).to_be_visible()
    expect(toggle.locator("xpath=..")).to_have_attribute("open", "")
    assert axe.violations(tab.page) == []
    tab.page.keyboard.press("Enter")  # closed again: nothing is loaded twice
    tab.page.keyboard.press("Enter")
    expect(deepest).to_have_count(1)
    assert tab.console_errors == []
    assert tab.foreign_requests() == []


@pytest.mark.parametrize("tab", [1280, 390], indirect=True)
def test_the_paginated_pages_pass_axe_and_fit_the_window(tab: Visit, axe: Axe) -> None:
    width = tab.page.viewport_size["width"] if tab.page.viewport_size else 1280
    shots = os.environ.get("LODESTAR_SHOTS")
    problems = []
    for name, path in PAGES.items():
        response = tab.page.goto(path)
        assert response is not None and response.status == 200, path
        scroll_width = tab.page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            problems.append(f"{path}: {scroll_width} px wide in a window of {width} px")
        problems += [f"{path}: {violation}" for violation in axe.violations(tab.page)]
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            tab.page.screenshot(path=str(Path(shots) / f"{name}-{width}.png"), full_page=True)
    assert problems == [], "\n".join(problems)
    assert tab.console_errors == []
