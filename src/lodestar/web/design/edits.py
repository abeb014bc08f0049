"""Create, edit and delete the entities of the design workspace (editors and admins), one generic form.

The kinds and their service functions are those of `lodestar.design.kinds`, which the API uses too. With
`?scenario=<id>` the same forms change that scenario instead (`web/design/in_scenario.py`).
"""

from __future__ import annotations

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from lodestar.accounts.permissions import require_editor
from lodestar.design import services as design
from lodestar.design.kinds import KINDS
from lodestar.i18n.words import say
from lodestar.lib.errors import Invalid, NotFound
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.purpose import services as purpose
from lodestar.store.load import load_model
from lodestar.store.versions import version_from_text
from lodestar.web.common import actor_of, translate_errors
from lodestar.web.design import forms, in_scenario
from lodestar.web.design.form_page import PAGES, form_response
from lodestar.web.design.views import competencies_response
from lodestar.web.form_values import integer
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.issues import field_errors
from lodestar.web.scenarios.context import chosen_id


def _version(request: AuthenticatedRequest) -> int | str | None:
    return version_from_text(request.POST.get("version"))


@require_http_methods(["GET", "POST"])
@translate_errors
def entity_new(request: AuthenticatedRequest, kind_name: str) -> HttpResponse:
    kind = KINDS[kind_name]
    actor = actor_of(request)
    require_editor(actor, what=f"add a {kind.what}")
    if chosen_id(request):
        return in_scenario.entity_new(request, kind)
    model = load_model()
    fields = forms.FIELDS[kind.name](model)
    if request.method == "GET":
        prefill = {f.name: request.GET[f.name] for f in fields if f.kind == "select" and request.GET.get(f.name)}
        return form_response(request, kind, model, values=prefill, errors={}, editing=None, version=None)
    document = forms.document_of(fields, request.POST, with_id=True)
    try:
        saved = kind.create(actor=actor, document=document)
    except Invalid as error:
        return form_response(
            request, kind, model, values=document, errors=field_errors(error), editing=None, version=None, status=400
        )
    return HttpResponseRedirect(PAGES[kind.name].address(saved.id))


@require_http_methods(["GET", "POST"])
@translate_errors
def entity_edit(request: AuthenticatedRequest, kind_name: str, key: str = "") -> HttpResponse:
    kind = KINDS[kind_name]
    actor = actor_of(request)
    require_editor(actor, what=f"change a {kind.what}")
    if chosen_id(request):
        return in_scenario.entity_edit(request, kind, key)
    model = load_model()
    entity_key = kind.key_of(key)
    entity = kind.find(model, entity_key)
    current, label = kind.document(entity), say(kind.label(entity))
    if request.method == "GET":
        return form_response(request, kind, model, values=current, errors={}, editing=label, version=entity.version)
    fields = forms.FIELDS[kind.name](model)
    changes = forms.document_of(fields, request.POST, with_id=False)
    version = _version(request)
    try:
        kind.update(actor=actor, **kind.key_arguments(entity_key), changes=changes, version=version)
    except Invalid as error:
        values = {**changes, "id": key} if kind.identity == "id" else changes
        return form_response(
            request, kind, model, values=values, errors=field_errors(error), editing=label, version=version, status=400
        )
    return HttpResponseRedirect(PAGES[kind.name].address(entity_key))


@require_http_methods(["GET", "POST"])
@translate_errors
def entity_delete(request: AuthenticatedRequest, kind_name: str, key: str = "") -> HttpResponse:
    kind = KINDS[kind_name]
    actor = actor_of(request)
    require_editor(actor, what=f"delete a {kind.what}")
    if chosen_id(request):
        return in_scenario.entity_delete(request, kind, key)
    model = load_model()
    entity_key = kind.key_of(key)
    entity = kind.find(model, entity_key)
    back = reverse(PAGES[kind.name].url_name)
    if request.method == "GET":
        version = entity.version
        return render(
            request,
            "web/confirm_delete.html",
            {"what": say(kind.label(entity)), "detail": "", "version": version, "back": back},
        )
    kind.delete(actor=actor, **kind.key_arguments(entity_key), version=_version(request))
    return HttpResponseRedirect(back)


@require_http_methods(["GET", "POST"])
@translate_errors
def unit_purpose(request: AuthenticatedRequest, unit_id: str) -> HttpResponse:
    actor = actor_of(request)
    require_editor(actor, what="change unit purposes")
    model = load_model()
    unit = next((u for u in model.units if u.id == unit_id), None)
    if unit is None:
        raise NotFound(Wording.of(gettext_noop("no unit %(id)s"), id=repr(unit_id)))
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
def person_level(request: AuthenticatedRequest) -> HttpResponse:
    """Set (or with `remove`, take away) a person's level in a competency."""
    actor = actor_of(request)
    person, competency = request.POST.get("person", ""), request.POST.get("competency", "")
    level = request.POST.get("level", "").strip()
    try:
        if request.POST.get("remove"):
            design.remove_person_level(actor=actor, person_id=person, competency_id=competency)
        else:
            design.set_person_level(
                actor=actor, person_id=person, competency_id=competency, level=integer(level) if level else None
            )
    except Invalid as error:
        message = "; ".join(field_errors(error).values()) or str(error)
        form = {"person": person, "competency": competency, "level": level, "error": message}
        return competencies_response(request, level_form=form, status=400)
    return HttpResponseRedirect(reverse("competencies") + "#people")
