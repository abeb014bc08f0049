"""The metric catalog: every metric of the file with its definition, sources and the items bound to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lodestar.goals.models import KPI, KeyResult
from lodestar.metrics.definitions import MetricsDefinitions, RatioMetric, SimpleMetric, parse_binding
from lodestar.metrics.errors import BindingError
from lodestar.metrics.loader import read_definitions
from lodestar.scoring.survey_metrics import SURVEY_METRICS


@dataclass(frozen=True)
class BoundItem:
    """A key result or KPI bound to a metric, with the binding's slice, window and grain.

    `title` is the key result's title or the KPI's name; `goal` the key result's goal (None for a KPI).
    """

    subject: str
    where: dict[str, str]
    window: str
    grain: str
    title: str = ""
    goal: str | None = None

    @property
    def item_id(self) -> str:
        """Return the key result's or KPI's id (the subject without its kind)."""
        return self.subject.partition(":")[2]

    def describe(self) -> str:
        """Return the binding as short text."""
        parts = [f"{name}={value}" for name, value in self.where.items()]
        parts += [self.window, self.grain]
        return f"{self.subject} ({', '.join(parts)})"


@dataclass(frozen=True)
class CatalogEntry:
    """One metric as the catalog shows it.

    `source`, `agg`, `expr`, `time` and `filter` are set for simple metrics; `inputs` for
    ratio (numerator, denominator) and derived metrics, whose `expr` is the derivation.
    """

    id: str
    type: str
    unit: str | None
    sources: list[str]
    dimensions: list[str]
    description: str | None
    definition: str
    bound: list[BoundItem] = field(default_factory=list)
    source: str | None = None
    agg: str | None = None
    expr: str | None = None
    time: str | None = None
    filter: str | None = None
    inputs: list[str] = field(default_factory=list)


def describe_definition(definitions: MetricsDefinitions, metric_id: str) -> str:
    """Return how a metric is computed, as one line."""
    metric = definitions.metrics[metric_id]
    if isinstance(metric, SimpleMetric):
        text = f"{metric.agg}({metric.expr.text if metric.expr else '*'}) over {metric.source} by {metric.time}"
        return text + (f" where {metric.filter.text}" if metric.filter else "")
    if isinstance(metric, RatioMetric):
        numerator, denominator = metric.inputs
        return f"{numerator} / {denominator}" + (" × 100" if metric.unit == "%" else "")
    return metric.expr.text


def _bound_items(known: set[str]) -> tuple[dict[str, list[BoundItem]], list[str]]:
    """Return the bound items by metric id (two queries) and the bindings that name no known metric."""
    bound: dict[str, list[BoundItem]] = {metric_id: [] for metric_id in known}
    dangling: list[str] = []
    items: list[tuple[str, Any, str, str | None]] = [
        (f"key_result:{kr_id}", raw, title, goal_id)
        for kr_id, raw, title, goal_id in KeyResult.objects.filter(metric__isnull=False)
        .order_by("id")
        .values_list("id", "metric", "title", "goal_id")
    ]
    items += [
        (f"kpi:{kpi_id}", raw, name, None)
        for kpi_id, raw, name in KPI.objects.filter(metric__isnull=False)
        .order_by("id")
        .values_list("id", "metric", "name")
    ]
    for subject, raw, title, goal in items:
        if raw is None:
            continue
        try:
            binding = parse_binding(raw)
        except BindingError as error:
            dangling.append(f"{subject}: {error}")
            continue
        if binding.metric in SURVEY_METRICS:
            continue  # a built-in survey metric, resolved without the file
        if binding.metric not in bound:
            dangling.append(f"{subject}: unknown metric {binding.metric!r}")
            continue
        bound[binding.metric].append(
            BoundItem(subject, binding.where_dict, binding.window, binding.grain, title=title, goal=goal)
        )
    return bound, dangling


def catalog_entries(definitions: MetricsDefinitions) -> tuple[list[CatalogEntry], list[str]]:
    """Return the catalog of loaded definitions and the bindings that name no metric of them.

    Reads the bound key results and KPIs in two queries, however many metrics there are.
    """
    bound, dangling = _bound_items(set(definitions.metrics))
    entries = []
    for metric_id, metric in definitions.metrics.items():
        simple = metric if isinstance(metric, SimpleMetric) else None
        expression = simple.expr if simple is not None else getattr(metric, "expr", None)
        entries.append(
            CatalogEntry(
                id=metric_id,
                type=metric.type,
                unit=metric.unit,
                sources=definitions.source_ids(metric_id),
                dimensions=definitions.dimensions(metric_id),
                description=metric.description,
                definition=describe_definition(definitions, metric_id),
                bound=bound[metric_id],
                source=simple.source if simple is not None else None,
                agg=simple.agg if simple is not None else None,
                expr=expression.text if expression is not None else None,
                time=simple.time if simple is not None else None,
                filter=simple.filter.text if simple is not None and simple.filter is not None else None,
                inputs=[] if isinstance(metric, SimpleMetric) else list(metric.inputs),
            )
        )
    return entries, dangling


def list_metrics(*, definitions_path: Path) -> tuple[list[CatalogEntry], list[str]]:
    """Return the catalog of a metrics file and the bindings that name no metric of it.

    Reads the file without touching the warehouse; raises MetricsFileError for a bad file.
    """
    return catalog_entries(read_definitions(definitions_path))


def catalog_json(entries: list[CatalogEntry], dangling: list[str]) -> dict[str, Any]:
    """Return the catalog as `lodestar metrics list --format json` prints it (and the API returns it)."""
    return {
        "metrics": [
            {
                "id": entry.id,
                "type": entry.type,
                "unit": entry.unit,
                "sources": entry.sources,
                "dimensions": entry.dimensions,
                "description": entry.description,
                "definition": entry.definition,
                "source": entry.source,
                "agg": entry.agg,
                "expr": entry.expr,
                "time": entry.time,
                "filter": entry.filter,
                "inputs": entry.inputs,
                "bound": [
                    {"subject": item.subject, "where": item.where, "window": item.window, "grain": item.grain}
                    for item in entry.bound
                ],
            }
            for entry in entries
        ],
        "unresolved": dangling,
    }
