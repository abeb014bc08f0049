"""Check a metrics file against the tables' schemas: unknown columns, types, aggregations.

Also infers a loose schema from how columns are used, so that SQL can be compiled for a
remote engine without connecting to it when the file declares no `columns`.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.schema as sch
import ibis.expr.types as ir
from sqlglot import exp

from lodestar.metrics.compiler import column_of
from lodestar.metrics.definitions import DerivedMetric, Expression, MetricsDefinitions, SimpleMetric
from lodestar.metrics.errors import Problem
from lodestar.metrics.expressions import to_ibis
from lodestar.metrics.warehouse import unbound_tables

NUMERIC_AGGREGATIONS = ("sum", "avg")


def _quote(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def _unknown(column: str, table: ir.Table, text: str, where: str) -> str:
    close = difflib.get_close_matches(column, table.columns, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown column {column!r} in {_quote(text)} ({where}){hint}"


def _translate(
    expression: Expression, table: ir.Table, location: str, where: str, problems: list[Problem]
) -> ir.Value | None:
    missing = sorted(column for column in expression.columns if column not in table.columns)
    for column in missing:
        problems.append(Problem(location, _unknown(column, table, expression.text, where)))
    if missing:
        return None
    try:
        return to_ibis(expression.tree, lambda name: column_of(table, name))
    except Exception as error:
        problems.append(Problem(location, f"does not type-check in {_quote(expression.text)}: {_first(error)}"))
        return None


def _first(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text[:300] if text else type(error).__name__


def _check_time(table: ir.Table, column: str, location: str, where: str, problems: list[Problem]) -> bool:
    if column not in table.columns:
        problems.append(Problem(location, _unknown(column, table, column, where)))
        return False
    dtype = table[column].type()
    if not (dtype.is_date() or dtype.is_timestamp()):
        problems.append(Problem(location, f"time column {column!r} is {dtype}, not a date or timestamp ({where})"))
        return False
    return True


def _check_filter(value: ir.Value | None, location: str, text: str, problems: list[Problem]) -> None:
    if value is not None and not value.type().is_boolean():
        problems.append(Problem(location, f"a filter must be true or false, not {value.type()}: {_quote(text)}"))


def check_against_schemas(definitions: MetricsDefinitions, schemas: Mapping[str, sch.Schema]) -> list[Problem]:
    """Return every problem of the file's expressions and columns against the given table schemas."""
    problems: list[Problem] = []
    tables = unbound_tables(schemas, definitions)
    broken_sources: set[str] = set()
    for source_id, source in definitions.sources.items():
        if source_id not in tables:
            broken_sources.add(source_id)
            continue
        table = tables[source_id]
        where = f"table {source.table}"
        count = len(problems)
        _check_time(table, source.time, f"sources.{source_id}.time", where, problems)
        for name, expression in source.dimensions.items():
            _translate(expression, table, f"sources.{source_id}.dimensions.{name}", where, problems)
        if source.filter is not None:
            value = _translate(source.filter, table, f"sources.{source_id}.filter", where, problems)
            _check_filter(value, f"sources.{source_id}.filter", source.filter.text, problems)
        if len(problems) > count:
            broken_sources.add(source_id)
    broken_metrics: set[str] = set()
    for metric in definitions.metrics.values():
        if not isinstance(metric, SimpleMetric):
            continue
        if metric.source in broken_sources:
            broken_metrics.add(metric.id)
            continue
        count = len(problems)
        _check_simple(metric, tables[metric.source], definitions.sources[metric.source].table, problems)
        if len(problems) > count:
            broken_metrics.add(metric.id)
    for metric in definitions.metrics.values():
        if isinstance(metric, DerivedMetric) and not any(
            leaf.id in broken_metrics for leaf in definitions.leaves(metric.id)
        ):
            _check_derived(metric, problems)
    return problems


def _check_derived(metric: DerivedMetric, problems: list[Problem]) -> None:
    """Type-check a derived expression over its inputs' values (numbers, or no value)."""
    values = ibis.table(dict.fromkeys(metric.inputs, dt.float64), name="inputs")
    try:
        result = to_ibis(metric.expr.tree, lambda name: values[name])
    except Exception as error:
        problems.append(
            Problem(f"metrics.{metric.id}.expr", f"does not type-check ({_first(error)}): {_quote(metric.expr.text)}")
        )
        return
    if not (result.type().is_numeric() or result.type().is_null()):
        problems.append(
            Problem(f"metrics.{metric.id}.expr", f"must give a number, not {result.type()}: {_quote(metric.expr.text)}")
        )


