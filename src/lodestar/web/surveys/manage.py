"""Running a survey round (editors and admins): the rounds, a new round, its page, its settings, closing and deleting it.

A round's page shows how many were invited and how many answered per unit of its audience, as
counts: responses carry no person, and the page names nobody next to a unit. It says which
e-mails went out and when the next ones go (the worker's `surveys` job, `lodestar survey send`).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from lodestar.accounts.permissions import require_editor
from lodestar.lib import clock
from lodestar.lib.errors import Conflict, Invalid
from lodestar.lib.model import Model
from lodestar.lib.surveys import Survey
from lodestar.rhythm.survey_mails import reminder_day
from lodestar.scoring.participation import participation
from lodestar.store.load import load_model
from lodestar.store.versions import version_from_text
from lodestar.surveys import services
from lodestar.surveys.invitations import answer_url, mail_status
from lodestar.web.common import actor_of, error_text, translate_errors
from lodestar.web.form_values import text
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.issues import issue_text
from lodestar.web.surveys import round_form
from lodestar.web.surveys.round_form import RoundForm

WHAT = "run surveys"
FORM = "web/surveys/manage_form.html"


def _editor(request: AuthenticatedRequest) -> None:
    require_editor(actor_of(request), what=WHAT)


def state_of(survey: Survey, *, ended: bool) -> str:
    """`planned`, `open` or `closed` as of today."""
    today = clock.today()
    if ended or survey.closes < today:
        return "closed"
    return "planned" if survey.opens > today else "open"


def results_url(survey_id: str) -> str | None:
    """The round's results page, once this version has one."""
    try:
        return reverse("survey-results", args=[survey_id])
    except NoReverseMatch:
        return None


@require_GET
@translate_errors
def rounds_page(request: AuthenticatedRequest) -> HttpResponse:
    """Every round, the latest first by its opening day, with its state and how many answered."""
    _editor(request)
    model = load_model(parts=frozenset({"units", "people", "surveys"}))
    ended = services.ended_surveys()
    rows = [
        {"survey": survey, "state": state_of(survey, ended=survey.id in ended), "counts": participation(survey, model)}
        for survey in sorted(model.surveys, key=lambda s: (s.opens, s.id), reverse=True)
    ]
    return render(request, "web/surveys/manage_list.html", {"rows": rows})


def _form_page(
    request: AuthenticatedRequest,
    model: Model,
    form: RoundForm,
    *,
    errors: dict[str, str],
    editing: Survey | None = None,
    version: Any = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "form": form,
        "errors": errors,
        "form_error": errors.get(""),
        "editing": editing,
        "version": version,
        "units": round_form.unit_choices(model),
        "tasks": round_form.task_choices(model),
        "all_tasks": round_form.ALL_TASKS,
        "chosen_tasks": round_form.CHOSEN_TASKS,
    }
    return render(request, FORM, context, status=status)


def _errors(error: Invalid) -> dict[str, str]:
    errors: dict[str, str] = {}
    for path, message in error.issues:
        key = round_form.field_of(path)
        said = issue_text(message)
        errors[key] = f"{errors[key]}; {said}" if key in errors else said
    return errors


@require_http_methods(["GET", "POST"])
@translate_errors
def new_round(request: AuthenticatedRequest) -> HttpResponse:
    actor = actor_of(request)
    _editor(request)
    model = load_model()
    if request.method == "GET":
        return _form_page(request, model, round_form.blank_form(), errors={})
    form = round_form.posted_form(request.POST)
    if not form.id and form.name:
        form.id = services.proposed_survey_id(form.name)
    try:
        saved = services.create_survey(actor=actor, document=round_form.document_of(form, with_id=True))
    except Invalid as error:
        return _form_page(request, model, form, errors=_errors(error), status=400)
    except Conflict as error:
        return _form_page(request, model, form, errors={"id": error_text(error)}, status=409)
    return HttpResponseRedirect(reverse("survey-manage", args=[saved.id]))


