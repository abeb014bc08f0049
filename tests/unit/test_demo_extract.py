"""The demo's warehouse extract: one history seen as of a day, with the trends the demo's targets expect."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from lodestar.metrics.demo_warehouse import Extract, demo_extract, generate

EARLIER = date(2026, 5, 15)
LATER = date(2026, 9, 1)


def query(extract: Extract, sql: str) -> list[tuple[Any, ...]]:
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    for name, path in extract.files.items():
        connection.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{path}')")
    rows = connection.execute(sql).fetchall()
    connection.close()
    return rows


@pytest.fixture(scope="module")
def full_year(tmp_path_factory: pytest.TempPathFactory) -> Extract:
    """The demo's two years, seen on the first day after them."""
    return generate(
        directory=tmp_path_factory.mktemp("full"),
        today=date(2027, 1, 1),
        start=date(2025, 1, 1),
        until=date(2027, 1, 1),
        leads=20_000,
    )


def test_an_earlier_day_sees_the_same_history_only_sooner(tmp_path: Path) -> None:
    earlier = demo_extract(directory=tmp_path / "earlier", today=EARLIER, leads=2000)
    later = demo_extract(directory=tmp_path / "later", today=LATER, leads=2000)
    cut = f"TIMESTAMP '{EARLIER.isoformat()} 00:00:00'"
    seen_then = f"""
        SELECT lead_id, created_at, CASE WHEN mql_at < {cut} THEN mql_at END,
               CASE WHEN sql_at < {cut} THEN sql_at END, CASE WHEN won_at < {cut} THEN won_at END, channel
        FROM leads WHERE created_at < {cut} ORDER BY lead_id"""
    as_seen_earlier = query(
        earlier, "SELECT lead_id, created_at, mql_at, sql_at, won_at, channel FROM leads ORDER BY 1"
    )
    assert as_seen_earlier == query(later, seen_then)
    assert 0 < earlier.leads < later.leads < 2000
    orders_then = f"SELECT * FROM orders WHERE ordered_at < {cut} ORDER BY order_id"
    assert query(earlier, "SELECT * FROM orders ORDER BY order_id") == query(later, orders_then)
    [(last_spend,)] = query(earlier, "SELECT max(spend_date) FROM campaign_spend")
    assert last_spend < EARLIER


def test_no_row_of_the_extract_lies_on_or_after_its_day(tmp_path: Path) -> None:
    extract = demo_extract(directory=tmp_path, today=EARLIER, leads=2000)
    cut = f"TIMESTAMP '{EARLIER.isoformat()} 00:00:00'"
    [(late,)] = query(
        extract,
        f"""SELECT (SELECT count(*) FROM leads WHERE greatest(created_at, mql_at, sql_at, won_at) >= {cut})
                 + (SELECT count(*) FROM orders WHERE ordered_at >= {cut})
                 + (SELECT count(*) FROM touchpoints WHERE occurred_at >= {cut})""",
    )
    assert late == 0
    assert extract.metrics_file is not None and extract.metrics_file.exists()


def test_the_funnel_improves_from_one_year_to_the_next(full_year: Extract) -> None:
    rows = query(
        full_year,
        """SELECT year(mql_at), avg(CASE WHEN sql_at IS NOT NULL THEN 1 ELSE 0 END),
                  avg(CASE WHEN nurtured THEN 1 ELSE 0 END), avg(first_response_hours)
           FROM leads WHERE mql_at IS NOT NULL AND NOT is_test GROUP BY 1 ORDER BY 1""",
    )
    (_, first_conversion, first_nurtured, first_hours), (_, conversion, nurtured, hours) = rows
    assert conversion > first_conversion
    assert nurtured > first_nurtured
    assert hours < first_hours


def test_prices_are_realized_better_and_the_web_shop_grows(full_year: Extract) -> None:
    rows = query(
        full_year,
        """SELECT year(ordered_at), sum(realized_amount) / sum(list_amount),
                  avg(CASE WHEN sales_channel = 'webshop' THEN 1 ELSE 0 END),
                  1 - sum(cost_amount) / sum(realized_amount)
           FROM orders GROUP BY 1 ORDER BY 1""",
    )
    (_, first_realization, first_webshop, first_margin), (_, realization, webshop, margin) = rows
    assert realization > first_realization
    assert webshop > first_webshop
    assert margin > first_margin


def test_ecoflow_is_sold_only_after_its_launch_halfway_through(full_year: Extract) -> None:
    [(first, orders)] = query(full_year, "SELECT min(ordered_at), count(*) FROM orders WHERE product_line = 'ecoflow'")
    assert first.date() >= date(2026, 1, 1)
    assert orders > 0
