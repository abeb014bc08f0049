"""Refresh bound key results and KPIs from the warehouse: every binding that works, idempotent, manual values kept.

A binding that does not fit the metrics file is reported with its reason and skipped; the others
are written. When no binding works, nothing is written (RefreshError). Every value is computed
before anything is written; the writes then happen in one transaction. Key results take their goal's period; KPIs have none, so theirs is the
calendar year of `as_of` (period to date = year to date), and only their metric-sourced
measurements from that year on are replaced, which keeps earlier years as history.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_admin
from lodestar.goals.models import KPI, KeyResult, KPIMeasurement, Measurement
from lodestar.lib.vocabulary import METRIC_SOURCE_PREFIX
from lodestar.metrics.definitions import Binding, parse_binding
from lodestar.metrics.engine import LoadedMetrics, check_query, load, measurements
from lodestar.metrics.errors import BindingError, MetricsError

# When the last refresh ran is read by pages that must not import the engine; its callers may still find it here.
from lodestar.metrics.runs import last_refresh as last_refresh  # noqa: PLC0414 - an explicit re-export
from lodestar.metrics.survey_values import SurveyValues
from lodestar.scoring.survey_metrics import is_survey_metric, survey_metric_problem

SOURCE_PREFIX = METRIC_SOURCE_PREFIX
# The PostgreSQL advisory lock that lets one refresh write at a time (any number, the same in every process).
REFRESH_LOCK = 0x4C6F6465


class RefreshError(MetricsError):
    """No binding fits the metrics file; nothing was written."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class KeptManual:
    """A manual measurement that stayed where the metric had a value for the same date."""

    subject: str
    date: date
    manual_value: float
    metric_value: float


@dataclass(frozen=True)
class FailedItem:
    """A bound key result or KPI whose binding does not fit the metrics file, and why."""

    subject: str
    reason: str


@dataclass(frozen=True)
class RefreshedItem:
    """One bound key result or KPI and the measurements the metric gave it."""

    subject: str
    metric: str
    measurements: int


