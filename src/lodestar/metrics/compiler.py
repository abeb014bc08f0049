"""Compile a metric to one ibis query: rows of (period, value), one per bucket that has data.

Every simple metric a metric is computed from (a "leaf") becomes one aggregation grouped by
bucket. Leaves are combined by bucket in the engine; ratios and derived metrics are computed
on the combined, aggregated rows. Period-to-date values are running totals of the per-bucket
components, so a whole year of month-end values is still one query. Distinct counts to date
count each value once, in the bucket where it first appears.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir

from lodestar.metrics.buckets import TRUNCATE_UNIT
from lodestar.metrics.definitions import MetricsDefinitions, RatioMetric, SimpleMetric, Source
from lodestar.metrics.expressions import to_ibis


class UnknownColumn(KeyError):
    """An expression names a column its table does not have."""


def time_bound(column: ir.Value, day: date) -> ir.Value:
    """Return midnight UTC of `day` as a literal comparable with a date or timestamp column."""
    dtype = column.type()
    if dtype.is_date():
        return ibis.literal(day, type=dt.date)
    midnight = datetime(day.year, day.month, day.day, tzinfo=UTC)
    if isinstance(dtype, dt.Timestamp) and dtype.timezone is not None:
        return ibis.literal(midnight, type=dt.Timestamp(timezone="UTC"))
    # A timestamp without offset is UTC: compare it with UTC midnight written without offset.
    return ibis.literal(midnight.replace(tzinfo=None), type=dt.Timestamp())


def column_of(table: ir.Table, name: str) -> ir.Value:
    """Return a column of a table by name; raises UnknownColumn for a name the table lacks."""
    if name not in table.columns:
        raise UnknownColumn(name)
    return table[name]


def dimension_value(source: Source, table: ir.Table, name: str) -> ir.Value:
    """Return a dimension's expression over a source table, as a string."""
    value = to_ibis(source.dimensions[name].tree, lambda column: column_of(table, column))
    return value if value.type().is_string() else value.cast(dt.string)


def source_predicates(
    source: Source,
    table: ir.Table,
    leaf: SimpleMetric,
    *,
    where: Mapping[str, str],
    start: date | None,
    end: date | None,
) -> list[ir.BooleanValue]:
    """Return the row filters of one leaf: source filter, metric filter, time window, slice."""
    resolve = lambda column: column_of(table, column)  # noqa: E731
    predicates: list[Any] = []
    if source.filter is not None:
        predicates.append(to_ibis(source.filter.tree, resolve))
    if leaf.filter is not None:
        predicates.append(to_ibis(leaf.filter.tree, resolve))
    time = table[leaf.time]
    if start is not None:
        predicates.append(time >= time_bound(time, start))
    if end is not None:
        predicates.append(time < time_bound(time, end))
    for name, value in where.items():
        predicates.append(dimension_value(source, table, name) == ibis.literal(value, type=dt.string))
    return predicates


def _as_date(value: ir.Value) -> ir.Value:
    return value if value.type().is_date() else value.date()


def leaf_components(
    leaf: SimpleMetric,
    source: Source,
    table: ir.Table,
    *,
    index: int,
    grain: str,
    where: Mapping[str, str],
    start: date | None,
    end: date | None,
    cumulative: bool,
) -> ir.Table:
    """Aggregate one simple metric per bucket into component columns `v<index>` (and `k<index>` for averages)."""
    predicates = source_predicates(source, table, leaf, where=where, start=start, end=end)
    rows = table.filter(*predicates) if predicates else table
    unit = TRUNCATE_UNIT[grain]
    value = to_ibis(leaf.expr.tree, lambda column: column_of(rows, column)) if leaf.expr is not None else None
    v, k = f"v{index}", f"k{index}"
    if leaf.agg == "count_distinct" and cumulative:
        assert value is not None
        keyed = rows.filter(value.notnull()).group_by(distinct_value=value)
        firsts = keyed.agg(first_seen=rows[leaf.time].min())
        grouped = firsts.group_by(bucket=firsts.first_seen.truncate(unit)).agg(**{v: firsts.count()})
    else:
        components: dict[str, Any]
        if leaf.agg == "count":
            components = {v: rows.count() if value is None else value.count()}
        elif leaf.agg == "count_distinct":
            assert value is not None
            components = {v: value.nunique()}
        elif leaf.agg == "sum":
            components = {v: value.sum()}  # type: ignore[union-attr]
        elif leaf.agg == "avg":
            assert value is not None
            components = {v: value.sum(), k: value.count()} if cumulative else {v: value.mean()}
        elif leaf.agg == "min":
            components = {v: value.min()}  # type: ignore[union-attr]
        else:
            components = {v: value.max()}  # type: ignore[union-attr]
        grouped = rows.group_by(bucket=rows[leaf.time].truncate(unit)).agg(**components)
    return grouped.mutate(bucket=_as_date(grouped.bucket))


