"""Compile a metric to one ibis query: rows of (period, value), one per bucket that has data.

Every simple metric a metric is computed from (a "leaf") becomes one aggregation grouped by
bucket. Leaves are combined by bucket in the engine; ratios and derived metrics are computed
on the combined, aggregated rows. Period-to-date values are running totals of the per-bucket
components, so a whole year of month-end values is still one query. Distinct counts to date
count each value once, in the bucket where it first appears.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Mapping
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


def _columns_of(table: ir.Table) -> Callable[[str], ir.Value]:
    """Return a resolver of column names against one table."""
    return lambda name: column_of(table, name)


def dimension_value(source: Source, table: ir.Table, name: str) -> ir.Value:
    """Return a dimension's expression over a source table, as a string."""
    value = to_ibis(source.dimensions[name].tree, lambda column: column_of(table, column))
    return value if value.type().is_string() else value.cast(dt.string)


def source_predicates(
    source: Source,
    table: ir.Table,
    *,
    time: str,
    where: Mapping[str, str],
    start: date | None,
    end: date | None,
) -> list[ir.BooleanValue]:
    """Return the row filters every metric of a source shares: source filter, time window, slice."""
    predicates: list[Any] = []
    if source.filter is not None:
        predicates.append(to_ibis(source.filter.tree, lambda column: column_of(table, column)))
    column = table[time]
    if start is not None:
        predicates.append(column >= time_bound(column, start))
    if end is not None:
        predicates.append(column < time_bound(column, end))
    for name, value in where.items():
        predicates.append(dimension_value(source, table, name) == ibis.literal(value, type=dt.string))
    return predicates


def _as_date(value: ir.Value) -> ir.Value:
    return value if value.type().is_date() else value.date()


def _aggregates(
    leaf: SimpleMetric, index: int, value: Any, condition: Any, rows: ir.Table, *, cumulative: bool
) -> dict[str, ir.Value]:
    v, k = f"v{index}", f"k{index}"
    if leaf.agg == "count":
        return {v: rows.count(where=condition) if value is None else value.count(where=condition)}
    if leaf.agg == "count_distinct":
        return {v: value.nunique(where=condition)}
    if leaf.agg == "sum":
        return {v: value.sum(where=condition)}
    if leaf.agg == "avg":
        if cumulative:
            return {v: value.sum(where=condition), k: value.count(where=condition)}
        return {v: value.mean(where=condition)}
    if leaf.agg == "min":
        return {v: value.min(where=condition)}
    return {v: value.max(where=condition)}


def group_components(
    group: list[tuple[int, SimpleMetric]],
    source: Source,
    table: ir.Table,
    *,
    grain: str,
    where: Mapping[str, str],
    start: date | None,
    end: date | None,
    cumulative: bool,
) -> list[ir.Table]:
    """Aggregate simple metrics of one source and time column per bucket, in one pass over the rows.

    Each metric `i` gets component columns `v<i>` (and `k<i>` for averages to date). Metric
    filters become per-aggregate conditions; a lone metric's filter joins the WHERE clause.
    """
    time = group[0][1].time
    shared = source_predicates(source, table, time=time, where=where, start=start, end=end)
    resolve_table = _columns_of(table)
    conditions = {
        index: to_ibis(leaf.filter.tree, resolve_table) if leaf.filter is not None else None for index, leaf in group
    }
    if len(group) == 1 and conditions[group[0][0]] is not None:
        shared.append(conditions[group[0][0]])
        conditions = {group[0][0]: None}
    elif all(condition is not None for condition in conditions.values()):
        # Rows no metric wants are dropped before aggregating.
        shared.append(functools.reduce(operator.or_, conditions.values()))
    rows = table.filter(*shared) if shared else table
    resolve = _columns_of(rows)
    conditions = {
        index: to_ibis(leaf.filter.tree, resolve) if conditions[index] is not None and leaf.filter is not None else None
        for index, leaf in group
    }
    unit = TRUNCATE_UNIT[grain]
    aggregates: dict[str, ir.Value] = {}
    firsts_by_value: dict[str, list[tuple[int, SimpleMetric]]] = {}
    for index, leaf in group:
        if leaf.agg == "count_distinct" and cumulative and leaf.expr is not None:
            firsts_by_value.setdefault(leaf.expr.text, []).append((index, leaf))
            continue
        value = to_ibis(leaf.expr.tree, resolve) if leaf.expr is not None else None
        aggregates.update(_aggregates(leaf, index, value, conditions[index], rows, cumulative=cumulative))
    parts: list[ir.Table] = []
    if aggregates:
        grouped = rows.group_by(bucket=rows[time].truncate(unit)).agg(**aggregates)
        parts.append(grouped.mutate(bucket=_as_date(grouped.bucket)))
    for members in firsts_by_value.values():
        # A distinct value counts to date once, in the bucket where it is first seen.
        expression = members[0][1].expr
        assert expression is not None
        value = to_ibis(expression.tree, resolve)
        keyed = rows.filter(value.notnull())
        first_seen = {
            f"first{index}": keyed[time].min(
                where=to_ibis(leaf.filter.tree, _columns_of(keyed))
                if conditions[index] is not None and leaf.filter is not None
                else None
            )
            for index, leaf in members
        }
        firsts = keyed.group_by(distinct_value=to_ibis(expression.tree, _columns_of(keyed))).agg(**first_seen)
        for index, _ in members:
            seen = firsts[f"first{index}"]
            counted = firsts.filter(seen.notnull()) if len(members) > 1 or conditions[index] is not None else firsts
            grouped = counted.group_by(bucket=counted[f"first{index}"].truncate(unit)).agg(
                **{f"v{index}": counted.count()}
            )
            parts.append(grouped.mutate(bucket=_as_date(grouped.bucket)))
    return parts


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
    groups: dict[tuple[str, str], list[tuple[int, SimpleMetric]]] = {}
    for index, leaf in enumerate(leaves):
        groups.setdefault((leaf.source, leaf.time), []).append((index, leaf))
    parts = [
        part
        for (source_id, _), group in groups.items()
        for part in group_components(
            group,
            definitions.sources[source_id],
            tables[source_id],
            grain=grain,
            where=slice_,
            start=start,
            end=end,
            cumulative=cumulative,
        )
    ]
    combined = _combine(parts)
    leaf_values: dict[str, ir.Value] = {}
    for leaf in leaves:
        leaf_values.update(_leaf_value(combined, leaf, index_of[leaf.id], cumulative=cumulative))
    # A decimal total (a sum of amounts) is aggregated exactly, then computed on as a double: engines
    # divide decimals with scales of their own (Spark to 6 places, Trino to the operands'), doubles alike.
    leaf_values = {name: v.cast(dt.float64) if v.type().is_decimal() else v for name, v in leaf_values.items()}
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
