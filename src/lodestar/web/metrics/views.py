"""The metric catalog, one metric's values sliced by its dimensions, and refresh now (admins)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_GET, require_POST

from lodestar.i18n.terms import term
from lodestar.metrics import refresh_runs, services
from lodestar.metrics.configuration import ENV_VARIABLE, NotConfigured
from lodestar.metrics.definitions import GRAINS
from lodestar.metrics.errors import MetricsError
from lodestar.web.charts import metric_chart
from lodestar.web.common import actor_of, translate_errors
from lodestar.web.http import AuthenticatedRequest

if TYPE_CHECKING:  # the engine stays out of the pages' imports
    from lodestar.metrics.refresh import RefreshReport

# Query parameters of the metric page that are not dimensions.
NOT_DIMENSIONS = ("grain", "as_of")


def _unusable(
    request: AuthenticatedRequest, template: str, error: NotConfigured | MetricsError, **context: Any
) -> HttpResponse:
    """The page with a clear message instead of metrics: no file configured, a bad file, an unreachable warehouse."""
    if isinstance(error, NotConfigured):
        example = f"{ENV_VARIABLE}=/srv/lodestar/metrics.yaml lodestar serve"
        return render(
            request, template, {**context, "not_configured": True, "env_variable": ENV_VARIABLE, "env_example": example}
        )
    return render(request, template, {**context, "problems": services.problems_of(error)})


@require_GET
@translate_errors
def catalog_page(request: AuthenticatedRequest) -> HttpResponse:
    """The catalog read from the file alone, with what the latest refresh did: no warehouse is reached on load."""
    try:
        catalog = services.catalog()
    except (NotConfigured, MetricsError) as error:
        return _unusable(request, "web/metrics.html", error, last_refresh=services.last_refresh())
    run = refresh_runs.latest_run()
    context = {"catalog": catalog, **(_panel_context(run) if run is not None else {})}
    context.setdefault("last_refresh", services.last_refresh())
    return render(request, "web/metrics.html", context)


@require_GET
@translate_errors
def metric_page(request: AuthenticatedRequest, metric_id: str) -> HttpResponse:
    grain = request.GET.get("grain") or "month"
    where = {name: request.GET.get(name, "") for name in request.GET if name not in NOT_DIMENSIONS}
    where = {name: value for name, value in where.items() if value}
    as_of = request.as_of
    partial = bool(getattr(request, "htmx", False))
    template = "web/_metric_preview.html" if partial else "web/metric.html"
    try:
        preview = services.preview(metric_id=metric_id, as_of=as_of, grain=grain, where=where)
    except (NotConfigured, MetricsError) as error:
        return _unusable(request, template, error, metric_id=metric_id)
    slice_text = ", ".join(f"{name} = {value}" for name, value in preview.where.items()) or gettext("all data")
    label = gettext("%(metric)s by %(grain)s, %(slice)s, twelve months to %(day)s") % {
        "metric": metric_id,
        "grain": term("metric_grain", grain),
        "slice": slice_text,
        "day": date_format(preview.as_of, "SHORT_DATE_FORMAT"),
    }
    chart = metric_chart(preview.points, grain=grain, unit=preview.entry.unit, label=label)
    response = render(
        request,
        template,
        {
            "metric_id": metric_id,
            "preview": preview,
            "entry": preview.entry,
            "chart": chart,
            "slice_text": slice_text,
            "grains": GRAINS,
        },
    )
    if partial:
        # The address bar shows the slice without the selects left at "all", so it can be bookmarked.
        shown = {"as_of": as_of.isoformat()} if request.as_of_given else {}
        query = urlencode({**shown, **({"grain": grain} if grain != "month" else {}), **preview.where})
        response["HX-Push-Url"] = request.path + (f"?{query}" if query else "")
    return response


@require_POST
@translate_errors
def refresh(request: AuthenticatedRequest) -> HttpResponse:
    """Refresh now: queue a refresh for the worker and answer at once with its progress (htmx) or its page."""
    partial = bool(getattr(request, "htmx", False))
    try:
        run = refresh_runs.request_refresh(actor=actor_of(request))
    except NotConfigured as error:
        context = {"problems": [str(error)], "last_refresh": services.last_refresh()}
        # htmx swaps only successful answers; the panel shows the problems, so answer 200 there.
        template = "web/_metrics_refresh.html" if partial else "web/metrics_refresh.html"
        return render(request, template, context, status=200 if partial else 400)
    if not partial:
        return redirect("metrics-refresh-run", run_id=run.id)
    return _run_panel(request, run, partial=True)


@require_GET
@translate_errors
def refresh_run(request: AuthenticatedRequest, run_id: int) -> HttpResponse:
    """Where a refresh stands: the refresh panel (htmx, asked for every second while it runs) or its page."""
    return _run_panel(request, refresh_runs.run_status(run_id), partial=bool(getattr(request, "htmx", False)))


def report_summary(report: RefreshReport) -> str:
    """What a refresh did, in one sentence (`RefreshReport.summary` in the reader's language)."""
    key_results = sum(item.subject.startswith("key_result:") for item in report.items)
    kpis = len(report.items) - key_results
    refreshed = {
        "key_results": ngettext("%(count)s key result", "%(count)s key results", key_results) % {"count": key_results},
        "kpis": ngettext("%(count)s KPI", "%(count)s KPIs", kpis) % {"count": kpis},
    }
    counts = {
        "day": date_format(report.as_of, "SHORT_DATE_FORMAT"),
        "created": report.created,
        "updated": report.updated,
        "removed": report.removed,
        "unchanged": report.unchanged,
    }
    return gettext(
        "Refreshed %(key_results)s and %(kpis)s as of %(day)s: %(created)s measurements added, "
        "%(updated)s updated, %(removed)s removed, %(unchanged)s unchanged."
    ) % {**refreshed, **counts}


def _panel_context(run: refresh_runs.RunStatus) -> dict[str, Any]:
    """What the refresh panel shows of a run: its progress, its report or its problems."""
    context: dict[str, Any] = {"run": run, "report": run.report, "last_refresh": services.last_refresh()}
    if run.report is not None:
        context["report_summary"] = report_summary(run.report)
    if run.problems:
        context["problems"] = run.problems
    return context


def _run_panel(request: AuthenticatedRequest, run: refresh_runs.RunStatus, *, partial: bool) -> HttpResponse:
    template = "web/_metrics_refresh.html" if partial else "web/metrics_refresh.html"
    return render(request, template, _panel_context(run))
