"""Answering a role-clarity survey: one page with every question, saved in one go.

The page shows the person their own earlier answer (found through the response's token by
`surveys/answering.py`, never through a link to the person) and saves through the same service as
the API's `POST /surveys/<id>/responses`, which stores the unit and the day, never the person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from lodestar.accounts.roles import ADMIN, EDITOR
from lodestar.lib.errors import Conflict, Invalid, PermissionDenied
from lodestar.lib.model import Task
from lodestar.lib.surveys import CLARITY_HIGH, CLARITY_LOW, CLARITY_QUESTIONS, DONT_KNOW, SurveyResponse
from lodestar.store.load import load_model
from lodestar.surveys import answering
from lodestar.surveys.services import find_survey
from lodestar.web.common import actor_of, error_page, translate_errors
from lodestar.web.form_values import integer
from lodestar.web.formatting import day
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.issues import issue_text

FORM = "form"


@dataclass
class Values:
    """What the form shows: the clarity levels and, per task id, the accountable and the responsible."""

    clarity: dict[str, str] = field(default_factory=dict)
    accountable: dict[str, str] = field(default_factory=dict)
    responsible: dict[str, list[str]] = field(default_factory=dict)


def _earlier(response: SurveyResponse | None) -> Values:
    values = Values()
    if response is None:
        return values
    values.clarity = {question: str(level) for question, level in (response.clarity or {}).items()}
    for answer in response.answers or []:
        if answer.accountable is not None:
            values.accountable[answer.task] = answer.accountable
        if answer.responsible == DONT_KNOW:
            values.responsible[answer.task] = [DONT_KNOW]
        elif isinstance(answer.responsible, list):
            values.responsible[answer.task] = list(answer.responsible)
    return values


def _posted(request: AuthenticatedRequest, tasks: list[Task]) -> Values:
    values = Values()
    for question in CLARITY_QUESTIONS:
        level = request.POST.get(f"clarity-{question}", "").strip()
        if level:
            values.clarity[question] = level
    for task in tasks:
        accountable = request.POST.get(f"accountable-{task.id}", "").strip()
        if accountable:
            values.accountable[task.id] = accountable
        responsible = [unit for unit in request.POST.getlist(f"responsible-{task.id}") if unit.strip()]
        if responsible:
            values.responsible[task.id] = responsible
    return values


def _document(values: Values, tasks: list[Task], errors: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """The service's `{clarity?, answers?}` and the task id of each answer; a mixed choice is an error."""
    document: dict[str, Any] = {}
    if values.clarity:
        document["clarity"] = {question: integer(level) for question, level in values.clarity.items()}
    answers: list[dict[str, Any]] = []
    order: list[str] = []
    for task in tasks:
        answer: dict[str, Any] = {"task": task.id}
        if task.id in values.accountable:
            answer["accountable"] = values.accountable[task.id]
        responsible = values.responsible.get(task.id)
        if responsible:
            if DONT_KNOW in responsible and len(responsible) > 1:
                errors[f"task-{task.id}"] = gettext("Choose units or “don’t know”, not both.")
            answer["responsible"] = DONT_KNOW if DONT_KNOW in responsible else responsible
        if len(answer) > 1:
            answers.append(answer)
            order.append(task.id)
    if answers:
        document["answers"] = answers
    return document, order


def _field_of(path: str, order: list[str]) -> str:
    """The form field an issue of the service belongs to."""
    if path.startswith("clarity."):
        return f"clarity-{path.removeprefix('clarity.')}"
    if path.startswith("answers["):
        index = path.removeprefix("answers[").split("]", 1)[0]
        if index.isdigit() and int(index) < len(order):
            return f"task-{order[int(index)]}"
    return FORM


def _not_open(request: AuthenticatedRequest, found: answering.Invitation) -> HttpResponse:
    survey = found.survey
    if found.ended:
        message = gettext("The survey “%(name)s” has been closed: it takes no more answers.") % {"name": survey.name}
    else:
        message = gettext("The survey “%(name)s” is open from %(opens)s to %(closes)s.") % {
            "name": survey.name,
            "opens": day(survey.opens, "MEDIUM_DATE_FORMAT"),
            "closes": day(survey.closes, "MEDIUM_DATE_FORMAT"),
        }
    return error_page(request, status=409, title=gettext("This survey is not open"), message=message)


