"""Load a metrics file against its warehouse and compute values, SQL and refresh measurements."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any

import ibis
import ibis.expr.schema as sch

from lodestar.metrics.buckets import bucket_start, bucket_starts, next_bucket_start, refresh_plan
from lodestar.metrics.compiler import compile_metric
from lodestar.metrics.definitions import ENGINES, GRAINS, Binding, MetricsDefinitions, binding_problems
from lodestar.metrics.definitions import parse_binding as parse_binding  # noqa: PLC0414 - an explicit re-export
from lodestar.metrics.errors import BindingError, EngineError, MetricsFileError, Problem
from lodestar.metrics.loader import read_partial
from lodestar.metrics.validation import check_against_schemas, infer_schemas
from lodestar.metrics.warehouse import WarehouseConnection, connect, declared_schema, unbound_tables


@dataclass(frozen=True)
class MetricValue:
    """A metric's value for the bucket starting on `period` (None: no value)."""

    period: date
    value: float | None


class LoadedMetrics:
    """A valid metrics file with an open connection to its warehouse; close it after use."""

    def __init__(self, definitions: MetricsDefinitions, connection: WarehouseConnection) -> None:
        self.definitions = definitions
        self.connection = connection

    def __enter__(self) -> LoadedMetrics:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the warehouse connection."""
        self.connection.close()


def load(path: Path) -> LoadedMetrics:
    """Read, connect and check a metrics file; raises MetricsFileError with every problem, or EngineError."""
    definitions, problems = read_partial(path)
    try:
        connection, table_problems = connect(definitions)
    except EngineError as error:
        if problems:
            raise MetricsFileError(path, [*problems, Problem("warehouse", str(error))]) from None
        raise
    problems.extend(table_problems)
    failed = {problem.location for problem in table_problems}
    schemas: dict[str, sch.Schema] = {}
    for source_id, source in definitions.sources.items():
        if f"warehouse.tables.{source.table}" in failed or f"sources.{source_id}.table" in failed:
            continue
        try:
            schemas[source_id] = connection.table(source).schema()
        except EngineError as error:
            problems.append(Problem(f"sources.{source_id}.table", str(error)))
    problems.extend(check_against_schemas(definitions, schemas))
    if problems:
        connection.close()
        raise MetricsFileError(path, problems)
    return LoadedMetrics(definitions, connection)


def offline_schemas(definitions: MetricsDefinitions) -> dict[str, sch.Schema]:
    """Return table schemas without reaching a remote engine: declared, read from local files, or inferred."""
    schemas: dict[str, sch.Schema] = {}
    for source_id, source in definitions.sources.items():
        declared = declared_schema(source)
        if declared is not None:
            schemas[source_id] = declared
    if definitions.warehouse.engine == "duckdb" and len(schemas) < len(definitions.sources):
        try:
            connection, _ = connect(definitions)
        except EngineError:
            connection = None
        if connection is not None:
            for source_id, source in definitions.sources.items():
                if source_id not in schemas:
                    with contextlib.suppress(EngineError):
                        schemas[source_id] = connection.table(source).schema()
            connection.close()
    inferred = infer_schemas(definitions)
    for source_id in definitions.sources:
        schemas.setdefault(source_id, inferred[source_id])
    return schemas


def check_query(definitions: MetricsDefinitions, metric_id: str, *, grain: str, where: Mapping[str, str]) -> None:
    """Refuse an unknown metric, grain or dimension; raises BindingError."""
    if metric_id in definitions.metrics and grain not in GRAINS:
        raise BindingError(f"unknown grain {grain!r} (one of: {', '.join(GRAINS)})")
    problems = binding_problems(definitions, metric_id, where)
    if problems:
        raise BindingError(problems[0][1])


def _clean(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, int | float):
        return value
    raise EngineError(f"the engine returned {value!r}, not a number")


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise EngineError(f"the engine returned {value!r}, not a date")


def _run(loaded: LoadedMetrics, metric_id: str, **options: Any) -> dict[date, float | None]:
    expression = compile_metric(loaded.definitions, loaded.connection.tables(), metric_id, **options)
    return {_as_date(row["period"]): _clean(row["value"]) for row in loaded.connection.execute(expression)}


def values(
    loaded: LoadedMetrics,
    metric_id: str,
    *,
    grain: str,
    start: date,
    end: date,
    where: Mapping[str, str] | None = None,
) -> list[MetricValue]:
    """Return one value per bucket whose first day lies in [start, end), each covering its whole bucket."""
    slice_ = dict(where or {})
    check_query(loaded.definitions, metric_id, grain=grain, where=slice_)
    starts = bucket_starts(start, end, grain)
    if not starts:
        return []
    found = _run(
        loaded, metric_id, grain=grain, where=slice_, start=starts[0], end=next_bucket_start(starts[-1], grain)
    )
    empty = loaded.definitions.empty_value(metric_id)
    return [MetricValue(period, found.get(period, empty)) for period in starts]


class _PySparkOptions(ibis.config.Config):
    """The PySpark backend's options, for compiling Spark SQL without pyspark installed."""

    treat_nan_as_null: bool = False


