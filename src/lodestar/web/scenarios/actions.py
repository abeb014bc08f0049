"""The scenarios page's actions for editors and admins: create, rename, delete and adopt a scenario.

Each view parses the form and calls one service function (`scenarios.naming`, `scenarios.edits`,
`scenarios.service`), which checks, versions and audits the change. A refused form is shown again
with what was typed and each issue next to its field; a scenario that is gone (deleted or adopted
meanwhile) is a page that says so.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from lodestar.accounts.permissions import require_editor
from lodestar.accounts.roles import ADMIN, EDITOR
from lodestar.lib.errors import Conflict, Invalid, NotFound
from lodestar.lib.scenario import Scenario
from lodestar.modelfile.reader import InvalidModel
from lodestar.scenarios import edits, naming
from lodestar.scenarios.compare import UnknownScenario
from lodestar.scenarios.service import adopt_scenario, plan_adoption
from lodestar.store.load import load_model
from lodestar.store.versions import version_from_text
from lodestar.web.common import actor_of, error_page, error_text, translate_errors
from lodestar.web.form_values import text
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.issues import field_errors
from lodestar.web.plans import summary
from lodestar.web.scenarios.adoption import adoption_context, refusal_context

FORM = "web/scenarios/form.html"
ADOPT = "web/scenarios/adopt.html"
# The fields of the scenario forms; an issue on any other path (of copied changes) is shown above them.
FIELDS = ("name", "id", "description", "copy_of")


def can_edit(request: AuthenticatedRequest) -> bool:
    """Whether the user may create, change, delete and adopt scenarios (editors and admins)."""
    return getattr(request.user, "role", None) in (ADMIN, EDITOR)


def _list(scenario_id: str = "") -> str:
    return reverse("scenarios") + (f"#scenario-{scenario_id}" if scenario_id else "")


def _gone(request: AuthenticatedRequest, scenario_id: str) -> HttpResponse:
    message = gettext(
        "There is no scenario %(id)s: it may have been deleted or adopted in the meantime. "
        "The scenarios page lists those there are."
    ) % {"id": scenario_id}
    return error_page(request, status=404, title=gettext("Scenario not found"), message=message)


def _stored(scenario_id: str) -> Scenario | None:
    try:
        return edits.get_scenario(scenario_id=scenario_id)
    except NotFound:
        return None


def _split(error: Invalid) -> tuple[dict[str, str], list[str]]:
    """The issues by form field, and those of other paths (the copied changes) as lines with their path."""
    errors = field_errors(error)
    fields = {path: message for path, message in errors.items() if path in FIELDS}
    general = [f"{path}: {message}" if path else message for path, message in errors.items() if path not in FIELDS]
    return fields, general


def _description(request: AuthenticatedRequest) -> str | None:
    return text(request.POST, "description") or None


def _form(
    request: AuthenticatedRequest,
    *,
    values: dict[str, Any],
    errors: dict[str, str] | None = None,
    general: list[str] | None = None,
    editing: Scenario | None = None,
    version: Any = None,
    status: int = 200,
) -> HttpResponse:
    sources = [] if editing else [(s.id, s.name) for s in load_model(parts=frozenset({"scenarios"})).scenarios]
    return render(
        request,
        FORM,
        {
            "values": values,
            "errors": errors or {},
            "general_errors": general or [],
            "editing": editing,
            "version": version,
            "sources": sources,
            "back": reverse("scenarios"),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@translate_errors
def scenario_new(request: AuthenticatedRequest) -> HttpResponse:
    """A new scenario: a name, an id (proposed from the name), a description, and what it starts from."""
    actor = actor_of(request)
    require_editor(actor, what="create scenarios")
    if request.method == "GET":
        return _form(request, values={"copy_of": text(request.GET, "copy_of")})
    values = {name: text(request.POST, name) for name in FIELDS}
    try:
        saved = naming.new_scenario(
            actor=actor,
            name=values["name"],
            scenario_id=values["id"],
            description=values["description"] or None,
            copy_of=values["copy_of"] or None,
        )
    except Invalid as error:
        errors, general = _split(error)
        if general and not errors:
            general.insert(0, gettext("The changes copied are not valid against the base as it is now:"))
        return _form(request, values=values, errors=errors, general=general, status=400)
    except Conflict:
        taken = gettext("A scenario with this id exists already: choose another id.")
        return _form(request, values=values, errors={"id": taken}, status=400)
    messages.success(request, gettext("Created the scenario “%(name)s”.") % {"name": values["name"]})
    return HttpResponseRedirect(_list(saved.id))


@require_GET
def scenario_id_proposal(request: AuthenticatedRequest) -> HttpResponse:
    """`{"id": …}`: a free scenario id for the name typed (`title`), as the create form fills it in."""
    return JsonResponse({"id": naming.proposed_scenario_id(text(request.GET, "title"))})


@require_http_methods(["GET", "POST"])
@translate_errors
def scenario_edit(request: AuthenticatedRequest, scenario_id: str) -> HttpResponse:
    """Rename a scenario (its name and description); its changes stay. A stale version keeps what was typed."""
    actor = actor_of(request)
    require_editor(actor, what="change scenarios")
    scenario = _stored(scenario_id)
    if scenario is None:
        return _gone(request, scenario_id)
    if request.method == "GET":
        values = {"name": scenario.name, "description": scenario.description or ""}
        return _form(request, values=values, editing=scenario, version=scenario.version)
    values = {"name": text(request.POST, "name"), "description": text(request.POST, "description")}
    version = version_from_text(request.POST.get("version"))
    try:
        naming.rename_scenario(
            actor=actor,
            scenario_id=scenario_id,
            name=values["name"],
            description=values["description"] or None,
            version=version,
        )
    except Invalid as error:
        errors, general = _split(error)
        return _form(
            request, values=values, errors=errors, general=general, editing=scenario, version=version, status=400
        )
    except NotFound:
        return _gone(request, scenario_id)
    except Conflict as error:
        # Saving again replaces their change: the form now carries the version stored.
        stored = gettext("Stored now: “%(name)s”, %(description)s.") % {
            "name": scenario.name,
            "description": scenario.description or gettext("no description"),
        }
        again = gettext("Your values are kept below; save again to replace theirs, or cancel to keep them.")
        general = [error_text(error), stored, again]
        return _form(request, values=values, general=general, editing=scenario, version=scenario.version, status=409)
    messages.success(request, gettext("Saved the scenario “%(name)s”.") % {"name": values["name"]})
    return HttpResponseRedirect(_list(scenario_id))


@require_http_methods(["GET", "POST"])
@translate_errors
def scenario_delete(request: AuthenticatedRequest, scenario_id: str) -> HttpResponse:
    """Delete a scenario after a confirmation; the base and the other scenarios stay as they are."""
    actor = actor_of(request)
    require_editor(actor, what="delete scenarios")
    scenario = _stored(scenario_id)
    if scenario is None:
        return _gone(request, scenario_id)
    if request.method == "GET":
        return render(
            request,
            "web/confirm_delete.html",
            {
                "what": gettext("scenario “%(name)s”") % {"name": scenario.name},
                "detail": gettext(
                    "Its changes are deleted with it; the base and the other scenarios stay as they are."
                ),
                "version": scenario.version,
                "back": _list(scenario_id),
            },
        )
    try:
        edits.delete_scenario(
            actor=actor, scenario_id=scenario_id, version=version_from_text(request.POST.get("version"))
        )
    except NotFound:
        return _gone(request, scenario_id)
    messages.success(request, gettext("Deleted the scenario “%(name)s”.") % {"name": scenario.name})
    return HttpResponseRedirect(_list())


def _adopt_page(
    request: AuthenticatedRequest, scenario_id: str, *, notice: str = "", status: int = 200
) -> HttpResponse:
    """The plan of adopting the scenario now, or why it cannot be adopted (nothing written either way)."""
    try:
        adoption = plan_adoption(scenario_id=scenario_id)
    except UnknownScenario:
        return _gone(request, scenario_id)
    except InvalidModel as error:
        context = refusal_context(load_model(parts=frozenset({"scenarios"})), scenario_id, error)
        return render(request, ADOPT, {**context, "notice": notice}, status=409 if notice else 200)
    return render(request, ADOPT, {**adoption_context(adoption), "notice": notice}, status=status)


@require_http_methods(["GET", "POST"])
@translate_errors
def scenario_adopt(request: AuthenticatedRequest, scenario_id: str) -> HttpResponse:
    """Adopt a scenario: the plan first; the confirmation's post makes the scenario's model the stored one."""
    actor = actor_of(request)
    require_editor(actor, what="adopt scenarios")
    if request.method == "GET":
        return _adopt_page(request, scenario_id)
    revision = text(request.POST, "revision") or None
    try:
        adoption = adopt_scenario(actor=actor, scenario_id=scenario_id, revision=revision)
    except UnknownScenario:
        return _gone(request, scenario_id)
    except InvalidModel:
        return _adopt_page(request, scenario_id, notice=gettext("Not adopted: nothing was written."), status=409)
    except Conflict as error:
        return _adopt_page(request, scenario_id, notice=error_text(error), status=409)
    done = gettext(
        "Adopted the scenario “%(name)s”: %(summary)s. The model it replaced is kept as a restore point."
    ) % {"name": adoption.scenario.name, "summary": summary(adoption.plan)}
    messages.success(request, done)
    return HttpResponseRedirect(_list())
