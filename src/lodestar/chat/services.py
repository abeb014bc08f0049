"""A unit's chat webhook: set or removed by admins (audited, the URL masked), read masked, and posted to.

The URL is a unit setting in the database, not a key of the model file: whoever holds the URL
can post into the channel, and model files are shared, reviewed and exported. Raises
PermissionDenied, NotFound or Invalid (on `webhook`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_admin
from lodestar.chat.models import FAILED, SENT, UnitWebhook
from lodestar.chat.webhooks import BadWebhook, Posted, post, read_webhook
from lodestar.lib.errors import Invalid, NotFound
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.org.models import Unit

logger = logging.getLogger("lodestar.chat")
FIELD = "webhook"


@dataclass(frozen=True)
class WebhookView:
    """A unit's webhook as a page may show it: the service, the masked URL and how the last post went."""

    unit_id: str
    service: str
    masked: str
    updated_at: datetime
    updated_by: str
    last_posted_at: datetime | None
    last_outcome: str
    last_error: str


@dataclass(frozen=True)
class DigestPost:
    """How posting a unit's digest went."""

    unit_id: str
    service: str
    sent: bool
    reason: str = ""


def _view(row: UnitWebhook) -> WebhookView:
    return WebhookView(
        unit_id=row.unit_id,
        service=row.service,
        masked=read_webhook(row.url).masked,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        last_posted_at=row.last_posted_at,
        last_outcome=row.last_outcome,
        last_error=row.last_error,
    )


def get_unit_webhook(unit_id: str) -> WebhookView | None:
    """Return a unit's webhook, masked, or None when it has none."""
    row = UnitWebhook.objects.filter(unit_id=unit_id).first()
    return None if row is None else _view(row)


def units_with_webhooks() -> dict[str, str]:
    """The service of every unit's webhook, by unit id."""
    return dict(UnitWebhook.objects.values_list("unit_id", "service"))


def set_unit_webhook(*, actor: Actor, unit_id: str, url: str) -> WebhookView | None:
    """Set a unit's webhook URL, or remove it with an empty URL; the audit log keeps the masked forms only."""
    require_admin(actor, what="set a unit's chat webhook")
    if not Unit.objects.filter(id=unit_id).exists():
        raise NotFound(Wording.of(gettext_noop("no unit %(id)s"), id=repr(unit_id)))
    url = url.strip()
    try:
        webhook = read_webhook(url) if url else None
    except BadWebhook as error:
        raise Invalid("invalid webhook URL", [(FIELD, str(error))]) from None
    with transaction.atomic():
        before = UnitWebhook.objects.select_for_update().filter(unit_id=unit_id).first()
        before_masked = None if before is None else read_webhook(before.url).masked
        if webhook is None:
            UnitWebhook.objects.filter(unit_id=unit_id).delete()
            row = None
        else:
            row, _ = UnitWebhook.objects.update_or_create(
                unit_id=unit_id,
                defaults={
                    "url": url,
                    "service": webhook.service,
                    "updated_at": timezone.now(),
                    "updated_by": actor.label[:254],
                    "last_posted_at": None,
                    "last_outcome": "",
                    "last_error": "",
                },
            )
        audit.record(
            actor=actor,
            action="unit.webhook",
            subject=f"unit:{unit_id}",
            before=None if before_masked is None else {"webhook": before_masked},
            after=None if webhook is None else {"webhook": webhook.masked, "service": webhook.service},
        )
    return None if row is None else _view(row)


def post_unit_digest(
    unit_id: str, text: str, html: str | None = None, *, title: str | None = None
) -> DigestPost | None:
    """Post a unit's digest to its webhook, once; return how it went, or None when the unit has none.

    A failure is returned (and logged, and kept on the webhook for its unit page), never raised,
    and not retried: the next digest posts again.
    """
    row = UnitWebhook.objects.filter(unit_id=unit_id).first()
    if row is None:
        return None
    unit = Unit.objects.filter(id=unit_id).only("name").first()
    if unit is None:
        return DigestPost(unit_id, row.service, sent=False, reason=f"the unit {unit_id!r} is no longer in the model")
    posted: Posted = post(row.url, title=title or f"Lodestar digest: {unit.name}", text=text, html=html)
    if not posted.sent:
        logger.warning("the digest of unit %s was not posted to %s: %s", unit_id, row.service, posted.reason)
    UnitWebhook.objects.filter(unit_id=unit_id).update(
        last_posted_at=timezone.now(), last_outcome=SENT if posted.sent else FAILED, last_error=posted.reason
    )
    return DigestPost(unit_id, row.service, sent=posted.sent, reason=posted.reason)
