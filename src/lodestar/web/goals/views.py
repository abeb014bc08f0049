"""The alignment tree and the goal page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from lodestar.accounts import audit
from lodestar.accounts.permissions import can_check_in, editable_owners
from lodestar.goals.snapshot import Snapshot
from lodestar.lib.errors import NotFound
from lodestar.lib.model import Goal, KeyResult
from lodestar.lib.vocabulary import STATUSES
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.metrics import services as metrics
from lodestar.web import pages
from lodestar.web.charts import key_result_chart
from lodestar.web.check_in_cycle import standing
from lodestar.web.common import actor_of, snapshot_of, translate_errors
from lodestar.web.goals.check_in_form import CheckInForm, check_in_form
from lodestar.web.goals.close_form import CloseForm, close_form
from lodestar.web.goals.history import history
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.pagination import filter_sort_paginate

if TYPE_CHECKING:
    from lodestar.metrics.runs import RefreshRunSummary

AUDIT_ON_GOAL_PAGE = 25


def tree_filters(request: AuthenticatedRequest, snapshot: Snapshot) -> pages.TreeFilters:
    """The alignment tree's filters from the query; an unknown period, unit or status filters nothing."""
    period = request.GET.get("period", "")
    unit = request.GET.get("unit", "")
    status = request.GET.get("status", "")
    return pages.TreeFilters(
        period=period if period in snapshot.periods else "",
        unit=unit if unit in snapshot.units else "",
        status=status if status in STATUSES else "",
    )


def branch_query(request: AuthenticatedRequest, filters: pages.TreeFilters) -> str:
    """The query of a branch's address: the tree's filters and its as-of date."""
    parts = [filters.query(), f"as_of={request.as_of.isoformat()}" if request.as_of_given else ""]
    text = "&".join(part for part in parts if part)
    return f"?{text}" if text else ""


@require_GET
@translate_errors
def alignment(request: AuthenticatedRequest) -> HttpResponse:
    snapshot = snapshot_of(request)
    filters = tree_filters(request, snapshot)
    roots, matching = pages.alignment_tree(snapshot, filters)
    return render(
        request,
        "web/alignment.html",
        {
            "mission": snapshot.model.mission,
            "roots": roots,
            "matching": matching,
            "total": len(snapshot.model.goals),
            "filters": {
                "period": request.GET.get("period", ""),
                "unit": request.GET.get("unit", ""),
                "status": request.GET.get("status", ""),
            },
            "filtered": any(request.GET.get(name) for name in ("period", "unit", "status")),
            "branch_query": branch_query(request, filters),
            "periods": snapshot.model.periods,
            "units": snapshot.model.units,
            "statuses": STATUSES,
        },
    )


@require_GET
@translate_errors
def goal_branch(request: AuthenticatedRequest, goal_id: str) -> HttpResponse:
    """A branch of the alignment tree, opened: the goal's contributors (htmx); else the goal page, which lists them."""
    snapshot = snapshot_of(request)
    if not getattr(request, "htmx", False):
        if goal_id not in snapshot.goals:
            raise NotFound(Wording.of(gettext_noop("no goal %(id)s"), id=repr(goal_id)))
        suffix = f"?as_of={request.as_of.isoformat()}" if request.as_of_given else ""
        return redirect(reverse("goal", args=[goal_id]) + suffix + "#contributors")
    filters = tree_filters(request, snapshot)
    nodes = pages.tree_branch(snapshot, goal_id, filters)
    return render(request, "web/_tree_branch.html", {"nodes": nodes, "branch_query": branch_query(request, filters)})


def key_result_card(
    snapshot: Snapshot,
    goal: Goal,
    kr: KeyResult,
    *,
    editable: bool,
    checks_in: bool | None = None,
    form: CheckInForm | None = None,
    message: str = "",
    refreshed: RefreshRunSummary | None = None,
) -> dict[str, Any]:
    """What a key result's card shows, with where it stands in its check-in cycle; `editable`: the key result
    may be changed; `checks_in` (default: `editable`): values and check-ins may be recorded, as its check-in
    owner may; `form` is its check-in form as posted (else an empty one, where one may check in);
    `refreshed` the latest metric refresh (for a key result bound to a metric)."""
    checks_in = editable if checks_in is None else checks_in
    score = snapshot.kr_scores[kr.id]
    period = snapshot.periods[goal.period]
    return {
        "kr": kr,
        "goal": goal,
        "score": score,
        "version": snapshot.kr_versions.get(kr.id, 1),
        "chart": key_result_chart(kr, period, score, snapshot.as_of),
        "measurements": pages.measurement_rows(list(reversed(kr.measurements))[:6]),
        "binding": metrics.binding_of(kr.metric),
        "refreshed": refreshed,
        "editable": editable,
        "checks_in": checks_in,
        "form": (form or check_in_form(snapshot, goal, kr)) if checks_in else None,
        "message": message,
        "standing": standing(snapshot, goal, kr),
    }


