"""A survey as its format-1 document, in the canonical order that links no person to an answer.

Kept beside `documents.py` (the other entities' documents), and used by the export, the plan,
the audit log and the API alike.
"""

from __future__ import annotations

from typing import Any

from lodestar.lib.surveys import CLARITY_QUESTIONS, Survey, SurveyAnswer, SurveyResponse, response_order


def survey_answer_document(answer: SurveyAnswer) -> dict[str, Any]:
    document: dict[str, Any] = {"task": answer.task}
    if answer.accountable is not None:
        document["accountable"] = answer.accountable
    if answer.responsible is not None:
        document["responsible"] = (
            answer.responsible if isinstance(answer.responsible, str) else list(answer.responsible)
        )
    return document


def survey_response_document(response: SurveyResponse) -> dict[str, Any]:
    document: dict[str, Any] = {"unit": response.unit, "date": response.date}
    if response.clarity is not None:
        document["clarity"] = {q: response.clarity[q] for q in CLARITY_QUESTIONS if q in response.clarity}
    if response.answers is not None:
        document["answers"] = [survey_answer_document(answer) for answer in response.answers]
    return document


def survey_document(survey: Survey) -> dict[str, Any]:
    """Participants sorted by id, responses by unit, date and content: no order says who answered what."""
    document: dict[str, Any] = {
        "id": survey.id,
        "name": survey.name,
        "opens": survey.opens,
        "closes": survey.closes,
        "audience": list(survey.audience),
    }
    if survey.tasks is not None:
        document["tasks"] = list(survey.tasks)  # an empty list asks no task, unlike an absent one
    if survey.min_group is not None:
        document["min_group"] = survey.min_group
    if survey.participants:
        document["participants"] = sorted(survey.participants)
    if survey.responses:
        document["responses"] = [
            survey_response_document(response) for response in sorted(survey.responses, key=response_order)
        ]
    return document
