"""Which survey e-mails a run sends as of a day: an invitation to each invited person, and one reminder.

Pure: the people's account e-mails, who answered and the e-mails sent already come in as plain
values. A round that is open as of the day (not closed by hand, `opens` ≤ day ≤ `closes`) sends

- an invitation to each person now in its audience units and below who has not answered, has an
  e-mail and has not turned reminders off, and has not been invited yet;
- from its reminder day on (`REMINDER_DAYS_BEFORE_CLOSE` days before `closes`, but never on the
  opening day), one reminder to each of them who still has not answered and whose invitation went
  out on an earlier day: an invitation is never followed by a reminder on the same day.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Model, Person
from lodestar.lib.surveys import Survey
from lodestar.rhythm.reminders import NO_EMAIL, OPTED_OUT, email_of

REMINDER_DAYS_BEFORE_CLOSE = 3
INVITATION = "invitation"
REMINDER = "reminder"


@dataclass(frozen=True, slots=True)
class SurveyMail:
    kind: str  # INVITATION or REMINDER
    survey: Survey
    person: Person
    email: str


@dataclass(slots=True)
class SurveyMailPlan:
    as_of: date
    mails: list[SurveyMail] = field(default_factory=list)
    # Per survey: how many invited people no e-mail reaches, by reason (NO_EMAIL, OPTED_OUT).
    unreachable: dict[str, dict[str, int]] = field(default_factory=dict)


def reminder_day(survey: Survey) -> date | None:
    """The first day the reminder may go out; None for a round too short for one (it opens and closes on one day)."""
    day = max(survey.closes - timedelta(days=REMINDER_DAYS_BEFORE_CLOSE), survey.opens + timedelta(days=1))
    return day if day <= survey.closes else None


def is_running(survey: Survey, as_of: date, *, ended: Collection[str]) -> bool:
    return survey.id not in ended and survey.opens <= as_of <= survey.closes


def audience_people(survey: Survey, model: Model, index: ModelIndex | None = None) -> list[Person]:
    """The people now in the survey's audience units and below, in the model's order."""
    index = index or ModelIndex(model)
    units: set[str] = set()
    for unit in survey.audience:
        units |= index.below(unit)
    return [person for person in model.people if person.unit in units]


def plan_survey_mails(
    model: Model,
    as_of: date,
    *,
    accounts: Mapping[str, str],
    ended: Collection[str],
    invited: Mapping[str, Mapping[str, date]],
    reminded: Mapping[str, Collection[str]],
) -> SurveyMailPlan:
    """The survey e-mails a run as of `as_of` sends, per round in the model's order, people in the model's order.

    `accounts` maps person ids to their user account's e-mail; `ended` holds the ids of rounds
    closed by hand; `invited` maps a survey id to the people invited and the day each
    invitation went out; `reminded` a survey id to the people reminded.
    """
    index = ModelIndex(model)
    plan = SurveyMailPlan(as_of=as_of)
    for survey in model.surveys:
        if not is_running(survey, as_of, ended=ended):
            continue
        answered = set(survey.participants)
        sent = invited.get(survey.id, {})
        done = reminded.get(survey.id, ())
        remind_from = reminder_day(survey)
        reminding = remind_from is not None and as_of >= remind_from
        counts = {NO_EMAIL: 0, OPTED_OUT: 0}
        for person in audience_people(survey, model, index):
            if person.id in answered:
                continue
            email = email_of(person, accounts)
            if not person.wants_reminders:
                counts[OPTED_OUT] += 1
            elif email is None:
                counts[NO_EMAIL] += 1
            elif person.id not in sent:
                plan.mails.append(SurveyMail(INVITATION, survey, person, email))
            elif reminding and person.id not in done and sent[person.id] < as_of:
                plan.mails.append(SurveyMail(REMINDER, survey, person, email))
        plan.unreachable[survey.id] = counts
    return plan


def survey_mails_json(plan: SurveyMailPlan, mails: list[SurveyMail]) -> dict[str, Any]:
    """`lodestar survey send --format json`: the e-mails sent (in a dry run: to send), per kind."""
    return {
        "as_of": plan.as_of.isoformat(),
        "mails": [
            {"survey": mail.survey.id, "kind": mail.kind, "person": mail.person.id, "email": mail.email}
            for mail in mails
        ],
    }
