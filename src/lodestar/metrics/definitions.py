"""The typed contents of a metrics file (format 1) and of a metric binding."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlglot import exp

from lodestar.lib.vocabulary import ID_PATTERN
from lodestar.metrics.errors import BindingError

ENGINES = ("duckdb", "postgres", "trino", "pyspark", "bigquery", "snowflake")
AGGREGATIONS = ("count", "count_distinct", "sum", "avg", "min", "max")
GRAINS = ("week", "month", "quarter")
WINDOWS = ("period_to_date", "bucket")
# Aggregations whose value over no rows is 0 rather than no value.
ZERO_WHEN_EMPTY = ("count", "count_distinct", "sum")


@dataclass(frozen=True)
class Expression:
    """An expression of the allowed SQL subset, as written and as parsed."""

    text: str
    tree: exp.Expression = field(compare=False)
    columns: frozenset[str]


@dataclass(frozen=True)
class Warehouse:
    """Where the data lives: the engine, and its tables (DuckDB) or connection URL."""

    engine: str = "duckdb"
    tables: Mapping[str, Path] = field(default_factory=dict)
    url: str | None = None


@dataclass(frozen=True)
class Source:
    """A table with its default time column, dimensions and an always-applied filter."""

    id: str
    table: str
    time: str
    dimensions: Mapping[str, Expression] = field(default_factory=dict)
    filter: Expression | None = None
    columns: Mapping[str, str] | None = None
    description: str | None = None


@dataclass(frozen=True)
class SimpleMetric:
    """An aggregation over the rows of one source."""

    id: str
    source: str
    agg: str
    expr: Expression | None
    time: str
    filter: Expression | None = None
    unit: str | None = None
    description: str | None = None
    type: str = "simple"


@dataclass(frozen=True)
class RatioMetric:
    """A numerator metric divided by a denominator metric, each aggregated on its own."""

    id: str
    numerator: str
    denominator: str
    unit: str | None = None
    description: str | None = None
    type: str = "ratio"

    @property
    def inputs(self) -> tuple[str, ...]:
        """Return the metrics this one is computed from."""
        return (self.numerator, self.denominator)


@dataclass(frozen=True)
class DerivedMetric:
    """An expression over other metrics, each computed over the same window and slice."""

    id: str
    inputs: tuple[str, ...]
    expr: Expression
    unit: str | None = None
    description: str | None = None
    type: str = "derived"


Metric = SimpleMetric | RatioMetric | DerivedMetric


@dataclass(frozen=True)
class MetricsDefinitions:
    """A loaded metrics file."""

    path: Path
    warehouse: Warehouse
    sources: Mapping[str, Source]
    metrics: Mapping[str, Metric]

    def metric(self, metric_id: str) -> Metric:
        """Return a metric by id; raises KeyError for an unknown id."""
        return self.metrics[metric_id]

    def leaves(self, metric_id: str) -> list[SimpleMetric]:
        """Return the simple metrics a metric is computed from, in first-use order, once each."""
        found: dict[str, SimpleMetric] = {}

        def visit(current: str) -> None:
            metric = self.metrics[current]
            if isinstance(metric, SimpleMetric):
                found.setdefault(metric.id, metric)
            else:
                for name in metric.inputs:
                    visit(name)

        visit(metric_id)
        return list(found.values())

    def dimensions(self, metric_id: str) -> list[str]:
        """Return the dimensions every input of a metric can be sliced by."""
        names: list[str] | None = None
        for leaf in self.leaves(metric_id):
            own = list(self.sources[leaf.source].dimensions)
            names = own if names is None else [name for name in names if name in own]
        return names or []

    def source_ids(self, metric_id: str) -> list[str]:
        """Return the sources a metric reads, in first-use order."""
        return list(dict.fromkeys(leaf.source for leaf in self.leaves(metric_id)))

    def empty_value(self, metric_id: str) -> float | None:
        """Return a metric's value over no rows: 0 for counts and sums, else no value."""
        metric = self.metrics[metric_id]
        if isinstance(metric, SimpleMetric) and metric.agg in ZERO_WHEN_EMPTY:
            return 0
        return None


@dataclass(frozen=True)
class Binding:
    """A key result's or KPI's link to a metric: `{id, where?, window?, grain?}`."""

    metric: str
    where: tuple[tuple[str, str], ...] = ()
    window: str = "period_to_date"
    grain: str = "month"

    @property
    def where_dict(self) -> dict[str, str]:
        """Return the slice as a dict."""
        return dict(self.where)


def parse_binding(raw: object) -> Binding:
    """Read a binding as stored on a key result or KPI: a metric id or `{id, where?, window?, grain?}`."""
    if isinstance(raw, str):
        if not ID_PATTERN.match(raw):
            raise BindingError(f"{raw!r} is not a metric id")
        return Binding(metric=raw)
    if not isinstance(raw, dict):
        raise BindingError(f"expected a metric id or {{id, where?, window?, grain?}}, got {raw!r}")
    unknown = sorted(str(key) for key in raw if key not in ("id", "where", "window", "grain"))
    if unknown:
        raise BindingError(f"unknown key {unknown[0]!r} (allowed: id, where, window, grain)")
    metric = raw.get("id")
    if not isinstance(metric, str) or not ID_PATTERN.match(metric):
        raise BindingError(f"id: expected a metric id, got {metric!r}")
    window = raw.get("window", "period_to_date")
    if window not in WINDOWS:
        raise BindingError(f"window: expected one of {', '.join(WINDOWS)}, got {window!r}")
    grain = raw.get("grain", "month")
    if grain not in GRAINS:
        raise BindingError(f"grain: expected one of {', '.join(GRAINS)}, got {grain!r}")
    where_raw = raw.get("where") or {}
    if not isinstance(where_raw, dict):
        raise BindingError(f"where: expected a mapping of dimension to value, got {where_raw!r}")
    where: list[tuple[str, str]] = []
    for name, value in where_raw.items():
        if not isinstance(name, str) or isinstance(value, bool) or not isinstance(value, str | int | float):
            raise BindingError(f"where.{name}: expected a dimension value, got {value!r}")
        where.append((name, str(value)))
    return Binding(metric=metric, where=tuple(sorted(where)), window=str(window), grain=str(grain))


def binding_problems(
    definitions: MetricsDefinitions, metric_id: str, where: Mapping[str, str]
) -> list[tuple[str, str]]:
    """Return what does not fit the file in a binding of `metric_id` sliced by `where`: (field, message) pairs.

    The field is `id` for an unknown metric and `where.<dimension>` for a dimension that one of
    the metric's inputs lacks.
    """
    if metric_id not in definitions.metrics:
        known = ", ".join(sorted(definitions.metrics)) or "none"
        return [("id", f"unknown metric {metric_id!r} (known: {known})")]
    problems: list[tuple[str, str]] = []
    for name in where:
        for leaf in definitions.leaves(metric_id):
            source = definitions.sources[leaf.source]
            if name not in source.dimensions:
                offered = ", ".join(source.dimensions) or "none"
                problems.append(
                    (
                        f"where.{name}",
                        f"metric {metric_id!r} cannot be sliced by {name!r}: "
                        f"its input {leaf.id!r} reads source {source.id!r}, whose dimensions are {offered}",
                    )
                )
                break
    return problems
