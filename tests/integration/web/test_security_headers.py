"""Hardening: pages and exports are not cached, HSTS for a year behind HTTPS, the API docs only for those signed in."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest
from django.test import Client

from lodestar import settings as lodestar_settings
from tests.integration.accounts.cast import ApiAs, BrowserAs


def _fresh_settings(monkeypatch: pytest.MonkeyPatch, secure: str) -> ModuleType:
    monkeypatch.setenv("LODESTAR_SECURE_COOKIES", secure)
    spec = importlib.util.spec_from_file_location("fresh_lodestar_settings", lodestar_settings.__file__)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", ["/", "/goals/", "/admin/export"])
def test_a_page_or_an_export_for_a_signed_in_admin_is_not_stored(browser_as: BrowserAs, path: str) -> None:
    response = browser_as("admin").get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_the_sign_in_page_is_not_stored() -> None:
    response = Client().get("/sign-in")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_hsts_lasts_a_year_when_secure_cookies_are_on(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _fresh_settings(monkeypatch, "true").SECURE_HSTS_SECONDS == 31_536_000


def test_there_is_no_hsts_without_secure_cookies(monkeypatch: pytest.MonkeyPatch) -> None:
    assert getattr(_fresh_settings(monkeypatch, "false"), "SECURE_HSTS_SECONDS", 0) == 0


@pytest.mark.parametrize("path", ["/api/v1/openapi.json", "/api/v1/docs"])
def test_an_anonymous_visitor_cannot_read_the_api_docs(path: str) -> None:
    response = Client().get(path)
    assert response.status_code == 401
    assert set(response.json()) == {"error", "details"}


@pytest.mark.parametrize("path", ["/api/v1/openapi.json", "/api/v1/docs"])
def test_a_signed_in_user_reads_the_api_docs(browser_as: BrowserAs, path: str) -> None:
    assert browser_as("viewer").get(path).status_code == 200


def test_a_token_opens_the_openapi_document(api_as: ApiAs) -> None:
    response = api_as("viewer").get("/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/goals" in response.json()["paths"]


def test_a_wrong_token_does_not_open_the_openapi_document() -> None:
    response = Client().get("/api/v1/openapi.json", headers={"Authorization": "Bearer not-a-lodestar-token"})
    assert response.status_code == 401


def _policy(response_header: str) -> dict[str, list[str]]:
    directives = [part.split() for part in response_header.split(";") if part.strip()]
    return {directive[0]: directive[1:] for directive in directives}


def test_a_page_runs_only_scripts_from_its_own_static_files(browser_as: BrowserAs) -> None:
    policy = _policy(browser_as("admin").get("/")["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_the_sign_in_page_has_the_policy_too() -> None:
    assert "script-src 'self'" in Client().get("/sign-in")["Content-Security-Policy"]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>|\son[a-z]+\s*=", re.IGNORECASE)


def test_no_template_has_an_inline_script_or_an_event_attribute() -> None:
    source = Path(lodestar_settings.BASE_DIR)
    templates = [*source.glob("web/templates/**/*.html"), *source.glob("reports/templates/**/*.html")]
    assert templates
    offenders = [str(path) for path in templates if INLINE_SCRIPT.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
