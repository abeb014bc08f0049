"""`LODESTAR_EMAIL_URL`, `LODESTAR_EMAIL_FROM` and `LODESTAR_BASE_URL` read into Django's e-mail settings."""

from __future__ import annotations

import pytest

from lodestar.lib.email_url import (
    CONSOLE_BACKEND,
    SMTP_BACKEND,
    EmailSettingError,
    parse_base_url,
    parse_email_url,
    parse_sender,
)


def test_without_a_url_messages_go_to_the_console() -> None:
    assert parse_email_url("") == {"EMAIL_BACKEND": CONSOLE_BACKEND}
    assert parse_email_url("console:") == {"EMAIL_BACKEND": CONSOLE_BACKEND}


def test_smtp_with_user_password_host_and_port() -> None:
    assert parse_email_url("smtp://mailer:s%40cret@mail.example.com:2525") == {
        "EMAIL_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": "mail.example.com",
        "EMAIL_PORT": 2525,
        "EMAIL_HOST_USER": "mailer",
        "EMAIL_HOST_PASSWORD": "s@cret",
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 30.0,
    }


@pytest.mark.parametrize(
    ("url", "tls", "ssl", "port"),
    [
        ("smtp://mail.example.com", False, False, 25),
        ("smtp+starttls://mail.example.com", True, False, 587),
        ("smtp+ssl://mail.example.com", False, True, 465),
        ("SMTP+STARTTLS://mail.example.com:25", True, False, 25),
    ],
)
def test_the_scheme_chooses_starttls_or_implicit_tls_and_the_usual_port(
    url: str, tls: bool, ssl: bool, port: int
) -> None:
    settings = parse_email_url(url)
    assert (settings["EMAIL_USE_TLS"], settings["EMAIL_USE_SSL"], settings["EMAIL_PORT"]) == (tls, ssl, port)
    assert settings["EMAIL_HOST_USER"] == settings["EMAIL_HOST_PASSWORD"] == ""


def test_a_timeout_may_be_given() -> None:
    assert parse_email_url("smtp://mail.example.com?timeout=5")["EMAIL_TIMEOUT"] == 5.0


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://mail.example.com", "unsupported scheme 'ftp'"),
        ("smtp://", "names no mail server"),
        ("smtp://mail.example.com:99999", "out of range"),
        ("smtp://mail.example.com?tls=1", "unknown option 'tls'"),
        ("smtp://mail.example.com?timeout=soon", "timeout: expected a number of seconds"),
        ("smtp://mail.example.com?timeout=0", "timeout: expected more than 0"),
    ],
)
def test_a_url_that_names_no_usable_server_is_refused(url: str, message: str) -> None:
    with pytest.raises(EmailSettingError, match=message):
        parse_email_url(url)


@pytest.mark.parametrize("sender", ["goals@example.com", "Lodestar Goals <goals@example.com>"])
def test_a_sender_is_an_address_with_or_without_a_name(sender: str) -> None:
    assert parse_sender(sender) == sender


@pytest.mark.parametrize("sender", ["goals", "Lodestar <>", "a@b.example\nBcc: x@y.example"])
def test_a_sender_that_is_no_address_is_refused(sender: str) -> None:
    with pytest.raises(EmailSettingError, match="is not a sender"):
        parse_sender(sender)


def test_the_base_url_loses_its_trailing_slash() -> None:
    assert parse_base_url("https://goals.example.com/") == "https://goals.example.com"
    assert parse_base_url("http://127.0.0.1:8000") == "http://127.0.0.1:8000"
    assert parse_base_url("https://example.com/lodestar/") == "https://example.com/lodestar"


@pytest.mark.parametrize("url", ["goals.example.com", "ftp://goals.example.com", "https://", "https://x.example/?a=1"])
def test_a_base_url_that_is_no_web_address_is_refused(url: str) -> None:
    with pytest.raises(EmailSettingError, match="is not an address"):
        parse_base_url(url)
