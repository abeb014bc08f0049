import io
from typing import Any

import pytest

from lodestar.accounts.models import AuditEntry, User
from tests.conftest import Run, run_lodestar


def run_with_stdin(monkeypatch: pytest.MonkeyPatch, text: str, *args: str) -> Run:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    return run_lodestar(*args)


def test_users_add_reads_the_password_from_stdin_and_hashes_it_with_argon2(
    org: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_with_stdin(
        monkeypatch,
        "s3cret-password\n",
        "users",
        "add",
        "Sam@Example.com",
        "--role",
        "member",
        "--person",
        "sam",
        "--password-stdin",
    )
    assert result.code == 0, result.err
    user = User.objects.get(email="sam@example.com")
    assert user.password.startswith("argon2")
    assert user.check_password("s3cret-password")
    assert (user.role, user.person_id) == ("member", "sam")


def test_users_add_links_the_person_with_the_same_email(org: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    run_with_stdin(
        monkeypatch, "s3cret-password\n", "users", "add", "ana@example.com", "--role", "member", "--password-stdin"
    )
    assert User.objects.get(email="ana@example.com").person_id == "ana"


def test_users_add_without_stdin_prints_a_generated_password(org: dict[str, Any]) -> None:
    result = run_lodestar("users", "add", "viewer@example.com", "--role", "viewer")
    assert result.code == 0
    password = result.out.split("password: ")[1].strip()
    assert User.objects.get(email="viewer@example.com").check_password(password)


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("users", "add", "not-an-email", "--role", "member", "--password-stdin"), "long-enough-1\n", "not an email"),
        (
            ("users", "add", "a@example.com", "--role", "member", "--person", "nobody", "--password-stdin"),
            "long-enough-1\n",
            "unknown person",
        ),
        (("users", "add", "a@example.com", "--role", "member", "--password-stdin"), "short\n", "at least 8"),
        (("users", "add", "a@example.com", "--role", "member", "--password-stdin"), "", "no password"),
    ],
)
def test_users_add_refuses_bad_input_with_exit_code_2(
    org: dict[str, Any], monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], stdin: str, message: str
) -> None:
    result = run_with_stdin(monkeypatch, stdin, *args)
    assert result.code == 2
    assert message in result.err


def test_users_add_refuses_an_unknown_role(org: dict[str, Any]) -> None:
    assert run_lodestar("users", "add", "a@example.com", "--role", "boss").code == 2


def test_users_add_refuses_a_second_user_with_the_same_email(
    org: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_with_stdin(
        monkeypatch, "long-enough-1\n", "users", "add", "a@example.com", "--role", "member", "--password-stdin"
    )
    result = run_with_stdin(
        monkeypatch, "long-enough-1\n", "users", "add", "A@example.com", "--role", "admin", "--password-stdin"
    )
    assert result.code == 2
    assert "exists already" in result.err


def test_users_list_and_set_role(org: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    run_with_stdin(
        monkeypatch, "long-enough-1\n", "users", "add", "a@example.com", "--role", "viewer", "--password-stdin"
    )
    assert run_lodestar("users", "set-role", "a@example.com", "editor").code == 0
    listing = run_lodestar("users", "list")
    assert "a@example.com\teditor\t-" in listing.out
    entry = AuditEntry.objects.get(action="user.set_role")
    assert entry.before is not None and entry.after is not None
    assert (entry.actor, entry.surface, entry.before["role"], entry.after["role"]) == (
        "command line",
        "cli",
        "viewer",
        "editor",
    )


def test_set_role_of_an_unknown_user_fails(db: None) -> None:
    result = run_lodestar("users", "set-role", "ghost@example.com", "admin")
    assert result.code == 2
    assert "no user" in result.err


def test_deactivate_stops_sign_in(org: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    run_with_stdin(
        monkeypatch, "long-enough-1\n", "users", "add", "a@example.com", "--role", "viewer", "--password-stdin"
    )
    assert run_lodestar("users", "deactivate", "a@example.com").code == 0
    assert not User.objects.get(email="a@example.com").is_active
    assert "(deactivated)" in run_lodestar("users", "list").out
