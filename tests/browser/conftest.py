"""Playwright driving Debian's Chromium against pytest-django's live server, and axe-core checking its pages.

Without /usr/bin/chromium the browser tests are skipped, unless CI is set: then they fail,
so that a CI image without Chromium cannot pass silently. axe-core comes from npm, pinned by
tests/browser/package-lock.json (`npm ci --prefix tests/browser`, which `make test` runs);
without it the accessibility tests are skipped, and under CI they fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page
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
    """One browser tab on the live server, recording console errors and every request made.

    `locale` is the browser's language (its Accept-Language), e.g. "de"; the default is Chromium's own.
    """

    def __init__(self, browser: Browser, base_url: str, *, width: int = 1280, locale: str | None = None) -> None:
        self.base_url = base_url
        options: dict[str, Any] = {"locale": locale} if locale else {}
        self.context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 900}, **options)
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


AXE_CORE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
# What the accessibility tests refuse; axe's "minor" and "moderate" findings are reported by axe alone.
REFUSED_IMPACTS = ("serious", "critical")
# axe-core's rules that are not experimental: WCAG 2.0 and 2.1 at levels A and AA, and its best practices.
RUN_AXE = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.map((v) => ({
    rule: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map((node) => node.target.join(" ")),
  }));
}"""


@dataclass(frozen=True)
class Violation:
    """One axe-core rule that a page breaks, and where."""

    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        shown = ", ".join(self.targets[:3]) + (f" and {len(self.targets) - 3} more" if len(self.targets) > 3 else "")
        return f"{self.rule} ({self.impact}): {self.help}: {shown}"


class Axe:
    """axe-core, injected into a page to check it.

    Playwright's `evaluate` runs outside the page's Content-Security-Policy, so the pages keep
    their `script-src 'self'` while they are checked.
    """

    def __init__(self, source: str) -> None:
        self.source = source

    def violations(self, page: Page) -> list[Violation]:
        """The serious and critical violations on the page as it is now."""
        if not page.evaluate("typeof window.axe === 'object'"):
            page.evaluate(self.source)
        found: list[dict[str, Any]] = page.evaluate(RUN_AXE)
        return [
            Violation(rule=item["rule"], impact=item["impact"], help=item["help"], targets=tuple(item["targets"]))
            for item in found
            if item["impact"] in REFUSED_IMPACTS
        ]


@pytest.fixture(scope="session")
def axe() -> Axe:
    if not AXE_CORE.exists():
        message = f"{AXE_CORE} is missing: npm ci --prefix tests/browser"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return Axe(AXE_CORE.read_text(encoding="utf-8"))
