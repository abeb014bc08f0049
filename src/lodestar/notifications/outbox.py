"""Claiming a message before it is sent, so that it goes out once even when several processes run at once.

The claim is the message's row: the unique constraint on (kind, person, cycle, topic) lets one
process write it, and the others find it taken. Sending then marks it sent; a failed send
deletes it, so the next run tries again. A claim that is neither (its process died between
the two) is taken over once it is older than `MESSAGE_CLAIM_SECONDS`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from lodestar.notifications.models import SentMessage


def _abandoned_before() -> Any:
    return timezone.now() - timedelta(seconds=settings.MESSAGE_CLAIM_SECONDS)


def recorded(kind: str, *, since: date) -> set[tuple[str, date]]:
    """(person id, cycle) of every message of `kind` for a cycle from `since` on: sent, or being sent."""
    rows = SentMessage.objects.filter(kind=kind, cycle__gte=since).filter(
        Q(sent_at__isnull=False) | Q(claimed_at__gte=_abandoned_before())
    )
    return set(rows.values_list("person_id", "cycle"))


def recorded_by_topic(kind: str) -> dict[str, dict[str, Any]]:
    """Topic (a survey's id) → person id → when it was claimed, for every message of `kind`: sent, or being sent."""
    rows = SentMessage.objects.filter(kind=kind).filter(
        Q(sent_at__isnull=False) | Q(claimed_at__gte=_abandoned_before())
    )
    found: dict[str, dict[str, Any]] = {}
    for topic, person, claimed in rows.values_list("topic", "person_id", "claimed_at"):
        found.setdefault(topic, {})[person] = claimed
    return found


def claim(
    *, kind: str, person_id: str, cycle: date, email: str, subject: str, items: Any, topic: str = ""
) -> SentMessage | None:
    """The claim on this message, or None when another run has it (sent, or sending now)."""
    now = timezone.now()
    fields = {"email": email, "subject": subject, "items": items, "claimed_at": now}
    try:
        with transaction.atomic():
            return SentMessage.objects.create(kind=kind, person_id=person_id, cycle=cycle, topic=topic, **fields)
    except IntegrityError:
        pass
    key = {"kind": kind, "person_id": person_id, "cycle": cycle, "topic": topic}
    taken = SentMessage.objects.filter(**key, sent_at__isnull=True, claimed_at__lt=_abandoned_before()).update(**fields)
    return SentMessage.objects.get(**key) if taken else None


def mark_sent(message: SentMessage) -> None:
    SentMessage.objects.filter(pk=message.pk, claimed_at=message.claimed_at).update(sent_at=timezone.now())


def release(message: SentMessage) -> None:
    """Give the claim back after a failed send, unless another run has taken it over meanwhile."""
    SentMessage.objects.filter(pk=message.pk, claimed_at=message.claimed_at, sent_at__isnull=True).delete()
