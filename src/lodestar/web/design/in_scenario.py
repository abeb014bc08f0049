"""The design forms in a scenario (`?scenario=<id>`): the same fields, written to the scenario's section, never the base.

The scenario's model is what the form shows and offers (its units, its tasks); a post goes to
`scenarios.section_edits`, which writes the whole section as `replace.<section>` of the scenario.
The form carries the scenario's version: a form opened before someone else changed the scenario
is shown again with what was typed and the message, and nothing is written.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext

from lodestar.design.kinds import DesignKind
from lodestar.i18n.words import say
from lodestar.lib.errors import Conflict, Invalid
from lodestar.lib.model import Model
from lodestar.lib.scenario import Scenario
from lodestar.scenarios.section_edits import SECTION_OF, create_entry, delete_entry, update_entry
from lodestar.store.load import load_model
from lodestar.store.versions import version_from_text
from lodestar.web.common import actor_of, error_page, error_text
from lodestar.web.design import forms
from lodestar.web.design.form_page import PAGES, form_response
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.issues import field_errors
from lodestar.web.scenarios.context import chosen_scenario, query, scenario_model, switcher


def _in_scenario(request: AuthenticatedRequest, kind: DesignKind) -> tuple[Scenario, Model, str, dict[str, Any]]:
    """The scenario, its model, the query that keeps it, and the banner's context. Raises NotFound."""
    scenario = chosen_scenario(request)
    assert scenario is not None  # the views below are called only with `?scenario=`
    model = scenario_model(load_model(), scenario)
    banner = switcher(request, scenario)
    banner["base_href"] = PAGES[kind.name].address(query=query(request, None))
    banner["in_form"] = True
    return scenario, model, query(request, scenario.id), banner


def _not_in_scenarios(request: AuthenticatedRequest) -> HttpResponse:
    message = gettext("Mission and vision are not part of a scenario: they are edited on the base, without a scenario.")
    return error_page(request, status=400, title=gettext("Not part of a scenario"), message=message)


def _errors(error: Invalid | Conflict) -> dict[str, str]:
    """An Invalid's issues by field; a Conflict's message above the form, with what happens to the input."""
    if isinstance(error, Invalid):
        return field_errors(error)
    kept = gettext("What you typed is kept below: check it against the scenario as it is now, then save again.")
    return {"": f"{error_text(error)}. {kept}"}


def _refused(
    request: AuthenticatedRequest,
    kind: DesignKind,
    model: Model,
    scenario: Scenario,
    q: str,
    banner: dict[str, Any],
    error: Invalid | Conflict,
    *,
    values: dict[str, Any],
    editing: str | None,
    version: int | str | None,
) -> HttpResponse:
    """The form again with what was posted: its errors next to the fields (400), or stale (409, the stored version)."""
    stale = isinstance(error, Conflict)
    return form_response(
        request,
        kind,
        model,
        values=values,
        errors=_errors(error),
        editing=editing,
        version=scenario.version if stale else version,  # the stored version, read by this request
        status=409 if stale else 400,
        query=q,
        extra=banner,
    )


def entity_new(request: AuthenticatedRequest, kind: DesignKind) -> HttpResponse:
    if kind.name not in SECTION_OF:
        return _not_in_scenarios(request)
    scenario, model, q, banner = _in_scenario(request, kind)
    fields = forms.FIELDS[kind.name](model)
    if request.method == "GET":
        prefill = {f.name: request.GET[f.name] for f in fields if f.kind == "select" and request.GET.get(f.name)}
        return form_response(
            request,
            kind,
            model,
            values=prefill,
            errors={},
            editing=None,
            version=scenario.version,
            query=q,
            extra=banner,
        )
    document = forms.document_of(fields, request.POST, with_id=True)
    version = version_from_text(request.POST.get("version"))
    try:
        key, _ = create_entry(
            actor=actor_of(request), scenario_id=scenario.id, kind=kind.name, document=document, version=version
        )
    except (Invalid, Conflict) as error:
        return _refused(
            request, kind, model, scenario, q, banner, error, values=document, editing=None, version=version
        )
    return HttpResponseRedirect(PAGES[kind.name].address(key, query=q))


def entity_edit(request: AuthenticatedRequest, kind: DesignKind, key: str) -> HttpResponse:
    if kind.name not in SECTION_OF:
        return _not_in_scenarios(request)
    scenario, model, q, banner = _in_scenario(request, kind)
    entity_key = kind.key_of(key)
    entity = kind.find(model, entity_key)
    label = say(kind.label(entity))
    if request.method == "GET":
        return form_response(
            request,
            kind,
            model,
            values=kind.document(entity),
            errors={},
            editing=label,
            version=scenario.version,
            query=q,
            extra=banner,
        )
    fields = forms.FIELDS[kind.name](model)
    changes = forms.document_of(fields, request.POST, with_id=False)
    version = version_from_text(request.POST.get("version"))
    try:
        update_entry(
            actor=actor_of(request),
            scenario_id=scenario.id,
            kind=kind.name,
            key=entity_key,
            changes=changes,
            version=version,
        )
    except (Invalid, Conflict) as error:
        values = {**changes, "id": key} if kind.identity == "id" else changes
        return _refused(request, kind, model, scenario, q, banner, error, values=values, editing=label, version=version)
    return HttpResponseRedirect(PAGES[kind.name].address(entity_key, query=q))


def entity_delete(request: AuthenticatedRequest, kind: DesignKind, key: str) -> HttpResponse:
    if kind.name not in SECTION_OF:
        return _not_in_scenarios(request)
    scenario, model, q, banner = _in_scenario(request, kind)
    entity_key = kind.key_of(key)
    entity = kind.find(model, entity_key)
    back = PAGES[kind.name].address(query=q)
    context = {**banner, "what": say(kind.label(entity)), "detail": "", "version": scenario.version, "back": back}
    if request.method == "GET":
        return render(request, "web/confirm_delete.html", context)
    try:
        delete_entry(
            actor=actor_of(request),
            scenario_id=scenario.id,
            kind=kind.name,
            key=entity_key,
            version=version_from_text(request.POST.get("version")),
        )
    except (Invalid, Conflict) as error:
        messages = list(field_errors(error).items()) if isinstance(error, Invalid) else []
        said = "; ".join(f"{path}: {text}" if path else text for path, text in messages) or error_text(error)
        detail = gettext("Nothing was deleted: %(issues)s.") % {"issues": said}
        status = 409 if isinstance(error, Conflict) else 400
        return render(request, "web/confirm_delete.html", {**context, "detail": detail}, status=status)
    return HttpResponseRedirect(back)
