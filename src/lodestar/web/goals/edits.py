"""Create, edit, align and delete goals and key results."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_http_methods

from lodestar.accounts.permissions import require_owner, require_some_owner
from lodestar.goals import services
from lodestar.goals.models import KeyResult as KeyResultRow
from lodestar.goals.snapshot import Snapshot
from lodestar.lib.errors import Invalid, NotFound
from lodestar.lib.model import Goal, KeyResult, Person
from lodestar.lib.vocabulary import METRIC_GRAINS, METRIC_WINDOWS
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.metrics import services as metrics
from lodestar.modelfile.documents import goal_document, key_result_document
from lodestar.web.common import actor_of, field_errors, snapshot_of, translate_errors
from lodestar.web.goals import forms
from lodestar.web.goals.goal_form import goal_form
from lodestar.web.http import AuthenticatedRequest


def _goal(snapshot: Snapshot, goal_id: str) -> Goal:
    goal = snapshot.goals.get(goal_id)
    if goal is None:
        raise NotFound(Wording.of(gettext_noop("no goal %(id)s"), id=repr(goal_id)))
    return goal


def _key_result(snapshot: Snapshot, key_result_id: str) -> tuple[Goal, KeyResult]:
    if key_result_id not in snapshot.key_results:
        raise NotFound(Wording.of(gettext_noop("no key result %(id)s"), id=repr(key_result_id)))
    return snapshot.key_results[key_result_id]


def goal_id_of(key_result_id: str) -> str:
    """The goal a key result belongs to, for the address to go back to (one query, no snapshot)."""
    goal_id = KeyResultRow.objects.filter(id=key_result_id).values_list("goal_id", flat=True).first()
    if goal_id is None:
        raise NotFound(Wording.of(gettext_noop("no key result %(id)s"), id=repr(key_result_id)))
    return goal_id


@require_http_methods(["GET", "POST"])
@translate_errors
def goal_new(request: AuthenticatedRequest) -> HttpResponse:
    """A goal with its key results, in one form; ids left empty are proposed from the titles."""
    actor = actor_of(request)
    if request.method == "GET":
        snapshot = snapshot_of(request)
        require_some_owner(actor, snapshot.model, what="create goals")
        values = prefilled_goal(request)
        return goal_form(request, snapshot, values=values, errors={}, goal=None, version=None)
    document = forms.goal_document(request.POST, with_id=True)
    if request.POST.get("add_row"):
        # "Add another key result" without JavaScript: the form again, with what was typed and one more row.
        snapshot = snapshot_of(request)
        require_some_owner(actor, snapshot.model, what="create goals")
        return goal_form(request, snapshot, values=document, errors={}, goal=None, version=None, more_rows=1)
    try:
        saved = services.create_goal_proposing_ids(actor=actor, document=document)
    except Invalid as error:
        snapshot = snapshot_of(request)
        return goal_form(
            request, snapshot, values=document, errors=field_errors(error), goal=None, version=None, status=400
        )
    return HttpResponseRedirect(reverse("goal", args=[saved.id]))


def prefilled_goal(request: AuthenticatedRequest) -> dict[str, Any]:
    """A new goal's values from the address (`?title=&owner=&period=&parent=…&task=…`), as a derived draft links."""
    values: dict[str, Any] = {"contributes_to": [{"goal": goal} for goal in request.GET.getlist("parent") if goal]}
    for key in ("title", "owner", "period"):
        if request.GET.get(key):
            values[key] = request.GET[key]
    tasks = [task for task in request.GET.getlist("task") if task]
    if tasks:
        values["tasks"] = tasks
    return values


@require_http_methods(["GET", "POST"])
@translate_errors
def goal_edit(request: AuthenticatedRequest, goal_id: str) -> HttpResponse:
    actor = actor_of(request)
    if request.method == "GET":
        snapshot = snapshot_of(request)
        goal = _goal(snapshot, goal_id)
        require_owner(actor, goal.owner, snapshot.model, what=f"goal {goal_id!r}")
        values = goal_document(goal)
        version = snapshot.goal_versions.get(goal.id, 1)
        return goal_form(request, snapshot, values=values, errors={}, goal=goal, version=version)
    changes = forms.goal_document(request.POST, with_id=False)
    version = forms.version(request.POST)
    try:
        services.update_goal(actor=actor, goal_id=goal_id, changes=changes, version=version)
    except Invalid as error:
        snapshot = snapshot_of(request)
        goal = _goal(snapshot, goal_id)
        values = {**changes, "id": goal_id}
        return goal_form(
            request, snapshot, values=values, errors=field_errors(error), goal=goal, version=version, status=400
        )
    return HttpResponseRedirect(reverse("goal", args=[goal_id]))


@require_http_methods(["GET", "POST"])
@translate_errors
def goal_delete(request: AuthenticatedRequest, goal_id: str) -> HttpResponse:
    actor = actor_of(request)
    if request.method == "GET":
        snapshot = snapshot_of(request)
        goal = _goal(snapshot, goal_id)
        require_owner(actor, goal.owner, snapshot.model, what=f"goal {goal_id!r}")
        return render(
            request,
            "web/confirm_delete.html",
            {
                "what": gettext("the goal “%(title)s”") % {"title": goal.title},
                "detail": ngettext(
                    "%(count)s key result with its measurements and check-ins goes with it.",
                    "%(count)s key results with their measurements and check-ins go with it.",
                    len(goal.key_results),
                )
                % {"count": len(goal.key_results)},
                "version": snapshot.goal_versions.get(goal_id, 1),
                "back": reverse("goal", args=[goal_id]),
            },
        )
    services.delete_goal(actor=actor, goal_id=goal_id, version=forms.version(request.POST))
    return HttpResponseRedirect(reverse("alignment"))


