"""Close (grade) a goal from its page, and reopen it after a confirmation.

A refused closing shows the goal page again with the form as typed and the errors next to its
fields; a goal changed by someone else meanwhile is said so above the fields, and the form is
then based on the goal as it is now.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from lodestar.accounts.permissions import require_owner
from lodestar.goals import services
from lodestar.lib.errors import Conflict, Invalid, NotFound
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.web.common import actor_of, snapshot_of, translate_errors
from lodestar.web.formatting import num, percent
from lodestar.web.goals import forms
from lodestar.web.goals.close_form import CLOSE_FIELDS, close_form, closing_of
from lodestar.web.goals.views import goal_context
from lodestar.web.http import AuthenticatedRequest


def _back(request: AuthenticatedRequest, goal_id: str) -> str:
    as_of = f"?as_of={request.as_of.isoformat()}" if request.as_of_given else ""
    return reverse("goal", args=[goal_id]) + as_of


@require_POST
@translate_errors
def goal_close(request: AuthenticatedRequest, goal_id: str) -> HttpResponse:
    """The "Close and grade" form's post: the goal closed with its score, note and date, or the form again."""
    closing = closing_of(request.POST)
    typed = forms.typed(request.POST, *CLOSE_FIELDS)
    try:
        services.close_goal(actor=actor_of(request), goal_id=goal_id, version=forms.version(request.POST), **closing)
    except Invalid as error:
        return _form_again(request, goal_id, typed, error=error, status=400)
    except Conflict as error:
        return _form_again(request, goal_id, typed, message=str(error), status=409)
    score = closing["score"]
    messages.success(
        request,
        gettext("Closed with score %(score)s (%(percent)s).") % {"score": num(score), "percent": percent(score)},
    )
    return HttpResponseRedirect(_back(request, goal_id) + "#closing")


def _form_again(
    request: AuthenticatedRequest,
    goal_id: str,
    typed: dict[str, str],
    *,
    error: Invalid | None = None,
    message: str = "",
    status: int,
) -> HttpResponse:
    snapshot = snapshot_of(request)
    goal = snapshot.goals.get(goal_id)
    if goal is None:
        raise NotFound(Wording.of(gettext_noop("no goal %(id)s"), id=repr(goal_id)))
    form = close_form(snapshot, goal, error=error, values=typed, message=message)
    return render(request, "web/goal.html", goal_context(request, snapshot, goal_id, closing=form), status=status)


@require_http_methods(["GET", "POST"])
@translate_errors
def goal_reopen(request: AuthenticatedRequest, goal_id: str) -> HttpResponse:
    """Reopen a closed goal: a confirmation first, then the post takes its closing off."""
    actor = actor_of(request)
    if request.method == "POST":
        services.reopen_goal(actor=actor, goal_id=goal_id, version=forms.version(request.POST))
        messages.success(request, gettext("Reopened: the goal is judged by its progress again."))
        return HttpResponseRedirect(_back(request, goal_id))
    snapshot = snapshot_of(request)
    goal = snapshot.goals.get(goal_id)
    if goal is None:
        raise NotFound(Wording.of(gettext_noop("no goal %(id)s"), id=repr(goal_id)))
    require_owner(actor, goal.owner, snapshot.model, what=f"goal {goal_id!r}")
    if goal.closed is None:
        raise Conflict(f"goal {goal_id!r} is not closed: there is nothing to reopen")
    return render(
        request,
        "web/goal_reopen.html",
        {"goal": goal, "closing": goal.closed, "version": snapshot.goal_versions.get(goal.id, 1)},
    )
