"""Invitations and password resets: the e-mails read from a loopback SMTP server, their links followed."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from pytest_django import Settings

from lodestar.accounts import invitations
from lodestar.accounts.actor import Actor, command_line_actor
from lodestar.accounts.models import AuditEntry, User
from tests.integration.notifications.model import BASE_URL, SENDER, import_document
from tests.integration.notifications.smtp import Arrived, SmtpServer, smtp_server  # noqa: F401 - a fixture

LINK = re.compile(re.escape(BASE_URL) + r"(/password/set/(invite|reset)/[^/\s\"<>]+/[^/\s\"<>]+/)")
CSRF = re.compile(r"[A-Za-z0-9]{64}")
NEW_PASSWORD = "a long new password"


@pytest.fixture
def mail(db: None, settings: Settings, smtp_server: SmtpServer) -> SmtpServer:  # noqa: F811 - the fixture
    """The organization imported, an admin, and e-mail going to the loopback SMTP server."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", smtp_server.port, 10
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.LODESTAR_BASE_URL = BASE_URL
    settings.DEFAULT_FROM_EMAIL = SENDER
    import_document()
    User.objects.create_user("boss@example.com", "the admin's password", role="admin")
    return smtp_server


def admin_client() -> Client:
    client = Client()
    client.force_login(User.objects.get(email="boss@example.com"))
    return client


def only(arrived: list[Arrived]) -> Arrived:
    assert len(arrived) == 1, arrived
    return arrived[0]


def link_in(arrived: Arrived) -> str:
    """The path of the link, found in both parts of the message."""
    found = LINK.search(arrived.text)
    assert found is not None, arrived.text
    assert found.group(0) in arrived.html
    return found.group(1)


def same_page(page: str, email: str) -> str:
    """A page without the address asked for and the CSRF tokens, which differ from one answer to the next."""
    return CSRF.sub("-", page.replace(email, "X"))


def signs_in(email: str, password: str) -> bool:
    return Client().post("/sign-in", {"email": email, "password": password}).status_code == 302


