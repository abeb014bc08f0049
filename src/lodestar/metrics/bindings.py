"""Metric bindings checked when they are saved: the key result form, the API and the import.

With a metrics file configured (`LODESTAR_METRICS_FILE`), a binding that is new or changed must
name a metric of the file and only dimensions that each of the metric's inputs has. On the
embedded DuckDB engine, whose files are at hand, each dimension value must also occur in the
data (after the source's filter). On a remote engine values are not checked when saving: a save
should neither wait for the warehouse nor fail while it is down; a value that no row has gives
counts of 0 there. A binding stored before and left as it is is not checked again (the refresh
reports it when the metrics file no longer fits it). Without a metrics file nothing is checked,
except bindings of the built-in survey metrics (`survey.…`, `scoring/survey_metrics.py`), which
need no file: a misspelled one is refused with the known ids, with or without a file.

The metrics file is read without reaching the warehouse, and the engine (ibis) is imported only
when there are values to look up: pages that never touch a metric should not wait for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lodestar.lib.errors import Invalid
from lodestar.lib.model import MetricBinding, Model
from lodestar.metrics.configuration import NotConfigured, metrics_file
from lodestar.metrics.definitions import Binding, binding_problems, parse_binding
from lodestar.metrics.errors import BindingError, MetricsError
from lodestar.scoring.survey_metrics import is_survey_metric, survey_metric_problem

if TYPE_CHECKING:
    import ibis.expr.types as ir

    from lodestar.metrics.definitions import MetricsDefinitions
    from lodestar.metrics.engine import LoadedMetrics

# How many of a dimension's values an error names.
VALUES_SHOWN = 10

# A binding with the field path it was given at (`metric`, `key_results[0].metric`, `goals[3].key_results[0].metric`).
Located = tuple[str, MetricBinding]


def binding_issues(bindings: Sequence[Located]) -> list[tuple[str, str]]:
    """Return (field path, message) for every part of these bindings the configured metrics file does not know.

    An unknown metric is reported at the binding's id (`metric`, or `metric.id` for a mapping),
    an unknown dimension or value at `metric.where.<dimension>`. Nothing without a metrics file.
    """
    if not bindings:
        return []
    issues = _survey_issues(bindings)
    bindings = [(field, raw) for field, raw in bindings if not _names_survey_metric(raw)]
    if not bindings:
        return issues
    try:
        path = metrics_file()
    except NotConfigured:
        return issues
    from lodestar.metrics.loader import read_partial

    definitions, problems = read_partial(path)
    sliced: list[tuple[str, Binding]] = []
    for field, raw in bindings:
        try:
            binding = parse_binding(raw)
        except BindingError as error:
            issues.append((field, str(error)))
            continue
        found = binding_problems(definitions, binding.metric, binding.where_dict)
        for where, message in found:
            if where != "id":
                issues.append((f"{field}.{where}", message))
                continue
            located = field if isinstance(raw, str) else f"{field}.id"
            first = problems[0] if problems else None
            why = f"; the metrics file {path} has problems ({first.location}: {first.message})" if first else ""
            issues.append((located, message + why))
        if not found and binding.where:
            sliced.append((field, binding))
    if sliced and not problems and definitions.warehouse.engine == "duckdb":
        issues.extend(_unknown_values(path, definitions, sliced))
    return issues


def check_bindings(bindings: Sequence[Located], *, what: str) -> None:
    """Refuse bindings the configured metrics file does not know; raises Invalid with each field."""
    issues = binding_issues(bindings)
    if issues:
        count = len(issues)
        raise Invalid(f"{count} error{'s' if count != 1 else ''} in the {what}", issues)


def model_binding_issues(model: Model) -> list[tuple[str, str]]:
    """Return the issues of a model file's bindings (`goals[3].key_results[0].metric…`, `kpis[0].metric`).

    A key result or KPI whose binding is the one stored for it already is left out.
    """
    bindings: list[Located] = []
    for i, goal in enumerate(model.goals):
        for j, kr in enumerate(goal.key_results):
            if kr.metric is not None:
                bindings.append((f"goals[{i}].key_results[{j}].metric", kr.metric))
    bindings += [(f"kpis[{i}].metric", kpi.metric) for i, kpi in enumerate(model.kpis) if kpi.metric is not None]
    if not bindings:
        return []
    survey_issues = _survey_issues(bindings)  # fixed ids: checked always, with or without a metrics file
    try:
        metrics_file()
    except NotConfigured:
        return survey_issues
    from lodestar.goals.models import KPI, KeyResult

    stored = {
        **{f"kr:{id_}": raw for id_, raw in KeyResult.objects.filter(metric__isnull=False).values_list("id", "metric")},
        **{f"kpi:{id_}": raw for id_, raw in KPI.objects.filter(metric__isnull=False).values_list("id", "metric")},
    }
    owners = [f"kr:{kr.id}" for goal in model.goals for kr in goal.key_results if kr.metric is not None]
    owners += [f"kpi:{kpi.id}" for kpi in model.kpis if kpi.metric is not None]
    changed = [
        located
        for located, owner in zip(bindings, owners, strict=True)
        if stored.get(owner) != located[1] and not _names_survey_metric(located[1])
    ]
    return survey_issues + binding_issues(changed)


def _names_survey_metric(raw: MetricBinding) -> bool:
    metric_id = raw if isinstance(raw, str) else raw.get("id") if isinstance(raw, dict) else None
    return isinstance(metric_id, str) and is_survey_metric(metric_id)


def _survey_issues(bindings: Sequence[Located]) -> list[tuple[str, str]]:
    """The bindings of built-in survey metrics (`survey.…`) that name no such metric or slice one."""
    issues: list[tuple[str, str]] = []
    for field, raw in bindings:
        problem = survey_metric_problem(raw)
        if problem is not None:
            issues.append((field if isinstance(raw, str) else f"{field}.id", problem))
    return issues


def _unknown_values(
    path: Path, definitions: MetricsDefinitions, sliced: list[tuple[str, Binding]]
) -> list[tuple[str, str]]:
    """The slice values no row of the metric's sources has; none when the warehouse cannot be read."""
    from lodestar.metrics.engine import load

    wanted: dict[tuple[str, str], set[str]] = {}
    for _, binding in sliced:
        for source_id in definitions.source_ids(binding.metric):
            for name, value in binding.where:
                wanted.setdefault((source_id, name), set()).add(value)
    try:
        with load(path) as loaded:
            present = {key: _present(loaded, *key, values) for key, values in wanted.items()}
            issues: list[tuple[str, str]] = []
            for field, binding in sliced:
                sources = definitions.source_ids(binding.metric)
                for name, value in binding.where:
                    if not any(value in present[(source_id, name)] for source_id in sources):
                        shown = _some_values(loaded, sources, name)
                        issues.append(
                            (
                                f"{field}.where.{name}",
                                f"unknown value {value!r} of dimension {name!r}: no row of metric "
                                f"{binding.metric!r} has it (values: {shown})",
                            )
                        )
    except MetricsError:
        return []
    return issues


