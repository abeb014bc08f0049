"""Answering a survey round: one response per participant, replaced when they answer again.

The stored response carries the respondent's unit and the day, never the person; the person is
only listed among the participants. To replace an earlier answer, a response given here keeps a
token: a keyed digest of the survey and the person (the server's secret key), which no page, API
answer, export or audit entry shows. The audit entry of an answer names no one.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.lib import clock
from lodestar.lib.errors import Conflict, Invalid, PermissionDenied
from lodestar.lib.model import Model, Person, Task
from lodestar.lib.surveys import DONT_KNOW, Survey, SurveyResponse
from lodestar.modelfile.reader import Reader
from lodestar.modelfile.sections.surveys import read_response
from lodestar.scoring.surveys import in_audience, tasks_for_unit
from lodestar.store.load import load_model
from lodestar.store.surveys import response_of
from lodestar.store.versions import lock_row
from lodestar.surveys import models as tables
from lodestar.surveys.services import find_survey, rewrite_responses

ANSWER_KEYS = frozenset({"clarity", "answers"})
ANONYMOUS = "a participant"


def answer_token(survey_id: str, person_id: str) -> str:
    message = f"lodestar-survey-answer:{survey_id}:{person_id}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class Invitation:
    """What one person is asked in one survey, and their own earlier answer (shown to them alone)."""

    survey: Survey
    person: Person
    tasks: list[Task]
    answered: bool
    earlier: SurveyResponse | None
    ended: bool  # closed by hand

    @property
    def is_open(self) -> bool:
        return not self.ended and self.survey.opens <= clock.today() <= self.survey.closes


def _person(actor: Actor, model: Model) -> Person:
    person = next((p for p in model.people if p.id == actor.person_id), None) if actor.person_id else None
    if person is None:
        raise PermissionDenied("only a person of the organization can answer a survey")
    return person


def invitation(*, actor: Actor, survey_id: str, model: Model | None = None) -> Invitation:
    """The actor's invitation to a survey. Raises NotFound, PermissionDenied (not in the audience)."""
    model = model or load_model()
    survey = find_survey(model, survey_id)
    person = _person(actor, model)
    if not in_audience(survey, model, person.unit):
        raise PermissionDenied(f"you are not in the audience of survey {survey_id!r}")
    answered = person.id in survey.participants
    earlier = None
    if answered:
        row = tables.SurveyResponse.objects.filter(survey_id=survey.id, token=answer_token(survey.id, person.id))
        found = row.values_list("unit", "date", "clarity", "answers").first()
        earlier = response_of(*found) if found else None
    ended = tables.Survey.objects.filter(pk=survey.id, ended=True).exists()
    return Invitation(survey, person, tasks_for_unit(survey, model, person.unit), answered, earlier, ended)


def _read(document: Any, survey: Survey, model: Model, unit: str) -> SurveyResponse:
    if type(document) is not dict:
        raise Invalid("invalid answer", [("", "expected a mapping with clarity and answers")])
    unknown = [key for key in document if key not in ANSWER_KEYS]
    if unknown:
        raise Invalid("invalid answer", [(str(key), f"unknown key {key!r}") for key in unknown])
    asked = survey.tasks if survey.tasks is not None else [task.id for task in model.tasks]
    r = Reader()
    today = clock.today()
    response = read_response(r, {"unit": unit, "date": today, **document}, "", (survey.opens, survey.closes), asked)
    units = {u.id for u in model.units}
    for i, answer in enumerate(response.answers or [] if response else []):
        named = [answer.accountable] if answer.accountable not in (None, DONT_KNOW) else []
        named += list(answer.responsible) if isinstance(answer.responsible, list) else []
        for unit_id in named:
            if unit_id not in units:
                r.error(f"answers[{i}]", f"unknown unit {unit_id!r}")
    if r.issues or response is None:
        raise Invalid("invalid answer", [(issue.path.lstrip("."), issue.message) for issue in r.issues])
    return response


def submit_response(*, actor: Actor, survey_id: str, document: Any) -> bool:
    """Answer a survey `{clarity?, answers?}` as the actor's person; True when it replaced an earlier answer.

    Raises NotFound, PermissionDenied (not in the audience), Conflict (not open) and Invalid.
    """
    with transaction.atomic():
        lock_row(tables.Survey, survey_id)
        model = load_model()
        found = invitation(actor=actor, survey_id=survey_id, model=model)
        survey, person = found.survey, found.person
        if not found.is_open:
            raise Conflict(
                f"survey {survey_id!r} is open from {survey.opens.isoformat()} to {survey.closes.isoformat()}"
            )
        response = _read(document, survey, model, person.unit)
        token = answer_token(survey.id, person.id)
        tokens = list(
            tables.SurveyResponse.objects.filter(survey_id=survey.id)
            .order_by("ordinal")
            .values_list("token", flat=True)
        )
        responses = list(survey.responses)
        replaced = found.answered
        if replaced:
            if token not in tokens:
                raise Conflict("your earlier answer came in through an import and can no longer be changed")
            responses[tokens.index(token)] = response
        else:
            responses.append(response)
            tokens.append(token)
        participants = sorted({*survey.participants, person.id})
        updated = Survey(
            id=survey.id,
            name=survey.name,
            opens=survey.opens,
            closes=survey.closes,
            audience=survey.audience,
            tasks=survey.tasks,
            min_group=survey.min_group,
            participants=participants,
            responses=responses,
        )
        rewrite_responses(updated, dict(enumerate(tokens)))
        anonymous = Actor(label=ANONYMOUS, role=actor.role, person_id=None, surface=actor.surface)
        audit.record(actor=anonymous, action="survey.answer", subject=f"survey:{survey.id}")
    return replaced


def open_invitations(*, actor: Actor, model: Model | None = None) -> list[Invitation]:
    """The open surveys whose audience includes the actor's person, in the model's order (none without a person)."""
    model = model or load_model()
    person = next((p for p in model.people if p.id == actor.person_id), None) if actor.person_id else None
    if person is None:
        return []
    ended = set(tables.Survey.objects.filter(ended=True).values_list("pk", flat=True))
    today = clock.today()
    return [
        Invitation(survey, person, [], person.id in survey.participants, None, False)
        for survey in model.surveys
        if survey.id not in ended and survey.opens <= today <= survey.closes and in_audience(survey, model, person.unit)
    ]
