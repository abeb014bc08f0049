"""Create, edit and delete the entities of the design workspace (editors and admins), one generic form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_editor
from lodestar.design import services as design
from lodestar.design.services.common import find, row_id
from lodestar.design.services.competencies import find_competency
from lodestar.design.services.dependencies import dependencies_by_id
from lodestar.design.services.tasks import find_task
from lodestar.design.services.touchpoints import find_touchpoint
from lodestar.lib import model as m
from lodestar.lib.errors import Invalid, NotFound
from lodestar.modelfile import documents as docs
from lodestar.purpose import services as purpose
from lodestar.store.load import load_model
from lodestar.store.versions import Saved
from lodestar.web import design_forms as forms
from lodestar.web.views.common import actor_of, field_errors, translate_errors
from lodestar.web.views.design import competencies_response

Key = Any


@dataclass(frozen=True)
class Kind:
    """How the generic views read, create, change and delete one kind of entity."""

    fields: str
    what: str  # "task", "vision answer", ...
    page: str  # the url name of the page the entity lives on
    current: Callable[[m.Model, Key], tuple[dict[str, Any], str, int | None]]  # (document, label, version)
    create: Callable[[Actor, Any], Saved[Any]]
    update: Callable[[Actor, Key, Any, Any], Saved[Any]]
    delete: Callable[[Actor, Key, Any], None]
    key: Callable[[str], Key] = str
    anchor: Callable[[Key], str] = lambda key: ""
    has_id: bool = False


def _mission(model: m.Model, key: Key) -> tuple[dict[str, Any], str, int | None]:
    if model.mission is None:
        raise NotFound("the model has no mission yet")
    return docs.mission_document(model.mission), "the mission", model.mission.version


def _vision(model: m.Model, key: Key) -> tuple[dict[str, Any], str, int | None]:
    answer = find(purpose.vision_answers_by_id(model), key, "vision answer")
    return (
        docs.vision_answer_document(answer),
        f"the answer to “{answer.question.replace('_', ' ')}”",
        answer.version,
    )


def _profile(model: m.Model, key: Key) -> tuple[dict[str, Any], str, int | None]:
    profile = find(purpose.role_profiles_by_id(model), key, "role profile")
    return docs.role_profile_document(profile), f"the role profile of {profile.unit}", profile.version


def _dependency(model: m.Model, key: Key) -> tuple[dict[str, Any], str, int | None]:
    dependency = find(dependencies_by_id(model), key, "dependency")
    return docs.dependency_document(dependency), f"the dependency “{dependency.about}”", dependency.version


def _task(model: m.Model, key: Key) -> tuple[dict[str, Any], str, int | None]:
    task = find_task(model, key)
    return docs.task_document(task), f"the task “{task.name}”", task.version


def _competency(model: m.Model, key: Key) -> tuple[dict[str, Any], str, int | None]:
    competency = find_competency(model, key)
    return docs.competency_document(competency), f"the competency “{competency.name}”", competency.version


def _touchpoint(model: m.Model, key: Key) -> tuple[dict[str, Any], str, int | None]:
    touchpoint = find_touchpoint(model, key)
    return docs.touchpoint_document(touchpoint), f"the touchpoint “{touchpoint.name}”", touchpoint.version


KINDS: dict[str, Kind] = {
    "mission": Kind(
        "mission",
        "mission",
        "purpose",
        _mission,
        lambda a, d: purpose.create_mission(actor=a, document=d),
        lambda a, k, c, v: purpose.update_mission(actor=a, changes=c, version=v),
        lambda a, k, v: purpose.delete_mission(actor=a, version=v),
    ),
    "vision": Kind(
        "vision",
        "vision answer",
        "vision",
        _vision,
        lambda a, d: purpose.create_vision_answer(actor=a, document=d),
        lambda a, k, c, v: purpose.update_vision_answer(actor=a, answer_id=k, changes=c, version=v),
        lambda a, k, v: purpose.delete_vision_answer(actor=a, answer_id=k, version=v),
        key=lambda raw: row_id(raw, "vision answer"),
    ),
    "role_profile": Kind(
        "role_profile",
        "role profile",
        "roles",
        _profile,
        lambda a, d: purpose.create_role_profile(actor=a, document=d),
        lambda a, k, c, v: purpose.update_role_profile(actor=a, profile_id=k, changes=c, version=v),
        lambda a, k, v: purpose.delete_role_profile(actor=a, profile_id=k, version=v),
        key=lambda raw: row_id(raw, "role profile"),
        anchor=lambda k: f"#profile-{k}",
    ),
    "task": Kind(
        "task",
        "task",
        "tasks",
        _task,
        lambda a, d: design.create_task(actor=a, document=d),
        lambda a, k, c, v: design.update_task(actor=a, task_id=k, changes=c, version=v),
        lambda a, k, v: design.delete_task(actor=a, task_id=k, version=v),
        anchor=lambda k: f"#task-{k}",
        has_id=True,
    ),
    "dependency": Kind(
        "dependency",
        "dependency",
        "dependencies",
        _dependency,
        lambda a, d: design.create_dependency(actor=a, document=d),
        lambda a, k, c, v: design.update_dependency(actor=a, dependency_id=k, changes=c, version=v),
        lambda a, k, v: design.delete_dependency(actor=a, dependency_id=k, version=v),
        key=lambda raw: row_id(raw, "dependency"),
        anchor=lambda k: f"#dependency-{k}",
    ),
    "competency": Kind(
        "competency",
        "competency",
        "competencies",
        _competency,
        lambda a, d: design.create_competency(actor=a, document=d),
        lambda a, k, c, v: design.update_competency(actor=a, competency_id=k, changes=c, version=v),
        lambda a, k, v: design.delete_competency(actor=a, competency_id=k, version=v),
        anchor=lambda k: f"#competency-{k}",
        has_id=True,
    ),
    "touchpoint": Kind(
        "touchpoint",
        "touchpoint",
        "touchpoints",
        _touchpoint,
        lambda a, d: design.create_touchpoint(actor=a, document=d),
        lambda a, k, c, v: design.update_touchpoint(actor=a, touchpoint_id=k, changes=c, version=v),
        lambda a, k, v: design.delete_touchpoint(actor=a, touchpoint_id=k, version=v),
        anchor=lambda k: f"#touchpoint-{k}",
        has_id=True,
    ),
}


def _form(
    request: HttpRequest,
    kind: Kind,
    model: m.Model,
    *,
    values: dict[str, Any],
    errors: dict[str, str],
    editing: str | None,
    version: int | str | None,
    status: int = 200,
) -> HttpResponse:
    fields = forms.FIELDS[kind.fields](model)
    if editing is not None:
        fields = [f for f in fields if f.name != "id"]
    fields, general = forms.filled(fields, values, errors)
    return render(
        request,
        "web/design_form.html",
        {
            "kind": kind,
            "fields": fields,
            "general_errors": general,
            "has_errors": bool(errors),
            "editing": editing,
            "version": version,
            "back": reverse(kind.page),
        },
        status=status,
    )


def _version(request: HttpRequest) -> int | str | None:
    """The version a change is based on: a whole number as sent (anything else the service refuses)."""
    text = request.POST.get("version", "").strip()
    return int(text) if text.isdigit() else text or None


@require_http_methods(["GET", "POST"])
@translate_errors
def entity_new(request: HttpRequest, kind_name: str) -> HttpResponse:
    kind = KINDS[kind_name]
    actor = actor_of(request)
    require_editor(actor, what=f"add a {kind.what}")
    model = load_model()
    fields = forms.FIELDS[kind.fields](model)
    if request.method == "GET":
        prefill = {f.name: request.GET[f.name] for f in fields if f.kind == "select" and request.GET.get(f.name)}
        return _form(request, kind, model, values=prefill, errors={}, editing=None, version=None)
    document = forms.document_of(fields, request.POST, with_id=True)
    try:
        saved = kind.create(actor, document)
    except Invalid as error:
        return _form(
            request, kind, model, values=document, errors=field_errors(error), editing=None, version=None, status=400
        )
    return HttpResponseRedirect(reverse(kind.page) + kind.anchor(saved.id))


@require_http_methods(["GET", "POST"])
@translate_errors
def entity_edit(request: HttpRequest, kind_name: str, key: str = "") -> HttpResponse:
    kind = KINDS[kind_name]
    actor = actor_of(request)
    require_editor(actor, what=f"change a {kind.what}")
    model = load_model()
    entity_key = kind.key(key)
    current, label, stored = kind.current(model, entity_key)
    if request.method == "GET":
        return _form(request, kind, model, values=current, errors={}, editing=label, version=stored)
    fields = forms.FIELDS[kind.fields](model)
    changes = forms.document_of(fields, request.POST, with_id=False)
    version = _version(request)
    try:
        kind.update(actor, entity_key, changes, version)
    except Invalid as error:
        values = {**changes, "id": key} if kind.has_id else changes
        return _form(
            request, kind, model, values=values, errors=field_errors(error), editing=label, version=version, status=400
        )
    return HttpResponseRedirect(reverse(kind.page) + kind.anchor(entity_key))


@require_http_methods(["GET", "POST"])
@translate_errors
def entity_delete(request: HttpRequest, kind_name: str, key: str = "") -> HttpResponse:
    kind = KINDS[kind_name]
    actor = actor_of(request)
    require_editor(actor, what=f"delete a {kind.what}")
    model = load_model()
    entity_key = kind.key(key)
    _, label, stored = kind.current(model, entity_key)
    if request.method == "GET":
        return render(
            request,
            "web/confirm_delete.html",
            {"what": label, "detail": "", "version": stored, "back": reverse(kind.page)},
        )
    kind.delete(actor, entity_key, _version(request))
    return HttpResponseRedirect(reverse(kind.page))


@require_http_methods(["GET", "POST"])
@translate_errors
def unit_purpose(request: HttpRequest, unit_id: str) -> HttpResponse:
    actor = actor_of(request)
    require_editor(actor, what="change unit purposes")
    model = load_model()
    unit = next((u for u in model.units if u.id == unit_id), None)
    if unit is None:
        raise NotFound(f"no unit {unit_id!r}")
    version = unit.version
    if request.method == "POST":
        try:
            purpose.set_unit_purpose(
                actor=actor, unit_id=unit_id, purpose=request.POST.get("purpose", ""), version=_version(request)
            )
        except Invalid as error:
            errors = field_errors(error)
            return render(
                request,
                "web/unit_purpose_form.html",
                {
                    "unit": unit,
                    "value": request.POST.get("purpose", ""),
                    "version": version,
                    "error": "; ".join(errors.values()),
                },
                status=400,
            )
        return HttpResponseRedirect(reverse("purpose") + f"#unit-{unit_id}")
    return render(
        request, "web/unit_purpose_form.html", {"unit": unit, "value": unit.purpose or "", "version": version}
    )


@require_POST
@translate_errors
def person_level(request: HttpRequest) -> HttpResponse:
    """Set (or with `remove`, take away) a person's level in a competency."""
    actor = actor_of(request)
    person, competency = request.POST.get("person", ""), request.POST.get("competency", "")
    level = request.POST.get("level", "").strip()
    try:
        if request.POST.get("remove"):
            design.remove_person_level(actor=actor, person_id=person, competency_id=competency)
        else:
            design.set_person_level(
                actor=actor, person_id=person, competency_id=competency, level=forms._number(level) if level else None
            )
    except Invalid as error:
        message = "; ".join(field_errors(error).values()) or str(error)
        form = {"person": person, "competency": competency, "level": level, "error": message}
        return competencies_response(request, level_form=form, status=400)
    return HttpResponseRedirect(reverse("competencies") + "#people")
