"""The scenarios pages: the list of scenarios and their comparison with the base (its actions: `actions.py`).

The comparison is `lodestar.scenarios.compare.compare`, the function of `lodestar scenarios compare`
and of the API, so the page's figures are the CLI's.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from lodestar.lib.limits import MAX_COMPARED_SCENARIOS
from lodestar.reports.html import svg
from lodestar.reports.scenario_charts import comparison_charts
from lodestar.scenarios.compare import UnknownScenario, compare
from lodestar.store.load import load_model
from lodestar.web.common import translate_errors
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.scenarios.actions import can_edit
from lodestar.web.scenarios.ids import asked_ids, too_many, unknown
from lodestar.web.scenarios.rows import affected_lines, change_counts, comparison_rows, finding_groups


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
    wanted = asked_ids(request.GET.get("ids", ""))
    refused = too_many(request, wanted)
    if refused is not None:
        return refused
    model = load_model()
    if not wanted:
        wanted = [s.id for s in model.scenarios[:MAX_COMPARED_SCENARIOS]]
    try:
        columns = compare(model, wanted, as_of=request.as_of) if wanted else []
    except UnknownScenario:
        return unknown(request, model, wanted)
    as_of = request.as_of.isoformat() if request.as_of_given else None
    shown = [column.id for column in columns[1:]]
    report = {"scenarios": ",".join(shown)} | ({"as_of": as_of} if as_of else {})
    return render(
        request,
        "web/scenarios/compare.html",
        {
            "columns": columns,
            "rows": comparison_rows(columns, as_of=as_of),
            "charts": {key: svg(scene, "compare-chart") for key, scene in comparison_charts(columns).items()}
            if columns
            else {},
            "affected": [
                {"column": column, "goals": affected_lines(model, column, as_of=as_of)} for column in columns[1:]
            ],
            "findings": [{"column": column, "groups": finding_groups(column, request.as_of)} for column in columns[1:]],
            "report_href": f"{reverse('report-organization')}?{urlencode(report)}" if shown else "",
            "organization": model.organization,
        },
    )
