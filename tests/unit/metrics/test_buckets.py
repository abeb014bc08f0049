"""Calendar buckets and the measurement dates of a refresh, as the metrics spec defines them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from lodestar.metrics.buckets import bucket_last_day, bucket_start, bucket_starts, next_bucket_start, refresh_plan


def test_weeks_start_on_monday() -> None:
    for offset in range(14):
        day = date(2026, 1, 1) + timedelta(days=offset)
        start = bucket_start(day, "week")
        assert start.weekday() == 0
        assert start <= day < start + timedelta(days=7)


@pytest.mark.parametrize(
    ("day", "grain", "start", "last"),
    [
        (date(2026, 2, 14), "month", date(2026, 2, 1), date(2026, 2, 28)),
        (date(2024, 2, 29), "month", date(2024, 2, 1), date(2024, 2, 29)),
        (date(2026, 12, 31), "month", date(2026, 12, 1), date(2026, 12, 31)),
        (date(2026, 5, 15), "quarter", date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 12, 1), "quarter", date(2026, 10, 1), date(2026, 12, 31)),
        (date(2026, 1, 1), "week", date(2025, 12, 29), date(2026, 1, 4)),
    ],
)
def test_a_day_falls_in_the_bucket_that_contains_it(day: date, grain: str, start: date, last: date) -> None:
    assert bucket_start(day, grain) == start
    assert bucket_last_day(start, grain) == last
    assert next_bucket_start(start, grain) == last + timedelta(days=1)


def test_bucket_starts_lists_the_buckets_whose_first_day_lies_in_the_range() -> None:
    assert bucket_starts(date(2026, 1, 15), date(2026, 4, 1), "month") == [date(2026, 2, 1), date(2026, 3, 1)]
    assert bucket_starts(date(2026, 1, 1), date(2026, 1, 1), "month") == []


def test_period_to_date_writes_each_month_end_and_as_of() -> None:
    plan = refresh_plan(
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        as_of=date(2026, 3, 10),
        grain="month",
        window="period_to_date",
    )
    assert plan is not None
    assert list(plan.dates) == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 10)]
    assert plan.start == date(2026, 1, 1)
    assert plan.end == date(2026, 3, 11)
    assert plan.cumulative


def test_as_of_on_a_bucket_end_is_written_once() -> None:
    plan = refresh_plan(
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        as_of=date(2026, 3, 31),
        grain="quarter",
        window="period_to_date",
    )
    assert plan is not None
    assert list(plan.dates) == [date(2026, 3, 31)]


def test_bucket_windows_cover_whole_buckets_that_ended_inside_the_period() -> None:
    plan = refresh_plan(
        period_start=date(2026, 1, 15),
        period_end=date(2026, 6, 30),
        as_of=date(2026, 3, 10),
        grain="month",
        window="bucket",
    )
    assert plan is not None
    assert list(plan.dates) == [date(2026, 1, 31), date(2026, 2, 28)]
    assert plan.start == date(2026, 1, 1)
    assert plan.end == date(2026, 3, 1)
    assert not plan.cumulative


def test_as_of_after_the_period_stops_at_its_last_bucket() -> None:
    plan = refresh_plan(
        period_start=date(2026, 1, 1),
        period_end=date(2026, 2, 15),
        as_of=date(2026, 5, 1),
        grain="month",
        window="period_to_date",
    )
    assert plan is not None
    assert list(plan.dates) == [date(2026, 1, 31)]


def test_a_period_that_has_not_started_gets_nothing() -> None:
    assert (
        refresh_plan(
            period_start=date(2026, 7, 1),
            period_end=date(2026, 12, 31),
            as_of=date(2026, 3, 1),
            grain="month",
            window="period_to_date",
        )
        is None
    )


def test_weekly_period_to_date_maps_each_date_to_its_week() -> None:
    plan = refresh_plan(
        period_start=date(2026, 1, 1),
        period_end=date(2026, 3, 31),
        as_of=date(2026, 1, 14),
        grain="week",
        window="period_to_date",
    )
    assert plan is not None
    assert plan.dates == {
        date(2026, 1, 4): date(2025, 12, 29),
        date(2026, 1, 11): date(2026, 1, 5),
        date(2026, 1, 14): date(2026, 1, 12),
    }