@require_GET
@translate_errors
def id_proposal(request: AuthenticatedRequest) -> HttpResponse:
    """`{"id": …}`: a free id for a round named `title`."""
    _editor(request)
    return JsonResponse({"id": services.proposed_survey_id(text(request.GET, "title"))})


@require_http_methods(["GET", "POST"])
@translate_errors
def edit_round(request: AuthenticatedRequest, survey_id: str) -> HttpResponse:
    actor = actor_of(request)
    _editor(request)
    model = load_model()
    survey = services.find_survey(model, survey_id)
    if request.method == "GET":
        return _form_page(request, model, round_form.form_of(survey), errors={}, editing=survey, version=survey.version)
    form = round_form.posted_form(request.POST)
    form.id = survey.id
    version = version_from_text(request.POST.get("version"))
    changes = round_form.document_of(form, with_id=False)
    try:
        services.update_survey(actor=actor, survey_id=survey_id, changes=changes, version=version)
    except Invalid as error:
        return _form_page(request, model, form, errors=_errors(error), editing=survey, version=version, status=400)
    except Conflict:
        # Someone saved first: keep what was typed, and let a second save (deliberately) replace their change.
        message = gettext(
            "Someone else changed this survey since you opened it. Your entries are kept below; "
            "check them against the survey's page and save again to replace the other change."
        )
        return _form_page(
            request, model, form, errors={"": message}, editing=survey, version=survey.version, status=409
        )
    return HttpResponseRedirect(reverse("survey-manage", args=[survey_id]))


@require_GET
@translate_errors
def round_page(request: AuthenticatedRequest, survey_id: str) -> HttpResponse:
    """A round: its state, invited and answered per unit (counts only), its e-mails, and the share link."""
    _editor(request)
    model = load_model(parts=frozenset({"units", "people", "tasks", "surveys"}))
    survey = services.find_survey(model, survey_id)
    ended = services.is_ended(survey_id)
    state = state_of(survey, ended=ended)
    names = {task.id: task.name for task in model.tasks}
    context = {
        "survey": survey,
        "state": state,
        "ended": ended,
        "counts": participation(survey, model),
        "mails": mail_status(survey_id),
        "reminder_day": reminder_day(survey),
        "today": clock.today(),
        "share_url": answer_url(survey_id),
        "results_url": results_url(survey_id),
        "asked": [names.get(task_id, task_id) for task_id in survey.tasks] if survey.tasks is not None else None,
        "audience": [next((u.name for u in model.units if u.id == unit_id), unit_id) for unit_id in survey.audience],
    }
    return render(request, "web/surveys/manage.html", context)


@require_http_methods(["GET", "POST"])
@translate_errors
def close_round(request: AuthenticatedRequest, survey_id: str) -> HttpResponse:
    actor = actor_of(request)
    _editor(request)
    survey = services.find_survey(load_model(parts=frozenset({"surveys"})), survey_id)
    back = reverse("survey-manage", args=[survey_id])
    if request.method == "GET":
        context = {"survey": survey, "version": survey.version, "back": back}
        return render(request, "web/surveys/manage_close.html", context)
    services.close_survey(actor=actor, survey_id=survey_id, version=version_from_text(request.POST.get("version")))
    return HttpResponseRedirect(back)


@require_http_methods(["GET", "POST"])
@translate_errors
def delete_round(request: AuthenticatedRequest, survey_id: str) -> HttpResponse:
    actor = actor_of(request)
    _editor(request)
    survey = services.find_survey(load_model(parts=frozenset({"surveys"})), survey_id)
    if request.method == "GET":
        count = len(survey.responses)
        context = {
            "what": survey.name,
            "detail": ngettext(
                "Its %(count)s answer is deleted with it.", "Its %(count)s answers are deleted with it.", count
            )
            % {"count": count}
            if count
            else "",
            "version": survey.version,
            "back": reverse("survey-manage", args=[survey_id]),
        }
        return render(request, "web/confirm_delete.html", context)
    services.delete_survey(actor=actor, survey_id=survey_id, version=version_from_text(request.POST.get("version")))
    return HttpResponseRedirect(reverse("survey-rounds"))