def test_an_invited_person_gets_an_email_whose_link_sets_a_password_they_can_sign_in_with(mail: SmtpServer) -> None:
    answer = admin_client().post("/admin/users/invite", {"email": "Lea@Example.com", "role": "", "person": ""})
    assert answer.status_code == 400  # a role must be chosen on the page (the form preselects member)
    answer = admin_client().post("/admin/users/invite", {"email": "Lea@Example.com", "role": "member", "person": ""})
    assert answer.status_code == 200
    user = User.objects.get(email="lea@example.com")
    assert (user.role, user.person_id, user.has_usable_password()) == ("member", "lea", False)
    message = only(mail.inbox.to("lea@example.com"))
    assert message.message["Subject"] == "You are invited to Lodestar"
    assert "valid for 7 days" in message.text
    path = link_in(message)

    browser = Client()
    page = browser.get(path)
    assert page.status_code == 200 and "lea@example.com" in page.content.decode()
    assert browser.post(path, {"password": "short"}).status_code == 400
    done = browser.post(path, {"password": NEW_PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/"
    assert browser.get("/").status_code == 200  # signed in right after
    assert signs_in("lea@example.com", NEW_PASSWORD)

    actions = list(
        AuditEntry.objects.filter(subject="user:lea@example.com").order_by("id").values_list("action", flat=True)
    )
    assert actions == ["user.create", "user.invite", "user.accept_invitation"]
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert not any(token in str(entry.after) + str(entry.before) for entry in AuditEntry.objects.all())


def test_a_link_used_once_is_refused_the_second_time_with_a_way_to_ask_for_a_new_one(mail: SmtpServer) -> None:
    call_command("users", "invite", "max@example.com", "--role", "editor")
    path = link_in(only(mail.inbox.to("max@example.com")))
    assert Client().post(path, {"password": NEW_PASSWORD}).status_code == 302

    again = Client().get(path)
    assert again.status_code == 400
    assert "This link no longer works" in again.content.decode() and "/password/forgot" in again.content.decode()
    assert Client().post(path, {"password": "another long password"}).status_code == 400
    assert signs_in("max@example.com", NEW_PASSWORD)
    assert not signs_in("max@example.com", "another long password")


class EightDaysAgo(invitations.InvitationTokenGenerator):
    def _now(self) -> datetime:
        return datetime.now() - timedelta(days=8)


def test_an_invitation_link_older_than_seven_days_is_refused(mail: SmtpServer) -> None:
    user = invitations.invite(actor=_cli(), email="lea@example.com")
    fresh = invitations.password_link(user, invitations.INVITE).removeprefix(BASE_URL)
    expired = invitations.password_link(user, invitations.INVITE, EightDaysAgo()).removeprefix(BASE_URL)

    assert Client().get(expired).status_code == 400
    assert Client().post(expired, {"password": NEW_PASSWORD}).status_code == 400
    assert not User.objects.get(email="lea@example.com").has_usable_password()
    assert Client().get(fresh).status_code == 200


def test_a_tampered_or_mixed_up_link_is_refused_not_an_error(mail: SmtpServer) -> None:
    user = invitations.invite(actor=_cli(), email="lea@example.com")
    path = link_in(only(mail.inbox.to("lea@example.com")))
    kind, uid, token = path.strip("/").split("/")[2:]
    for broken in (
        f"/password/set/reset/{uid}/{token}/",  # an invitation's token is not a reset's
        f"/password/set/invite/{uid}/{token[:-1]}x/",
        f"/password/set/invite/!!/{token}/",
        f"/password/set/other/{uid}/{token}/",
    ):
        assert Client().get(broken).status_code == 400, broken
    assert kind == "invite" and user.pk


def test_forgot_password_sends_a_reset_link_and_answers_the_same_for_an_unknown_address(mail: SmtpServer) -> None:
    User.objects.create_user("lea@example.com", "the old password", role="member")
    known = Client().post("/password/forgot", {"email": "lea@example.com"})
    unknown = Client().post("/password/forgot", {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 200
    assert same_page(known.content.decode(), "lea@example.com") == same_page(
        unknown.content.decode(), "nobody@example.com"
    )
    assert mail.inbox.recipients == ["lea@example.com"]

    message = only(mail.inbox.to("lea@example.com"))
    assert message.message["Subject"] == "Reset your Lodestar password"
    path = link_in(message)
    assert Client().post(path, {"password": NEW_PASSWORD}).status_code == 302
    assert signs_in("lea@example.com", NEW_PASSWORD) and not signs_in("lea@example.com", "the old password")
    assert Client().get(path).status_code == 400
    actions = list(
        AuditEntry.objects.filter(subject="user:lea@example.com").order_by("id").values_list("action", flat=True)
    )
    assert actions == ["user.request_reset", "user.reset_password"]


def test_a_german_speaking_user_gets_the_reset_email_in_german(mail: SmtpServer) -> None:
    User.objects.create_user("lea@example.com", "the old password", role="member", language="de")
    invitations.request_reset(email="lea@example.com")
    message = only(mail.inbox.to("lea@example.com"))
    assert message.message["Subject"] == "Setzen Sie Ihr Lodestar-Passwort zurück"


def test_the_sign_in_page_links_to_forgot_password(db: None) -> None:
    assert 'href="/password/forgot"' in Client().get("/sign-in").content.decode()


def _cli() -> Actor:
    return command_line_actor()


def test_inviting_a_unit_invites_its_people_with_an_email_and_no_account_and_says_who(mail: SmtpServer) -> None:
    User.objects.create_user("max@example.com", "max's password", role="editor")
    answer = admin_client().post("/admin/users/invite-unit", {"unit": "ms", "role": "member"})
    assert answer.status_code == 200
    assert "Invited 2; 1 had an account already; 0 could not be sent to." in answer.content.decode()
    assert mail.inbox.recipients == ["lea@example.com", "quiet@example.com"]
    lea = User.objects.get(email="lea@example.com")
    assert (lea.role, lea.person_id) == ("member", "lea")
    assert User.objects.get(email="max@example.com").role == "editor"
    assert signs_in("max@example.com", "max's password")

    call_command("users", "invite-unit", "ms")  # again: everybody has an account now
    assert len(mail.inbox.arrived) == 2


def test_inviting_an_unknown_unit_or_with_an_unknown_role_invites_nobody(mail: SmtpServer) -> None:
    assert admin_client().post("/admin/users/invite-unit", {"unit": "nope", "role": "member"}).status_code == 404
    assert admin_client().post("/admin/users/invite-unit", {"unit": "ms", "role": "boss"}).status_code == 400
    assert mail.inbox.arrived == [] and not User.objects.filter(email="lea@example.com").exists()


def test_a_deactivated_user_gets_no_reset_link_and_an_earlier_link_is_refused(mail: SmtpServer) -> None:
    call_command("users", "invite", "lea@example.com")
    path = link_in(only(mail.inbox.to("lea@example.com")))
    call_command("users", "deactivate", "lea@example.com")

    assert Client().get(path).status_code == 400
    assert Client().post("/password/forgot", {"email": "lea@example.com"}).status_code == 200
    assert len(mail.inbox.to("lea@example.com")) == 1  # the invitation only


def test_a_second_reset_request_within_five_minutes_sends_nothing_more_but_one_later_does(
    mail: SmtpServer, settings: Settings
) -> None:
    User.objects.create_user("lea@example.com", "the old password", role="member")
    assert invitations.request_reset(email="lea@example.com")
    assert not invitations.request_reset(email="LEA@example.com")
    assert len(mail.inbox.to("lea@example.com")) == 1
    settings.PASSWORD_RESET_EMAIL_INTERVAL = 0
    AuditEntry.objects.filter(action="user.request_reset").update(at=timezone.now() - timedelta(seconds=1))
    assert invitations.request_reset(email="lea@example.com")
    assert len(mail.inbox.to("lea@example.com")) == 2
