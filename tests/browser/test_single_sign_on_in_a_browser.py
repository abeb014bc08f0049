"""Signing in through a real OpenID Provider (npm's oidc-provider on loopback) in a real browser.

The provider's own login and consent pages are filled in; Lodestar checks state, nonce, PKCE
and the ID token's signature against the provider's keys.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, Route
from pytest_django.live_server_helper import LiveServer

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.models import AuditEntry, User
from lodestar.accounts.services import create_user
from tests.browser.conftest import Visit
from tests.browser.openid_provider import NAME, OpenIdProvider, openid_provider, tampering_relay  # noqa: F401
from tests.integration.accounts.cast import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def tab(chromium: Browser, live_server: LiveServer, transactional_db: None, org: dict[str, Any]) -> Any:
    opened: list[Visit] = []

    def new_tab() -> Visit:
        visit = Visit(chromium, live_server.url)
        opened.append(visit)
        return visit

    yield new_tab
    for visit in opened:
        visit.context.close()


def _sign_in_through(visit: Visit, provider: OpenIdProvider, login: str) -> None:
    visit.page.goto("/sign-in")
    visit.page.get_by_role("button", name=f"Sign in with {NAME}").click()
    provider.sign_in(visit.page, login)


def test_a_first_sign_in_creates_the_user_with_the_mapped_role_linked_to_their_person_and_a_second_reuses_it(
    tab: Any,
    openid_provider: OpenIdProvider,  # noqa: F811
) -> None:
    first = tab()
    _sign_in_through(first, openid_provider, "jo")
    first.page.wait_for_url(f"{first.base_url}/")
    user = User.objects.get(email="jo@example.com")
    assert (user.role, user.person_id, user.has_usable_password()) == ("admin", "jo", False)
    assert AuditEntry.objects.filter(action="user.create", subject="user:jo@example.com", surface="sso").count() == 1
    first.page.goto("/admin/users/")  # an admin's page: the mapped role holds in the session
    assert first.page.get_by_role("heading", name="Users and roles").is_visible()

    second = tab()
    _sign_in_through(second, openid_provider, "jo")
    second.page.wait_for_url(f"{second.base_url}/")
    assert User.objects.filter(email="jo@example.com").count() == 1
    assert User.objects.get(email="jo@example.com").pk == user.pk
    assert AuditEntry.objects.filter(action="user.create", subject="user:jo@example.com").count() == 1


def test_a_sign_in_without_a_mapped_group_makes_a_member_and_an_existing_user_is_linked_not_duplicated(
    tab: Any,
    openid_provider: OpenIdProvider,  # noqa: F811
) -> None:
    create_user(actor=command_line_actor(), email="ana@example.com", role="viewer", password=PASSWORD)
    visit = tab()
    _sign_in_through(visit, openid_provider, "ana")
    visit.page.wait_for_url(f"{visit.base_url}/")
    ana = User.objects.get(email="ana@example.com")
    assert (ana.role, ana.has_usable_password()) == ("viewer", True)  # an admin's choice is kept
    assert AuditEntry.objects.filter(action="user.link_sso", subject="user:ana@example.com").count() == 1

    other = tab()
    _sign_in_through(other, openid_provider, "mia")
    other.page.wait_for_url(f"{other.base_url}/")
    assert User.objects.get(email="mia@example.com").role == "member"


def test_an_address_outside_the_allowed_domains_is_refused(tab: Any, openid_provider: OpenIdProvider) -> None:  # noqa: F811
    visit = tab()
    _sign_in_through(visit, openid_provider, "olga")
    refused = visit.page.locator("#sso-refused")
    assert "outside.example.org may not sign in" in refused.inner_text()
    assert not User.objects.filter(email="olga@outside.example.org").exists()
    visit.page.goto("/")
    assert "/sign-in" in visit.page.url


def test_a_wrong_state_on_the_way_back_is_refused(tab: Any, openid_provider: OpenIdProvider) -> None:  # noqa: F811
    visit = tab()

    def wrong_state(route: Route) -> None:
        """The consent, then the provider's redirect back to Lodestar with another state than the one sent.

        Playwright routes no redirect, so the consent's two redirects are followed here.
        """
        if route.request.method != "POST":
            route.continue_()
            return
        submitted = route.fetch(max_redirects=0)
        resumed = visit.context.request.get(
            urljoin(openid_provider.issuer, submitted.headers["location"]), max_redirects=0
        )
        onward = resumed.headers["location"]
        if "/login/callback/" in onward:
            assert "state=" in onward and "code=" in onward
            onward = onward.replace("state=", "state=not-ours")
        route.fulfill(status=303, headers={"location": urljoin(openid_provider.issuer, onward)})

    visit.page.route(f"{openid_provider.issuer}/interaction/*", wrong_state)
    statuses: list[int] = []
    visit.page.on(
        "response", lambda response: statuses.append(response.status) if "/login/callback/" in response.url else None
    )
    _sign_in_through(visit, openid_provider, "mia")
    refused = visit.page.locator("#sso-refused")
    assert "state does not match" in refused.inner_text()
    assert statuses == [400]
    assert not User.objects.filter(email="mia@example.com").exists()


def test_a_tampered_id_token_is_refused(
    tab: Any,
    openid_provider: OpenIdProvider,  # noqa: F811
    tampering_relay: str,  # noqa: F811
) -> None:
    visit = tab()
    _sign_in_through(visit, openid_provider, "mia")
    refused = visit.page.locator("#sso-refused")
    assert "could not be verified" in refused.inner_text()
    assert not User.objects.exists()
    visit.page.goto("/")
    assert "/sign-in" in visit.page.url