def _rows(loaded: LoadedMetrics, source_id: str, name: str) -> tuple[ir.Table, ir.Column]:
    """A source's rows after its filter, and the dimension's value over them."""
    from lodestar.metrics.compiler import dimension_value, source_predicates

    source = loaded.definitions.sources[source_id]
    table = loaded.connection.table(source)
    predicates = source_predicates(source, table, time=source.time, where={}, start=None, end=None)
    rows = table.filter(*predicates) if predicates else table
    return rows, dimension_value(source, rows, name)


def _present(loaded: LoadedMetrics, source_id: str, name: str, values: set[str]) -> set[str]:
    """Which of `values` the dimension takes in some row of the source."""
    rows, value = _rows(loaded, source_id, name)
    query = rows.select(value=value).filter(value.isin(sorted(values))).distinct()
    return {str(row["value"]) for row in loaded.connection.execute(query)}


def _some_values(loaded: LoadedMetrics, sources: list[str], name: str) -> str:
    """The first few values the dimension takes, as text for an error."""
    seen: set[str] = set()
    for source_id in sources:
        rows, value = _rows(loaded, source_id, name)
        query = rows.select(value=value).filter(value.notnull()).distinct().order_by("value")
        seen.update(str(row["value"]) for row in loaded.connection.execute(query.limit(VALUES_SHOWN + 1)))
    shown = sorted(seen)
    text = ", ".join(shown[:VALUES_SHOWN]) or "none"
    return text + (", …" if len(shown) > VALUES_SHOWN else "")
