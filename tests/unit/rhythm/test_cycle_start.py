"""The start of a check-in cycle for every cadence and day (spec: the goal rhythm, Cycle start).

2026-01-01 is a Thursday. The weeks counted from Monday 2001-01-01 are even from
2025-12-29 to 2026-01-04, odd from 2026-01-05 to 2026-01-11, even again from 2026-01-12.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from lodestar.lib.model import Cadence
from lodestar.lib.vocabulary import WEEKDAYS
from lodestar.rhythm.cadence import cycle_start, describe, next_cycle_start

THURSDAY = date(2026, 1, 15)


@pytest.mark.parametrize(
    ("day", "start"),
    [
        ("mon", date(2026, 1, 12)),
        ("tue", date(2026, 1, 13)),
        ("wed", date(2026, 1, 14)),
        ("thu", date(2026, 1, 15)),
        ("fri", date(2026, 1, 9)),
        ("sat", date(2026, 1, 10)),
        ("sun", date(2026, 1, 11)),
    ],
)
def test_a_weekly_cycle_starts_on_the_latest_such_weekday_on_or_before_the_day(day: str, start: date) -> None:
    assert cycle_start(Cadence("week", day), THURSDAY) == start


def test_every_weekly_cycle_start_is_that_weekday_within_the_last_seven_days() -> None:
    for offset in range(14):
        as_of = THURSDAY + timedelta(days=offset)
        for day in WEEKDAYS:
            start = cycle_start(Cadence("week", day), as_of)
            assert WEEKDAYS[start.weekday()] == day
            assert timedelta(0) <= as_of - start < timedelta(days=7)


@pytest.mark.parametrize(
    ("day", "as_of", "start"),
    [
        ("mon", date(2026, 1, 12), date(2026, 1, 12)),  # an even week: its Monday
        ("mon", date(2026, 1, 25), date(2026, 1, 12)),  # the odd week after: still the Monday before
        ("mon", date(2026, 1, 11), date(2025, 12, 29)),  # an odd week: back to the even one before
        ("mon", date(2026, 1, 26), date(2026, 1, 26)),
        ("thu", date(2026, 1, 1), date(2026, 1, 1)),
        ("thu", date(2026, 1, 14), date(2026, 1, 1)),
        ("thu", date(2026, 1, 15), date(2026, 1, 15)),
        ("sun", date(2026, 1, 4), date(2026, 1, 4)),  # a Sunday belongs to the week of the Monday before
        ("sun", date(2026, 1, 11), date(2026, 1, 4)),  # this Sunday is in an odd week
        ("sun", date(2026, 1, 18), date(2026, 1, 18)),
        ("mon", date(2001, 1, 1), date(2001, 1, 1)),  # week 0 is even
        ("mon", date(2000, 12, 31), date(2000, 12, 18)),  # before 2001: week -1 is odd, -2 even
    ],
)
def test_a_two_weeks_cycle_starts_on_the_latest_such_weekday_in_an_even_week(
    day: str, as_of: date, start: date
) -> None:
    assert cycle_start(Cadence("two_weeks", day), as_of) == start


def test_two_weeks_cycle_starts_are_fourteen_days_apart_and_in_even_weeks() -> None:
    starts = {cycle_start(Cadence("two_weeks", "wed"), THURSDAY + timedelta(days=n)) for n in range(60)}
    ordered = sorted(starts)
    assert all(later - earlier == timedelta(days=14) for earlier, later in itertools.pairwise(ordered))
    assert all((start - date(2001, 1, 1)).days // 7 % 2 == 0 for start in ordered)


@pytest.mark.parametrize(
    ("day", "as_of", "start"),
    [
        (1, date(2026, 3, 1), date(2026, 3, 1)),
        (1, date(2026, 3, 31), date(2026, 3, 1)),
        (15, date(2026, 3, 15), date(2026, 3, 15)),
        (15, date(2026, 3, 14), date(2026, 2, 15)),
        (28, date(2026, 3, 27), date(2026, 2, 28)),
        (28, date(2026, 1, 5), date(2025, 12, 28)),  # back into the year before
        (28, date(2026, 2, 28), date(2026, 2, 28)),
    ],
)
def test_a_monthly_cycle_starts_on_the_latest_such_day_of_the_month(day: int, as_of: date, start: date) -> None:
    assert cycle_start(Cadence("month", day), as_of) == start


@pytest.mark.parametrize(
    ("cadence", "as_of", "following"),
    [
        (Cadence("week", "mon"), date(2026, 1, 12), date(2026, 1, 19)),  # on a cycle start: the one after
        (Cadence("week", "fri"), THURSDAY, date(2026, 1, 16)),
        (Cadence("two_weeks", "mon"), date(2026, 1, 25), date(2026, 1, 26)),
        (Cadence("two_weeks", "thu"), date(2026, 1, 1), date(2026, 1, 15)),
        (Cadence("month", 28), date(2026, 2, 27), date(2026, 2, 28)),
        (Cadence("month", 1), date(2026, 12, 1), date(2027, 1, 1)),  # into the next year
        (Cadence("month", 15), date(2026, 1, 31), date(2026, 2, 15)),
    ],
)
def test_the_next_cycle_starts_on_the_first_such_day_after_the_day(
    cadence: Cadence, as_of: date, following: date
) -> None:
    assert next_cycle_start(cadence, as_of) == following


@pytest.mark.parametrize(
    "cadence",
    [Cadence("week", "wed"), Cadence("two_weeks", "sun"), Cadence("month", 1), Cadence("month", 28)],
    ids=str,
)
def test_no_cycle_starts_between_a_day_and_the_next_cycle_start(cadence: Cadence) -> None:
    for offset in range(400):
        as_of = THURSDAY + timedelta(days=offset)
        following = next_cycle_start(cadence, as_of)
        assert following > as_of
        assert cycle_start(cadence, following) == following
        assert cycle_start(cadence, following - timedelta(days=1)) == cycle_start(cadence, as_of)


@pytest.mark.parametrize(
    ("cadence", "words"),
    [
        (Cadence("week", "mon"), "every week on Monday"),
        (Cadence("two_weeks", "thu"), "every two weeks on Thursday"),
        (Cadence("month", 15), "every month on day 15"),
    ],
)
def test_a_cadence_is_described_in_words(cadence: Cadence, words: str) -> None:
    assert describe(cadence) == words
