"""Schedules as the settings write them: cron lines in the local time zone, intervals, off, and their slots."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from lodestar.jobs.schedule import ScheduleError, parse_schedule, tick_seconds

BERLIN = ZoneInfo("Europe/Berlin")


def utc(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def test_the_digest_default_fires_on_monday_at_eight_in_berlin_in_winter_and_in_summer() -> None:
    schedule = parse_schedule("0 8 * * mon")
    assert schedule.slot(utc(2026, 1, 5, 7, 0, 30), BERLIN) == "2026-01-05T08:00"  # CET, UTC+1
    assert schedule.slot(utc(2026, 7, 6, 6, 0, 5), BERLIN) == "2026-07-06T08:00"  # CEST, UTC+2
    assert schedule.slot(utc(2026, 7, 6, 7, 0, 5), BERLIN) is None  # 09:00 in Berlin
    assert schedule.slot(utc(2026, 7, 7, 6, 0, 5), BERLIN) is None  # a Tuesday


def test_every_look_within_the_minute_names_the_same_slot() -> None:
    schedule = parse_schedule("0 * * * *")
    assert {schedule.slot(utc(2026, 3, 2, 10, 0, second), BERLIN) for second in (0, 10, 59)} == {"2026-03-02T11:00"}
    assert schedule.slot(utc(2026, 3, 2, 10, 1, 0), BERLIN) is None


def test_weekday_names_ranges_and_numbers_are_read_as_cron_reads_them() -> None:
    weekdays = parse_schedule("30 6 * * mon-fri")
    assert weekdays.slot(utc(2026, 3, 6, 5, 30), BERLIN) == "2026-03-06T06:30"  # Friday
    assert weekdays.slot(utc(2026, 3, 7, 5, 30), BERLIN) is None  # Saturday
    sunday = parse_schedule("0 12 * * 7")
    assert sunday.slot(utc(2026, 3, 8, 11, 0), BERLIN) == "2026-03-08T12:00"


def test_an_interval_has_one_slot_per_period() -> None:
    schedule = parse_schedule("every 5 seconds")
    assert schedule.every_seconds == 5
    first = schedule.slot(utc(2026, 3, 2, 10, 0, 0), BERLIN)
    assert schedule.slot(utc(2026, 3, 2, 10, 0, 4), BERLIN) == first
    assert schedule.slot(utc(2026, 3, 2, 10, 0, 5), BERLIN) != first
    assert parse_schedule("every 2 hours").every_seconds == 7200


def test_off_never_fires() -> None:
    schedule = parse_schedule("OFF")
    assert schedule.off
    assert schedule.slot(utc(2026, 3, 2, 10, 0, 0), BERLIN) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0 8 * *", "five cron fields"),
        ("61 * * * *", "61 is not a valid input"),
        ("0 8 * * someday", "'someday' is no weekday"),
        ("every 0 seconds", "between 1 second and 24 hours"),
        ("every 2 days", "five cron fields"),
        ("0 8 * * mon/2", "not a valid input"),
    ],
)
def test_a_bad_schedule_is_refused_with_what_is_expected(text: str, message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        parse_schedule(text)


def test_the_worker_looks_as_often_as_the_shortest_interval_and_otherwise_every_ten_seconds() -> None:
    assert tick_seconds([parse_schedule("0 2 * * *"), parse_schedule("off")]) == 10
    assert tick_seconds([parse_schedule("0 2 * * *"), parse_schedule("every 3 seconds")]) == 3