@dataclass
class RefreshReport:
    """What a refresh did."""

    as_of: date
    items: list[RefreshedItem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    kept_manual: list[KeptManual] = field(default_factory=list)
    failed: list[FailedItem] = field(default_factory=list)

    @property
    def partial(self) -> bool:
        """Return whether some bindings failed (the others were written)."""
        return bool(self.failed)

    @property
    def changed(self) -> bool:
        """Return whether the refresh wrote or removed anything."""
        return bool(self.created or self.updated or self.removed)

    def summary(self) -> str:
        """Return the report as one line."""
        key_results = sum(item.subject.startswith("key_result:") for item in self.items)
        kpis = len(self.items) - key_results
        return (
            f"Refreshed {key_results} key result{'s' if key_results != 1 else ''} and {kpis} KPI{'s' if kpis != 1 else ''} "
            f"as of {self.as_of.isoformat()}: {self.created} measurements added, {self.updated} updated, "
            f"{self.removed} removed, {self.unchanged} unchanged."
        )


@dataclass(frozen=True)
class _Target:
    subject: str
    binding: Binding
    period_start: date
    period_end: date
    replace_from: date | None
    owner: KeyResult | KPI


def _targets(as_of: date, loaded: LoadedMetrics | None, report: RefreshReport) -> list[_Target]:
    targets: list[_Target] = []
    year_start, year_end = date(as_of.year, 1, 1), date(as_of.year, 12, 31)
    candidates: list[tuple[str, Any, KeyResult | KPI, date, date, date | None]] = []
    for key_result in KeyResult.objects.filter(metric__isnull=False).select_related("goal__period").order_by("id"):
        period = key_result.goal.period
        candidates.append(
            (f"key_result:{key_result.id}", key_result.metric, key_result, period.start, period.end, None)
        )
    for kpi in KPI.objects.filter(metric__isnull=False).order_by("id"):
        candidates.append((f"kpi:{kpi.id}", kpi.metric, kpi, year_start, year_end, year_start))
    for subject, raw, owner, period_start, period_end, replace in candidates:
        if raw is None:
            continue
        start, end, replace_from = period_start, period_end, replace
        try:
            binding = parse_binding(raw)
            if is_survey_metric(binding.metric):
                survey_problem = survey_metric_problem(raw)
                if survey_problem is not None:
                    raise BindingError(survey_problem)
                if isinstance(owner, KPI):  # every round a KPI has, whatever its year
                    start, end, replace_from = date.min, date.max, None
            elif loaded is None:
                raise BindingError(f"{binding.metric!r} is a metric of a metrics file, and none is configured")
            else:
                check_query(loaded.definitions, binding.metric, grain=binding.grain, where=binding.where_dict)
        except BindingError as error:
            report.failed.append(FailedItem(subject, f"metric: {error}"))
            continue
        targets.append(_Target(subject, binding, start, end, replace_from, owner))
    if report.failed and not targets:
        raise RefreshError([f"{item.subject}: {item.reason}" for item in report.failed])
    return targets


def _same(left: float, right: float) -> bool:
    # Parallel sums may differ in the last bits between runs; such a value has not changed.
    return math.isclose(left, right, rel_tol=1e-9, abs_tol=1e-12)


def _write(
    target: _Target, values: list[tuple[date, float]], report: RefreshReport, existing: Iterable[Any]
) -> tuple[list[Any], list[Any], list[int]]:
    source = f"{SOURCE_PREFIX}{target.binding.metric}"
    manual: dict[date, Any] = {}
    ours: dict[date, Any] = {}
    for measurement in existing:
        if not measurement.source.startswith(SOURCE_PREFIX):
            manual[measurement.date] = measurement
        elif target.replace_from is None or measurement.date >= target.replace_from:
            ours[measurement.date] = measurement
    to_create: list[Any] = []
    to_update: list[Any] = []
    wanted: set[date] = set()
    for day, value in values:
        if day in manual:
            report.kept_manual.append(KeptManual(target.subject, day, manual[day].value, value))
            continue
        wanted.add(day)
        current = ours.get(day)
        if current is None:
            to_create.append((day, value, source))
        elif current.source == source and _same(current.value, value):
            report.unchanged += 1
        else:
            current.value, current.source = value, source
            to_update.append(current)
    to_remove = [measurement.pk for day, measurement in ours.items() if day not in wanted]
    return to_create, to_update, to_remove


def _values(
    target: _Target, loaded: LoadedMetrics | None, surveys: SurveyValues, as_of: date
) -> list[tuple[date, float]]:
    """The dated values of one target's binding: from the survey rounds, or from the metrics file."""
    if is_survey_metric(target.binding.metric):
        return surveys.values(target.binding.metric, target.period_start, target.period_end)
    assert loaded is not None  # _targets fails a metric of the file when there is none
    return measurements(
        loaded, target.binding, period_start=target.period_start, period_end=target.period_end, as_of=as_of
    )


def refresh(
    *, as_of: date, definitions_path: Path | None, actor: Actor | None = None, run_id: int | None = None
) -> RefreshReport:
    """Recompute every bound key result and KPI as of a date and store the measurements.

    Bindings of the built-in survey metrics (`survey.…`) take their values from the stored
    surveys (`survey_values.py`); they need no metrics file, so `definitions_path` may be None,
    and then any other binding fails.

    `actor` (default: whoever is acting, the command line outside a page or API call) must be
    an admin; the refresh is written to the audit log. Its record is a new finished RefreshRun,
    or, with `run_id`, the run that was queued for it (see refresh_runs.py). Raises
    PermissionDenied, MetricsFileError (bad file), EngineError (the warehouse failed) or
    RefreshError (no binding fits the file); in each case nothing is written. Bindings that do
    not fit are in the report's `failed`.
    """
    actor = actor or audit.current_actor()
    require_admin(actor, what="refresh metrics")
    report = RefreshReport(as_of=as_of)
    with load(definitions_path) if definitions_path is not None else nullcontext() as loaded:
        targets = _targets(as_of, loaded, report)
        cache: dict[tuple[Binding, date, date], list[tuple[date, float]]] = {}
        computed: list[tuple[_Target, list[tuple[date, float]]]] = []
        surveys = SurveyValues(as_of)
        for target in targets:
            key = (target.binding, target.period_start, target.period_end)
            if key not in cache:
                cache[key] = _values(target, loaded, surveys, as_of)
            computed.append((target, cache[key]))
    with transaction.atomic():
        _one_refresh_at_a_time()
        for target, values in computed:
            if isinstance(target.owner, KeyResult):
                _apply_key_result(target, target.owner, values, report)
            else:
                _apply_kpi(target, target.owner, values, report)
            report.items.append(RefreshedItem(target.subject, target.binding.metric, len(values)))
        _record(report, definitions_path, run_id)
        audit.record(actor=actor, action="metrics.refresh", subject="metrics", after=audit_summary(report))
    return report


def _one_refresh_at_a_time() -> None:
    # Two refreshes writing at once (the worker's schedule and a command, say) would both insert the
    # same new measurements, and the second would fail. The second waits here until the first has
    # committed, and then reads its rows. SQLite's write transactions take turns already (BEGIN IMMEDIATE).
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [REFRESH_LOCK])