def _combine(parts: list[ir.Table]) -> ir.Table:
    """Put the component tables of several leaves side by side, one row per bucket."""
    if len(parts) == 1:
        return parts[0]
    types: dict[str, dt.DataType] = {}
    for part in parts:
        for name, dtype in part.schema().items():
            if name != "bucket":
                types[name] = dtype
    aligned = []
    for part in parts:
        own = set(part.columns)
        aligned.append(
            part.select(
                bucket=part.bucket,
                **{name: part[name] if name in own else ibis.null().cast(dtype) for name, dtype in types.items()},
            )
        )
    stacked = ibis.union(*aligned, distinct=False)
    return stacked.group_by("bucket").agg(**{name: stacked[name].max() for name in types})


def _leaf_value(table: ir.Table, leaf: SimpleMetric, index: int, *, cumulative: bool) -> dict[str, ir.Value]:
    """Return columns holding a leaf's value per bucket (running from the first bucket when cumulative)."""
    v = table[f"v{index}"]
    name = f"value{index}"
    if not cumulative:
        if leaf.agg in ("count", "count_distinct", "sum"):
            return {name: v.coalesce(0)}
        return {name: v}
    order = table.bucket
    if leaf.agg in ("count", "count_distinct", "sum"):
        return {name: v.coalesce(0).cumsum(order_by=order)}
    if leaf.agg == "avg":
        total = v.coalesce(0).cumsum(order_by=order)
        count = table[f"k{index}"].coalesce(0).cumsum(order_by=order)
        return {name: total / count.nullif(0)}
    if leaf.agg == "min":
        return {name: v.cummin(order_by=order)}
    return {name: v.cummax(order_by=order)}


def compile_metric(
    definitions: MetricsDefinitions,
    tables: Mapping[str, ir.Table],
    metric_id: str,
    *,
    grain: str,
    where: Mapping[str, str] | None = None,
    start: date | None = None,
    end: date | None = None,
    cumulative: bool = False,
) -> ir.Table:
    """Return the query of a metric's (period, value) rows for buckets of `grain` in [start, end).

    With `cumulative`, each row's value covers from `start` through the end of its bucket
    (or through `end`, whichever is first). Buckets without any input rows are left out.
    """
    slice_ = dict(where or {})
    leaves = definitions.leaves(metric_id)
    index_of = {leaf.id: index for index, leaf in enumerate(leaves)}
    parts = [
        leaf_components(
            leaf,
            definitions.sources[leaf.source],
            tables[leaf.source],
            index=index,
            grain=grain,
            where=slice_,
            start=start,
            end=end,
            cumulative=cumulative,
        )
        for index, leaf in enumerate(leaves)
    ]
    combined = _combine(parts)
    leaf_values: dict[str, ir.Value] = {}
    for leaf in leaves:
        leaf_values.update(_leaf_value(combined, leaf, index_of[leaf.id], cumulative=cumulative))
    per_leaf = combined.select("bucket", **leaf_values)
    cache: dict[str, ir.Value] = {}

    def value_of(name: str) -> ir.Value:
        if name in cache:
            return cache[name]
        metric = definitions.metrics[name]
        result: ir.Value
        if isinstance(metric, SimpleMetric):
            result = per_leaf[f"value{index_of[name]}"]
        elif isinstance(metric, RatioMetric):
            result = value_of(metric.numerator) / value_of(metric.denominator).nullif(0)
            if metric.unit == "%":
                result = result * 100
        else:
            result = to_ibis(metric.expr.tree, value_of)
        cache[name] = result
        return result

    value = value_of(metric_id)
    if value.type().is_decimal() or value.type().is_boolean():
        value = value.cast(dt.float64)
    return per_leaf.select(period=per_leaf.bucket, value=value).order_by("period")