def _not_linked(request: AuthenticatedRequest) -> HttpResponse:
    message = gettext(
        "Your account is not linked to a person of the organization, so you cannot answer a survey. "
        "Ask an admin to link it."
    )
    return error_page(request, status=403, title=gettext("Not allowed"), message=message)


def _not_invited(request: AuthenticatedRequest) -> HttpResponse:
    message = gettext("This survey does not ask your unit: only the people of the units it asks can answer it.")
    return error_page(request, status=403, title=gettext("Not allowed"), message=message)


@require_http_methods(["GET", "POST"])
@translate_errors
def answer_page(request: AuthenticatedRequest, survey_id: str) -> HttpResponse:
    actor = actor_of(request)
    model = load_model()
    find_survey(model, survey_id)  # NotFound first: an unknown survey is a 404 for everyone
    if actor.person_id is None or all(person.id != actor.person_id for person in model.people):
        return _not_linked(request)
    try:
        found = answering.invitation(actor=actor, survey_id=survey_id, model=model)
    except PermissionDenied:
        return _not_invited(request)
    if not found.is_open:
        return _not_open(request, found)
    errors: dict[str, str] = {}
    if request.method == "POST":
        values = _posted(request, found.tasks)
        document, order = _document(values, found.tasks, errors)
        if not errors:
            try:
                replaced = answering.submit_response(actor=actor, survey_id=survey_id, document=document)
            except Conflict:
                found = answering.invitation(actor=actor, survey_id=survey_id)
                if not found.is_open:
                    return _not_open(request, found)
                raise
            except Invalid as error:
                for path, message in error.issues:
                    key = _field_of(path, order)
                    said = issue_text(message)
                    errors[key] = f"{errors[key]}; {said}" if key in errors else said
            else:
                context = {"survey": found.survey, "replaced": replaced}
                return render(request, "web/surveys/answered.html", context)
    else:
        values = _earlier(found.earlier)
    context = {
        "survey": found.survey,
        "questions": _questions(values, errors),
        "tasks": _tasks(found.tasks, values, errors),
        "units": list(model.units),
        "answered": found.answered,
        "levels": _levels(),
        "errors": errors,
        "form_error": errors.get(FORM),
        "dont_know": DONT_KNOW,
    }
    return render(request, "web/surveys/answer.html", context, status=400 if errors else 200)


def _levels() -> list[tuple[str, str]]:
    """Each level of a clarity question with its words, from 1 to 5."""
    words = [
        gettext("not clear at all"),
        gettext("hardly clear"),
        gettext("partly clear"),
        gettext("mostly clear"),
        gettext("completely clear"),
    ]
    assert len(words) == CLARITY_HIGH - CLARITY_LOW + 1
    return [(str(level), words[level - CLARITY_LOW]) for level in range(CLARITY_LOW, CLARITY_HIGH + 1)]


def _questions(values: Values, errors: dict[str, str]) -> list[dict[str, Any]]:
    texts = {
        "own_role": gettext("How clear is your own role to you?"),
        "neighbours": gettext("How clear are the roles of your neighbouring units to you?"),
        "mission": gettext("How clear is the mission to you?"),
    }
    return [
        {"key": q, "text": texts[q], "value": values.clarity.get(q, ""), "error": errors.get(f"clarity-{q}")}
        for q in CLARITY_QUESTIONS
    ]


def _tasks(tasks: list[Task], values: Values, errors: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "task": task,
            "accountable": values.accountable.get(task.id, ""),
            "responsible": values.responsible.get(task.id, []),
            "error": errors.get(f"task-{task.id}"),
        }
        for task in tasks
    ]


@require_http_methods(["GET"])
@translate_errors
def surveys_page(request: AuthenticatedRequest) -> HttpResponse:
    """The open surveys the signed-in person is asked to answer."""
    actor = actor_of(request)
    model = load_model()
    linked = actor.person_id is not None and any(person.id == actor.person_id for person in model.people)
    context = {
        "invitations": answering.open_invitations(actor=actor, model=model),
        "linked": linked,
        "can_manage": actor.role in (ADMIN, EDITOR),
    }
    return render(request, "web/surveys/list.html", context)