def compile_sql(
    definitions: MetricsDefinitions,
    metric_id: str,
    *,
    engine: str,
    grain: str = "month",
    where: Mapping[str, str] | None = None,
    start: date | None = None,
    end: date | None = None,
    schemas: Mapping[str, sch.Schema] | None = None,
) -> str:
    """Return the SQL a metric compiles to for an engine, grouped by bucket, without connecting anywhere."""
    slice_ = dict(where or {})
    check_query(definitions, metric_id, grain=grain, where=slice_)
    if engine not in ENGINES:
        raise BindingError(f"unknown engine {engine!r} (one of: {', '.join(ENGINES)})")
    if engine == "pyspark" and ibis.options.pyspark is None:
        # The PySpark compiler reads options its backend registers, which needs pyspark installed.
        ibis.options.pyspark = _PySparkOptions()
    known = schemas if schemas is not None else offline_schemas(definitions)
    problems = check_against_schemas(definitions, known)
    if problems:
        raise MetricsFileError(definitions.path, problems)
    tables = unbound_tables(known, definitions)
    expression = compile_metric(definitions, tables, metric_id, grain=grain, where=slice_, start=start, end=end)
    return str(ibis.to_sql(expression, dialect=engine)).strip() + ";"


def measurements(
    loaded: LoadedMetrics,
    binding: Binding,
    *,
    period_start: date,
    period_end: date,
    as_of: date,
) -> list[tuple[date, float]]:
    """Return the (date, value) measurements a refresh writes for a binding over a period (end inclusive)."""
    definitions = loaded.definitions
    check_query(definitions, binding.metric, grain=binding.grain, where=binding.where_dict)
    plan = refresh_plan(
        period_start=period_start, period_end=period_end, as_of=as_of, grain=binding.grain, window=binding.window
    )
    if plan is None:
        return []
    found = _run(
        loaded,
        binding.metric,
        grain=binding.grain,
        where=binding.where_dict,
        start=plan.start,
        end=plan.end,
        cumulative=plan.cumulative,
    )
    empty = definitions.empty_value(binding.metric)
    by_bucket: dict[date, float | None] = {}
    if plan.cumulative:
        # A bucket without rows leaves every running total, and so the value, as it was.
        current = empty
        last_bucket = max(plan.dates.values())
        period = bucket_start(plan.start, binding.grain)
        while period <= last_bucket:
            current = found.get(period, current)
            by_bucket[period] = current
            period = next_bucket_start(period, binding.grain)
    else:
        by_bucket = {period: found.get(period, empty) for period in plan.dates.values()}
    result: list[tuple[date, float]] = []
    for day, period in sorted(plan.dates.items()):
        value = by_bucket.get(period)
        if value is not None:
            result.append((day, value))
    return result
