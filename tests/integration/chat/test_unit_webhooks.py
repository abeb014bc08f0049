"""A unit's chat webhook: set by admins, kept out of model files, shown masked, and posted to over real HTTP."""

from __future__ import annotations

import pytest

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.models import AuditEntry
from lodestar.accounts.services import actor_for
from lodestar.chat.models import UnitWebhook
from lodestar.chat.services import get_unit_webhook, post_unit_digest, set_unit_webhook
from lodestar.lib.errors import Invalid, NotFound, PermissionDenied
from tests.conftest import run_lodestar
from tests.integration.accounts.cast import MODEL, BrowserAs, Cast, import_document
from tests.integration.chat.receiver import Receiver

SLACK = "https://hooks.slack.com/services/T0SECRET0/B0SECRET0/abcdefSECRETTOKEN123"
SECRET = "SECRETTOKEN123"
ADMIN = command_line_actor()


def test_a_digest_is_posted_as_json_to_the_units_endpoint(cast: Cast, receiver: Receiver) -> None:
    set_unit_webhook(actor=ADMIN, unit_id="mkt", url=receiver.url("/hooks/marketing"))
    posted = post_unit_digest("mkt", "2 key results are due.", "<p>2 key results are due.</p>")
    assert posted is not None
    assert (posted.sent, posted.service, posted.reason) == (True, "JSON", "")
    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    assert request.path == "/hooks/marketing"
    assert request.content_type == "application/json"
    assert request.body["title"] == "Lodestar digest: Marketing"
    assert request.body["message"] == "2 key results are due."
    row = UnitWebhook.objects.get(unit_id="mkt")
    assert (row.last_outcome, row.last_error) == ("sent", "")
    assert row.last_posted_at is not None


def test_a_post_the_endpoint_refuses_is_reported_once_and_not_retried(cast: Cast, receiver: Receiver) -> None:
    set_unit_webhook(actor=ADMIN, unit_id="mkt", url=receiver.url("/broken/hook"))
    posted = post_unit_digest("mkt", "text", title="Weekly digest")
    assert posted is not None
    assert posted.sent is False
    assert "error=500" in posted.reason
    assert [request.body["title"] for request in receiver.requests] == ["Weekly digest"]
    row = UnitWebhook.objects.get(unit_id="mkt")
    assert row.last_outcome == "failed"
    assert "error=500" in row.last_error


def test_an_endpoint_that_does_not_answer_is_reported_without_raising(cast: Cast, receiver: Receiver) -> None:
    from tests.integration.processes import free_port

    set_unit_webhook(actor=ADMIN, unit_id="mkt", url=f"json://127.0.0.1:{free_port()}/nobody")
    posted = post_unit_digest("mkt", "text")
    assert posted is not None
    assert posted.sent is False
    assert "Connection error" in posted.reason


def test_a_unit_without_a_webhook_posts_nothing(cast: Cast, receiver: Receiver) -> None:
    assert post_unit_digest("mkt", "text") is None
    assert receiver.requests == []


@pytest.mark.parametrize(
    ("url", "service"),
    [
        (SLACK, "Slack"),
        ("slack://T0SECRET0/B0SECRET0/abcdefSECRETTOKEN123", "Slack"),
        ("mmosts://chat.example.com/abcdefSECRETTOKEN123", "Mattermost"),
        (
            "https://prod-00.westeurope.logic.azure.com:443/workflows/abc123/triggers/manual/paths/invoke"
            "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=abcdefSECRETTOKEN123",
            "Microsoft Teams",
        ),
        ("jsons://hooks.example.com/lodestar/abcdefSECRETTOKEN123", "JSON"),
    ],
)
def test_each_documented_url_form_names_its_service_and_is_shown_masked(cast: Cast, url: str, service: str) -> None:
    shown = set_unit_webhook(actor=ADMIN, unit_id="mkt", url=url)
    assert shown is not None
    assert shown.service == service
    assert SECRET not in shown.masked
    assert get_unit_webhook("mkt") == shown


@pytest.mark.parametrize("url", ["https://example.com/webhook", "ftp://example.com/x", "not a url", "msteams://a/b/c"])
def test_a_url_no_service_takes_is_refused_on_the_field_with_the_forms_that_work(cast: Cast, url: str) -> None:
    with pytest.raises(Invalid) as refused:
        set_unit_webhook(actor=ADMIN, unit_id="mkt", url=url)
    [(path, message)] = refused.value.issues
    assert path == "webhook"
    assert "jsons://host/path" in message
    assert not UnitWebhook.objects.exists()


