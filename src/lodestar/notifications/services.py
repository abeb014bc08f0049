"""Sending the reminders and digests that are due: callable from the commands and from a job runner.

`send_reminders(as_of)` and `send_digests(as_of)` send what is due as of a day (default today),
each message once: it is claimed in the outbox before it is sent, so two runs at the same
time send it once, and a failed send is given back for the next run. The digest run
also posts each unit's digest to the unit's chat webhook, once per ISO week; `unit_digest_text`
renders one unit's digest as plain text, for such a chat message.
"""

from __future__ import annotations

import contextlib
import smtplib
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core.mail import EmailMultiAlternatives, get_connection

from lodestar.accounts.actor import Actor
from lodestar.accounts.roles import VIEWER
from lodestar.accounts.services import person_emails, person_languages
from lodestar.chat.services import DigestPost, post_unit_digest, units_with_webhooks
from lodestar.lib import clock
from lodestar.lib.errors import NotFound
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Model, Person
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.notifications import outbox
from lodestar.notifications.links import person_of_token
from lodestar.notifications.messages import (
    digest_message,
    digest_subject,
    digest_text,
    language_of,
    reminder_message,
)
from lodestar.notifications.models import CHAT, DIGEST, REMINDER
from lodestar.org.services import set_reminders
from lodestar.rhythm.digests import (
    Digest,
    DigestContent,
    Scores,
    content_json,
    digest_content,
    iso_week_start,
    plan_digests,
)
from lodestar.rhythm.reminders import Reminder, ReminderPlan, plan_reminders, reminders_json
from lodestar.store.load import load_model

# A cycle began at most this long ago (a monthly one: day 28 of the month before).
LONGEST_CYCLE = timedelta(days=31)


@dataclass(frozen=True, slots=True)
class Outgoing:
    kind: str
    person_id: str
    cycle: date
    message: EmailMultiAlternatives
    items: Any
    topic: str = ""  # a survey e-mail's survey id


@dataclass(slots=True)
class Failure:
    person_id: str
    email: str
    reason: str


@dataclass(slots=True)
class ReminderRun:
    """What a reminder run found due, sent (or in a dry run, would send) and could not send."""

    plan: ReminderPlan
    sent: list[Reminder]
    failed: list[Failure] = field(default_factory=list)
    dry_run: bool = False

    def as_json(self) -> dict[str, Any]:
        return reminders_json(self.plan, self.sent)


@dataclass(frozen=True, slots=True)
class ChatDigest:
    """A unit's digest for its chat webhook: its lists, and (once posted) how the post went."""

    content: DigestContent
    service: str
    post: DigestPost | None = None


@dataclass(slots=True)
class DigestRun:
    as_of: date
    sent: list[Digest]
    failed: list[Failure] = field(default_factory=list)
    dry_run: bool = False
    # The units' digests posted to their chat webhooks (in a dry run: to post).
    chats: list[ChatDigest] = field(default_factory=list)

    @property
    def chats_failed(self) -> list[ChatDigest]:
        return [chat for chat in self.chats if chat.post is not None and not chat.post.sent]


def send_reminders(as_of: date | None = None, *, dry_run: bool = False) -> ReminderRun:
    """Send every check-in reminder due as of `as_of` (default today), once per person and cycle.

    Raises NoModel before the first import. Failed sends are in the run's `failed`, not recorded.
    """
    day = as_of or clock.today()
    model = load_model()
    index = ModelIndex(model)
    reminded = outbox.recorded(REMINDER, since=day - LONGEST_CYCLE)
    plan = plan_reminders(model, day, accounts=person_emails(), reminded=reminded)
    if dry_run:
        return ReminderRun(plan=plan, sent=list(plan.reminders), dry_run=True)
    languages = person_languages()
    outgoing = [
        Outgoing(
            REMINDER,
            reminder.person.id,
            reminder.cycle_start,
            reminder_message(reminder, as_of=day, index=index, language=language_of(languages.get(reminder.person.id))),
            reminder.key_results,
        )
        for reminder in plan.reminders
    ]
    sent, failed = deliver(outgoing)
    return ReminderRun(plan=plan, sent=[plan.reminders[i] for i in sent], failed=failed)


def send_digests(as_of: date | None = None, *, dry_run: bool = False) -> DigestRun:
    """Send the weekly digest to every unit lead with news, once per person and ISO week. Raises NoModel."""
    day = as_of or clock.today()
    model = load_model()
    index = ModelIndex(model)
    digests = plan_digests(
        model, day, accounts=person_emails(), sent=outbox.recorded(DIGEST, since=day - LONGEST_CYCLE)
    )
    chats = _chat_digests(model, index, day)
    if dry_run:
        return DigestRun(as_of=day, sent=digests, dry_run=True, chats=chats)
    languages = person_languages()
    outgoing = [
        Outgoing(
            DIGEST,
            digest.person.id,
            digest.week,
            digest_message(digest, index=index, language=language_of(languages.get(digest.person.id))),
            content_json(digest.content),
        )
        for digest in digests
    ]
    sent, failed = deliver(outgoing)
    return DigestRun(as_of=day, sent=[digests[i] for i in sent], failed=failed, chats=_post_chats(chats, index))