def last_refresh_for(key_results: list[KeyResult]) -> RefreshRunSummary | None:
    """The latest metric refresh, looked up only when one of the key results is bound to a metric."""
    return metrics.last_refresh() if any(kr.metric for kr in key_results) else None


def goal_context(
    request: AuthenticatedRequest, snapshot: Snapshot, goal_id: str, *, closing: CloseForm | None = None, **card: Any
) -> dict[str, Any]:
    """Everything the goal page shows; `closing` is the close form as posted, and `card` carries one key result's
    (`key_result`) check-in `form` and `message`."""
    goal = snapshot.goals.get(goal_id)
    if goal is None:
        raise NotFound(Wording.of(gettext_noop("no goal %(id)s"), id=repr(goal_id)))
    actor = actor_of(request)
    editable = editable_owners(actor, snapshot.model, index=snapshot.index)
    can_edit = editable is None or goal.owner in editable
    refreshed = last_refresh_for(goal.key_results)
    contributors = filter_sort_paginate(
        snapshot.contributors.get(goal.id, []), request.GET, param="contributors", anchor="contributors"
    )
    cards = [
        key_result_card(
            snapshot,
            goal,
            kr,
            editable=can_edit,
            checks_in=can_edit or can_check_in(actor, goal.owner, kr.owner, snapshot.model, index=snapshot.index),
            form=card.get("form") if card.get("key_result") == kr.id else None,
            message=card.get("message", "") if card.get("key_result") == kr.id else "",
            refreshed=refreshed,
        )
        for kr in goal.key_results
    ]
    check_ins = sorted(
        ((c, kr) for kr in goal.key_results for c in kr.check_ins), key=lambda pair: pair[0].date, reverse=True
    )
    return {
        "row": pages.goal_row(snapshot, goal, editable=editable),
        "goal": goal,
        "version": snapshot.goal_versions.get(goal.id, 1),
        "can_edit": can_edit,
        "cards": cards,
        "check_ins": [(c, kr, snapshot.people.get(c.by or "")) for c, kr in check_ins[:30]],
        "parents": [
            pages.goal_row(snapshot, snapshot.goals[c.goal], weight=c.effective_weight, proposed=c.proposed)
            for c in goal.contributes_to
        ],
        "contributors": [
            pages.goal_row(snapshot, snapshot.goals[child], weight=weight) for child, weight in contributors.items
        ],
        "contributors_page": contributors,
        "proposals": [
            {
                "row": pages.goal_row(snapshot, snapshot.goals[child], weight=weight, proposed=True),
                "version": snapshot.goal_versions.get(child, 1),
            }
            for child, weight in snapshot.proposals.get(goal.id, [])
        ],
        "chains": [[pages.goal_row(snapshot, snapshot.goals[g]) for g in chain] for chain in snapshot.chains(goal.id)],
        "mission": snapshot.model.mission,
        "tasks": [snapshot.index.tasks[task] for task in dict.fromkeys(goal.tasks) if task in snapshot.index.tasks],
        "audit": history(audit.list_entries(goal_id=goal.id, limit=AUDIT_ON_GOAL_PAGE)),
        "closing": goal.closed_as_of(snapshot.as_of),
        "close_form": (closing or close_form(snapshot, goal)) if can_edit else None,
        "carried_from": snapshot.goals.get(goal.carried_from or ""),
        "carried_to": pages.carried_on_to(snapshot, goal.id),
    }


@require_GET
@translate_errors
def goal_page(request: AuthenticatedRequest, goal_id: str) -> HttpResponse:
    snapshot = snapshot_of(request)
    return render(request, "web/goal.html", goal_context(request, snapshot, goal_id))
