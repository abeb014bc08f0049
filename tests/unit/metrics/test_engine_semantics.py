"""Window, bucket and empty-data rules of the spec, on a small hand-made warehouse."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from lodestar.metrics import engine
from lodestar.metrics.definitions import Binding
from lodestar.metrics.errors import BindingError, EngineError

# Offsets in the raw data: 23:30 at -02:00 on January 31 is February 1, 01:30 UTC, and
# 00:30 at +01:00 on March 1 is February 28, 23:30 UTC.
EVENTS_CSV = """event_id,occurred_at,kind
1,2026-01-31T23:30:00-02:00,visit
2,2026-01-31T23:30:00+00:00,visit
3,2026-02-01T00:00:00+00:00,visit
4,2026-02-28T23:59:59+00:00,visit
5,2026-03-01T00:30:00-01:00,visit
6,2026-03-01T00:30:00+01:00,visit
"""


def hand(small_warehouse: Path, sql: str) -> list[tuple[Any, ...]]:
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    connection.execute(f"CREATE VIEW leads AS SELECT * FROM read_csv('{small_warehouse / 'data' / 'leads.csv'}')")
    connection.execute(f"CREATE VIEW spend AS SELECT * FROM read_csv('{small_warehouse / 'data' / 'spend.csv'}')")
    rows = connection.execute(sql).fetchall()
    connection.close()
    return rows


def test_a_distinct_count_to_date_counts_a_value_once_across_buckets(
    write_metrics: Callable[..., Path], base_document: dict[str, Any], small_warehouse: Path
) -> None:
    with engine.load(write_metrics(base_document)) as loaded:
        result = dict(
            engine.measurements(
                loaded,
                Binding("mqls"),
                period_start=date(2026, 1, 1),
                period_end=date(2026, 12, 31),
                as_of=date(2026, 3, 31),
            )
        )
        monthly = engine.values(loaded, "mqls", grain="month", start=date(2026, 1, 1), end=date(2026, 4, 1))
    [(to_march,)] = hand(
        small_warehouse,
        "SELECT count(DISTINCT lead_id) FROM leads WHERE NOT is_test AND mql_at IS NOT NULL "
        "AND mql_at >= TIMESTAMP '2026-01-01' AND mql_at < TIMESTAMP '2026-04-01'",
    )
    assert result[date(2026, 3, 31)] == to_march
    assert sum(row.value or 0 for row in monthly) == to_march + 1  # lead 3 qualified in February and in March


def test_a_timestamp_at_midnight_belongs_to_the_bucket_it_opens(
    write_metrics: Callable[..., Path], base_document: dict[str, Any]
) -> None:
    with engine.load(write_metrics(base_document)) as loaded:
        rows = engine.values(loaded, "mqls", grain="month", start=date(2026, 1, 1), end=date(2026, 3, 1))
    # Lead 2 qualified at 23:59:59 on January 31 and counts in January; lead 1's SQL at midnight is not an MQL date.
    assert [(row.period, row.value) for row in rows] == [(date(2026, 1, 1), 2), (date(2026, 2, 1), 1)]


def test_timestamps_with_an_offset_are_bucketed_in_utc(
    small_warehouse: Path, write_metrics: Callable[..., Path]
) -> None:
    (small_warehouse / "data" / "events.csv").write_text(EVENTS_CSV, encoding="utf-8")
    path = write_metrics(
        {
            "lodestar_metrics": 1,
            "warehouse": {"tables": {"events": "data/events.csv"}},
            "sources": {"events": {"table": "events", "time": "occurred_at"}},
            "metrics": {"visits": {"type": "simple", "source": "events", "agg": "count"}},
        }
    )
    with engine.load(path) as loaded:
        rows = engine.values(loaded, "visits", grain="month", start=date(2026, 1, 1), end=date(2026, 4, 1))
    assert [row.value for row in rows] == [1, 4, 1]


def test_a_date_column_is_midnight_utc_and_windows_are_half_open(
    write_metrics: Callable[..., Path], base_document: dict[str, Any], small_warehouse: Path
) -> None:
    with engine.load(write_metrics(base_document)) as loaded:
        result = dict(
            engine.measurements(
                loaded,
                Binding("spend"),
                period_start=date(2026, 1, 2),
                period_end=date(2026, 12, 31),
                as_of=date(2026, 2, 1),
            )
        )
    [(through_february_first,)] = hand(
        small_warehouse,
        "SELECT sum(amount) FROM spend WHERE spend_date >= DATE '2026-01-02' AND spend_date < DATE '2026-02-02'",
    )
    assert result == {date(2026, 1, 31): pytest.approx(150.5), date(2026, 2, 1): pytest.approx(through_february_first)}


def test_an_average_over_no_rows_is_no_value_and_a_count_is_zero(
    write_metrics: Callable[..., Path], base_document: dict[str, Any]
) -> None:
    with engine.load(write_metrics(base_document)) as loaded:
        averages = engine.values(loaded, "avg_score", grain="month", start=date(2026, 4, 1), end=date(2026, 6, 1))
        counts = engine.values(loaded, "leads", grain="month", start=date(2026, 4, 1), end=date(2026, 6, 1))
        derived = engine.values(loaded, "cost_per_mql", grain="month", start=date(2026, 4, 1), end=date(2026, 6, 1))
    assert [row.value for row in averages] == [None, None]
    assert [row.value for row in counts] == [0, 0]
    assert [row.value for row in derived] == [None, None]


def test_test_rows_are_left_out_by_the_source_filter(
    write_metrics: Callable[..., Path], base_document: dict[str, Any], small_warehouse: Path
) -> None:
    with engine.load(write_metrics(base_document)) as loaded:
        [row] = engine.values(loaded, "leads", grain="quarter", start=date(2026, 1, 1), end=date(2026, 4, 1))
    [(expected,)] = hand(small_warehouse, "SELECT count(*) FROM leads WHERE NOT is_test")
    [(everything,)] = hand(small_warehouse, "SELECT count(*) FROM leads")
    assert row.value == expected
    assert expected < everything


def test_values_start_at_the_first_bucket_beginning_on_or_after_from(
    write_metrics: Callable[..., Path], base_document: dict[str, Any]
) -> None:
    with engine.load(write_metrics(base_document)) as loaded:
        rows = engine.values(loaded, "leads", grain="week", start=date(2026, 1, 1), end=date(2026, 1, 20))
    assert [row.period for row in rows] == [date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19)]


def test_slicing_by_a_dimension_one_input_lacks_is_refused(
    write_metrics: Callable[..., Path], base_document: dict[str, Any]
) -> None:
    with engine.load(write_metrics(base_document)) as loaded, pytest.raises(BindingError) as error:
        engine.values(
            loaded,
            "cost_per_mql",
            grain="month",
            start=date(2026, 1, 1),
            end=date(2026, 2, 1),
            where={"team": "sales-north"},
        )
    assert "'spend'" in str(error.value)
    assert "team" in str(error.value)


def test_an_unknown_metric_is_refused_with_the_known_ones(
    write_metrics: Callable[..., Path], base_document: dict[str, Any]
) -> None:
    with engine.load(write_metrics(base_document)) as loaded, pytest.raises(BindingError) as error:
        engine.values(loaded, "sqls", grain="month", start=date(2026, 1, 1), end=date(2026, 2, 1))
    assert "unknown metric 'sqls'" in str(error.value)
    assert "mqls" in str(error.value)


def test_a_file_that_disappears_after_loading_is_one_clear_engine_error(
    write_metrics: Callable[..., Path], base_document: dict[str, Any], small_warehouse: Path
) -> None:
    with engine.load(write_metrics(base_document)) as loaded:
        (small_warehouse / "data" / "spend.csv").unlink()
        with pytest.raises(EngineError) as error:
            engine.values(loaded, "spend", grain="month", start=date(2026, 1, 1), end=date(2026, 2, 1))
    message = str(error.value)
    assert message.startswith("duckdb: the query failed:")
    assert "\n" not in message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("mqls", Binding("mqls")),
        ({"id": "mqls", "grain": "week", "window": "bucket"}, Binding("mqls", window="bucket", grain="week")),
        (
            {"id": "mqls", "where": {"team": "kam", "channel": "web"}},
            Binding("mqls", where=(("channel", "web"), ("team", "kam"))),
        ),
    ],
)
def test_a_binding_reads_an_id_or_a_mapping(raw: object, expected: Binding) -> None:
    assert engine.parse_binding(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        {"id": "mqls", "grain": "day"},
        {"id": "mqls", "window": "rolling"},
        {"metric": "mqls"},
        5,
        {"id": "mqls", "where": ["web"]},
    ],
)
def test_a_bad_binding_is_refused(raw: object) -> None:
    with pytest.raises(BindingError):
        engine.parse_binding(raw)
