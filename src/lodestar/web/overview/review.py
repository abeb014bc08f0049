"""The leadership review: a unit and everything below it, for one period, as of a day and a week earlier."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lodestar.goals.snapshot import Snapshot
from lodestar.lib.errors import Invalid, NotFound
from lodestar.lib.index import ModelIndex
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.rhythm.digests import WEEK, Scores
from lodestar.rhythm.review import Review, covered_goals, default_period, leadership_review
from lodestar.scoring.report import score_model
from lodestar.web.common import actor_of, snapshot_of, translate_errors
from lodestar.web.http import AuthenticatedRequest


def default_unit(index: ModelIndex, person_id: str | None) -> str | None:
    """The highest unit the person leads; else the mission's scope; else the first root unit."""
    led = [unit.id for unit in index.in_tree_order() if person_id is not None and unit.lead == person_id]
    if led:
        return min(led, key=index.depth)
    if index.scope is not None:
        return index.scope
    roots = index.in_tree_order()
    return roots[0].id if roots else None


def review_of(snapshot: Snapshot, unit_id: str, period_id: str | None) -> Review:
    """The review of a unit for a period (default: the shortest current one its goals use). Raises Invalid."""
    index = snapshot.index
    if unit_id not in index.units:
        raise Invalid("unknown unit", [("unit", f"no unit {unit_id!r}")])
    if period_id:
        period = index.periods.get(period_id)
        if period is None:
            raise Invalid("unknown period", [("period", f"no period {period_id!r}")])
    else:
        period = default_period(index, unit_id, snapshot.as_of)
    scores = Scores(now=snapshot.report, before=score_model(snapshot.model, snapshot.as_of - WEEK))
    return leadership_review(index, unit_id, period, scores)


def review_context(snapshot: Snapshot, review: Review) -> dict[str, Any]:
    index = snapshot.index
    used = {goal.period for goal in covered_goals(index, review.unit)}
    return {
        "review": review,
        "unit": index.units[review.unit],
        "units": [(unit, "\u2002" * 2 * index.depth(unit.id) + unit.name) for unit in index.in_tree_order()],
        "periods": [period for period in snapshot.model.periods if period.id in used],
        "names": {owner: index.name(owner) for owner in (*index.units, *index.people)},
        "goal_scores": snapshot.goal_scores,
        "kr_scores": snapshot.kr_scores,
    }


@require_GET
@translate_errors
def review(request: AuthenticatedRequest) -> HttpResponse:
    snapshot = snapshot_of(request)
    unit_id = request.GET.get("unit") or default_unit(snapshot.index, actor_of(request).person_id)
    if unit_id is None:
        raise NotFound(Wording.of(gettext_noop("the model has no units")))
    found = review_of(snapshot, unit_id, request.GET.get("period") or None)
    return render(request, "web/review.html", review_context(snapshot, found))
