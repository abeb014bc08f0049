"""Playwright driving Debian's Chromium against pytest-django's live server.

Without /usr/bin/chromium the browser tests are skipped, unless CI is set: then they fail,
so that a CI image without Chromium cannot pass silently.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage
from pytest_django.live_server_helper import LiveServer

from tests.integration.accounts.cast import PASSWORD, Cast, cast, org  # noqa: F401 - fixtures
from tests.integration.warehouse import bound, demo_warehouse, metrics_file  # noqa: F401 - fixtures

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Playwright's sync API runs an event loop in this thread; the test's own database work is synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install -y chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class Visit:
    """One browser tab on the live server, recording console errors and every request made."""

    def __init__(self, browser: Browser, base_url: str) -> None:
        self.base_url = base_url
        self.context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.console_errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        self.context.on("request", lambda request: self.requests.append(request.url))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def sign_in(self, email: str, password: str = PASSWORD) -> None:
        self.page.goto("/sign-in")
        self.page.get_by_label("Email").fill(email)
        self.page.get_by_label("Password").fill(password)
        self.page.get_by_role("button", name="Sign in").click()
        self.page.wait_for_url(f"{self.base_url}/")

    def foreign_requests(self) -> list[str]:
        ours = urlsplit(self.base_url).netloc
        return [url for url in self.requests if urlsplit(url).scheme != "data" and urlsplit(url).netloc != ours]


@pytest.fixture
def visit(chromium: Browser, live_server: LiveServer, transactional_db: None, cast: Cast) -> Iterator[Visit]:  # noqa: F811
    tab = Visit(chromium, live_server.url)
    yield tab
    tab.context.close()
