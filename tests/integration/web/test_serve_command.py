from pytest_django import Settings

from tests.conftest import run_lodestar

SAFE_KEY = "k" * 50


def test_serve_refuses_the_development_secret_key(db: None, settings: Settings) -> None:
    settings.DEBUG = False
    settings.SECRET_KEY = settings.DEVELOPMENT_SECRET_KEY
    result = run_lodestar("serve", "--check")
    assert result.code == 2
    assert "LODESTAR_SECRET_KEY is not set" in result.err
    assert "LODESTAR_DEBUG=true" in result.err


def test_serve_refuses_a_short_secret_key_and_any_host(db: None, settings: Settings) -> None:
    settings.DEBUG = False
    settings.SECRET_KEY = "short"
    settings.ALLOWED_HOSTS = ["*"]
    result = run_lodestar("serve", "--check")
    assert result.code == 2
    assert "shorter than 32" in result.err
    assert "contains '*'" in result.err


def test_serve_accepts_a_generated_secret_key(db: None, settings: Settings) -> None:
    settings.DEBUG = False
    settings.SECRET_KEY = SAFE_KEY
    result = run_lodestar("serve", "--check")
    assert result.code == 0
    assert "safe to serve" in result.out


def test_serve_accepts_the_development_key_in_debug(db: None, settings: Settings) -> None:
    settings.DEBUG = True
    settings.SECRET_KEY = settings.DEVELOPMENT_SECRET_KEY
    assert run_lodestar("serve", "--check").code == 0
