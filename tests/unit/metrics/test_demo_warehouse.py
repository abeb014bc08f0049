"""The demo warehouse extract: deterministic, consistent, and loadable by the demo metrics file."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import duckdb

from lodestar.metrics.demo_warehouse import generate, write_demo
from lodestar.metrics.engine import load


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_same_seed_and_size_give_the_same_files(tmp_path: Path) -> None:
    first = generate(directory=tmp_path / "a", today=date(2026, 3, 1), leads=500, file_format="csv")
    second = generate(directory=tmp_path / "b", today=date(2026, 3, 1), leads=500, file_format="csv")
    assert {name: digest(path) for name, path in first.files.items()} == {
        name: digest(path) for name, path in second.files.items()
    }
    other = generate(directory=tmp_path / "c", today=date(2026, 3, 1), leads=500, file_format="csv", seed=7)
    assert digest(other.files["leads"]) != digest(first.files["leads"])


def test_the_funnel_is_consistent_and_stays_before_today(tmp_path: Path) -> None:
    extract = generate(directory=tmp_path, today=date(2026, 3, 1), leads=2000)
    leads = extract.files["leads"]
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    [(count, out_of_order, late, earliest)] = connection.execute(
        f"""SELECT count(*),
                   count(*) FILTER (WHERE sql_at < mql_at OR won_at < sql_at OR mql_at < created_at
                                     OR (sql_at IS NOT NULL AND mql_at IS NULL) OR (won_at IS NOT NULL AND sql_at IS NULL)),
                   count(*) FILTER (WHERE greatest(created_at, mql_at, sql_at, won_at) >= TIMESTAMP '2026-03-01'),
                   min(created_at)
            FROM read_parquet('{leads}')"""
    ).fetchall()
    assert count == 2000
    assert out_of_order == 0
    assert late == 0
    assert earliest.date() >= date(2025, 1, 1)
    [(realized_above_list,)] = connection.execute(
        f"SELECT count(*) FILTER (WHERE realized_price > list_price) FROM read_parquet('{extract.files['orders']}')"
    ).fetchall()
    assert realized_above_list == 0


def test_the_demo_metrics_file_loads_over_the_extract(tmp_path: Path) -> None:
    path = write_demo(directory=tmp_path, today=date(2026, 3, 1), leads=300, file_format="csv")
    with load(path) as loaded:
        assert {"mqls", "mql_to_sql_rate", "cost_per_mql", "price_realization", "web_sessions"} <= set(
            loaded.definitions.metrics
        )
        assert loaded.definitions.warehouse.tables["leads"].name == "leads.csv"
