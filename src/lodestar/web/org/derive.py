"""A unit's derived draft goals: proposed from its tasks and its units without goals, accepted or dismissed."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from lodestar.accounts.permissions import editable_owners
from lodestar.goals.derive import Proposal
from lodestar.goals.services import derive as services
from lodestar.i18n.words import say
from lodestar.lib.errors import NotFound
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.web.common import actor_of, snapshot_of, translate_errors
from lodestar.web.http import AuthenticatedRequest


def _edit_link(proposal: Proposal) -> str:
    """The new-goal form filled in with the proposal, to change before creating it."""
    query: list[tuple[str, str]] = [
        ("title", say(proposal.title)),
        ("owner", proposal.owner),
        ("period", proposal.period),
    ]
    query += [("parent", parent) for parent in proposal.contributes_to]
    query += [("task", task) for task in proposal.tasks]
    return f"{reverse('goal-new')}?{urlencode(query)}"


@require_GET
@translate_errors
def derive(request: AuthenticatedRequest, unit_id: str) -> HttpResponse:
    snapshot = snapshot_of(request)
    unit = snapshot.units.get(unit_id)
    if unit is None:
        raise NotFound(Wording.of(gettext_noop("no unit %(id)s"), id=repr(unit_id)))
    editable = editable_owners(actor_of(request), snapshot.model)
    proposals = services.proposals_for(unit_id, snapshot.as_of)
    items: list[dict[str, Any]] = [
        {
            "proposal": proposal,
            "title": say(proposal.title),
            "why": say(proposal.why),
            "owner": snapshot.owner_name(proposal.owner),
            "parents": [snapshot.goals[parent] for parent in proposal.contributes_to if parent in snapshot.goals],
            "tasks": [snapshot.index.tasks[task] for task in proposal.tasks if task in snapshot.index.tasks],
            "may_create": editable is None or proposal.owner in editable,
            "edit_link": _edit_link(proposal),
        }
        for proposal in proposals
    ]
    accepted = snapshot.goals.get(request.GET.get("accepted", ""))
    return render(
        request,
        "web/derive.html",
        {
            "unit": unit,
            "items": items,
            "accepted": accepted,
            "dismissed": request.GET.get("dismissed", ""),
        },
    )


def _back(unit_id: str, **shown: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{reverse('unit-derive', args=[unit_id])}?{urlencode(shown)}")


@require_POST
@translate_errors
def accept(request: AuthenticatedRequest, unit_id: str) -> HttpResponse:
    saved = services.accept_proposal(actor=actor_of(request), unit_id=unit_id, key=request.POST.get("key", ""))
    return _back(unit_id, accepted=saved.id)


@require_POST
@translate_errors
def dismiss(request: AuthenticatedRequest, unit_id: str) -> HttpResponse:
    proposal = services.dismiss_proposal(actor=actor_of(request), unit_id=unit_id, key=request.POST.get("key", ""))
    return _back(unit_id, dismissed=say(proposal.title))
