"""The reminder and digest e-mails, each with a plain-text and an HTML part, and a digest as plain text for chat.

An e-mail speaks its recipient's language (`language`: the setting of the user account linked to
the person, else English); a chat digest speaks the default language, since a unit's channel has
no language of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.dates import WEEKDAYS as WEEKDAY_NAMES
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext, pgettext

from lodestar.i18n import CODES, DEFAULT, numbers
from lodestar.i18n.words import status_label
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Cadence
from lodestar.lib.terminal import printable
from lodestar.lib.vocabulary import WEEKDAYS
from lodestar.notifications.links import absolute, goal_url, stop_url
from lodestar.rhythm.cadence import goal_cadence
from lodestar.rhythm.digests import Digest, DigestContent, confidence_window_start
from lodestar.rhythm.reminders import Reminder
from lodestar.scoring.progress import current_value, latest_check_in


@dataclass(frozen=True, slots=True)
class Line:
    """One entry of a message: what it is about, a detail, and the page it links to."""

    title: str
    detail: str
    url: str


def language_of(chosen: str | None) -> str:
    """The language of a message to someone who chose `chosen` on their account ("" or None: English)."""
    return chosen if chosen in CODES else DEFAULT


def _number(value: float | None, unit: str | None) -> str:
    return gettext("no value yet") if value is None else numbers.quantity(value, unit)


def _cadence(cadence: Cadence) -> str:
    """`every week on Monday`, `every two weeks on Thursday`, `every month on day 15`."""
    if cadence.every == "month":
        return gettext("every month on day %(day)s") % {"day": cadence.day}
    day = str(cadence.day)
    weekday = str(WEEKDAY_NAMES[WEEKDAYS.index(day)]) if day in WEEKDAYS else day
    if cadence.every == "two_weeks":
        return gettext("every two weeks on %(weekday)s") % {"weekday": weekday}
    return gettext("every week on %(weekday)s") % {"weekday": weekday}


def reminder_subject(reminder: Reminder) -> str:
    count = len(reminder.due)
    return ngettext("Check-in due: %(count)s key result", "Check-in due: %(count)s key results", count) % {
        "count": count
    }


def reminder_lines(reminder: Reminder, as_of: date) -> list[Line]:
    return [
        Line(
            title=item.key_result.title,
            detail=gettext("goal: %(goal)s · current value: %(value)s")
            % {"goal": item.goal.title, "value": _number(current_value(item.key_result, as_of), item.key_result.unit)},
            url=goal_url(item.goal.id),
        )
        for item in reminder.due
    ]


def compose_message(
    *, to: str, subject: str, template: str, context: dict[str, object], stop: str | None
) -> EmailMultiAlternatives:
    """A message with a text and an HTML part; `stop`: the link that stops such messages (None: none, as for a
    password link, which is sent once on request)."""
    text = render_to_string(f"notifications/{template}.txt", context)
    html = render_to_string(f"notifications/{template}.html", context)
    # One click in the mail program stops them too (RFC 8058: a POST to the link).
    headers = {"List-Unsubscribe": f"<{stop}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"} if stop else {}
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[to], headers=headers
    )
    message.attach_alternative(html, "text/html")
    return message


def reminder_message(
    reminder: Reminder, *, as_of: date, index: ModelIndex, language: str = DEFAULT
) -> EmailMultiAlternatives:
    """The reminder in `language`: every due key result with its goal, current value and a link to the goal's page."""
    with translation.override(language):
        cadences = sorted({_cadence(goal_cadence(index, item.goal)) for item in reminder.due})
        stop = stop_url(reminder.person.id)
        context: dict[str, object] = {
            "name": reminder.person.name,
            "lines": reminder_lines(reminder, as_of),
            "cycle_start": reminder.cycle_start,
            "cadences": cadences,
            "stop_url": stop,
            "profile_url": absolute(reverse("person", args=[reminder.person.id])),
        }
        return compose_message(
            to=reminder.email, subject=reminder_subject(reminder), template="reminder", context=context, stop=stop
        )


def digest_sections(content: DigestContent, index: ModelIndex) -> list[tuple[str, list[Line]]]:
    """The digest's four lists as headed sections of lines; empty lists left out."""
    as_of = content.as_of
    week_start = confidence_window_start(as_of)
    changes = [
        Line(change.goal.title, f"{status_label(change.before)} → {status_label(change.now)}", goal_url(change.goal.id))
        for change in content.status_changes
    ]
    low = []
    for goal, kr in content.low_confidence:
        check_in = latest_check_in([c for c in kr.check_ins if c.date >= week_start], as_of)
        confidence = (
            gettext("confidence %(confidence)s/10 on %(day)s")
            % {"confidence": check_in.confidence, "day": date_format(check_in.date, "SHORT_DATE_FORMAT")}
            if check_in
            else ""
        )
        detail = gettext("goal: %(goal)s · %(confidence)s") % {"goal": goal.title, "confidence": confidence}
        low.append(Line(kr.title, detail, goal_url(goal.id)))
    due = [
        Line(kr.title, gettext("goal: %(goal)s") % {"goal": goal.title}, goal_url(goal.id)) for goal, kr in content.due
    ]
    off = [
        Line(goal.title, gettext("owned by %(owner)s") % {"owner": index.name(goal.owner)}, goal_url(goal.id))
        for goal in content.off_track
    ]
    sections = [
        (gettext("Status changes since last week"), changes),
        (gettext("Low confidence this week"), low),
        (gettext("Check-ins due"), due),
        (pgettext("status", "Off track"), off),
    ]
    return [(heading, lines) for heading, lines in sections if lines]


def digest_subject(content: DigestContent, index: ModelIndex) -> str:
    # A unit's name may hold a line break, which no e-mail header may.
    units = ", ".join(printable(index.name(unit)) for unit in content.units)
    return gettext("Weekly digest: %(units)s") % {"units": units}


def digest_message(digest: Digest, *, index: ModelIndex, language: str = DEFAULT) -> EmailMultiAlternatives:
    """The weekly digest of a unit lead in `language`."""
    with translation.override(language):
        stop = stop_url(digest.person.id)
        context: dict[str, object] = {
            "name": digest.person.name,
            "as_of": digest.content.as_of,
            "units": [index.name(unit) for unit in digest.content.units],
            "sections": digest_sections(digest.content, index),
            "stop_url": stop,
            "profile_url": absolute(reverse("person", args=[digest.person.id])),
        }
        subject = digest_subject(digest.content, index)
        return compose_message(to=digest.email, subject=subject, template="digest", context=context, stop=stop)


def digest_text(content: DigestContent, index: ModelIndex) -> str:
    """A digest as plain text, for a chat message (in the default language): the units, then each list with its links."""
    with translation.override(DEFAULT):
        context = {
            "as_of": content.as_of,
            "units": [index.name(unit) for unit in content.units],
            "sections": digest_sections(content, index),
        }
        return render_to_string("notifications/digest_chat.txt", context).strip() + "\n"


def password_link_message(
    *, to: str, link: str, invited: bool, days: int, language: str = DEFAULT
) -> EmailMultiAlternatives:
    """An invitation (`invited`) or a password reset: the link that sets a password, valid for `days` days."""
    with translation.override(language):
        subject = gettext("You are invited to Lodestar") if invited else gettext("Reset your Lodestar password")
        context: dict[str, object] = {"email": to, "link": link, "invited": invited, "days": days}
        return compose_message(to=to, subject=subject, template="password_link", context=context, stop=None)
