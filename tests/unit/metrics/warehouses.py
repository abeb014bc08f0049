"""The same small generated extract, served by DuckDB (from Parquet) or by PostgreSQL (copied rows).

Each warehouse offers the metrics file that points at it and `query(sql)` to run hand-written
SQL on the same engine, so tests can compute expected values without the metrics compiler.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from lodestar.metrics.demo_warehouse import demo_metrics_text, generate

TODAY = date(2026, 5, 15)
START = date(2025, 7, 1)
LEADS = 3000
POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/{name}"
# Metrics the demo file lacks, so every aggregation is covered.
EXTRA_METRICS = {
    "largest_order": {"type": "simple", "source": "orders", "agg": "max", "expr": "realized_amount", "unit": "EUR"},
    "smallest_list_price": {"type": "simple", "source": "orders", "agg": "min", "expr": "list_price", "unit": "EUR"},
}


@dataclass
class Warehouse:
    """A metrics file over one engine and a way to run hand-written SQL on that engine."""

    name: str
    metrics_file: Path
    connection: Any
    environment: dict[str, str] = field(default_factory=dict)

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        """Run hand-written SQL on the warehouse's engine; numbers come back as float."""
        if self.name == "duckdb":
            rows = self.connection.execute(sql).fetchall()
        else:
            with self.connection.cursor() as cursor:
                cursor.execute(sql)
                rows = cursor.fetchall()
        return [
            tuple(
                float(value) if isinstance(value, Decimal | int) and not isinstance(value, bool) else value
                for value in row
            )
            for row in rows
        ]


def write_extract(directory: Path) -> dict[str, Path]:
    """Generate the test extract (Parquet) into a directory."""
    return generate(directory=directory, today=TODAY, start=START, leads=LEADS).files


def _metrics_document(warehouse: dict[str, Any]) -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(demo_metrics_text())
    document["warehouse"] = warehouse
    document["metrics"].update(EXTRA_METRICS)
    return document


def duckdb_warehouse(directory: Path, files: dict[str, Path]) -> Iterator[Warehouse]:
    """Serve the extract from its Parquet files."""
    tables = {"leads": "leads", "touchpoints": "touchpoints", "spend": "campaign_spend", "orders": "orders"}
    document = _metrics_document(
        {"engine": "duckdb", "tables": {name: files[file].name for name, file in tables.items()}}
    )
    path = directory / "metrics.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    for name, file in tables.items():
        connection.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{files[file]}')")
    yield Warehouse("duckdb", path, connection)
    connection.close()


POSTGRES_TYPES = {
    pa.int64(): "BIGINT",
    pa.int32(): "INTEGER",
    pa.float64(): "DOUBLE PRECISION",
    pa.string(): "TEXT",
    pa.bool_(): "BOOLEAN",
    pa.date32(): "DATE",
    pa.timestamp("us"): "TIMESTAMP",
    pa.decimal128(18, 2): "NUMERIC(18, 2)",
}


def postgres_warehouse(directory: Path, files: dict[str, Path]) -> Iterator[Warehouse]:
    """Copy the extract's rows into a fresh PostgreSQL database; skip (or fail on CI) without a server."""
    import psycopg

    try:
        admin = psycopg.connect(POSTGRES_URL.format(name="postgres"), autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required on CI: {error}")
        pytest.skip(f"PostgreSQL is not running: {error}")
    name = f"lodestar_metrics_test_{secrets.token_hex(4)}"
    admin.execute(f"CREATE DATABASE {name}")
    connection = psycopg.connect(POSTGRES_URL.format(name=name), autocommit=True)
    try:
        connection.execute("SET TIME ZONE 'UTC'")
        tables = {"leads": "leads", "touchpoints": "touchpoints", "spend": "campaign_spend", "orders": "orders"}
        for table, file in tables.items():
            data = pq.read_table(files[file])
            columns = ", ".join(f"{column.name} {POSTGRES_TYPES[column.type]}" for column in data.schema)
            connection.execute(f"CREATE TABLE {table} ({columns})")
            with connection.cursor() as cursor, cursor.copy(f"COPY {table} FROM STDIN") as copy:
                for row in data.to_pylist():
                    copy.write_row(tuple(row.values()))
        environment = {"LODESTAR_TEST_WAREHOUSE_URL": POSTGRES_URL.format(name=name)}
        document = _metrics_document({"engine": "postgres", "url": "${LODESTAR_TEST_WAREHOUSE_URL}"})
        path = directory / "metrics-postgres.yaml"
        path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
        yield Warehouse("postgres", path, connection, environment)
    finally:
        connection.close()
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()