def audit_summary(report: RefreshReport, *, kept_listed: int = 50) -> dict[str, Any]:
    """Return what the audit log keeps of a refresh: the counts and (the first few) kept manual values."""
    return {
        "as_of": report.as_of.isoformat(),
        "items": len(report.items),
        "created": report.created,
        "updated": report.updated,
        "removed": report.removed,
        "unchanged": report.unchanged,
        "kept_manual": [
            {
                "subject": kept.subject,
                "date": kept.date.isoformat(),
                "manual": kept.manual_value,
                "metric": kept.metric_value,
            }
            for kept in report.kept_manual[:kept_listed]
        ],
        "kept_manual_left_out": max(len(report.kept_manual) - kept_listed, 0),
        "failed": [{"subject": item.subject, "reason": item.reason} for item in report.failed[:kept_listed]],
    }


def _record(report: RefreshReport, definitions_path: Path | None, run_id: int | None) -> None:
    # Until `lodestar.metrics` is an installed app its table does not exist; the refresh still works.
    if not apps.is_installed("lodestar.metrics"):
        return
    from lodestar.metrics.models import DONE, RefreshRun

    fields = {
        "status": DONE,
        "finished_at": timezone.now(),
        "as_of": report.as_of,
        "metrics_file": "" if definitions_path is None else str(definitions_path)[:500],
        "created": report.created,
        "updated": report.updated,
        "removed": report.removed,
        "unchanged": report.unchanged,
        "kept_manual": len(report.kept_manual),
        "report": report_json(report),
    }
    if run_id is None:
        RefreshRun.objects.create(**fields)
    else:
        RefreshRun.objects.filter(pk=run_id).update(**fields)


def report_json(report: RefreshReport) -> dict[str, Any]:
    """Return what a refresh did as JSON: counts, the items refreshed, the bindings that failed and the values entered by hand it kept."""
    return {
        "as_of": report.as_of.isoformat(),
        "summary": report.summary(),
        "created": report.created,
        "updated": report.updated,
        "removed": report.removed,
        "unchanged": report.unchanged,
        "items": [{"subject": i.subject, "metric": i.metric, "measurements": i.measurements} for i in report.items],
        "failed": [{"subject": item.subject, "reason": item.reason} for item in report.failed],
        "kept_manual": [
            {"subject": k.subject, "date": k.date.isoformat(), "manual": k.manual_value, "metric": k.metric_value}
            for k in report.kept_manual
        ],
    }


def report_from_json(document: dict[str, Any]) -> RefreshReport:
    """Return the report that `report_json` wrote, as the refresh panel shows it."""
    return RefreshReport(
        as_of=date.fromisoformat(document["as_of"]),
        items=[RefreshedItem(i["subject"], i["metric"], i["measurements"]) for i in document["items"]],
        created=document["created"],
        updated=document["updated"],
        removed=document["removed"],
        unchanged=document["unchanged"],
        kept_manual=[
            KeptManual(k["subject"], date.fromisoformat(k["date"]), k["manual"], k["metric"])
            for k in document["kept_manual"]
        ],
        failed=[FailedItem(f["subject"], f["reason"]) for f in document["failed"]],
    )


def _apply_key_result(
    target: _Target, key_result: KeyResult, values: list[tuple[date, float]], report: RefreshReport
) -> None:
    existing = list(Measurement.objects.select_for_update().filter(key_result=key_result))
    to_create, to_update, to_remove = _write(target, values, report, existing)
    Measurement.objects.filter(pk__in=to_remove).delete()
    Measurement.objects.bulk_update(to_update, ["value", "source"])
    Measurement.objects.bulk_create(
        [Measurement(key_result=key_result, date=day, value=value, source=source) for day, value, source in to_create]
    )
    _count(report, to_create, to_update, to_remove)


def _apply_kpi(target: _Target, kpi: KPI, values: list[tuple[date, float]], report: RefreshReport) -> None:
    existing = list(KPIMeasurement.objects.select_for_update().filter(kpi=kpi))
    to_create, to_update, to_remove = _write(target, values, report, existing)
    KPIMeasurement.objects.filter(pk__in=to_remove).delete()
    KPIMeasurement.objects.bulk_update(to_update, ["value", "source"])
    KPIMeasurement.objects.bulk_create(
        [KPIMeasurement(kpi=kpi, date=day, value=value, source=source) for day, value, source in to_create]
    )
    _count(report, to_create, to_update, to_remove)


def _count(report: RefreshReport, created: list[Any], updated: list[Any], removed: list[int]) -> None:
    report.created += len(created)
    report.updated += len(updated)
    report.removed += len(removed)
