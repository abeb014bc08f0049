"""lodestar sso"""

from __future__ import annotations

import json
from typing import Any

import requests
from django.conf import settings

from lodestar.accounts.sso_config import redirect_uri
from lodestar.command import EXIT_FAILED, LodestarCommand
from lodestar.lib.terminal import printable

DISCOVERY_TIMEOUT_SECONDS = 10


def discovery_problem(issuer: str) -> str | None:
    """Why the issuer's discovery document is not usable, or None when it is there and names the issuer."""
    url = f"{issuer}/.well-known/openid-configuration"
    try:
        response = requests.get(url, timeout=DISCOVERY_TIMEOUT_SECONDS)
    except requests.RequestException as error:
        return f"the discovery document {url} cannot be fetched: {type(error).__name__}"
    if response.status_code != 200:
        return f"the discovery document {url} answers HTTP {response.status_code}"
    try:
        document: Any = response.json()
    except (ValueError, json.JSONDecodeError):
        return f"the discovery document {url} is not JSON"
    named = str(document.get("issuer", "")) if isinstance(document, dict) else ""
    if named.rstrip("/") != issuer:
        return f"the discovery document {url} names the issuer {named!r}, not LODESTAR_OIDC_ISSUER={issuer!r}"
    for key in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        if not document.get(key):
            return f"the discovery document {url} has no {key}"
    return None


class Command(LodestarCommand):
    help = "Single sign-on: print the redirect URI to register at the identity provider and check the settings."

    def handle(self, *args: Any, **options: Any) -> None:
        config = settings.LODESTAR_SSO
        self.stdout.write(f"redirect URI: {redirect_uri(settings.LODESTAR_BASE_URL)}")
        if not config.enabled:
            self.stderr.write("error: single sign-on is off: set LODESTAR_OIDC_ISSUER and LODESTAR_OIDC_CLIENT_ID")
            self.exit_code = EXIT_FAILED
            return
        problem = discovery_problem(config.issuer)
        if problem is not None:
            self.stderr.write(printable(f"error: {problem}"))
            self.exit_code = EXIT_FAILED
            return
        claim = f", roles from the claim {config.role_claim!r}" if config.role_claim else ", every new user a member"
        domains = ", ".join(config.allowed_domains) or "any"
        self.stdout.write(
            printable(f"ok: {config.name} at {config.issuer}{claim}; e-mail domains allowed: {domains}; PKCE on")
        )
        if not settings.PASSWORD_SIGN_IN:
            self.stdout.write("password sign-in is off (LODESTAR_PASSWORD_SIGN_IN=false)")
