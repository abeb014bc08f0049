"""The per-address sign-in limit counts the real client: `X-Forwarded-For` only from LODESTAR_TRUSTED_PROXIES."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django import Settings

from lodestar.accounts.addresses import client_address
from tests.integration.accounts.cast import PASSWORD, Cast

PROXY = "10.0.0.5"


def test_without_trusted_proxies_the_forwarded_header_is_ignored() -> None:
    assert client_address(PROXY, "1.1.1.1", trusted=[]) == PROXY


def test_from_a_trusted_proxy_the_client_is_the_forwarded_address() -> None:
    assert client_address(PROXY, "1.1.1.1", trusted=["10.0.0.0/8"]) == "1.1.1.1"


def test_an_address_the_client_forged_before_the_proxy_is_not_believed() -> None:
    assert client_address(PROXY, "6.6.6.6, 1.1.1.1, 10.0.0.7", trusted=["10.0.0.0/8"]) == "1.1.1.1"


def test_a_malformed_forwarded_header_from_a_trusted_proxy_counts_as_the_proxy() -> None:
    assert client_address(PROXY, "not an address", trusted=["10.0.0.0/8"]) == PROXY


def test_a_peer_that_is_not_an_address_is_kept_as_it_is() -> None:
    assert client_address("unknown", "1.1.1.1", trusted=["10.0.0.0/8"]) == "unknown"


def _post(email: str, password: str, forwarded_for: str) -> int:
    response = Client(REMOTE_ADDR=PROXY).post(
        "/sign-in", {"email": email, "password": password}, headers={"X-Forwarded-For": forwarded_for}
    )
    return response.status_code


@pytest.mark.parametrize(("trusted", "then"), [(["10.0.0.0/8"], 302), ([], 429)])
def test_failures_from_one_client_behind_a_proxy_lock_out_only_that_client(
    cast: Cast, settings: Settings, trusted: list[str], then: int
) -> None:
    settings.SIGN_IN_FAILURES_PER_ADDRESS = 3
    settings.TRUSTED_PROXIES = trusted
    for name in ("a", "b", "c"):
        assert _post(f"{name}@example.com", "wrong", "1.1.1.1") == 400
    assert _post("sam@example.com", PASSWORD, "2.2.2.2") == then
