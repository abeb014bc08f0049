"""Deactivating a user revokes their API tokens and ends their sessions at once; `lodestar sso` checks its settings."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client
from pytest_django import Settings

from lodestar.accounts.models import ApiToken
from tests.integration.accounts.cast import PASSWORD, Cast


def test_deactivating_a_user_on_the_command_line_revokes_their_tokens_and_ends_their_sessions(cast: Cast) -> None:
    web = Client()
    assert web.post("/sign-in", {"email": "ana@example.com", "password": PASSWORD}).status_code == 302
    assert web.get("/").status_code == 200
    api = Client(headers={"Authorization": f"Bearer {cast.token['ana']}"})
    assert api.get("/api/v1/goals").status_code == 200

    call_command("users", "deactivate", "ana@example.com")

    assert api.get("/api/v1/goals").status_code == 401
    assert web.get("/").status_code == 302
    assert not ApiToken.objects.filter(user=cast.ana, revoked__isnull=True).exists()
    call_command("users", "activate", "ana@example.com")
    assert api.get("/api/v1/goals").status_code == 401  # a revoked token stays revoked


def test_deactivating_a_user_on_the_users_page_revokes_their_tokens(cast: Cast) -> None:
    admin = Client()
    admin.force_login(cast.admin)
    answer = admin.post("/admin/users/active", {"email": "kim@example.com", "active": "false"})
    assert answer.status_code == 200
    api = Client(headers={"Authorization": f"Bearer {cast.token['kim']}"})
    assert api.get("/api/v1/goals").status_code == 401
    assert not ApiToken.objects.filter(user=cast.kim, revoked__isnull=True).exists()


def test_lodestar_sso_without_a_configured_provider_prints_the_redirect_uri_and_exits_with_code_2(
    db: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        call_command("sso")
    assert stopped.value.code == 2
    out, err = capsys.readouterr()
    assert out.strip() == "redirect URI: http://127.0.0.1:8000/sso/oidc/login/callback/"
    assert err.strip().count("\n") == 0 and "LODESTAR_OIDC_ISSUER" in err


def test_with_password_sign_in_switched_off_a_correct_password_is_refused(cast: Cast, settings: Settings) -> None:
    settings.PASSWORD_SIGN_IN = False
    answer = Client().post("/sign-in", {"email": "ana@example.com", "password": PASSWORD})
    assert answer.status_code == 200
    assert b'name="password"' not in answer.content
    assert "sessionid" not in answer.cookies
