"""A real OpenID Provider on loopback: tests/oidc/provider.mjs (npm's `oidc-provider`) run by Node.js.

Its accounts are those of tests/oidc/accounts.json; its login and consent pages are the
package's own. Without Node.js or `npm ci --prefix tests/oidc` the single sign-on tests are
skipped, unless CI is set: then they fail.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import socket
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Page
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from lodestar.accounts.sso_config import SsoConfig, allauth_providers, redirect_uri

OIDC_DIR = Path(__file__).resolve().parents[1] / "oidc"
CLIENT_ID = "lodestar-test"
CLIENT_SECRET = "a-test-client-secret"
NAME = "Example ID"
ROLES = {"lodestar-admins": "admin", "lodestar-editors": "editor"}
ALLOWED = ("example.com",)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class OpenIdProvider:
    issuer: str
    config: SsoConfig

    def sign_in(self, page: Page, login: str) -> None:
        """On the provider's own pages: log in as `login` (any password) and consent."""
        page.wait_for_url(f"{self.issuer}/interaction/**")
        page.locator("input[name=login]").fill(login)
        page.locator("input[name=password]").fill("any password")
        page.get_by_role("button", name="Sign-in").click()
        page.get_by_role("button", name="Continue").click()


def _missing() -> str | None:
    if shutil.which("node") is None:
        return "node is missing: apt-get install -y nodejs npm"
    if not (OIDC_DIR / "node_modules" / "oidc-provider").is_dir():
        return f"{OIDC_DIR}/node_modules/oidc-provider is missing: npm ci --prefix tests/oidc"
    return None


@pytest.fixture
def openid_provider(live_server: LiveServer, settings: Settings, tmp_path: Path) -> Iterator[OpenIdProvider]:
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    port = _free_port()
    issuer = f"http://127.0.0.1:{port}"
    log = (tmp_path / "openid-provider.log").open("w")
    process = subprocess.Popen(
        ["node", str(OIDC_DIR / "provider.mjs"), str(port), CLIENT_ID, CLIENT_SECRET, redirect_uri(live_server.url)],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], 30)
        line = process.stdout.readline() if ready else ""
        assert line.strip() == f"ready {issuer}", f"the provider did not start: {line!r}"
        config = SsoConfig(
            issuer=issuer,
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            name=NAME,
            role_claim="groups",
            roles=ROLES,
            allowed_domains=ALLOWED,
        )
        settings.LODESTAR_SSO = config
        settings.SOCIALACCOUNT_PROVIDERS = allauth_providers(config)
        yield OpenIdProvider(issuer=issuer, config=config)
    finally:
        process.terminate()
        process.wait(10)
        log.close()


def _tampered(id_token: str) -> str:
    """The ID token with its claims changed (admins' group, another address) and the original signature kept."""
    header, payload, signature = id_token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["email"] = "jo@example.com"
    claims["groups"] = ["lodestar-admins"]
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{forged}.{signature}"


@pytest.fixture
def tampering_relay(openid_provider: OpenIdProvider, settings: Settings) -> Iterator[str]:
    """A relay in front of the provider's token endpoint that forges the ID token of each answer."""
    token_endpoint = f"{openid_provider.issuer}/token"

    class Relay(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            request = urllib.request.Request(
                token_endpoint, data=body, headers={"Content-Type": self.headers["Content-Type"]}
            )
            with urllib.request.urlopen(request, timeout=10) as answer:
                document = json.loads(answer.read())
            document["id_token"] = _tampered(document["id_token"])
            out = json.dumps(document).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Relay)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    relay = f"http://127.0.0.1:{server.server_address[1]}/token"
    providers = allauth_providers(openid_provider.config)
    app = providers["openid_connect"]["APPS"][0]  # type: ignore[index]
    app["settings"]["openid_configuration_overrides"] = {"token_endpoint": relay}
    settings.SOCIALACCOUNT_PROVIDERS = providers
    try:
        yield relay
    finally:
        server.shutdown()
        server.server_close()


__all__ = ["OpenIdProvider", "openid_provider", "tampering_relay"]