def _key_result_form(
    request: AuthenticatedRequest,
    *,
    goal: Goal,
    kr: KeyResult | None,
    values: dict[str, Any],
    errors: dict[str, str],
    version: int | None,
    people: list[Person],
    status: int = 200,
) -> HttpResponse:
    rng = values.get("range") or ["", ""]
    binding = values.get("metric")
    metric = {
        "id": binding if isinstance(binding, str) else (binding or {}).get("id", ""),
        "where": forms.where_text(binding),
        "window": binding.get("window", "") if isinstance(binding, dict) else "",
        "grain": binding.get("grain", "") if isinstance(binding, dict) else "",
        "id_error": "; ".join(errors[path] for path in ("metric", "metric.id") if path in errors),
        "where_error": "; ".join(
            message if path == "metric.where" else f"{path.removeprefix('metric.where.')}: {message}"
            for path, message in errors.items()
            if path == "metric.where" or path.startswith("metric.where.")
        ),
    }
    return render(
        request,
        "web/key_result_form.html",
        {
            "goal": goal,
            "kr": kr,
            "values": values,
            "errors": errors,
            "version": version,
            "range_low": rng[0] if len(rng) > 0 else "",
            "range_high": rng[1] if len(rng) > 1 else "",
            "milestone": forms.is_milestone(values),
            "general_errors": [message for path, message in errors.items() if path == ""],
            "metric": metric,
            "metric_choices": metrics.metric_choices(),
            "windows": METRIC_WINDOWS,
            "grains": METRIC_GRAINS,
            "people": people,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@translate_errors
def key_result_new(request: AuthenticatedRequest, goal_id: str) -> HttpResponse:
    actor = actor_of(request)
    if request.method == "GET":
        snapshot = snapshot_of(request)
        goal = _goal(snapshot, goal_id)
        require_owner(actor, goal.owner, snapshot.model, what=f"the key results of goal {goal_id!r}")
        return _key_result_form(
            request, goal=goal, kr=None, values={}, errors={}, version=None, people=snapshot.model.people
        )
    document = forms.key_result_document(request.POST, with_id=True)
    try:
        services.create_key_result_proposing_id(actor=actor, goal_id=goal_id, document=document)
    except Invalid as error:
        snapshot = snapshot_of(request)
        goal = _goal(snapshot, goal_id)
        return _key_result_form(
            request,
            goal=goal,
            kr=None,
            values=document,
            errors=field_errors(error),
            version=None,
            people=snapshot.model.people,
            status=400,
        )
    return HttpResponseRedirect(reverse("goal", args=[goal_id]))


@require_http_methods(["GET", "POST"])
@translate_errors
def key_result_edit(request: AuthenticatedRequest, key_result_id: str) -> HttpResponse:
    actor = actor_of(request)
    if request.method == "GET":
        snapshot = snapshot_of(request)
        goal, kr = _key_result(snapshot, key_result_id)
        require_owner(actor, goal.owner, snapshot.model, what=f"the key results of goal {goal.id!r}")
        version = snapshot.kr_versions.get(kr.id, 1)
        values = key_result_document(kr)
        return _key_result_form(
            request, goal=goal, kr=kr, values=values, errors={}, version=version, people=snapshot.model.people
        )
    changes = forms.key_result_document(request.POST, with_id=False)
    version = forms.version(request.POST)
    try:
        services.update_key_result(actor=actor, key_result_id=key_result_id, changes=changes, version=version)
    except Invalid as error:
        snapshot = snapshot_of(request)
        goal, kr = _key_result(snapshot, key_result_id)
        values = {**changes, "id": key_result_id}
        return _key_result_form(
            request,
            goal=goal,
            kr=kr,
            values=values,
            errors=field_errors(error),
            version=version,
            people=snapshot.model.people,
            status=400,
        )
    return HttpResponseRedirect(reverse("goal", args=[goal_id_of(key_result_id)]) + f"#kr-{key_result_id}")


@require_http_methods(["GET", "POST"])
@translate_errors
def key_result_delete(request: AuthenticatedRequest, key_result_id: str) -> HttpResponse:
    actor = actor_of(request)
    if request.method == "GET":
        snapshot = snapshot_of(request)
        goal, kr = _key_result(snapshot, key_result_id)
        require_owner(actor, goal.owner, snapshot.model, what=f"the key results of goal {goal.id!r}")
        return render(
            request,
            "web/confirm_delete.html",
            {
                "what": gettext("the key result “%(title)s”") % {"title": kr.title},
                "detail": gettext("%(measurements)s and %(check_ins)s go with it.")
                % {
                    "measurements": ngettext("%(count)s measurement", "%(count)s measurements", len(kr.measurements))
                    % {"count": len(kr.measurements)},
                    "check_ins": ngettext("%(count)s check-in", "%(count)s check-ins", len(kr.check_ins))
                    % {"count": len(kr.check_ins)},
                },
                "version": snapshot.kr_versions.get(kr.id, 1),
                "back": reverse("goal", args=[goal.id]),
            },
        )
    goal_id = goal_id_of(key_result_id)
    services.delete_key_result(actor=actor, key_result_id=key_result_id, version=forms.version(request.POST))
    return HttpResponseRedirect(reverse("goal", args=[goal_id]))
