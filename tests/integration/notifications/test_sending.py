"""Reminders and digests sent to a real SMTP server on loopback, and read back as they arrived."""

from __future__ import annotations

import copy
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from pytest_django import Settings

from lodestar.accounts.models import User
from lodestar.lib.errors import NotFound
from lodestar.notifications.models import SentMessage
from lodestar.notifications.services import send_digests, send_reminders, unit_digest_text
from lodestar.org.models import Person
from tests.integration.notifications.model import AS_OF, BASE_URL, MODEL, SENDER, import_document
from tests.integration.notifications.smtp import Arrived, SmtpServer

STOP_LINK = re.compile(re.escape(BASE_URL) + r"(/reminders/stop/[^/\s\"<>]+/)")


@pytest.fixture
def mail(db: None, settings: Settings, smtp_server: SmtpServer) -> SmtpServer:
    """The organization imported, and e-mail going to the loopback SMTP server."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", smtp_server.port, 10
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.LODESTAR_BASE_URL = BASE_URL
    settings.DEFAULT_FROM_EMAIL = SENDER
    import_document()
    return smtp_server


def only(arrived: list[Arrived]) -> Arrived:
    assert len(arrived) == 1, arrived
    return arrived[0]


def test_each_check_in_owner_with_an_email_gets_one_reminder_and_nobody_else_does(mail: SmtpServer) -> None:
    run = send_reminders(AS_OF)

    assert mail.inbox.recipients == ["lea@example.com", "max@example.com"]
    assert [reminder.person.id for reminder in run.sent] == ["lea", "max"]
    assert [(item.key_result, item.reason) for item in run.plan.skipped] == [
        ("articles", "opted_out"),
        ("visits", "no_email"),
    ]
    assert run.failed == []


def test_a_reminder_has_a_plain_text_and_an_html_part_with_the_key_result_its_goal_value_and_links(
    mail: SmtpServer,
) -> None:
    send_reminders(AS_OF)

    lea = only(mail.inbox.to("lea@example.com"))
    assert lea.message["From"] == SENDER
    assert lea.message["Subject"] == "Check-in due: 1 key result"
    for part in (lea.text, lea.html):
        assert "Marketing-qualified leads per month" in part
        assert "More qualified leads" in part
        assert "140 leads" in part
        assert f"{BASE_URL}/goals/more-leads/" in part
        assert STOP_LINK.search(part), part
    assert "<a href=" in lea.html
    assert "<a href=" not in lea.text


def test_the_mail_program_gets_the_stop_link_as_a_one_click_unsubscribe(mail: SmtpServer) -> None:
    send_reminders(AS_OF)

    lea = only(mail.inbox.to("lea@example.com"))
    link = STOP_LINK.search(lea.text)
    assert link is not None
    assert str(lea.message["List-Unsubscribe"]).strip() == f"<{BASE_URL}{link.group(1)}>"
    assert lea.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_second_run_in_the_same_cycle_sends_nothing_again(mail: SmtpServer) -> None:
    send_reminders(AS_OF)
    again = send_reminders(AS_OF + timedelta(days=1))

    assert again.sent == []
    assert mail.inbox.recipients == ["lea@example.com", "max@example.com"]


def test_every_message_sent_is_recorded(mail: SmtpServer) -> None:
    send_reminders(AS_OF)

    rows = SentMessage.objects.order_by("person_id")
    assert [(row.kind, row.person_id, row.cycle.isoformat(), row.email) for row in rows] == [
        ("reminder", "lea", "2026-03-02", "lea@example.com"),
        ("reminder", "max", "2026-03-02", "max@example.com"),
    ]
    assert all(row.sent_at is not None for row in rows)
    assert rows[0].items == ["web-mqls"]


def test_the_stop_link_of_a_reminder_turns_that_persons_reminders_off(mail: SmtpServer) -> None:
    send_reminders(AS_OF)
    link = STOP_LINK.search(only(mail.inbox.to("lea@example.com")).text)
    assert link is not None
    visitor = Client()  # not signed in

    confirm = visitor.get(link.group(1))
    assert confirm.status_code == 200
    assert "Lea Brandt" in confirm.content.decode()
    assert Person.objects.get(id="lea").reminders is None  # looking does not stop them
    stopped = visitor.post(link.group(1))

    assert stopped.status_code == 200
    assert Person.objects.get(id="lea").reminders is False
    next_week = send_reminders(AS_OF + timedelta(days=7))
    assert [reminder.person.id for reminder in next_week.sent] == ["max"]
    assert len(mail.inbox.to("lea@example.com")) == 1


def test_a_reminder_speaks_the_language_chosen_on_the_persons_account_and_english_without_one(
    mail: SmtpServer,
) -> None:
    User.objects.create_user("lea.account@example.com", "long-enough", person_id="lea", language="de")

    send_reminders(AS_OF)

    lea = only(mail.inbox.to("lea@example.com"))
    assert lea.message["Subject"] == "Check-in fällig: 1 Schlüsselergebnis"
    for part in (lea.text, lea.html):
        assert "Hallo Lea Brandt," in part
        assert "jede Woche am Montag" in part
        assert "dieser Zyklus begann am Montag, 2. März 2026" in part
        assert "Ziel: More qualified leads · aktueller Wert: 140 leads" in part
        assert "Erinnerungen und Wochenübersichten abbestellen" in part
    assert '<html lang="de">' in lea.html
    max_ = only(mail.inbox.to("max@example.com"))  # no account: English
    assert max_.message["Subject"] == "Check-in due: 1 key result"
    assert "this cycle began on Monday, 2 March 2026" in max_.text


def test_a_digest_speaks_the_language_of_the_leads_account(mail: SmtpServer) -> None:
    User.objects.create_user("max@example.com", "long-enough", person_id="max", language="de")

    send_digests(AS_OF)

    digest = only(mail.inbox.to("max@example.com"))
    assert digest.message["Subject"] == "Wochenübersicht: Marketing & Sales"
    for part in (digest.text, digest.html.replace("&amp;", "&")):
        assert "Hallo Max Ortiz," in part
        assert "hier ist die Woche von Marketing & Sales mit Stand Donnerstag, 5. März 2026." in part
        assert "Fällige Check-ins" in part
        assert "Sie erhalten diese Nachricht, weil Sie Marketing & Sales leiten." in part
    chat = unit_digest_text("ms", AS_OF)  # a chat message: the default language
    assert chat is not None
    assert chat.startswith("Weekly digest of Marketing & Sales")


def test_the_weekly_digest_arrives_at_the_lead_with_both_parts(mail: SmtpServer) -> None:
    run = send_digests(AS_OF)

    assert [digest.person.id for digest in run.sent] == ["max"]
    digest = only(mail.inbox.to("max@example.com"))
    assert mail.inbox.recipients == ["max@example.com"]
    assert digest.message["Subject"] == "Weekly digest: Marketing & Sales"
    for part in (digest.text, digest.html):
        for goal in ("more-leads", "faster-quotes", "press", "offline"):
            assert f"{BASE_URL}/goals/{goal}/" in part
        assert STOP_LINK.search(part), part
    assert send_digests(AS_OF + timedelta(days=3)).sent == []  # same ISO week
    assert len(mail.inbox.arrived) == 1


def test_nothing_goes_to_a_lead_who_turned_reminders_off(mail: SmtpServer) -> None:
    Person.objects.filter(id="max").update(reminders=False)

    assert send_digests(AS_OF).sent == []
    send_reminders(AS_OF)
    assert mail.inbox.recipients == ["lea@example.com"]


def test_a_unit_digest_renders_as_plain_text_with_links(mail: SmtpServer) -> None:
    text = unit_digest_text("ms", AS_OF)

    assert text is not None
    assert text.startswith("Weekly digest of Marketing & Sales as of Thursday, 5 March 2026")
    assert "Check-ins due:" in text
    assert f"{BASE_URL}/goals/faster-quotes/" in text
    assert "<" not in text


def test_a_unit_digest_without_news_is_none_and_an_unknown_unit_is_refused(mail: SmtpServer) -> None:
    assert unit_digest_text("ms", AS_OF.replace(year=2027)) is None  # after the period: nothing current
    with pytest.raises(NotFound, match="no unit 'nowhere'"):
        unit_digest_text("nowhere", AS_OF)


def test_an_unreachable_server_sends_nothing_records_nothing_and_the_next_run_sends(
    mail: SmtpServer, settings: Settings
) -> None:
    settings.EMAIL_PORT = mail.port + 1 if mail.port < 65535 else mail.port - 1  # nobody listens there

    failed = send_reminders(AS_OF)
    settings.EMAIL_PORT = mail.port
    retried = send_reminders(AS_OF)

    assert [failure.person_id for failure in failed.failed] == ["lea", "max"]
    assert failed.sent == []
    assert [reminder.person.id for reminder in retried.sent] == ["lea", "max"]
    assert mail.inbox.recipients == ["lea@example.com", "max@example.com"]


def test_a_claim_its_process_abandoned_is_taken_over_after_the_claim_time(mail: SmtpServer) -> None:
    stale = timezone.now() - timedelta(seconds=settings.MESSAGE_CLAIM_SECONDS + 60)
    fresh = timezone.now() - timedelta(seconds=60)
    for person, claimed in (("lea", stale), ("max", fresh)):
        SentMessage.objects.create(
            kind="reminder", person_id=person, cycle="2026-03-02", email="x", subject="x", claimed_at=claimed
        )

    run = send_reminders(AS_OF)

    assert [reminder.person.id for reminder in run.sent] == ["lea"]  # max's is still being sent by its process
    assert mail.inbox.recipients == ["lea@example.com"]
    assert SentMessage.objects.get(person_id="lea").sent_at is not None


def test_importing_the_model_again_does_not_send_again(mail: SmtpServer) -> None:
    send_reminders(AS_OF)
    send_digests(AS_OF)

    import_document()

    assert send_reminders(AS_OF).sent == []
    assert send_digests(AS_OF).sent == []
    assert len(mail.inbox.arrived) == 3


def test_a_person_who_turns_reminders_off_after_a_reminder_is_in_neither_list_for_the_cycle(mail: SmtpServer) -> None:
    send_reminders(AS_OF)
    Person.objects.filter(id="lea").update(reminders=False)

    run = send_reminders(AS_OF, dry_run=True)

    assert run.as_json()["reminders"] == []
    assert "web-mqls" not in [item.key_result for item in run.plan.skipped]


def test_a_unit_name_with_a_line_break_makes_a_subject_of_one_line(mail: SmtpServer) -> None:
    document = copy.deepcopy(MODEL)
    document["units"][1]["name"] = "Marketing\n& Sales"
    import_document(document)

    run = send_digests(AS_OF)

    assert run.failed == []
    assert only(mail.inbox.to("max@example.com")).message["Subject"] == "Weekly digest: Marketing & Sales"
