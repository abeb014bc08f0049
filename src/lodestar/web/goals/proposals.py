"""Accept or decline, on the parent goal's page, a link another goal proposes to it.

A plain form post redirects to the goal page (as of the date it was shown for). With htmx the answer is the goal page itself
(the buttons select its `#main`), with a notice of what happened, or of why nothing did:
htmx swaps only successful answers, so a refused decision is shown with status 200 too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from lodestar.goals import services
from lodestar.lib.errors import Conflict, Invalid, NotFound, PermissionDenied
from lodestar.web.common import actor_of, snapshot_of, translate_errors
from lodestar.web.goals import forms
from lodestar.web.goals.views import goal_context
from lodestar.web.http import AuthenticatedRequest

Decision = Callable[..., Any]


@require_POST
@translate_errors
def accept_proposal(request: AuthenticatedRequest, goal_id: str, contributor_id: str) -> HttpResponse:
    notice = gettext("Accepted the link from %(goal)s: it now counts in this goal's progress.") % {
        "goal": contributor_id
    }
    return _decide(request, goal_id, contributor_id, services.accept_contribution, notice)


@require_POST
@translate_errors
def decline_proposal(request: AuthenticatedRequest, goal_id: str, contributor_id: str) -> HttpResponse:
    notice = gettext("Declined the link from %(goal)s: it is removed.") % {"goal": contributor_id}
    return _decide(request, goal_id, contributor_id, services.decline_contribution, notice)


def _decide(
    request: AuthenticatedRequest, goal_id: str, contributor_id: str, decision: Decision, notice: str
) -> HttpResponse:
    htmx = bool(getattr(request, "htmx", False))
    try:
        decision(
            actor=actor_of(request),
            goal_id=goal_id,
            contributor_id=contributor_id,
            version=forms.version(request.POST),
        )
    except (Conflict, Invalid, NotFound, PermissionDenied) as error:
        if not htmx:
            raise
        return _goal_page(request, goal_id, error=str(error))
    if not htmx:
        as_of = f"?as_of={request.as_of.isoformat()}" if request.as_of_given else ""
        return HttpResponseRedirect(reverse("goal", args=[goal_id]) + as_of)
    return _goal_page(request, goal_id, notice=notice)


def _goal_page(request: AuthenticatedRequest, goal_id: str, *, notice: str = "", error: str = "") -> HttpResponse:
    context = goal_context(request, snapshot_of(request), goal_id)
    return render(request, "web/goal.html", {**context, "notice": notice, "notice_error": error})
