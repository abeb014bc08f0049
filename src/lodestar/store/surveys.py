"""The surveys' rows: written with the rest of the model, and loaded back as plain values.

Responses go in in the canonical order (unit, date, content), so that not even the order of
rows says who answered when; a participant row says only that a person answered.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import models

from lodestar.lib.surveys import Survey, SurveyAnswer, SurveyResponse, response_order
from lodestar.modelfile.survey_documents import survey_response_document
from lodestar.store.columns import Row
from lodestar.store.select import select_rows
from lodestar.surveys import models as tables

SURVEY_TABLES_IN_DELETE_ORDER: tuple[type[models.Model], ...] = (
    tables.SurveyResponse,
    tables.SurveyParticipant,
    tables.Survey,
)


@dataclass
class KeptState:
    """What the store knows of its surveys beyond the model file, kept when the model is written as a whole.

    A round closed by hand stays closed (while its `closes` is unchanged), and a response given
    through Lodestar keeps its token (while its content is unchanged), so that an import, a
    roll-over or a scenario's adoption neither reopens a round nor stops people replacing their answer.
    """

    ended: dict[str, date] = field(default_factory=dict)  # survey id -> its `closes` when it was closed by hand
    tokens: dict[tuple[Any, ...], list[str]] = field(default_factory=lambda: defaultdict(list))

    def token_for(self, row: Row) -> str | None:
        found = self.tokens.get(_content(row))
        return found.pop(0) if found else None


def _content(row: Row) -> tuple[Any, ...]:
    return (
        row["survey_id"],
        row["unit"],
        row["date"],
        json.dumps(row["clarity"], sort_keys=True),
        json.dumps(row["answers"], sort_keys=True),
    )


def kept_state() -> KeptState:
    """The stored surveys' hand-closings and response tokens, read before the model is rewritten."""
    kept = KeptState(ended=dict(tables.Survey.objects.filter(ended=True).values_list("id", "closes")))
    rows = tables.SurveyResponse.objects.exclude(token=None).exclude(token="").order_by("survey_id", "ordinal")
    for survey_id, unit, day, clarity, answers, token in rows.values_list(
        "survey_id", "unit", "date", "clarity", "answers", "token"
    ):
        content = {"survey_id": survey_id, "unit": unit, "date": day, "clarity": clarity, "answers": answers}
        kept.tokens[_content(content)].append(str(token))
    return kept


def survey_row(survey: Survey, *, ordinal: int, version: int) -> Row:
    return {
        "id": survey.id,
        "name": survey.name,
        "opens": survey.opens,
        "closes": survey.closes,
        "audience": list(survey.audience),
        "tasks": None if survey.tasks is None else list(survey.tasks),
        "min_group": survey.min_group,
        "ended": False,
        "version": version,
        "ordinal": ordinal,
    }


def response_row(survey_id: str, response: SurveyResponse, *, ordinal: int, token: str | None = None) -> Row:
    document = survey_response_document(response)
    return {
        "survey_id": survey_id,
        "unit": response.unit,
        "date": response.date,
        "clarity": document.get("clarity"),
        "answers": document.get("answers"),
        "token": token,
        "ordinal": ordinal,
    }


def survey_rows(
    survey: Survey, *, ordinal: int, version: int, kept: KeptState | None = None
) -> dict[type[models.Model], list[Row]]:
    """The survey's own row, its participants and its responses (in the canonical order).

    With `kept` (what the store held before), a hand-closing and the responses' tokens carry over.
    """
    head = survey_row(survey, ordinal=ordinal, version=version)
    responses = [
        response_row(survey.id, response, ordinal=j)
        for j, response in enumerate(sorted(survey.responses, key=response_order))
    ]
    if kept is not None:
        head["ended"] = kept.ended.get(survey.id) == survey.closes
        for row in responses:
            row["token"] = kept.token_for(row)
    return {
        tables.Survey: [head],
        tables.SurveyParticipant: [{"survey_id": survey.id, "person": p} for p in sorted(survey.participants)],
        tables.SurveyResponse: responses,
    }


def answer_of(document: dict[str, Any]) -> SurveyAnswer:
    return SurveyAnswer(
        task=document["task"], accountable=document.get("accountable"), responsible=document.get("responsible")
    )


def response_of(unit: str, day: Any, clarity: Any, answers: Any) -> SurveyResponse:
    return SurveyResponse(
        unit=unit,
        date=day,
        clarity=None if clarity is None else dict(clarity),
        answers=None if answers is None else [answer_of(a) for a in answers],
    )


def load_surveys() -> list[Survey]:
    participants: dict[str, list[str]] = defaultdict(list)
    for survey_id, person in select_rows(tables.SurveyParticipant, "survey_id", "person", order=("survey", "person")):
        participants[survey_id].append(person)
    responses: dict[str, list[SurveyResponse]] = defaultdict(list)
    for survey_id, unit, day, clarity, answers in select_rows(
        tables.SurveyResponse, "survey_id", "unit", "date", "clarity", "answers", order=("survey", "ordinal")
    ):
        responses[survey_id].append(response_of(unit, day, clarity, answers))
    return [
        Survey(
            id=survey_id,
            name=name,
            opens=opens,
            closes=closes,
            audience=list(audience),
            tasks=None if asked is None else list(asked),
            min_group=min_group,
            participants=participants[survey_id],
            responses=sorted(responses[survey_id], key=response_order),
            version=version,
        )
        for survey_id, name, opens, closes, audience, asked, min_group, version in select_rows(
            tables.Survey, "id", "name", "opens", "closes", "audience", "tasks", "min_group", "version"
        )
    ]
