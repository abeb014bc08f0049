"""Metric values from the engine equal values computed by hand-written SQL, on DuckDB and PostgreSQL.

The extract is generated (3,000 leads); the expected numbers come from SQL written out in
this file and run on the same engine, never from the metrics compiler.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from lodestar.metrics import engine
from lodestar.metrics.definitions import Binding
from lodestar.metrics.engine import LoadedMetrics

from .warehouses import Warehouse, duckdb_warehouse, postgres_warehouse, write_extract


def ts(day: date) -> str:
    return f"TIMESTAMP '{day.isoformat()} 00:00:00'"


def dt(day: date) -> str:
    return f"DATE '{day.isoformat()}'"


@pytest.fixture(scope="module")
def extract(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    directory = tmp_path_factory.mktemp("extract")
    return directory, write_extract(directory)


@pytest.fixture(scope="module", params=["duckdb", "postgres"])
def warehouse(request: pytest.FixtureRequest, extract: tuple[Path, dict[str, Path]]) -> Iterator[Warehouse]:
    directory, files = extract
    serve = duckdb_warehouse if request.param == "duckdb" else postgres_warehouse
    yield from serve(directory, files)


@pytest.fixture(scope="module")
def loaded(warehouse: Warehouse) -> Iterator[LoadedMetrics]:
    saved = {name: os.environ.get(name) for name in warehouse.environment}
    os.environ.update(warehouse.environment)
    try:
        with engine.load(warehouse.metrics_file) as metrics:
            yield metrics
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# Each builder returns hand-written SQL giving (period, value) per bucket of `grain` in [start, end).
SqlBuilder = Callable[[str, date, date], str]


@dataclass(frozen=True)
class ValueCase:
    metric: str
    grain: str
    start: date
    end: date
    where: dict[str, str]
    sql: SqlBuilder
    empty: float | None


def mqls_sql(grain: str, start: date, end: date, extra: str = "") -> str:
    return f"""
        SELECT date_trunc('{grain}', mql_at), count(DISTINCT lead_id) FROM leads
        WHERE NOT is_test AND mql_at IS NOT NULL AND mql_at >= {ts(start)} AND mql_at < {ts(end)} {extra}
        GROUP BY 1"""


VALUE_CASES = [
    ValueCase("mqls", "month", date(2025, 7, 1), date(2026, 6, 1), {}, mqls_sql, 0),
    ValueCase(
        "mqls",
        "week",
        date(2026, 1, 5),
        date(2026, 3, 2),
        {"channel": "web"},
        lambda g, s, e: mqls_sql(g, s, e, "AND lower(channel) = 'web'"),
        0,
    ),
    ValueCase(
        "leads",
        "quarter",
        date(2025, 7, 1),
        date(2026, 7, 1),
        {"business_unit": "bu-valves"},
        lambda g, s, e: (
            f"""
            SELECT date_trunc('{g}', created_at), count(DISTINCT lead_id) FROM leads
            WHERE NOT is_test AND business_unit = 'bu-valves' AND created_at >= {ts(s)} AND created_at < {ts(e)}
            GROUP BY 1"""
        ),
        0,
    ),
    ValueCase(
        "won_revenue",
        "month",
        date(2025, 7, 1),
        date(2026, 6, 1),
        {},
        lambda g, s, e: (
            f"""
            SELECT date_trunc('{g}', won_at), sum(won_amount) FROM leads
            WHERE NOT is_test AND won_at IS NOT NULL AND won_at >= {ts(s)} AND won_at < {ts(e)} GROUP BY 1"""
        ),
        0,
    ),
    ValueCase(
        "lead_response_hours",
        "month",
        date(2025, 7, 1),
        date(2026, 6, 1),
        {"team": "sales-south"},
        lambda g, s, e: (
            f"""
            SELECT date_trunc('{g}', mql_at), avg(first_response_hours) FROM leads
            WHERE NOT is_test AND mql_at IS NOT NULL AND owner_team = 'sales-south'
              AND mql_at >= {ts(s)} AND mql_at < {ts(e)} GROUP BY 1"""
        ),
        None,
    ),
    ValueCase(
        "mql_to_sql_rate",
        "month",
        date(2025, 7, 1),
        date(2026, 6, 1),
        {},
        lambda g, s, e: (
            f"""
            SELECT period, converted * 100.0 / NULLIF(qualified, 0) FROM (
              SELECT date_trunc('{g}', mql_at) AS period,
                     count(DISTINCT lead_id) FILTER (WHERE sql_at IS NOT NULL) AS converted,
                     count(DISTINCT lead_id) AS qualified
              FROM leads WHERE NOT is_test AND mql_at IS NOT NULL AND mql_at >= {ts(s)} AND mql_at < {ts(e)}
              GROUP BY 1) AS funnel"""
        ),
        None,
    ),
    ValueCase(
        "cost_per_mql",
        "month",
        date(2025, 7, 1),
        date(2026, 6, 1),
        {"channel": "paid_search"},
        lambda g, s, e: (
            f"""
            WITH spent AS (
              SELECT date_trunc('{g}', spend_date) AS period, sum(amount) AS amount FROM spend
              WHERE lower(channel) = 'paid_search' AND spend_date >= {dt(s)} AND spend_date < {dt(e)} GROUP BY 1),
            qualified AS (
              SELECT date_trunc('{g}', mql_at) AS period, count(DISTINCT lead_id) AS leads FROM leads
              WHERE NOT is_test AND mql_at IS NOT NULL AND lower(channel) = 'paid_search'
                AND mql_at >= {ts(s)} AND mql_at < {ts(e)} GROUP BY 1)
            SELECT coalesce(spent.period, qualified.period),
                   coalesce(spent.amount, 0) / NULLIF(coalesce(qualified.leads, 0), 0)
            FROM spent FULL OUTER JOIN qualified ON spent.period = qualified.period"""
        ),
        None,
    ),
    ValueCase(
        "price_realization",
        "quarter",
        date(2025, 7, 1),
        date(2026, 7, 1),
        {"business_unit": "bu-pumps"},
        lambda g, s, e: (
            f"""
            SELECT date_trunc('{g}', ordered_at), sum(realized_amount) * 100.0 / NULLIF(sum(list_amount), 0)
            FROM orders WHERE business_unit = 'bu-pumps' AND ordered_at >= {ts(s)} AND ordered_at < {ts(e)}
            GROUP BY 1"""
        ),
        None,
    ),
    ValueCase(
        "average_discount",
        "month",
        date(2025, 7, 1),
        date(2026, 6, 1),
        {"assortment": "standard"},
        lambda g, s, e: (
            f"""
            SELECT date_trunc('{g}', ordered_at),
                   round(100 * (1 - sum(realized_amount) / NULLIF(sum(list_amount), 0)), 2)
            FROM orders WHERE is_standard AND ordered_at >= {ts(s)} AND ordered_at < {ts(e)} GROUP BY 1"""
        ),
        None,
    ),
    ValueCase(
        "web_sessions",
        "week",
        date(2025, 12, 1),
        date(2026, 2, 2),
        {},
        lambda g, s, e: (
            f"""
            SELECT date_trunc('{g}', occurred_at), count(*) FROM touchpoints
            WHERE event_type = 'web_session' AND occurred_at >= {ts(s)} AND occurred_at < {ts(e)} GROUP BY 1"""
        ),
        0,
    ),
    ValueCase(
        "webshop_conversion",
        "month",
        date(2025, 7, 1),
        date(2026, 6, 1),
        {"business_unit": "bu-service"},
        lambda g, s, e: (
            f"""
            WITH sold AS (
              SELECT date_trunc('{g}', ordered_at) AS period, count(*) AS orders FROM orders
              WHERE sales_channel = 'webshop' AND business_unit = 'bu-service'
                AND ordered_at >= {ts(s)} AND ordered_at < {ts(e)} GROUP BY 1),
            visited AS (
              SELECT date_trunc('{g}', occurred_at) AS period, count(*) AS sessions FROM touchpoints
              WHERE event_type = 'webshop_session' AND business_unit = 'bu-service'
                AND occurred_at >= {ts(s)} AND occurred_at < {ts(e)} GROUP BY 1)
            SELECT coalesce(sold.period, visited.period),
                   100.0 * coalesce(sold.orders, 0) / NULLIF(coalesce(visited.sessions, 0), 0)
            FROM sold FULL OUTER JOIN visited ON sold.period = visited.period"""
        ),
        None,
    ),
    ValueCase(
        "largest_order",
        "month",
        date(2025, 7, 1),
        date(2026, 6, 1),
        {"product_line": "ecoflow"},
        lambda g, s, e: (
            f"""
            SELECT date_trunc('{g}', ordered_at), max(realized_amount) FROM orders
            WHERE product_line = 'ecoflow' AND ordered_at >= {ts(s)} AND ordered_at < {ts(e)} GROUP BY 1"""
        ),
        None,
    ),
    ValueCase(
        "smallest_list_price",
        "quarter",
        date(2025, 7, 1),
        date(2026, 7, 1),
        {},
        lambda g, s, e: (
            f"""
            SELECT date_trunc('{g}', ordered_at), min(list_price) FROM orders
            WHERE ordered_at >= {ts(s)} AND ordered_at < {ts(e)} GROUP BY 1"""
        ),
        None,
    ),
    ValueCase(
        "gross_margin",
        "month",
        date(2025, 7, 1),
        date(2026, 6, 1),
        {"team": "sales-north"},
        lambda g, s, e: (
            f"""
            SELECT date_trunc('{g}', ordered_at),
                   100 * (sum(realized_amount) - sum(cost_amount)) / NULLIF(sum(realized_amount), 0)
            FROM orders WHERE owner_team = 'sales-north' AND ordered_at >= {ts(s)} AND ordered_at < {ts(e)} GROUP BY 1"""
        ),
        None,
    ),
    ValueCase(
        "spend",
        "week",
        date(2026, 3, 2),
        date(2026, 6, 1),
        {"channel": "email"},
        lambda g, s, e: (
            f"""
            SELECT date_trunc('{g}', spend_date), sum(amount) FROM spend
            WHERE lower(channel) = 'email' AND spend_date >= {dt(s)} AND spend_date < {dt(e)} GROUP BY 1"""
        ),
        0,
    ),
]


def as_date(value: Any) -> date:
    result: date = value.date() if hasattr(value, "date") and callable(value.date) else value
    return result


def expected_values(warehouse: Warehouse, case: ValueCase) -> dict[date, float | None]:
    return {as_date(period): value for period, value in warehouse.query(case.sql(case.grain, case.start, case.end))}


@pytest.mark.parametrize("case", VALUE_CASES, ids=[f"{case.metric}-{case.grain}-{case.where}" for case in VALUE_CASES])
def test_values_per_bucket_equal_hand_written_sql(warehouse: Warehouse, loaded: LoadedMetrics, case: ValueCase) -> None:
    rows = engine.values(loaded, case.metric, grain=case.grain, start=case.start, end=case.end, where=case.where)
    expected = expected_values(warehouse, case)
    assert len(rows) > 3
    assert [row.period for row in rows] == sorted(rows_period for rows_period in {row.period for row in rows})
    assert set(expected) <= {row.period for row in rows}
    for row in rows:
        want = expected.get(row.period, case.empty)
        if want is None:
            assert row.value is None, row
        else:
            assert row.value == pytest.approx(want, rel=1e-9, abs=1e-9), row
    assert any(row.value not in (None, 0) for row in rows)


@dataclass(frozen=True)
class RefreshCase:
    binding: Binding
    period: tuple[date, date]
    as_of: date
    dates: list[date]
    sql: Callable[[date, date], str]  # hand-written SQL for the value over [start, end)


REFRESH_CASES = [
    RefreshCase(
        Binding("mqls"),
        (date(2026, 1, 1), date(2026, 12, 31)),
        date(2026, 4, 10),
        [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 10)],
        lambda s, e: (
            f"""SELECT count(DISTINCT lead_id) FROM leads
            WHERE NOT is_test AND mql_at IS NOT NULL AND mql_at >= {ts(s)} AND mql_at < {ts(e)}"""
        ),
    ),
    RefreshCase(
        Binding("mql_to_sql_rate", where=(("channel", "web"),), grain="quarter"),
        (date(2025, 7, 1), date(2026, 6, 30)),
        date(2026, 5, 14),
        [date(2025, 9, 30), date(2025, 12, 31), date(2026, 3, 31), date(2026, 5, 14)],
        lambda s, e: (
            f"""SELECT 100.0 * count(DISTINCT lead_id) FILTER (WHERE sql_at IS NOT NULL)
                   / NULLIF(count(DISTINCT lead_id), 0) FROM leads
            WHERE NOT is_test AND mql_at IS NOT NULL AND lower(channel) = 'web'
              AND mql_at >= {ts(s)} AND mql_at < {ts(e)}"""
        ),
    ),
    RefreshCase(
        Binding("lead_response_hours"),
        (date(2026, 2, 10), date(2026, 4, 30)),
        date(2026, 5, 1),
        [date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)],
        lambda s, e: (
            f"""SELECT avg(first_response_hours) FROM leads
            WHERE NOT is_test AND mql_at IS NOT NULL AND mql_at >= {ts(s)} AND mql_at < {ts(e)}"""
        ),
    ),
    RefreshCase(
        Binding("cost_per_mql", where=(("business_unit", "bu-pumps"),)),
        (date(2026, 1, 1), date(2026, 3, 31)),
        date(2026, 3, 15),
        [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 15)],
        lambda s, e: (
            f"""SELECT
              (SELECT sum(amount) FROM spend WHERE business_unit = 'bu-pumps'
                 AND spend_date >= {dt(s)} AND spend_date < {dt(e)})
              / NULLIF((SELECT count(DISTINCT lead_id) FROM leads WHERE NOT is_test AND mql_at IS NOT NULL
                 AND business_unit = 'bu-pumps' AND mql_at >= {ts(s)} AND mql_at < {ts(e)}), 0)"""
        ),
    ),
    RefreshCase(
        Binding("largest_order", grain="week"),
        (date(2026, 3, 1), date(2026, 3, 31)),
        date(2026, 3, 20),
        [date(2026, 3, 1), date(2026, 3, 8), date(2026, 3, 15), date(2026, 3, 20)],
        lambda s, e: f"SELECT max(realized_amount) FROM orders WHERE ordered_at >= {ts(s)} AND ordered_at < {ts(e)}",
    ),
]


def covered_range(case: RefreshCase, day: date) -> tuple[date, date]:
    """The spec's coverage of a measurement: bucket windows cover their bucket, the others the period to date."""
    return case.period[0], day + timedelta(days=1)