def _check_simple(metric: SimpleMetric, table: ir.Table, table_name: str, problems: list[Problem]) -> None:
    location = f"metrics.{metric.id}"
    where = f"source {metric.source}, table {table_name}"
    _check_time(table, metric.time, f"{location}.time", where, problems)
    if metric.filter is not None:
        value = _translate(metric.filter, table, f"{location}.filter", where, problems)
        _check_filter(value, f"{location}.filter", metric.filter.text, problems)
    if metric.expr is None:
        return
    value = _translate(metric.expr, table, f"{location}.expr", where, problems)
    if value is None:
        return
    dtype = value.type()
    if metric.agg in NUMERIC_AGGREGATIONS and not dtype.is_numeric():
        problems.append(
            Problem(f"{location}.agg", f"{metric.agg} needs a number, but {_quote(metric.expr.text)} is {dtype}")
        )
    if metric.agg in ("min", "max") and not (dtype.is_numeric() or dtype.is_temporal() or dtype.is_string()):
        problems.append(
            Problem(f"{location}.agg", f"{metric.agg} cannot order {dtype} values of {_quote(metric.expr.text)}")
        )


def infer_schemas(definitions: MetricsDefinitions) -> dict[str, sch.Schema]:
    """Guess each source's column types from how the file uses them (for compiling without a connection)."""
    guesses: dict[str, dict[str, dt.DataType]] = {source_id: {} for source_id in definitions.sources}

    def note(source_id: str, column: str, dtype: dt.DataType) -> None:
        current = guesses[source_id].get(column)
        if current is None or current.is_string():
            guesses[source_id][column] = dtype

    def walk(source_id: str, expression: Expression, *, boolean: bool, numeric: bool = False) -> None:
        for column in expression.columns:
            note(source_id, column, dt.string)
        tree = expression.tree.unnest() if isinstance(expression.tree, exp.Paren) else expression.tree
        if isinstance(tree, exp.Column):
            note(source_id, tree.name, dt.boolean if boolean else dt.float64 if numeric else dt.string)
        for node in expression.tree.walk():
            children = [child.unnest() if isinstance(child, exp.Paren) else child for child in node.iter_expressions()]
            columns = [child for child in children if isinstance(child, exp.Column)]
            if isinstance(node, exp.And | exp.Or | exp.Not | exp.If) and columns:
                targets = columns if not isinstance(node, exp.If) else [c for c in columns if c is node.this]
                for found in targets:
                    note(source_id, found.name, dt.boolean)
            elif isinstance(node, exp.Add | exp.Sub | exp.Mul | exp.Div | exp.Mod | exp.Neg | exp.Abs | exp.Round):
                for found in columns:
                    note(source_id, found.name, dt.float64)
            elif isinstance(node, exp.EQ | exp.NEQ | exp.GT | exp.GTE | exp.LT | exp.LTE | exp.Between | exp.In):
                literals = [child for child in node.walk() if isinstance(child, exp.Literal)]
                if literals and all(not literal.is_string for literal in literals):
                    for found in columns:
                        note(source_id, found.name, dt.float64)

    for source_id, source in definitions.sources.items():
        for expression in source.dimensions.values():
            walk(source_id, expression, boolean=False)
        if source.filter is not None:
            walk(source_id, source.filter, boolean=True)
    for metric in definitions.metrics.values():
        if isinstance(metric, SimpleMetric):
            if metric.filter is not None:
                walk(metric.source, metric.filter, boolean=True)
            if metric.expr is not None:
                walk(metric.source, metric.expr, boolean=False, numeric=metric.agg in ("sum", "avg", "min", "max"))
    for source_id, source in definitions.sources.items():
        guesses[source_id][source.time] = dt.timestamp
    for metric in definitions.metrics.values():
        if isinstance(metric, SimpleMetric):
            guesses[metric.source][metric.time] = dt.timestamp
    return {source_id: ibis.schema(columns) for source_id, columns in guesses.items()}
