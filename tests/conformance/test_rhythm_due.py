"""Cycle starts, cadence inheritance, check-in owners and the due rule (spec: the goal rhythm, Semantics).

Each case is read through `lodestar remind --dry-run --format json`: a due key result is in a
reminder or in `skipped`. 2026-01-01 is a Thursday; the weeks counted from Monday 2001-01-01
are even from 2025-12-29, odd from 2026-01-05 and even again from 2026-01-12.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

import pytest

from lodestar.lib import clock
from tests.conformance.builders import END, START, goal, key_result, organization, period, unit
from tests.conformance.conftest import Load, SendAt
from tests.conformance.rhythm_builders import checked, dry_run, due_ids, one_key_result, someone, team
from tests.conftest import RunLodestar

ONE_DAY = timedelta(days=1)
THURSDAY = date(2026, 1, 15)


def is_due(load: Load, remind: SendAt, *, cadence: Mapping[str, Any] | None, checked_on: date, as_of: date) -> bool:
    load(one_key_result(cadence=cadence, checked_on=(checked_on,)))
    return due_ids(dry_run(remind, as_of)) == ["kr"]


# Cycle starts: a check-in on the cycle's first day counts for it, one the day before does not.

WEEKLY_STARTS = [
    ("mon", date(2026, 1, 12)),
    ("tue", date(2026, 1, 13)),
    ("wed", date(2026, 1, 14)),
    ("thu", date(2026, 1, 15)),
    ("fri", date(2026, 1, 9)),
    ("sat", date(2026, 1, 10)),
    ("sun", date(2026, 1, 11)),
]


@pytest.mark.parametrize(("day", "start"), WEEKLY_STARTS)
def test_a_check_in_on_the_weekly_cycle_start_means_the_key_result_is_not_due(
    load: Load, remind: SendAt, day: str, start: date
) -> None:
    assert not is_due(load, remind, cadence={"every": "week", "day": day}, checked_on=start, as_of=THURSDAY)


@pytest.mark.parametrize(("day", "start"), WEEKLY_STARTS)
def test_a_check_in_the_day_before_the_weekly_cycle_start_leaves_it_due(
    load: Load, remind: SendAt, day: str, start: date
) -> None:
    assert is_due(load, remind, cadence={"every": "week", "day": day}, checked_on=start - ONE_DAY, as_of=THURSDAY)


TWO_WEEKS_STARTS = [
    ("mon", date(2026, 1, 25), date(2026, 1, 12)),  # Monday 2026-01-19 is in an odd week
    ("mon", date(2026, 1, 26), date(2026, 1, 26)),
    ("thu", date(2026, 1, 14), date(2026, 1, 1)),
    ("thu", date(2026, 1, 15), date(2026, 1, 15)),
    ("sun", date(2026, 1, 17), date(2026, 1, 4)),  # Sunday 2026-01-11 belongs to an odd week
]


@pytest.mark.parametrize(("day", "as_of", "start"), TWO_WEEKS_STARTS)
def test_a_two_weeks_cycle_starts_on_the_latest_such_weekday_of_an_even_week(
    load: Load, remind: SendAt, day: str, as_of: date, start: date
) -> None:
    cadence = {"every": "two_weeks", "day": day}
    assert not is_due(load, remind, cadence=cadence, checked_on=start, as_of=as_of)
    assert is_due(load, remind, cadence=cadence, checked_on=start - ONE_DAY, as_of=as_of)


MONTHLY_STARTS = [
    (1, date(2026, 3, 31), date(2026, 3, 1)),
    (15, date(2026, 3, 14), date(2026, 2, 15)),
    (15, date(2026, 3, 15), date(2026, 3, 15)),
    (28, date(2026, 3, 27), date(2026, 2, 28)),
]


@pytest.mark.parametrize(("day", "as_of", "start"), MONTHLY_STARTS)
def test_a_monthly_cycle_starts_on_the_latest_such_day_of_the_month(
    load: Load, remind: SendAt, day: int, as_of: date, start: date
) -> None:
    cadence = {"every": "month", "day": day}
    assert not is_due(load, remind, cadence=cadence, checked_on=start, as_of=as_of)
    assert is_due(load, remind, cadence=cadence, checked_on=start - ONE_DAY, as_of=as_of)


# The cadence of a key result: its goal owner's unit, inherited down the tree, weekly on Mondays by default.


def test_without_any_cadence_the_cycle_starts_on_monday(load: Load, remind: SendAt) -> None:
    assert not is_due(load, remind, cadence=None, checked_on=date(2026, 1, 12), as_of=THURSDAY)
    assert is_due(load, remind, cadence=None, checked_on=date(2026, 1, 11), as_of=THURSDAY)


def inherited(load: Load, remind: SendAt, *, company: object, ms: object, checked_on: date) -> bool:
    document = one_key_result(cadence=None, checked_on=(checked_on,))
    for index, cadence in ((0, company), (1, ms)):
        if cadence is not None:  # a copy: the base units are shared by every test
            document["units"][index] = {**document["units"][index], "cadence": cadence}
    load(document)
    return due_ids(dry_run(remind, THURSDAY)) == ["kr"]


def test_a_unit_without_a_cadence_takes_its_parents(load: Load, remind: SendAt) -> None:
    ms = {"every": "month", "day": 3}
    assert not inherited(load, remind, company=None, ms=ms, checked_on=date(2026, 1, 3))
    assert inherited(load, remind, company=None, ms=ms, checked_on=date(2026, 1, 2))


def test_a_unit_takes_the_cadence_of_its_nearest_ancestor_that_has_one(load: Load, remind: SendAt) -> None:
    company, ms = {"every": "month", "day": 1}, {"every": "week", "day": "wed"}
    assert not inherited(load, remind, company=company, ms=ms, checked_on=date(2026, 1, 14))
    assert inherited(load, remind, company=company, ms=ms, checked_on=date(2026, 1, 13))


def test_the_root_cadence_reaches_every_unit_below_it(load: Load, remind: SendAt) -> None:
    company = {"every": "month", "day": 1}
    assert not inherited(load, remind, company=company, ms=None, checked_on=date(2026, 1, 1))


def test_a_unit_goal_follows_the_owner_units_cadence_not_that_of_the_key_results_owner(
    load: Load, remind: SendAt
) -> None:
    document = organization(
        units=[
            team("weekly", cadence={"every": "week", "day": "fri"}),
            team("monthly", cadence={"every": "month", "day": 1}),
        ],
        people=[someone("lea", "monthly")],
        goals=[goal("g", checked("kr", date(2026, 1, 2), owner="lea"), owner="weekly")],
    )
    load(document)

    assert due_ids(dry_run(remind, THURSDAY)) == ["kr"]  # weekly: the cycle began on Friday 2026-01-09


def test_a_person_goal_follows_the_cadence_of_the_persons_unit(load: Load, remind: SendAt) -> None:
    assert not is_due(load, remind, cadence={"every": "month", "day": 2}, checked_on=date(2026, 1, 2), as_of=THURSDAY)


# Check-in owners


def reminded(load: Load, remind: SendAt, document: dict[str, object]) -> dict[str, list[str]]:
    load(document)
    return {item["person"]: item["key_results"] for item in dry_run(remind, THURSDAY)["reminders"]}


def test_the_key_results_owner_is_its_check_in_owner(load: Load, remind: SendAt) -> None:
    document = organization(
        people=[someone("lea"), someone("max")],
        goals=[goal("g", key_result("kr", owner="max"), owner="lea")],
    )

    assert reminded(load, remind, document) == {"max": ["kr"]}


def test_without_an_owner_the_goals_person_owner_checks_in(load: Load, remind: SendAt) -> None:
    document = organization(people=[someone("lea")], goals=[goal("g", key_result("kr"), owner="lea")])

    assert reminded(load, remind, document) == {"lea": ["kr"]}


def test_for_a_unit_goal_the_units_lead_checks_in(load: Load, remind: SendAt) -> None:
    document = organization(
        units=[team(lead="max")],
        people=[someone("lea", "team"), someone("max", "team")],
        goals=[goal("g", key_result("kr"), key_result("owned", owner="lea"), owner="team")],
    )

    assert reminded(load, remind, document) == {"lea": ["owned"], "max": ["kr"]}


def test_a_unit_goal_of_a_unit_without_a_lead_has_no_check_in_owner_and_is_still_due(
    load: Load, remind: SendAt
) -> None:
    document = organization(
        units=[team()], people=[someone("lea", "team")], goals=[goal("g", key_result("kr"), owner="team")]
    )
    load(document)

    result = dry_run(remind, THURSDAY)

    assert result["reminders"] == []
    assert result["skipped"] == [{"key_result": "kr", "reason": "no_owner"}]


# The due rule


@pytest.mark.parametrize(
    ("as_of", "due"),
    [
        (START - ONE_DAY, False),
        (START, True),
        (END, True),
        (END + ONE_DAY, False),
    ],
)
def test_a_key_result_is_due_only_while_its_goals_period_contains_the_day(
    load: Load, remind: SendAt, as_of: date, due: bool
) -> None:
    load(organization(people=[someone("lea")], goals=[goal("g", key_result("kr"), owner="lea")]))

    assert due_ids(dry_run(remind, as_of)) == (["kr"] if due else [])


def test_a_key_result_of_another_period_follows_that_periods_days(load: Load, remind: SendAt) -> None:
    document = organization(
        periods=[period("p", 0, 100), period("later", 50, 90)],
        people=[someone("lea")],
        goals=[goal("g", key_result("now"), owner="lea"), goal("h", key_result("soon"), owner="lea", period="later")],
    )
    load(document)

    assert due_ids(dry_run(remind, THURSDAY)) == ["now"]


@pytest.mark.parametrize(
    ("closed_on", "due"), [(THURSDAY, False), (THURSDAY - ONE_DAY, False), (THURSDAY + ONE_DAY, True)]
)
def test_a_key_result_of_a_goal_closed_on_or_before_the_day_is_not_due(
    load: Load, remind: SendAt, closed_on: date, due: bool
) -> None:
    closed = {"date": closed_on, "score": 0.5}
    load(organization(people=[someone("lea")], goals=[goal("g", key_result("kr"), owner="lea", closed=closed)]))

    assert due_ids(dry_run(remind, THURSDAY)) == (["kr"] if due else [])


def test_a_measurement_is_not_a_check_in(load: Load, remind: SendAt) -> None:
    measured = key_result("kr", measurements=[{"date": THURSDAY, "value": 40}], metric="revenue")
    load(organization(people=[someone("lea")], goals=[goal("g", measured, owner="lea")]))

    assert due_ids(dry_run(remind, THURSDAY)) == ["kr"]


def test_a_check_in_dated_after_the_day_does_not_count(load: Load, remind: SendAt) -> None:
    assert is_due(load, remind, cadence=None, checked_on=THURSDAY + ONE_DAY, as_of=THURSDAY)


def test_a_check_in_on_the_day_itself_counts(load: Load, remind: SendAt) -> None:
    assert not is_due(load, remind, cadence=None, checked_on=THURSDAY, as_of=THURSDAY)


def test_each_key_result_of_a_goal_is_judged_on_its_own(load: Load, remind: SendAt) -> None:
    document = organization(
        people=[someone("lea")],
        goals=[goal("g", checked("done", date(2026, 1, 12)), checked("open", date(2026, 1, 5)), owner="lea")],
    )
    load(document)

    assert due_ids(dry_run(remind, THURSDAY)) == ["open"]


def test_the_default_as_of_is_today_in_the_configured_time_zone(
    load: Load, lodestar: RunLodestar, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(organization(people=[someone("lea")], goals=[goal("g", key_result("kr"), owner="lea")]))
    for zone in ("Pacific/Kiritimati", "Pacific/Honolulu"):
        monkeypatch.setenv("LODESTAR_TIME_ZONE", zone)
        today = clock.today()
        run = lodestar("remind", "--dry-run", "--format", "json")
        assert run.code == 0, run.err
        assert f'"as_of": "{today.isoformat()}"' in run.out


def test_a_unit_cadence_key_takes_both_every_and_day(load: Load, remind: SendAt) -> None:
    document = organization(units=[unit("team", "team", cadence={"every": "two_weeks", "day": "thu"})])
    load(document)

    assert dry_run(remind, THURSDAY) == {"as_of": THURSDAY.isoformat(), "reminders": [], "skipped": []}
