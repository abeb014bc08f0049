"""Webhook URLs as Apprise reads them: which service a URL names, the URL with its secrets masked, and one post.

Apprise knows each service's own URL form and payload, so Lodestar writes no client of its
own. The forms that work (docs/chat-notifications.md lists them with examples):

- Slack: the incoming webhook as Slack shows it (`https://hooks.slack.com/services/…`) or `slack://…`;
- Microsoft Teams: a Power Automate workflow's URL (`https://….logic.azure.com/workflows/…`) or `workflows://…`;
- Mattermost: `mmosts://host/token` (`mmost://` without TLS);
- any JSON endpoint: `jsons://host/path` (`json://` without TLS), which receives
  `{"version", "title", "message", "type"}` by POST.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import apprise

MAX_URL_LENGTH = 2000
REASON_CHARS = 1000
# Apprise's name for a service where Lodestar has a shorter one of its own.
SERVICE_NAMES = {"Power Automate / Workflows (for MSTeams)": "Microsoft Teams"}
# Apprise masks the tokens of the services it knows; a generic endpoint's path may hold one too.
GENERIC = ("NotifyJSON", "NotifyForm", "NotifyXML")
HINT = (
    "use a Slack webhook (https://hooks.slack.com/services/…), a Microsoft Teams workflow URL, "
    "mmosts://host/token for Mattermost, or jsons://host/path for any JSON endpoint"
)


class BadWebhook(ValueError):
    """The URL names no service Apprise can post to; the message says which forms work."""


@dataclass(frozen=True)
class Webhook:
    """A URL Apprise can post to: its service and the URL as it may be shown (secrets masked)."""

    service: str
    masked: str


@dataclass(frozen=True)
class Posted:
    """How one post went: sent, or not and why."""

    sent: bool
    reason: str = ""


def _service(url: str) -> apprise.Apprise:
    notifier = apprise.Apprise()
    if len(url) > MAX_URL_LENGTH or not notifier.add(url):
        raise BadWebhook(f"not a webhook URL Lodestar can post to: {HINT}")
    return notifier


def read_webhook(url: str) -> Webhook:
    """Return the service a URL names and its masked form; raises BadWebhook."""
    plugin: Any = _service(url.strip())[0]
    name = str(getattr(plugin, "service_name", "") or type(plugin).__name__)
    masked = str(plugin.url(privacy=True)).split("?", 1)[0]
    if type(plugin).__name__ in GENERIC:
        scheme, _, rest = masked.partition("://")
        masked = f"{scheme}://{rest.split('/', 1)[0]}/…"
    return Webhook(service=SERVICE_NAMES.get(name, name), masked=masked)


def post(url: str, *, title: str, text: str, html: str | None = None) -> Posted:
    """Post one message (once, no retry); returns why it failed rather than raising."""
    try:
        notifier = _service(url)
    except BadWebhook as error:
        return Posted(sent=False, reason=str(error))
    as_html = html is not None and notifier[0].notify_format == apprise.NotifyFormat.HTML
    heard = _Warnings()
    apprise_logger = logging.getLogger("apprise")
    level = apprise_logger.level
    if apprise_logger.getEffectiveLevel() > logging.WARNING:
        apprise_logger.setLevel(logging.WARNING)
    apprise_logger.addHandler(heard)
    try:
        sent = notifier.notify(
            title=title,
            body=html if as_html and html is not None else text,
            body_format=apprise.NotifyFormat.HTML if as_html else apprise.NotifyFormat.TEXT,
        )
    finally:
        apprise_logger.removeHandler(heard)
        apprise_logger.setLevel(level)
    if sent:
        return Posted(sent=True)
    reason = heard.messages[-1] if heard.messages else "the service refused the post"
    return Posted(sent=False, reason=reason[:REASON_CHARS])


class _Warnings(logging.Handler):
    """Apprise says why a post failed only in its log: keep its warnings while one post is made."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
