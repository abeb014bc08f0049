"""The digest run posts each unit's digest to the unit's chat webhook (a real HTTP server on loopback), once a week."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytest_django import Settings

from lodestar.accounts.actor import command_line_actor
from lodestar.chat.models import UnitWebhook
from lodestar.chat.services import set_unit_webhook
from lodestar.jobs.registry import JobFailed
from lodestar.notifications.jobs import scheduled_digests
from lodestar.notifications.models import CHAT, SentMessage
from lodestar.notifications.services import send_digests
from tests.conftest import run_lodestar
from tests.integration.chat.receiver import Receiver, receiver  # noqa: F401 - a fixture
from tests.integration.notifications.model import AS_OF, BASE_URL, MODEL, import_document
from tests.integration.notifications.smtp import SmtpServer

ADMIN = command_line_actor()


@pytest.fixture
def chat(db: None, settings: Settings, smtp_server: SmtpServer, receiver: Receiver) -> Receiver:  # noqa: F811
    """The organization imported, e-mail to the loopback SMTP server, and Marketing & Sales posting to the receiver."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", smtp_server.port, 10
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.LODESTAR_BASE_URL = BASE_URL
    import_document()
    set_unit_webhook(actor=ADMIN, unit_id="ms", url=receiver.url("/hooks/ms"))
    return receiver


def test_the_digest_run_posts_the_units_digest_to_its_webhook_once_a_week(chat: Receiver) -> None:
    run = send_digests(AS_OF)

    assert [request.path for request in chat.requests] == ["/hooks/ms"]
    body = chat.requests[0].body
    assert body["title"] == "Lodestar digest: Marketing & Sales"
    assert body["message"].startswith("Weekly digest of Marketing & Sales")
    assert f"{BASE_URL}/goals/faster-quotes/" in body["message"]
    assert [(c.content.units, c.post is not None and c.post.sent) for c in run.chats] == [(["ms"], True)]
    assert UnitWebhook.objects.get(unit_id="ms").last_outcome == "sent"
    # Later in the same ISO week: posted already; the next week: posted again.
    assert send_digests(AS_OF + timedelta(days=3)).chats == []
    assert len(chat.requests) == 1
    assert [c.content.units for c in send_digests(AS_OF + timedelta(days=7)).chats] == [["ms"]]
    assert len(chat.requests) == 2


def test_the_chat_is_posted_even_when_the_lead_turned_reminders_off(chat: Receiver) -> None:
    document = {**MODEL, "people": [{**p, "reminders": False} for p in MODEL["people"]]}
    import_document(document)

    run = send_digests(AS_OF)

    assert run.sent == []
    assert len(chat.requests) == 1


def test_a_unit_without_news_posts_nothing(chat: Receiver) -> None:
    run = send_digests(AS_OF.replace(year=2027))  # after the period: no current goals

    assert run.chats == []
    assert chat.requests == []
    assert not SentMessage.objects.filter(kind=CHAT).exists()


def test_a_dry_run_shows_what_would_be_posted_and_posts_nothing(chat: Receiver) -> None:
    run = run_lodestar("digest", "--as-of", AS_OF.isoformat(), "--dry-run")

    assert run.code == 0, run.err
    assert "Would be posted to chat (1):" in run.out
    assert "  Marketing & Sales (JSON):" in run.out
    assert chat.requests == []
    assert not SentMessage.objects.filter(kind=CHAT).exists()


def test_a_refused_post_is_reported_with_exit_1_and_not_retried_that_week(chat: Receiver) -> None:
    set_unit_webhook(actor=ADMIN, unit_id="ms", url=chat.url("/broken/hook"))

    run = run_lodestar("digest", "--as-of", AS_OF.isoformat())

    assert run.code == 1
    assert "error: the digest of unit ms was not posted to JSON:" in run.err
    assert "not posted:" in run.out
    assert run_lodestar("digest", "--as-of", (AS_OF + timedelta(days=1)).isoformat()).code == 0
    assert len(chat.requests) == 1


def test_the_scheduled_digest_job_names_a_refused_post(chat: Receiver, settings: Settings) -> None:
    set_unit_webhook(actor=ADMIN, unit_id="ms", url=chat.url("/broken/hook"))
    settings.LODESTAR_TIME_ZONE = "UTC"

    with pytest.raises(JobFailed, match=r"the chat of unit ms \(JSON\): "):
        scheduled_digests_as_of_the_model()


def scheduled_digests_as_of_the_model() -> str:
    """The scheduled job runs as of today; the model's goals are moved into today's year so that it has news."""
    from lodestar.lib import clock

    year = clock.today().year
    shifted = {
        **MODEL,
        "periods": [{"id": "fy2026", "start": f"{year}-01-01", "end": f"{year}-12-31"}],
        "goals": [
            {
                **goal,
                "key_results": [
                    {**kr, "measurements": [{**m, "date": f"{year}-01-02"} for m in kr.get("measurements", [])]}
                    for kr in goal["key_results"]
                ],
            }
            for goal in MODEL["goals"]
        ],
    }
    import_document(shifted)
    return scheduled_digests()
