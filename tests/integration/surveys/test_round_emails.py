"""A round's invitations and its one reminder, sent to a real SMTP server on loopback and read back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from pytest_django import Settings

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.models import User
from lodestar.accounts.services import actor_for
from lodestar.lib import clock
from lodestar.notifications.models import SURVEY_INVITATION, SURVEY_REMINDER, SentMessage
from lodestar.surveys.answering import submit_response
from lodestar.surveys.invitations import mail_status, send_survey_mails
from lodestar.surveys.jobs import scheduled_survey_mails
from lodestar.surveys.services import close_survey, delete_survey
from tests.integration.accounts.cast import BrowserAs, Cast
from tests.integration.notifications.smtp import Arrived, SmtpServer, smtp_server  # noqa: F401 - a fixture
from tests.integration.surveys.rounds import ANSWER, open_round, with_tasks

BASE_URL = "https://lodestar.example.com"
# Audience `ms`: Jo (e-mail in the model), Sam and Kim (their accounts), Ana (both).
EVERYONE = ["ana@example.com", "jo@example.com", "kim@example.com", "sam@example.com"]


@pytest.fixture
def mail(cast: Cast, settings: Settings, smtp_server: SmtpServer) -> SmtpServer:  # noqa: F811 - the fixture
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", smtp_server.port, 10
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.LODESTAR_BASE_URL = BASE_URL
    with_tasks()
    return smtp_server


def only(arrived: list[Arrived]) -> Arrived:
    assert len(arrived) == 1, arrived
    return arrived[0]


def test_an_open_round_invites_everyone_in_its_audience_with_an_email_once(mail: SmtpServer) -> None:
    open_round()

    first = send_survey_mails()
    second = send_survey_mails()

    assert mail.inbox.recipients == EVERYONE
    assert sorted(m.person.id for m in first.sent) == ["ana", "jo", "kim", "sam"]
    assert second.sent == [] and len(mail.inbox.arrived) == 4
    assert SentMessage.objects.filter(kind=SURVEY_INVITATION, topic="now").count() == 4


def test_the_invitation_links_to_the_answering_page_and_says_when_it_closes(mail: SmtpServer) -> None:
    open_round()
    send_survey_mails()

    jo = only(mail.inbox.to("jo@example.com"))

    assert jo.message["Subject"].startswith("Survey: Role clarity now (please answer by ")
    assert f"{BASE_URL}/surveys/now/answer" in jo.text
    assert f'href="{BASE_URL}/surveys/now/answer"' in jo.html
    assert "never with your name" in jo.text
    assert jo.message["List-Unsubscribe"].strip().startswith(f"<{BASE_URL}/reminders/stop/")


def test_the_invitation_speaks_the_language_of_the_persons_account(mail: SmtpServer, cast: Cast) -> None:
    User.objects.filter(pk=cast.users["kim"].pk).update(language="de")
    open_round()

    send_survey_mails()

    kim = only(mail.inbox.to("kim@example.com"))
    assert kim.message["Subject"].startswith("Umfrage: Role clarity now")
    assert "Hallo Kim Berg" in kim.text
    assert only(mail.inbox.to("sam@example.com")).text.startswith("Hello Sam Lee")


def test_a_round_that_has_not_opened_or_was_closed_sends_nothing(mail: SmtpServer) -> None:
    today = clock.today()
    open_round("later", opens=(today + timedelta(days=2)).isoformat(), closes=(today + timedelta(days=9)).isoformat())
    open_round("done")
    close_survey(actor=command_line_actor(), survey_id="done", version=1)

    assert send_survey_mails().sent == []
    assert mail.inbox.arrived == []


def test_the_one_reminder_goes_three_days_before_closing_only_to_those_who_have_not_answered(
    mail: SmtpServer, cast: Cast
) -> None:
    survey_id = open_round()
    send_survey_mails()
    submit_response(actor=actor_for(cast.users["sam"], surface="web"), survey_id=survey_id, document=ANSWER)
    closes = clock.today() + timedelta(days=10)
    mail.inbox.arrived.clear()

    too_early = send_survey_mails(closes - timedelta(days=4))
    due = send_survey_mails(closes - timedelta(days=3))
    again = send_survey_mails(closes - timedelta(days=1))

    assert too_early.sent == [] and again.sent == []
    assert sorted(m.person.id for m in due.sent) == ["ana", "jo", "kim"]
    assert mail.inbox.recipients == ["ana@example.com", "jo@example.com", "kim@example.com"]
    kim = only(mail.inbox.to("kim@example.com"))
    assert kim.message["Subject"].startswith("Reminder: the survey Role clarity now closes on ")
    assert "you have not answered the survey" in kim.text and f"{BASE_URL}/surveys/now/answer" in kim.text


def test_a_person_invited_on_a_day_gets_no_reminder_that_same_day(mail: SmtpServer) -> None:
    today = clock.today()
    open_round(opens=(today - timedelta(days=5)).isoformat(), closes=(today + timedelta(days=1)).isoformat())

    first = send_survey_mails()
    second = send_survey_mails()

    assert {m.kind for m in first.sent} == {"invitation"} and second.sent == []
    assert {m.kind for m in send_survey_mails(today + timedelta(days=1)).sent} == {"reminder"}


def test_someone_who_answered_before_the_invitation_gets_none(mail: SmtpServer, cast: Cast) -> None:
    survey_id = open_round()
    submit_response(actor=actor_for(cast.users["ana"], surface="web"), survey_id=survey_id, document=ANSWER)

    send_survey_mails()

    assert "ana@example.com" not in mail.inbox.recipients and len(mail.inbox.arrived) == 3


def test_a_dry_run_sends_and_records_nothing(mail: SmtpServer) -> None:
    open_round()

    run = send_survey_mails(dry_run=True)

    assert len(run.sent) == 4 and mail.inbox.arrived == [] and SentMessage.objects.count() == 0


def test_the_round_page_says_how_many_invitations_and_reminders_went_out(
    mail: SmtpServer, browser_as: BrowserAs
) -> None:
    open_round()
    send_survey_mails()
    send_survey_mails(clock.today() + timedelta(days=7))

    status = mail_status("now")
    html = browser_as("editor").get("/surveys/now/").content.decode()

    assert (status["invitations"].count, status["reminders"].count) == (4, 4)
    assert status["invitations"].first == clock.today()
    assert "4 invitations sent on " in html and "4 reminders sent, first on " in html
    assert SentMessage.objects.filter(kind=SURVEY_REMINDER).count() == 4


def test_a_deleted_round_forgets_its_emails_so_a_new_round_of_its_id_invites_again(mail: SmtpServer) -> None:
    open_round()
    send_survey_mails()
    delete_survey(actor=command_line_actor(), survey_id="now")
    open_round()

    assert len(send_survey_mails().sent) == 4 and len(mail.inbox.arrived) == 8


def test_the_command_sends_what_is_due_and_a_dry_run_lists_it(
    mail: SmtpServer, capsys: pytest.CaptureFixture[str]
) -> None:
    open_round()

    call_command("survey", "send", "--dry-run")
    dry = capsys.readouterr().out
    call_command("survey", "send", "--format", "json")
    sent = capsys.readouterr().out

    assert "(dry run): 4 e-mails would be sent" in dry and f"{BASE_URL}/surveys/now/answer" in dry
    assert '"kind": "invitation"' in sent and '"person": "jo"' in sent
    assert mail.inbox.recipients == EVERYONE


def test_the_worker_job_says_what_it_sent(mail: SmtpServer) -> None:
    open_round()

    assert scheduled_survey_mails() == "Sent 4 survey invitations and 0 reminders."
    assert scheduled_survey_mails() == "Sent 0 survey invitations and 0 reminders."
