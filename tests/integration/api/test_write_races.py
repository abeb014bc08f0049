"""A create that loses a race for an id or a date is a 409 naming what it clashed on, never a 500.

The race is staged in one process: the service reads the store, then another writer saves the
same id (or date) before the service's insert, as a parallel request does on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

from lodestar.accounts.actor import command_line_actor
from lodestar.goals import services
from lodestar.goals.models import Measurement
from lodestar.goals.services import goals as goal_services
from lodestar.goals.services import key_results as key_result_services
from lodestar.goals.services import updates as update_services
from tests.integration.accounts.cast import ApiAs

GOAL = {"id": "g-race", "title": "Raced", "owner": "mkt", "period": "fy2026"}


def the_other_writer_lands_after_the_read(
    monkeypatch: pytest.MonkeyPatch, module: ModuleType, write: Callable[[], Any]
) -> None:
    """The service's first read of the store is followed by `write`, before the service writes."""
    real_load = module.load_model
    raced = False

    def load_then_race(**kwargs: Any) -> Any:
        nonlocal raced
        model = real_load(**kwargs)
        if not raced:
            raced = True
            write()
        return model

    monkeypatch.setattr(module, "load_model", load_then_race)


def test_two_creates_of_one_goal_id_give_a_409_for_the_later(api_as: ApiAs, monkeypatch: pytest.MonkeyPatch) -> None:
    the_other_writer_lands_after_the_read(
        monkeypatch, goal_services, lambda: services.create_goal(actor=command_line_actor(), document=dict(GOAL))
    )

    response = api_as("editor").post("/goals", {**GOAL, "title": "Raced too"})

    assert response.status_code == 409, response.content
    assert response.json()["error"].startswith("goal 'g-race' clashes with a change someone else saved")


def test_two_creates_of_one_key_result_id_give_a_409_for_the_later(
    api_as: ApiAs, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = {"id": "kr-race", "title": "Raced", "baseline": 0, "target": 4}
    the_other_writer_lands_after_the_read(
        monkeypatch,
        key_result_services,
        lambda: services.create_key_result(actor=command_line_actor(), goal_id="more-leads", document=dict(body)),
    )

    response = api_as("editor").post("/key-results", {**body, "goal": "mkt-analytics"})

    assert response.status_code == 409, response.content
    assert response.json()["error"].startswith("key result 'kr-race' clashes with a change someone else saved")


def test_two_measurements_of_one_date_give_a_409_for_the_later(api_as: ApiAs, monkeypatch: pytest.MonkeyPatch) -> None:
    measurement = {"date": "2026-06-15", "value": 5}
    the_other_writer_lands_after_the_read(
        monkeypatch,
        update_services,
        lambda: services.record_measurement(
            actor=command_line_actor(), key_result_id="tracked-share", document=dict(measurement)
        ),
    )

    response = api_as("editor").post("/key-results/tracked-share/measurements", {**measurement, "value": 6})

    assert response.status_code == 409, response.content
    assert response.json()["error"].startswith("a measurement of key result 'tracked-share' clashes")
    assert Measurement.objects.filter(key_result_id="tracked-share", date="2026-06-15").count() <= 1
