"""The scenarios pages: the list of scenarios and their comparison with the base (its actions: `actions.py`).

The comparison is `lodestar.scenarios.compare.compare`, the function of `lodestar scenarios compare`
and of the API, so the page's figures are the CLI's.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from lodestar.lib.limits import MAX_COMPARED_SCENARIOS
from lodestar.scenarios.compare import UnknownScenario, compare
from lodestar.store.load import load_model
from lodestar.web.common import error_page, translate_errors
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.scenarios.actions import can_edit
from lodestar.web.scenarios.rows import change_counts, comparison_rows


@require_GET
@translate_errors
def scenarios_page(request: AuthenticatedRequest) -> HttpResponse:
    model = load_model()
    listed = [{"scenario": s, "changes": change_counts(s), "replaces": s.replace.named()} for s in model.scenarios]
    return render(
        request,
        "web/scenarios/list.html",
        {"scenarios": listed, "organization": model.organization, "can_edit": can_edit(request)},
    )


@require_GET
@translate_errors
def compare_page(request: AuthenticatedRequest) -> HttpResponse:
    wanted = [ident.strip() for ident in request.GET.get("ids", "").split(",") if ident.strip()]
    if len(wanted) > MAX_COMPARED_SCENARIOS:
        message = gettext("At most %(n)s scenarios can be compared at once.") % {"n": MAX_COMPARED_SCENARIOS}
        return error_page(request, status=400, title=gettext("Too many scenarios"), message=message)
    model = load_model()
    if not wanted:
        wanted = [s.id for s in model.scenarios[:MAX_COMPARED_SCENARIOS]]
    try:
        columns = compare(model, wanted, as_of=request.as_of) if wanted else []
    except UnknownScenario:
        known = {s.id for s in model.scenarios}
        unknown = ", ".join(ident for ident in wanted if ident not in known)
        message = gettext("There is no scenario %(ids)s in the model. The scenarios page lists those there are.") % {
            "ids": unknown
        }
        return error_page(request, status=404, title=gettext("Scenario not found"), message=message)
    goals = {goal.id: goal for goal in model.goals}
    affected = [
        {
            "column": column,
            "goals": [
                {"goal": goals[gid], "tasks": list(goals[gid].tasks)}
                for gid in column.figures["goals_affected"]
                if gid in goals
            ],
        }
        for column in columns[1:]
    ]
    return render(
        request,
        "web/scenarios/compare.html",
        {
            "columns": columns,
            "rows": comparison_rows(columns),
            "affected": affected,
            "organization": model.organization,
        },
    )