def _chat_digests(model: Model, index: ModelIndex, day: date) -> list[ChatDigest]:
    """The digest of each unit with a chat webhook and news, not yet posted in the ISO week of `day`, in model order."""
    webhooks = units_with_webhooks()
    week = iso_week_start(day)
    posted = {unit for unit, cycle in outbox.recorded(CHAT, since=week) if cycle == week}
    chats: list[ChatDigest] = []
    scores: Scores | None = None
    for unit in model.units:
        if unit.id not in webhooks or unit.id in posted:
            continue
        scores = scores or Scores.of(model, day)
        content = digest_content(index, [unit.id], day, scores)
        if not content.empty:
            chats.append(ChatDigest(content=content, service=webhooks[unit.id]))
    return chats


def _post_chats(chats: list[ChatDigest], index: ModelIndex) -> list[ChatDigest]:
    """Claim and post each unit's digest, once per ISO week; a failed post is kept as tried (it is not retried)."""
    done: list[ChatDigest] = []
    for chat in chats:
        unit_id = chat.content.units[0]
        claimed = outbox.claim(
            kind=CHAT,
            person_id=unit_id,
            cycle=iso_week_start(chat.content.as_of),
            email=chat.service,
            subject=digest_subject(chat.content, index),
            items=content_json(chat.content),
        )
        if claimed is None:  # another run posts it, or has posted it
            continue
        post = post_unit_digest(unit_id, digest_text(chat.content, index))
        outbox.mark_sent(claimed)
        if post is not None:
            done.append(ChatDigest(content=chat.content, service=chat.service, post=post))
    return done


def deliver(outgoing: list[Outgoing]) -> tuple[list[int], list[Failure]]:
    """Claim, send and record each message; the positions of those sent, and the failures."""
    sent: list[int] = []
    failed: list[Failure] = []
    if not outgoing:
        return sent, failed
    connection = get_connection()
    try:
        for position, item in enumerate(outgoing):
            claimed = outbox.claim(
                kind=item.kind,
                person_id=item.person_id,
                cycle=item.cycle,
                email=item.message.to[0],
                subject=str(item.message.subject),
                items=item.items,
                topic=item.topic,
            )
            if claimed is None:  # another run sends it, or has sent it
                continue
            try:
                connection.send_messages([item.message])
            except (smtplib.SMTPException, OSError) as error:
                outbox.release(claimed)
                failed.append(Failure(item.person_id, item.message.to[0], str(error) or type(error).__name__))
                _close(connection)  # the next message opens a fresh connection
            else:
                outbox.mark_sent(claimed)
                sent.append(position)
    finally:
        _close(connection)
    return sent, failed


def _close(connection: Any) -> None:
    with contextlib.suppress(smtplib.SMTPException, OSError):
        connection.close()


def _unit_digest(unit_id: str, day: date) -> tuple[DigestContent, ModelIndex]:
    model = load_model()
    index = ModelIndex(model)
    if unit_id not in index.units:
        raise NotFound(Wording.of(gettext_noop("no unit %(id)s"), id=repr(unit_id)))
    return digest_content(index, [unit_id], day, Scores.of(model, day)), index


def unit_digest(unit_id: str, as_of: date | None = None) -> DigestContent:
    """The digest of one unit and the units below it as of `as_of` (default today). Raises NotFound, NoModel."""
    return _unit_digest(unit_id, as_of or clock.today())[0]


def unit_digest_text(unit_id: str, as_of: date | None = None) -> str | None:
    """One unit's digest as plain text with links (for a chat message); None when it has no news.

    Raises NotFound (no such unit) and NoModel.
    """
    content, index = _unit_digest(unit_id, as_of or clock.today())
    return None if content.empty else digest_text(content, index)


def person_for_stop_link(token: str) -> Person:
    """The person a stop link was made for. Raises NotFound for a link that is not valid (any more)."""
    person_id = person_of_token(token)
    people = {person.id: person for person in load_model(parts=frozenset({"units", "people"})).people}
    if person_id is None or person_id not in people:
        raise NotFound(
            Wording.of(
                gettext_noop("this link to stop reminders is not valid: it may be incomplete, or the person is gone")
            )
        )
    return people[person_id]


def stop_reminders(token: str) -> Person:
    """Turn off the reminders and digests of the person a stop link was made for. Raises NotFound."""
    person = person_for_stop_link(token)
    actor = Actor(label=f"stop link of {person.id}", role=VIEWER, person_id=person.id, surface="web")
    return set_reminders(actor=actor, person_id=person.id, reminders=False)


__all__ = [
    "DigestRun",
    "Failure",
    "Outgoing",
    "ReminderRun",
    "deliver",
    "send_digests",
    "send_reminders",
    "stop_reminders",
    "unit_digest",
    "unit_digest_text",
]
