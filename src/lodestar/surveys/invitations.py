"""The e-mails of a survey round: an invitation when it opens, and one reminder before it closes.

`send_survey_mails(as_of)` sends what is due (`rhythm/survey_mails.py` decides) through the
outbox of the reminders: each e-mail is claimed before it goes out, so two runs at once, or two
workers, send it once, and a failed send is given back for the next run. `mail_status` tells a
round's page what went out and when. The e-mails name the round and link to its answering page;
what they record (person, address, subject) is what the participants already say: who was asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Max, Min
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from lodestar.accounts.services import person_emails, person_languages
from lodestar.i18n import DEFAULT
from lodestar.lib import clock
from lodestar.lib.terminal import printable
from lodestar.notifications import outbox
from lodestar.notifications.links import absolute, stop_url
from lodestar.notifications.messages import compose_message, language_of
from lodestar.notifications.models import SURVEY_INVITATION, SURVEY_REMINDER, SentMessage
from lodestar.notifications.services import Failure, Outgoing, deliver
from lodestar.rhythm.reminders import NO_EMAIL, OPTED_OUT
from lodestar.rhythm.survey_mails import (
    INVITATION,
    SurveyMail,
    SurveyMailPlan,
    plan_survey_mails,
    survey_mails_json,
)
from lodestar.store.load import load_model
from lodestar.surveys import models as tables


def _kind(mail: SurveyMail) -> str:
    return SURVEY_INVITATION if mail.kind == INVITATION else SURVEY_REMINDER


@dataclass(slots=True)
class SurveyMailRun:
    """What a run found due, sent (in a dry run: would send) and could not send."""

    plan: SurveyMailPlan
    sent: list[SurveyMail]
    failed: list[Failure] = field(default_factory=list)
    dry_run: bool = False

    def as_json(self) -> dict[str, Any]:
        return survey_mails_json(self.plan, self.sent)


def answer_url(survey_id: str) -> str:
    """The absolute address of a round's answering page, for e-mails and the share link."""
    return absolute(reverse("survey-answer", args=[survey_id]))


def _local_day(moment: datetime) -> date:
    """The day of a moment in the organization's time zone (the day `clock.today()` said then)."""
    return moment.astimezone(clock.local_zone()).date()


def _invited() -> dict[str, dict[str, date]]:
    """Survey id → person id → the day their invitation went out (or is going out)."""
    recorded = outbox.recorded_by_topic(SURVEY_INVITATION)
    return {topic: {person: _local_day(at) for person, at in people.items()} for topic, people in recorded.items()}


def _reminded() -> dict[str, set[str]]:
    return {topic: set(people) for topic, people in outbox.recorded_by_topic(SURVEY_REMINDER).items()}


def survey_mail_message(mail: SurveyMail, *, language: str = DEFAULT) -> Any:
    """The invitation or the reminder in `language`, with the answering link and the round's closing day."""
    survey = mail.survey
    with translation.override(language):
        closes = date_format(survey.closes, "DATE_FORMAT")
        # A survey's name may hold a line break, which no e-mail header may.
        name = printable(survey.name)
        if mail.kind == INVITATION:
            subject = gettext("Survey: %(name)s (please answer by %(closes)s)") % {"name": name, "closes": closes}
        else:
            subject = gettext("Reminder: the survey %(name)s closes on %(closes)s") % {"name": name, "closes": closes}
        stop = stop_url(mail.person.id)
        context: dict[str, object] = {
            "name": mail.person.name,
            "survey": survey.name,
            "closes": survey.closes,
            "reminder": mail.kind != INVITATION,
            "answer_url": answer_url(survey.id),
            "stop_url": stop,
            "profile_url": absolute(reverse("person", args=[mail.person.id])),
        }
        return compose_message(to=mail.email, subject=subject, template="survey_mail", context=context, stop=stop)


def send_survey_mails(as_of: date | None = None, *, dry_run: bool = False) -> SurveyMailRun:
    """Send every survey invitation and reminder due as of `as_of` (default today), each once.

    Raises NoModel before the first import. Failed sends are in the run's `failed`, not recorded.
    """
    day = as_of or clock.today()
    model = load_model()
    ended = set(tables.Survey.objects.filter(ended=True).values_list("pk", flat=True))
    plan = plan_survey_mails(
        model, day, accounts=person_emails(), ended=ended, invited=_invited(), reminded=_reminded()
    )
    if dry_run:
        return SurveyMailRun(plan=plan, sent=list(plan.mails), dry_run=True)
    languages = person_languages()
    outgoing = [
        Outgoing(
            _kind(mail),
            mail.person.id,
            mail.survey.opens,
            survey_mail_message(mail, language=language_of(languages.get(mail.person.id))),
            [],
            topic=mail.survey.id,
        )
        for mail in plan.mails
    ]
    sent, failed = deliver(outgoing)
    return SurveyMailRun(plan=plan, sent=[plan.mails[i] for i in sent], failed=failed)


def survey_mails_text(run: SurveyMailRun) -> str:
    """What `lodestar survey send` prints: each e-mail, whom it went to, and who no e-mail reaches."""
    count = len(run.sent)
    plural = "s" if count != 1 else ""
    as_of = run.plan.as_of.isoformat()
    if run.dry_run:
        lines = [
            f"Survey e-mails as of {as_of} (dry run): {count} e-mail{plural} would be sent; nothing is sent or recorded."
        ]
    else:
        lines = [f"Survey e-mails as of {as_of}: {count} e-mail{plural} sent."]
    for mail in run.sent:
        lines.append(
            f"  {mail.kind.capitalize()} to {printable(mail.person.name)} <{printable(mail.email)}>: "
            f"{printable(mail.survey.name)} ({mail.survey.id}), {answer_url(mail.survey.id)}"
        )
    for survey_id, counts in run.plan.unreachable.items():
        missing, opted_out = counts[NO_EMAIL], counts[OPTED_OUT]
        if missing or opted_out:
            lines.append(
                f"  Survey {survey_id}: not reached by e-mail: {missing} without an e-mail, {opted_out} with reminders off."
            )
    if run.failed:
        lines += ["", f"Not sent ({len(run.failed)}; the next run tries again):"]
        lines += [f"  {printable(f.email)}: {printable(f.reason)}" for f in run.failed]
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class MailsSent:
    """How many e-mails of one kind a round sent, and on which days (None: none yet)."""

    count: int
    first: date | None
    last: date | None


def mail_status(survey_id: str) -> dict[str, MailsSent]:
    """`invitations` and `reminders`: what the round has sent so far (counts and days, never to whom)."""
    rows = SentMessage.objects.filter(
        topic=survey_id, sent_at__isnull=False, kind__in=[SURVEY_INVITATION, SURVEY_REMINDER]
    )
    found = {
        row["kind"]: row
        for row in rows.values("kind").annotate(count=Count("id"), first=Min("sent_at"), last=Max("sent_at"))
    }

    def of(kind: str) -> MailsSent:
        row = found.get(kind)
        if row is None:
            return MailsSent(0, None, None)
        return MailsSent(int(row["count"]), _local_day(row["first"]), _local_day(row["last"]))

    return {"invitations": of(SURVEY_INVITATION), "reminders": of(SURVEY_REMINDER)}


__all__ = ["SurveyMailRun", "answer_url", "mail_status", "send_survey_mails", "survey_mails_text"]
