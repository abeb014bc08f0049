"""The score proposed for closing a goal: its progress on the step of 0.1, halves rounded up."""

from __future__ import annotations

from datetime import date

import pytest

from lodestar.lib.model import Closing, Goal, KeyResult, Measurement, Model, Organization, Period, Unit
from lodestar.scoring.closing import SCORE_STEP, proposed_score, rounded_score


@pytest.mark.parametrize(
    ("progress", "score"),
    [
        (None, 0.0),
        (0.0, 0.0),
        (0.04, 0.0),
        (0.05, 0.1),
        (0.15, 0.2),
        (0.25, 0.3),
        (0.46, 0.5),
        (0.94, 0.9),
        (0.95, 1.0),
        (1.0, 1.0),
        (1.2, 1.0),
    ],
)
def test_a_progress_is_proposed_as_the_nearest_step(progress: float | None, score: float) -> None:
    assert rounded_score(progress) == score


def test_every_proposal_is_a_whole_number_of_steps() -> None:
    for hundredth in range(101):
        score = rounded_score(hundredth / 100)
        assert round(score / SCORE_STEP, 9).is_integer()
        assert score == round(score, 1)


def model(*, closed: bool = False) -> Model:
    kr = KeyResult("kr", "Leads", baseline=0, target=100, measurements=[Measurement(date(2026, 2, 1), 37)])
    goal = Goal("g", "More leads", owner="ms", period="q1", key_results=[kr])
    if closed:
        goal.closed = Closing(date(2026, 3, 1), 0.8)
    return Model(
        organization=Organization("Acme"),
        units=[Unit("ms", "MS", "area")],
        periods=[Period("q1", date(2026, 1, 1), date(2026, 3, 31))],
        goals=[goal],
    )


def test_the_proposal_is_the_goals_progress_as_of_the_day() -> None:
    assert proposed_score(model(), "g", date(2026, 1, 15)) == 0.0
    assert proposed_score(model(), "g", date(2026, 3, 31)) == 0.4


def test_a_goal_closed_as_of_the_day_proposes_its_own_score() -> None:
    assert proposed_score(model(closed=True), "g", date(2026, 3, 31)) == 0.8
    assert proposed_score(model(closed=True), "g", date(2026, 2, 28)) == 0.4


def test_an_unknown_goal_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        proposed_score(model(), "nowhere", date(2026, 3, 31))