@pytest.mark.parametrize("user", ["editor", "sam", "viewer"])
def test_only_admins_set_a_webhook(cast: Cast, user: str) -> None:
    with pytest.raises(PermissionDenied):
        set_unit_webhook(actor=actor_for(getattr(cast, user), surface="web"), unit_id="mkt", url=SLACK)
    assert not UnitWebhook.objects.exists()


def test_a_webhook_for_an_unknown_unit_is_refused(cast: Cast) -> None:
    with pytest.raises(NotFound):
        set_unit_webhook(actor=ADMIN, unit_id="nowhere", url=SLACK)


def test_setting_and_removing_a_webhook_is_audited_with_the_url_masked(cast: Cast) -> None:
    set_unit_webhook(actor=ADMIN, unit_id="mkt", url=SLACK)
    set_unit_webhook(actor=ADMIN, unit_id="mkt", url="")
    assert not UnitWebhook.objects.exists()
    entries = list(AuditEntry.objects.filter(action="unit.webhook").order_by("id"))
    assert [(entry.subject, entry.before is None, entry.after is None) for entry in entries] == [
        ("unit:mkt", True, False),
        ("unit:mkt", False, True),
    ]
    assert entries[0].after == {"webhook": "slack://T...0/B...0/a...3//", "service": "Slack"}
    assert SECRET not in str([(entry.before, entry.after) for entry in entries])


def test_the_webhook_is_not_in_the_model_file_and_outlives_an_import(cast: Cast) -> None:
    set_unit_webhook(actor=ADMIN, unit_id="mkt", url=SLACK)
    exported = run_lodestar("export")
    assert exported.code == 0
    assert "hooks.slack.com" not in exported.out
    assert SECRET not in exported.out
    import_document(MODEL)
    assert UnitWebhook.objects.get(unit_id="mkt").url == SLACK


def test_admins_see_the_masked_url_and_members_only_the_service(browser_as: BrowserAs, cast: Cast) -> None:
    set_unit_webhook(actor=ADMIN, unit_id="mkt", url=SLACK)
    admin = browser_as("admin").get("/units/mkt/").content.decode()
    assert "also posted to Slack" in admin
    assert "slack://T...0/B...0/a...3//" in admin
    assert 'href="/units/mkt/chat"' in admin
    member = browser_as("sam").get("/units/mkt/").content.decode()
    assert "also posted to Slack" in member
    assert "slack://" not in member
    assert 'href="/units/mkt/chat"' not in member
    for page in (admin, member):
        assert SECRET not in page


def test_an_admin_sets_a_webhook_on_its_page_and_a_bad_one_keeps_what_was_typed(
    browser_as: BrowserAs, cast: Cast
) -> None:
    client = browser_as("admin")
    assert "Webhook URL" in client.get("/units/mkt/chat").content.decode()
    refused = client.post("/units/mkt/chat", {"webhook": "https://example.com/typed-hook"})
    assert refused.status_code == 400
    content = refused.content.decode()
    assert 'id="f-webhook-error"' in content
    assert "jsons://host/path" in content
    assert 'value="https://example.com/typed-hook"' in content
    saved = client.post("/units/mkt/chat", {"webhook": SLACK})
    assert saved.status_code == 302
    assert saved["Location"] == "/units/mkt/#chat"
    assert UnitWebhook.objects.get(unit_id="mkt").service == "Slack"
    changing = client.get("/units/mkt/chat").content.decode()
    assert SECRET not in changing
    assert client.post("/units/mkt/chat", {"remove": "1"}).status_code == 302
    assert not UnitWebhook.objects.exists()


@pytest.mark.parametrize("user", ["editor", "sam", "viewer"])
def test_only_admins_open_the_webhook_page(browser_as: BrowserAs, cast: Cast, user: str) -> None:
    client = browser_as(user)
    assert client.get("/units/mkt/chat").status_code == 403
    assert client.post("/units/mkt/chat", {"webhook": SLACK}).status_code == 403
    assert not UnitWebhook.objects.exists()


def test_admins_see_on_the_unit_page_why_the_last_post_failed(
    browser_as: BrowserAs, cast: Cast, receiver: Receiver
) -> None:
    set_unit_webhook(actor=ADMIN, unit_id="mkt", url=receiver.url("/broken/hook"))
    post_unit_digest("mkt", "text")
    admin = browser_as("admin").get("/units/mkt/").content.decode()
    assert "failed: Failed to send JSON POST notification" in admin
    member = browser_as("sam").get("/units/mkt/").content.decode()
    assert "Failed to send" not in member
