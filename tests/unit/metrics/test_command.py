"""The `metrics` command's check, values and sql subcommands (no database needed)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest
from django.core.management import call_command

from lodestar.metrics.management.commands.metrics import Command


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(*args: str) -> Result:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command(Command(), *args, stdout=out, stderr=err)
    except SystemExit as stop:
        code = int(stop.code or 0)
    return Result(code, out.getvalue(), err.getvalue())


def test_check_reports_a_valid_file(write_metrics: Callable[..., Path], base_document: dict[str, Any]) -> None:
    path = write_metrics(base_document)
    result = run("--metrics", str(path), "check")
    assert result.code == 0
    assert f"{path}: OK, 7 metrics over 2 sources (duckdb)" in result.out


def test_check_exits_2_with_every_error(write_metrics: Callable[..., Path], base_document: dict[str, Any]) -> None:
    base_document["metrics"]["mqls"]["filter"] = "1; DROP TABLE x"
    base_document["metrics"]["spend"]["expr"] = "read_csv('/etc/passwd')"
    path = write_metrics(base_document)
    result = run("check", "--metrics", str(path))
    assert result.code == 2
    lines = result.err.splitlines()
    assert any(line.startswith(f"{path}: metrics.mqls.filter:") and "1; DROP TABLE x" in line for line in lines)
    assert any(line.startswith(f"{path}: metrics.spend.expr:") and "read_csv('/etc/passwd')" in line for line in lines)
    assert lines[-1] == f"2 errors in {path}"


def test_the_metrics_file_comes_from_the_environment(
    write_metrics: Callable[..., Path], base_document: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LODESTAR_METRICS_FILE", str(write_metrics(base_document)))
    assert run("check").code == 0
    monkeypatch.delenv("LODESTAR_METRICS_FILE")
    result = run("check")
    assert result.code == 2
    assert "LODESTAR_METRICS_FILE" in result.err


def test_values_prints_json_rows_per_bucket(
    write_metrics: Callable[..., Path], base_document: dict[str, Any], small_warehouse: Path
) -> None:
    path = write_metrics(base_document)
    result = run(
        "--metrics",
        str(path),
        "values",
        "spend",
        "--grain",
        "month",
        "--from",
        "2026-01-01",
        "--to",
        "2026-04-01",
        "--where",
        "business_unit=bu-pumps",
        "--format",
        "json",
    )
    assert result.code == 0, result.err
    document = json.loads(result.out)
    connection = duckdb.connect()
    expected = dict(
        connection.execute(
            f"SELECT strftime(date_trunc('month', spend_date), '%Y-%m-%d'), sum(amount) "
            f"FROM read_csv('{small_warehouse / 'data' / 'spend.csv'}') WHERE business_unit = 'bu-pumps' GROUP BY 1"
        ).fetchall()
    )
    assert document["metric"] == "spend"
    assert [row["period"] for row in document["rows"]] == ["2026-01-01", "2026-02-01", "2026-03-01"]
    for row in document["rows"]:
        assert row["value"] == pytest.approx(float(expected.get(row["period"], 0)))


def test_values_of_a_ratio_without_data_are_null(
    write_metrics: Callable[..., Path], base_document: dict[str, Any]
) -> None:
    path = write_metrics(base_document)
    result = run(
        "--metrics",
        str(path),
        "values",
        "mql_to_sql_rate",
        "--from",
        "2026-04-01",
        "--to",
        "2026-05-01",
        "--format",
        "json",
    )
    assert json.loads(result.out) == {"metric": "mql_to_sql_rate", "rows": [{"period": "2026-04-01", "value": None}]}


def test_values_refuses_an_unknown_dimension_in_one_line(
    write_metrics: Callable[..., Path], base_document: dict[str, Any]
) -> None:
    path = write_metrics(base_document)
    result = run(
        "--metrics", str(path), "values", "spend", "--from", "2026-01-01", "--to", "2026-02-01", "--where", "team=kam"
    )
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1
    assert "cannot be sliced by 'team'" in result.err


def test_sql_prints_the_query_for_an_engine_without_connecting(
    write_metrics: Callable[..., Path], base_document: dict[str, Any]
) -> None:
    base_document["warehouse"] = {"engine": "postgres", "url": "${LODESTAR_UNSET_FOR_SQL_TEST}"}
    base_document["sources"]["leads"]["table"] = "crm.leads"
    base_document["sources"]["spend"]["table"] = "marketing.spend"
    path = write_metrics(base_document)
    result = run("--metrics", str(path), "sql", "cost_per_mql", "--engine", "bigquery", "--grain", "quarter")
    assert result.code == 0, result.err
    assert "`crm`.`leads`" in result.out
    assert "TIMESTAMP_TRUNC" in result.out and "QUARTER" in result.out


def test_sql_refuses_an_unknown_column_with_its_path(
    write_metrics: Callable[..., Path], base_document: dict[str, Any]
) -> None:
    base_document["metrics"]["spend"]["expr"] = "amount_typo"
    path = write_metrics(base_document)
    result = run("--metrics", str(path), "sql", "spend", "--engine", "duckdb")
    assert result.code == 2
    assert result.out == ""
    lines = result.err.splitlines()
    assert lines[0].startswith(f"{path}: metrics.spend.expr: unknown column 'amount_typo'")
    assert lines[-1] == f"1 error in {path}"


def test_an_unreachable_server_is_one_clear_line(
    write_metrics: Callable[..., Path], base_document: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LODESTAR_TEST_DEAD_WAREHOUSE", "postgresql://nobody@127.0.0.1:1/warehouse")
    base_document["warehouse"] = {"engine": "postgres", "url": "${LODESTAR_TEST_DEAD_WAREHOUSE}"}
    result = run("--metrics", str(write_metrics(base_document)), "check")
    assert result.code == 2
    assert result.err.startswith("postgres: cannot connect to the warehouse:")
    assert len(result.err.strip().splitlines()) == 1


def test_a_missing_table_on_the_server_names_the_source(
    write_metrics: Callable[..., Path], base_document: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import psycopg

    try:
        psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", connect_timeout=3).close()
    except psycopg.OperationalError:
        pytest.skip("PostgreSQL is not running")
    monkeypatch.setenv("LODESTAR_TEST_WAREHOUSE", "postgresql://postgres@127.0.0.1:5432/postgres")
    base_document["warehouse"] = {"engine": "postgres", "url": "${LODESTAR_TEST_WAREHOUSE}"}
    base_document["sources"]["leads"]["table"] = "lodestar_no_such_schema.leads"
    path = write_metrics(base_document)
    result = run("--metrics", str(path), "check")
    assert result.code == 2
    assert any(
        line == f"{path}: sources.leads.table: postgres: table 'lodestar_no_such_schema.leads' not found"
        for line in result.err.splitlines()
    )
    assert sum("sources.leads.table" in line for line in result.err.splitlines()) == 1


def test_help_lists_the_subcommands() -> None:
    out = io.StringIO()
    Command().create_parser("lodestar", "metrics").print_help(out)
    for name in ("check", "values", "sql", "list", "refresh", "LODESTAR_METRICS_FILE"):
        assert name in out.getvalue()
