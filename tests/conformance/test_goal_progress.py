"""Goal progress: the weighted mean over key results and contributing goals (spec: Semantics)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conformance.builders import day, goal, key_result, organization, to
from tests.conformance.conftest import StatusAt


def approx(value: float) -> Any:
    return pytest.approx(value, abs=1e-6)


def reached(id: str, share: float, weight: float | None = None) -> dict[str, Any]:
    """A key result from 0 to 100 whose progress is `share`."""
    more: dict[str, Any] = {} if weight is None else {"weight": weight}
    return key_result(id, measured={10: share * 100}, **more)


def draft(id: str, weight: float | None = None) -> dict[str, Any]:
    """A key result without a target: no progress."""
    more: dict[str, Any] = {} if weight is None else {"weight": weight}
    return key_result(id, target=None, **more)


def progress_of(status: StatusAt, goals: list[dict[str, Any]], goal_id: str = "g") -> Any:
    return status(organization(goals=goals), day(50)).goal(goal_id)["progress"]


def test_goal_progress_is_the_mean_of_equally_weighted_key_results(status: StatusAt) -> None:
    assert progress_of(status, [goal("g", reached("a", 0.2), reached("b", 0.6))]) == approx(0.4)


def test_goal_progress_weights_key_results_by_their_weight(status: StatusAt) -> None:
    assert progress_of(status, [goal("g", reached("a", 1, weight=3), reached("b", 0, weight=1))]) == approx(0.75)


def test_key_result_weights_may_be_decimals(status: StatusAt) -> None:
    assert progress_of(status, [goal("g", reached("a", 1, weight=0.5), reached("b", 0, weight=1.5))]) == approx(0.25)


def test_goal_progress_leaves_out_key_results_without_progress(status: StatusAt) -> None:
    assert progress_of(status, [goal("g", reached("a", 0.5), draft("b", weight=5))]) == approx(0.5)


def test_a_goal_whose_only_key_results_have_no_progress_has_no_progress(status: StatusAt) -> None:
    result = status(organization(goals=[goal("g", draft("a"), draft("b"))]), day(50)).goal("g")

    assert result["progress"] is None
    assert result["status"] == "no_data"


def test_a_goal_without_key_results_or_contributors_has_no_progress(status: StatusAt) -> None:
    result = status(organization(goals=[goal("g")]), day(50)).goal("g")

    assert result["progress"] is None
    assert result["status"] == "no_data"


def test_a_contributing_goal_counts_with_its_contribution_weight(status: StatusAt) -> None:
    goals = [goal("g", reached("a", 0)), goal("child", reached("b", 1), contributes_to=[to("g", 3)])]

    assert progress_of(status, goals) == approx(0.75)


def test_key_result_weights_and_contribution_weights_share_one_mean(status: StatusAt) -> None:
    goals = [goal("g", reached("a", 0.5, weight=2)), goal("child", reached("b", 1), contributes_to=[to("g", 3)])]

    # (0.5 * 2 + 1 * 3) / (2 + 3)
    assert progress_of(status, goals) == approx(0.8)


def test_a_contribution_without_a_weight_counts_once(status: StatusAt) -> None:
    goals = [goal("g", reached("a", 0)), goal("child", reached("b", 1), contributes_to=[to("g")])]

    assert progress_of(status, goals) == approx(0.5)


def test_a_contributing_goal_counts_with_its_rolled_up_progress(status: StatusAt) -> None:
    goals = [
        goal("g", reached("a", 0)),
        goal("child", reached("b", 0), contributes_to=[to("g")]),
        goal("grandchild", reached("c", 1), contributes_to=[to("child")]),
    ]

    # child = (0 + 1) / 2 = 0.5; g = (0 + 0.5) / 2 = 0.25
    assert progress_of(status, goals, "child") == approx(0.5)
    assert progress_of(status, goals, "g") == approx(0.25)


def test_a_goal_made_only_of_contributions_takes_their_weighted_mean(status: StatusAt) -> None:
    goals = [
        goal("g"),
        goal("x", reached("a", 1), contributes_to=[to("g", 1)]),
        goal("y", reached("b", 0.2), contributes_to=[to("g", 4)]),
    ]

    assert progress_of(status, goals) == approx((1 * 1 + 0.2 * 4) / 5)


def test_a_goal_contributing_to_several_goals_counts_in_each_with_that_weight(status: StatusAt) -> None:
    goals = [
        goal("p1", reached("a", 0)),
        goal("p2", reached("b", 0)),
        goal("child", reached("c", 1), contributes_to=[to("p1", 3), to("p2", 1)]),
    ]
    result = status(organization(goals=goals), day(50))

    assert result.goal("p1")["progress"] == approx(0.75)
    assert result.goal("p2")["progress"] == approx(0.5)
    assert result.goal("child")["progress"] == approx(1)


def test_a_contributing_goal_without_progress_is_left_out(status: StatusAt) -> None:
    goals = [goal("g", reached("a", 0.4)), goal("child", draft("b"), contributes_to=[to("g", 9)])]

    assert progress_of(status, goals) == approx(0.4)


def test_a_goal_whose_only_contributor_has_no_progress_has_no_progress(status: StatusAt) -> None:
    goals = [goal("g"), goal("child", draft("b"), contributes_to=[to("g")])]
    result = status(organization(goals=goals), day(50)).goal("g")

    assert result["progress"] is None
    assert result["status"] == "no_data"


def test_a_range_key_result_without_a_value_counts_as_0_in_its_goal(status: StatusAt) -> None:
    range_kr = key_result("r", baseline=None, target=None, direction="range", range=[1, 2])

    assert progress_of(status, [goal("g", reached("a", 1), range_kr)]) == approx(0.5)


def test_goal_progress_uses_the_clamped_key_result_progress(status: StatusAt) -> None:
    over = key_result("a", measured={10: 300})

    assert progress_of(status, [goal("g", over, reached("b", 0))]) == approx(0.5)


def test_a_goal_in_another_period_still_contributes_its_progress(status: StatusAt) -> None:
    # Progress has no period filter; only expected progress depends on the period.
    document = organization(
        periods=[{"id": "p", "start": day(0), "end": day(100)}, {"id": "q1", "start": day(0), "end": day(20)}],
        goals=[goal("g", reached("a", 0)), goal("child", reached("b", 1), period="q1", contributes_to=[to("g")])],
    )

    assert status(document, day(50)).goal("g")["progress"] == approx(0.5)