@pytest.mark.parametrize("case", REFRESH_CASES, ids=[case.binding.metric for case in REFRESH_CASES])
def test_period_to_date_measurements_equal_hand_written_sql_per_date(
    warehouse: Warehouse, loaded: LoadedMetrics, case: RefreshCase
) -> None:
    result = engine.measurements(
        loaded, case.binding, period_start=case.period[0], period_end=case.period[1], as_of=case.as_of
    )
    assert [day for day, _ in result] == case.dates
    for day, value in result:
        start, end = covered_range(case, day)
        [(want,)] = warehouse.query(case.sql(start, end))
        assert value == pytest.approx(want, rel=1e-9), day


def test_bucket_window_measurements_cover_whole_buckets(warehouse: Warehouse, loaded: LoadedMetrics) -> None:
    binding = Binding("won_revenue", window="bucket", where=(("business_unit", "bu-pumps"),))
    result = engine.measurements(
        loaded, binding, period_start=date(2025, 7, 15), period_end=date(2026, 6, 30), as_of=date(2026, 2, 10)
    )
    assert [day for day, _ in result] == [
        date(2025, 7, 31),
        date(2025, 8, 31),
        date(2025, 9, 30),
        date(2025, 10, 31),
        date(2025, 11, 30),
        date(2025, 12, 31),
        date(2026, 1, 31),
    ]
    for day, value in result:
        first = day.replace(day=1)
        [(want,)] = warehouse.query(
            f"""SELECT coalesce(sum(won_amount), 0) FROM leads WHERE NOT is_test AND won_at IS NOT NULL
                AND business_unit = 'bu-pumps' AND won_at >= {ts(first)} AND won_at < {ts(day + timedelta(days=1))}"""
        )
        assert value == pytest.approx(want, rel=1e-9), day


def test_an_empty_slice_gives_zero_counts_and_no_ratio(loaded: LoadedMetrics) -> None:
    counts = engine.values(
        loaded, "mqls", grain="month", start=date(2026, 1, 1), end=date(2026, 3, 1), where={"channel": "fax"}
    )
    rates = engine.values(
        loaded, "mql_to_sql_rate", grain="month", start=date(2026, 1, 1), end=date(2026, 3, 1), where={"channel": "fax"}
    )
    assert [row.value for row in counts] == [0, 0]
    assert [row.value for row in rates] == [None, None]
    binding = Binding("mql_to_sql_rate", where=(("channel", "fax"),))
    assert (
        engine.measurements(
            loaded, binding, period_start=date(2026, 1, 1), period_end=date(2026, 12, 31), as_of=date(2026, 3, 5)
        )
        == []
    )
