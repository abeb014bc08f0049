"""Calendar buckets (weeks starting Monday, months, quarters) and the dates a refresh writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from lodestar.metrics.definitions import GRAINS

# ibis truncation units per grain; weeks start on Monday in every engine Lodestar compiles for.
TRUNCATE_UNIT = {"week": "W", "month": "M", "quarter": "Q"}


def bucket_start(day: date, grain: str) -> date:
    """Return the first day of the bucket of `grain` that contains `day`."""
    if grain == "week":
        return day - timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    if grain == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    raise ValueError(f"unknown grain {grain!r} (one of: {', '.join(GRAINS)})")


def next_bucket_start(start: date, grain: str) -> date:
    """Return the first day of the bucket after the one starting on `start`."""
    if grain == "week":
        return start + timedelta(days=7)
    months = 1 if grain == "month" else 3
    month_index = start.year * 12 + start.month - 1 + months
    return date(month_index // 12, month_index % 12 + 1, 1)


def bucket_last_day(start: date, grain: str) -> date:
    """Return the last day of the bucket starting on `start`."""
    return next_bucket_start(start, grain) - timedelta(days=1)


def bucket_starts(first: date, end: date, grain: str) -> list[date]:
    """Return the first days of the buckets that start in [first, end)."""
    start = bucket_start(first, grain)
    if start < first:
        start = next_bucket_start(start, grain)
    starts = []
    while start < end:
        starts.append(start)
        start = next_bucket_start(start, grain)
    return starts


@dataclass(frozen=True)
class RefreshPlan:
    """What one binding's refresh computes: the query range and the dates to write.

    `dates` maps each measurement date to the first day of the bucket whose value it takes.
    """

    start: date
    end: date
    cumulative: bool
    dates: dict[date, date]


def refresh_plan(*, period_start: date, period_end: date, as_of: date, grain: str, window: str) -> RefreshPlan | None:
    """Return the measurements a refresh writes for a period (end inclusive), or None for none."""
    if as_of < period_start:
        return None
    last = min(period_end, as_of)
    ends: list[date] = []
    start = bucket_start(period_start, grain)
    while True:
        last_day = bucket_last_day(start, grain)
        if last_day > last:
            break
        if last_day >= period_start:
            ends.append(last_day)
        start = next_bucket_start(start, grain)
    if window == "bucket":
        if not ends:
            return None
        return RefreshPlan(
            start=bucket_start(ends[0], grain),
            end=ends[-1] + timedelta(days=1),
            cumulative=False,
            dates={day: bucket_start(day, grain) for day in ends},
        )
    dates = list(ends)
    if period_start <= as_of <= period_end and as_of not in ends:
        dates.append(as_of)
    if not dates:
        return None
    return RefreshPlan(
        start=period_start,
        end=dates[-1] + timedelta(days=1),
        cumulative=True,
        dates={day: bucket_start(day, grain) for day in dates},
    )
