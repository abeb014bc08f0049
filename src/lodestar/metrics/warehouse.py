"""Connections to the warehouse engines, table schemas, and engine errors as one clear line.

DuckDB reads the CSV and Parquet files named in the metrics file. Spark (`pyspark`) is reached
at a master or a Spark Connect server and registers the files named in the metrics file as
temporary views (`spark.py`). Other engines are reached through ibis with the URL from the
file, whose `${VAR}` parts come from the environment.
Every session runs in UTC so that buckets and windows mean the same everywhere.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.schema as sch
import ibis.expr.types as ir

from lodestar.metrics import spark
from lodestar.metrics.definitions import MetricsDefinitions, Source
from lodestar.metrics.errors import EngineError, Problem
from lodestar.metrics.loader import ENV_REFERENCE

CSV_SUFFIXES = (".csv", ".tsv", ".csv.gz", ".tsv.gz", ".txt")
PARQUET_SUFFIXES = (".parquet", ".pq")
DRIVER_EXTRAS = {"trino": "trino", "pyspark": "pyspark", "bigquery": "bigquery", "snowflake": "snowflake"}
# How many warehouse connections this process opened, per engine: pages that must not reach the
# warehouse on load (the catalog) are held to it by a test that reads it.
OPENED: Counter[str] = Counter()


def one_line(error: BaseException) -> str:
    """Return the first meaningful line of an exception's message."""
    for line in str(error).splitlines():
        if line.strip():
            return " ".join(line.split())
    return type(error).__name__


def expand_url(url: str) -> str:
    """Replace `${VAR}` by the environment variable's value; raises EngineError when one is unset."""
    missing = [name for name in ENV_REFERENCE.findall(url) if name not in os.environ]
    if missing:
        raise EngineError(f"warehouse.url: environment variable {missing[0]} is not set")
    return ENV_REFERENCE.sub(lambda match: os.environ[match.group(1)], url)


def split_table_name(name: str) -> tuple[str | None, str | None, str]:
    """Split `catalog.schema.table`, `schema.table` or `table` into its parts."""
    parts = name.split(".")
    if len(parts) == 3:
        return parts[0], parts[1], parts[2]
    if len(parts) == 2:
        return None, parts[0], parts[1]
    return None, None, parts[0]


