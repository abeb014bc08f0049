"""An invitation and a password reset in a real Chromium: the link is read from the e-mail the loopback SMTP server got."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import Visit
from tests.integration.notifications.smtp import SmtpServer, smtp_server  # noqa: F401 - a fixture

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/invite-shots")
PASSWORD = "a password of my own"


def link_to(server: SmtpServer, address: str, base_url: str) -> str:
    (arrived,) = server.inbox.to(address)
    found = re.search(re.escape(base_url) + r"/password/set/\S+/", arrived.text)
    assert found is not None, arrived.text
    return found.group(0)


def test_an_invited_person_follows_the_emailed_link_sets_a_password_and_later_resets_it(
    visit: Visit,
    chromium: Browser,
    live_server: LiveServer,
    settings: Settings,
    smtp_server: SmtpServer,  # noqa: F811 - the fixture
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", smtp_server.port, 10
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.LODESTAR_BASE_URL = live_server.url
    SHOTS.mkdir(exist_ok=True)

    visit.sign_in("admin@example.com")
    visit.page.goto("/admin/users/")
    visit.page.get_by_label("Email", exact=True).fill("lee@example.com")
    visit.page.get_by_role("button", name="Invite by e-mail").click()
    expect(visit.page.locator("[role=status]")).to_contain_text("Invited lee@example.com as")
    visit.page.screenshot(path=SHOTS / "users-1280.png", full_page=True)

    lee = Visit(chromium, live_server.url, width=390)
    try:
        lee.page.goto(link_to(smtp_server, "lee@example.com", live_server.url))
        expect(lee.page.get_by_role("heading", name="Welcome to Lodestar")).to_be_visible()
        lee.page.screenshot(path=SHOTS / "set-password-390.png", full_page=True)
        lee.page.get_by_label("New password").fill(PASSWORD)
        lee.page.get_by_role("button", name="Set password and sign in").click()
        lee.page.wait_for_url(f"{live_server.url}/")
        lee.page.get_by_role("button", name="Sign out").click()

        lee.page.goto("/sign-in")
        lee.page.get_by_role("link", name="Forgot your password?").click()
        lee.page.get_by_label("Email").fill("lee@example.com")
        lee.page.get_by_role("button", name="Send the link").click()
        expect(lee.page.locator("[role=status]")).to_contain_text("If an account exists for lee@example.com")
        lee.page.screenshot(path=SHOTS / "forgot-390.png", full_page=True)
        reset = [m for m in smtp_server.inbox.to("lee@example.com") if "Reset" in str(m.message["Subject"])]
        found = re.search(re.escape(live_server.url) + r"/password/set/reset/\S+/", reset[0].text)
        assert found is not None
        lee.page.goto(found.group(0))
        lee.page.get_by_label("New password").fill("my second password")
        lee.page.get_by_role("button", name="Set password and sign in").click()
        lee.page.wait_for_url(f"{live_server.url}/")
        lee.page.get_by_role("button", name="Sign out").click()

        assert lee.console_errors == []
        lee.page.goto(found.group(0))  # used once already: answered 400, which the browser reports
        expect(lee.page.get_by_role("heading", name="This link no longer works")).to_be_visible()
        lee.page.screenshot(path=SHOTS / "refused-390.png", full_page=True)
        assert [error for error in lee.console_errors if "status of 400" not in error] == []
        lee.sign_in("lee@example.com", "my second password")
    finally:
        lee.context.close()
