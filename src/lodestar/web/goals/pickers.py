"""What the goal and key result forms ask while they are filled in: an id for a title, and the goals to contribute to.

Both answer GET requests from `lodestar/goal_form.js` and htmx; the forms work without them (an id
left empty is proposed when the form is saved, and the page lists the likeliest parents itself).
"""

from __future__ import annotations

from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lodestar.goals import services
from lodestar.goals.parent_choices import parent_choices
from lodestar.lib.index import ModelIndex
from lodestar.store.load import load_model
from lodestar.web.common import translate_errors
from lodestar.web.form_values import text
from lodestar.web.goals.goal_form import parent_options
from lodestar.web.http import AuthenticatedRequest

# What the parent picker reads of the stored model: no key results, measurements or links.
PICKER_PARTS = frozenset({"units", "people", "periods", "goals"})


@require_GET
def id_proposal(request: AuthenticatedRequest) -> HttpResponse:
    """`{"id": …}`: a free id for `title` (`for=goal` or `for=key_result`), other than each `taken` one."""
    title = text(request.GET, "title")
    taken = [identifier for identifier in request.GET.getlist("taken") if identifier]
    kind = text(request.GET, "for")
    if kind == "goal":
        return JsonResponse({"id": services.proposed_goal_id(title, also_taken=taken)})
    if kind == "key_result":
        return JsonResponse({"id": services.proposed_key_result_id(title, also_taken=taken)})
    return HttpResponseBadRequest("for= must be goal or key_result")


@require_GET
@translate_errors
def parent_goal_options(request: AuthenticatedRequest) -> HttpResponse:
    """The options of the parent picker for the text typed into a parent field (`parent-N`, or `q`).

    Takes `owner` and `period` (the goal's, to put its likeliest parents first) and `exclude`
    (the goal being edited).
    """
    typed = next((text(request.GET, name) for name in request.GET if name.startswith("parent-")), "")
    query = typed or text(request.GET, "q")
    index = ModelIndex(load_model(parts=PICKER_PARTS))
    choices = parent_choices(
        index,
        owner=text(request.GET, "owner") or None,
        period=text(request.GET, "period") or None,
        query=query,
        exclude=frozenset(request.GET.getlist("exclude")),
    )
    return render(request, "web/_parent_options.html", {"parent_options": parent_options(index, choices)})
