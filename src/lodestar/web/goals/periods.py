"""The period page: the retrospective of a period's goals (final scores, closing notes, status counts),
closing many of them at once, and rolling the period over into a later one.

"Show the plan" is a GET (it writes nothing); "Close" and "Carry" are posts, which redirect on
success and show the page again with the problems, everything ticked and typed kept, when refused.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_GET, require_POST

from lodestar.accounts.permissions import editable_owners
from lodestar.goals import services
from lodestar.goals.models import Period as PeriodRow
from lodestar.goals.snapshot import Snapshot
from lodestar.lib.errors import Conflict, Invalid, NotFound
from lodestar.lib.model import Closing, Goal, Period
from lodestar.lib.vocabulary import STATUSES
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.rhythm.rollover import RollOver
from lodestar.scoring.report import score_model
from lodestar.web import pages
from lodestar.web.common import actor_of, snapshot_of, translate_errors
from lodestar.web.form_values import text
from lodestar.web.goals.period_forms import (
    CloseMany,
    RollOverForm,
    close_many,
    closings_of,
    roll_over_form,
    show_problems,
    show_refusal,
)
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.plans import plan_context

PAGE = "web/period.html"


@dataclass(frozen=True, slots=True)
class RetroRow:
    """A goal in the retrospective: its final score is its closing's, else its progress (not graded yet)."""

    row: pages.GoalRow
    closing: Closing | None
    score: float | None
    carried_from: Goal | None
    carried_to: list[Goal]


def _period(snapshot: Snapshot, period_id: str) -> Period:
    period = snapshot.periods.get(period_id)
    if period is None:
        raise NotFound(Wording.of(gettext_noop("no period %(id)s"), id=repr(period_id)))
    return period


def _page_of(request: AuthenticatedRequest, period_id: str, anchor: str = "") -> str:
    as_of = f"?as_of={request.as_of.isoformat()}" if request.as_of_given else ""
    return reverse("period", args=[period_id]) + as_of + anchor


def period_context(
    request: AuthenticatedRequest,
    snapshot: Snapshot,
    period: Period,
    *,
    closing: CloseMany | None = None,
    rolling: RollOverForm | None = None,
) -> dict[str, Any]:
    """The retrospective, and for those who may change some of its goals the two forms (as posted, if given)."""
    goals = [goal for goal in snapshot.model.goals if goal.period == period.id]
    carried_to: dict[str, list[Goal]] = defaultdict(list)
    for goal in snapshot.model.goals:
        if goal.carried_from:
            carried_to[goal.carried_from].append(goal)
    # An ungraded goal's final score is its progress at the period's end (as the roll-over judges it),
    # or on the day shown while the period runs.
    day = min(snapshot.as_of, period.end)
    if day == snapshot.as_of:
        progress = {goal.id: snapshot.goal_scores[goal.id].progress for goal in goals}
    else:
        progress = {score.id: score.progress for score in score_model(snapshot.model, day).goals}
    rows = []
    for goal in goals:
        closed = goal.closed_as_of(snapshot.as_of)
        rows.append(
            RetroRow(
                row=pages.goal_row(snapshot, goal),
                closing=closed,
                score=closed.score if closed else progress[goal.id],
                carried_from=snapshot.goals.get(goal.carried_from or ""),
                carried_to=carried_to.get(goal.id, []),
            )
        )
    scores = [row.score for row in rows if row.score is not None]
    counts = snapshot.status_counts(goals)
    editable = editable_owners(actor_of(request), snapshot.model)
    may_write = editable is None or bool(editable)
    rolling = rolling or (roll_over_form(snapshot, period, editable) if may_write else None)
    return {
        **(rolling.plan if rolling is not None and rolling.plan else {}),
        "period": period,
        "rows": rows,
        "counts": [(status, counts[status]) for status in STATUSES if counts.get(status)],
        "average": sum(scores) / len(scores) if scores else None,
        "ended": snapshot.as_of > period.end,
        "scored_on": day,
        "close_many": closing or (close_many(snapshot, period, editable) if may_write else None),
        "rolling": rolling,
    }