def _file_reader(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(PARQUET_SUFFIXES):
        return "parquet"
    if name.endswith(CSV_SUFFIXES):
        return "csv"
    raise EngineError(f"{path.name}: expected a .csv or .parquet file")


class WarehouseConnection:
    """An open connection to the warehouse of one metrics file."""

    def __init__(self, definitions: MetricsDefinitions, backend: Any) -> None:
        self.definitions = definitions
        self.backend = backend
        self.engine = definitions.warehouse.engine
        self._tables: dict[str, ir.Table] = {}

    def table(self, source: Source) -> ir.Table:
        """Return a source's table; raises EngineError when the engine does not have it."""
        if source.id not in self._tables:
            self._tables[source.id] = self._open_table(source.table)
        return self._tables[source.id]

    def tables(self) -> dict[str, ir.Table]:
        """Return the tables of every source, keyed by source id."""
        return {source_id: self.table(source) for source_id, source in self.definitions.sources.items()}

    def _open_table(self, name: str) -> ir.Table:
        catalog, database, table = split_table_name(name)
        try:
            if database is None:
                return self.backend.table(table)
            if catalog is None:
                return self.backend.table(table, database=database)
            return self.backend.table(table, database=(catalog, database))
        except Exception as error:
            if type(error).__name__ == "TableNotFound":
                raise EngineError(f"{self.engine}: table {name!r} not found") from None
            raise EngineError(f"{self.engine}: table {name!r} cannot be read: {one_line(error)}") from None

    def execute(self, expression: ir.Table) -> list[dict[str, Any]]:
        """Run a query in the engine and return its rows; raises EngineError with one clear line."""
        try:
            rows: list[dict[str, Any]] = expression.to_pyarrow().to_pylist()
            return rows
        except Exception as error:
            raise EngineError(f"{self.engine}: the query failed: {one_line(error)}") from None

    def close(self) -> None:
        """Close the connection; a Spark session stays up for the process (see `spark.py`)."""
        if self.engine == "pyspark" and spark.is_spark_backend(self.backend):
            return
        # Closing a broken connection must not hide the error that broke it.
        with contextlib.suppress(Exception):
            self.backend.disconnect()


def connect(definitions: MetricsDefinitions) -> tuple[WarehouseConnection, list[Problem]]:
    """Open the warehouse; return the connection and the tables that could not be opened.

    Raises EngineError when the engine itself cannot be reached.
    """
    warehouse = definitions.warehouse
    OPENED[warehouse.engine] += 1
    if warehouse.engine == "duckdb":
        return _connect_duckdb(definitions)
    if warehouse.url is None:
        raise EngineError(f"warehouse.url: the {warehouse.engine} engine needs a url")
    url = expand_url(warehouse.url)
    if warehouse.engine == "pyspark" and spark.is_spark_url(url):
        try:
            backend = spark.connect(url)
        except EngineError as error:
            raise EngineError(_hide_secrets(str(error), url)) from None
        return _with_table_files(definitions, backend)
    try:
        backend = ibis.connect(url)
    except ModuleNotFoundError as error:
        extra = DRIVER_EXTRAS.get(warehouse.engine, warehouse.engine)
        raise EngineError(
            f"{warehouse.engine}: its driver is not installed ({error.name}): pip install 'ibis-framework[{extra}]'"
        ) from None
    except Exception as error:
        raise EngineError(
            f"{warehouse.engine}: cannot connect to the warehouse: {_hide_secrets(one_line(error), url)}"
        ) from None
    _set_utc(backend, warehouse.engine)
    connection = WarehouseConnection(definitions, backend)
    problems: list[Problem] = []
    for source_id, source in definitions.sources.items():
        try:
            connection.table(source)
        except EngineError as error:
            problems.append(Problem(f"sources.{source_id}.table", str(error)))
    return connection, problems


def _hide_secrets(message: str, url: str) -> str:
    for value in os.environ.values():
        if len(value) >= 4 and value in url and value in message:
            message = message.replace(value, "***")
    return message


def _set_utc(backend: Any, engine: str) -> None:
    statement = {
        "postgres": "SET TIME ZONE 'UTC'",
        "duckdb": "SET TimeZone = 'UTC'",
        "trino": "SET TIME ZONE 'UTC'",
        "snowflake": "ALTER SESSION SET TIMEZONE = 'UTC', WEEK_START = 1",
        "pyspark": "SET spark.sql.session.timeZone = UTC",
    }.get(engine)
    if statement is None:
        return
    try:
        result = backend.raw_sql(statement)
        # DuckDB hands back its connection itself; other engines a cursor to close.
        if engine != "duckdb" and hasattr(result, "close"):
            result.close()
    except Exception as error:
        raise EngineError(f"{engine}: cannot set the session time zone to UTC: {one_line(error)}") from None


def _connect_duckdb(definitions: MetricsDefinitions) -> tuple[WarehouseConnection, list[Problem]]:
    try:
        backend = ibis.duckdb.connect()
    except Exception as error:
        raise EngineError(f"duckdb: cannot start: {one_line(error)}") from None
    _set_utc(backend, "duckdb")
    return _with_table_files(definitions, backend)


def _with_table_files(definitions: MetricsDefinitions, backend: Any) -> tuple[WarehouseConnection, list[Problem]]:
    """Register each file under `warehouse.tables` as a table (DuckDB) or temporary view (Spark) of its name."""
    problems = missing_table_files(definitions)
    missing = {problem.location for problem in problems}
    for name, path in definitions.warehouse.tables.items():
        location = f"warehouse.tables.{name}"
        if location in missing:
            continue
        try:
            if _file_reader(path) == "parquet":
                backend.read_parquet(str(path), table_name=name)
            else:
                backend.read_csv(str(path), table_name=name)
        except EngineError as error:
            problems.append(Problem(location, str(error)))
        except Exception as error:
            problems.append(Problem(location, f"cannot read {path.name}: {one_line(error)}"))
    connection = WarehouseConnection(definitions, backend)
    for source_id, source in definitions.sources.items():
        if definitions.warehouse.engine != "duckdb" and source.table not in definitions.warehouse.tables:
            try:
                connection.table(source)
            except EngineError as error:
                problems.append(Problem(f"sources.{source_id}.table", str(error)))
    return connection, problems


def missing_table_files(definitions: MetricsDefinitions) -> list[Problem]:
    """Return a problem for each file under `warehouse.tables` that does not exist (no engine is asked)."""
    return [
        Problem(f"warehouse.tables.{name}", f"file not found: {path}")
        for name, path in definitions.warehouse.tables.items()
        if not path.is_file()
    ]


def declared_schema(source: Source) -> sch.Schema | None:
    """Return the schema a source declares under `columns`, if any."""
    if source.columns is None:
        return None
    return ibis.schema({name: dt.dtype(type_name) for name, type_name in source.columns.items()})


def unbound_tables(schemas: Mapping[str, sch.Schema], definitions: MetricsDefinitions) -> dict[str, ir.Table]:
    """Return tables that compile to SQL without any connection, keyed by source id."""
    tables: dict[str, ir.Table] = {}
    for source_id, schema in schemas.items():
        catalog, database, name = split_table_name(definitions.sources[source_id].table)
        tables[source_id] = ibis.table(schema, name=name, catalog=catalog, database=database)
    return tables
