"""The metric catalog: every metric of the file with its unit, sources and the items bound to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lodestar.goals.models import KPI, KeyResult
from lodestar.metrics.definitions import MetricsDefinitions, SimpleMetric
from lodestar.metrics.engine import parse_binding
from lodestar.metrics.errors import BindingError
from lodestar.metrics.loader import read_definitions


@dataclass(frozen=True)
class BoundItem:
    """A key result or KPI bound to a metric, with the binding's slice, window and grain."""

    subject: str
    where: dict[str, str]
    window: str
    grain: str

    def describe(self) -> str:
        """Return the binding as short text."""
        parts = [f"{name}={value}" for name, value in self.where.items()]
        parts += [self.window, self.grain]
        return f"{self.subject} ({', '.join(parts)})"


@dataclass(frozen=True)
class CatalogEntry:
    """One metric as the catalog shows it."""

    id: str
    type: str
    unit: str | None
    sources: list[str]
    dimensions: list[str]
    description: str | None
    definition: str
    bound: list[BoundItem] = field(default_factory=list)


def describe_definition(definitions: MetricsDefinitions, metric_id: str) -> str:
    """Return how a metric is computed, as one line."""
    metric = definitions.metrics[metric_id]
    if isinstance(metric, SimpleMetric):
        text = f"{metric.agg}({metric.expr.text if metric.expr else '*'}) over {metric.source} by {metric.time}"
        return text + (f" where {metric.filter.text}" if metric.filter else "")
    if metric.type == "ratio":
        numerator, denominator = metric.inputs
        return f"{numerator} / {denominator}" + (" × 100" if metric.unit == "%" else "")
    return metric.expr.text  # type: ignore[union-attr]


def list_metrics(*, definitions_path: Path) -> tuple[list[CatalogEntry], list[str]]:
    """Return the catalog of a metrics file and the bindings that name no metric of it."""
    definitions = read_definitions(definitions_path)
    bound: dict[str, list[BoundItem]] = {metric_id: [] for metric_id in definitions.metrics}
    dangling: list[str] = []
    items = [(f"key_result:{kr.id}", kr.metric) for kr in KeyResult.objects.filter(metric__isnull=False).order_by("id")]
    items += [(f"kpi:{kpi.id}", kpi.metric) for kpi in KPI.objects.filter(metric__isnull=False).order_by("id")]
    for subject, raw in items:
        if raw is None:
            continue
        try:
            binding = parse_binding(raw)
        except BindingError as error:
            dangling.append(f"{subject}: {error}")
            continue
        if binding.metric not in bound:
            dangling.append(f"{subject}: unknown metric {binding.metric!r}")
            continue
        bound[binding.metric].append(BoundItem(subject, binding.where_dict, binding.window, binding.grain))
    entries = [
        CatalogEntry(
            id=metric_id,
            type=metric.type,
            unit=metric.unit,
            sources=definitions.source_ids(metric_id),
            dimensions=definitions.dimensions(metric_id),
            description=metric.description,
            definition=describe_definition(definitions, metric_id),
            bound=bound[metric_id],
        )
        for metric_id, metric in definitions.metrics.items()
    ]
    return entries, dangling