@require_GET
@translate_errors
def period_page(request: AuthenticatedRequest, period_id: str) -> HttpResponse:
    """The retrospective; with `?plan` ("Show the plan") also the roll-over's plan for the target and ticks sent."""
    snapshot = snapshot_of(request)
    period = _period(snapshot, period_id)
    if "plan" not in request.GET:
        return render(request, PAGE, period_context(request, snapshot, period))
    actor = actor_of(request)
    rolling = roll_over_form(snapshot, period, editable_owners(actor, snapshot.model), request.GET)
    rolling.asked = True
    status = 200
    if not request.GET.getlist("carry"):
        rolling.problems.append(gettext("Tick the goals to carry."))
        status = 400
    else:
        try:
            rollover = services.plan_roll_over(
                actor=actor, source=period.id, target=rolling.target, goal_ids=request.GET.getlist("carry")
            )
        except Invalid as error:
            show_problems(snapshot, rolling, error)
            status = 400
        else:
            rolling.plan = plan_context(rollover.plan(), replaces_the_model=False)
            rolling.carried = rollover.carried
    return render(request, PAGE, period_context(request, snapshot, period, rolling=rolling), status=status)


def _require_period(period_id: str) -> None:
    """A post to a period that does not exist is a 404 before anything is written (one query, no snapshot)."""
    if not PeriodRow.objects.filter(id=period_id).exists():
        raise NotFound(Wording.of(gettext_noop("no period %(id)s"), id=repr(period_id)))


@require_POST
@translate_errors
def period_close(request: AuthenticatedRequest, period_id: str) -> HttpResponse:
    """ "Close many": every ticked goal closed with its score and note, on one date, in one transaction."""
    _require_period(period_id)
    closings = closings_of(request.POST)
    problem: Invalid | str | None = None
    status = 400
    if not closings:
        problem = gettext("Tick the goals to close.")
    else:
        try:
            services.close_goals(actor=actor_of(request), closings=closings)
        except Invalid as error:
            problem = error
        except Conflict as error:
            problem, status = str(error), 409
    if problem is None:
        count = len(closings)
        messages.success(
            request, ngettext("Closed %(count)s goal.", "Closed %(count)s goals.", count) % {"count": count}
        )
        return HttpResponseRedirect(_page_of(request, period_id, "#retrospective"))
    snapshot = snapshot_of(request)
    period = _period(snapshot, period_id)
    form = close_many(snapshot, period, editable_owners(actor_of(request), snapshot.model), request.POST)
    if isinstance(problem, Invalid):
        show_refusal(form, closings, problem)
    else:
        form.problems.append(problem)
    return render(request, PAGE, period_context(request, snapshot, period, closing=form), status=status)


@require_POST
@translate_errors
def period_roll_over(request: AuthenticatedRequest, period_id: str) -> HttpResponse:
    """ "Carry N goals": the planned goals carried into the target period; its page then lists the copies."""
    _require_period(period_id)
    target = text(request.POST, "target")
    carry = list(dict.fromkeys(request.POST.getlist("carry")))
    problem: Invalid | str | None = None
    status = 400
    if not carry:
        problem = gettext("Tick the goals to carry.")
    else:
        try:
            rollover = services.roll_over(actor=actor_of(request), source=period_id, target=target, goal_ids=carry)
        except Invalid as error:
            problem = error
        except Conflict as error:
            problem, status = str(error), 409
    if problem is None:
        messages.success(request, carried_message(rollover, period_id, target))
        return HttpResponseRedirect(_page_of(request, target, "#retrospective"))
    snapshot = snapshot_of(request)
    period = _period(snapshot, period_id)
    rolling = roll_over_form(snapshot, period, editable_owners(actor_of(request), snapshot.model), request.POST)
    rolling.asked = True
    if isinstance(problem, Invalid):
        show_problems(snapshot, rolling, problem)
    else:
        rolling.problems.append(problem)
    return render(request, PAGE, period_context(request, snapshot, period, rolling=rolling), status=status)


def carried_message(rollover: RollOver, source: str, target: str) -> str:
    """What a roll-over carried, in words: `Carried 2 goals and 1 key result from period q3 into q4.`"""
    key_results = sum(len(carried.key_results) for carried in rollover.carried)
    goals = len(rollover.carried)
    return gettext("Carried %(goals)s and %(key_results)s from period %(source)s into %(target)s.") % {
        "goals": ngettext("%(count)s goal", "%(count)s goals", goals) % {"count": goals},
        "key_results": ngettext("%(count)s key result", "%(count)s key results", key_results) % {"count": key_results},
        "source": source,
        "target": target,
    }
