"""The demo's rhythm: its units' cadences, and key results due on any day so that reminders have something to say."""

from __future__ import annotations

import datetime

import pytest

from lodestar.demo.organization import demo_document
from lodestar.demo.progress import AWAITING_CHECK_IN
from lodestar.lib.index import ModelIndex
from lodestar.modelfile.validate import validate_document
from lodestar.rhythm.due import due_key_results
from lodestar.rhythm.reminders import plan_reminders

DAYS = (datetime.date(2026, 1, 2), datetime.date(2026, 6, 30), datetime.date(2026, 12, 1), datetime.date(2027, 9, 14))


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_exactly_the_awaiting_key_results_are_due_on_the_day_the_demo_is_loaded(today: datetime.date) -> None:
    model = validate_document(demo_document(today))

    due = {item.key_result.id for item in due_key_results(ModelIndex(model), today)}

    assert due == AWAITING_CHECK_IN


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_the_demo_reminds_several_people_and_hauke_the_demo_member_of_two_key_results(today: datetime.date) -> None:
    plan = plan_reminders(validate_document(demo_document(today)), today, accounts={}, reminded=())

    reminded = {reminder.person.id: reminder.key_results for reminder in plan.reminders}
    assert len(reminded) >= 3
    assert reminded["hauke.jensen"] == ["north-upgrade-visits", "hauke-order-intake"]
    assert [(item.key_result, item.reason) for item in plan.skipped] == [("press-articles", "opted_out")]


def test_the_demo_units_check_in_on_several_cadences_and_most_inherit_one() -> None:
    units = demo_document(datetime.date(2026, 12, 1))["units"]
    cadences = [unit["cadence"] for unit in units if "cadence" in unit]

    assert {cadence["every"] for cadence in cadences} == {"week", "two_weeks", "month"}
    assert len(cadences) < len(units) / 2
