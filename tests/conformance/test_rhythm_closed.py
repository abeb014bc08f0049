"""Closed goals: status, progress, roll-up, the `closed` field and the health check (spec: Closed goals).

A key result from 0 to 100 measured at 20 on day(10) has progress 0.2. Goal `g` is closed on
day(50) with the score 0.9.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conformance.builders import day, goal, key_result, organization, to
from tests.conformance.conftest import FindingsAt, Load, StatusAt
from tests.conftest import RunLodestar

CLOSED = {"date": day(50), "score": 0.9, "note": "Graded at the mid-year review."}


def approx(value: float) -> Any:
    return pytest.approx(value, abs=1e-6)


def closed_goal(**more: Any) -> dict[str, Any]:
    return organization(goals=[goal("g", key_result("kr", measured={10: 20}), closed=CLOSED, **more)])


def test_a_goal_closed_on_or_before_the_day_has_status_closed_and_its_score_as_progress(status: StatusAt) -> None:
    for as_of in (day(50), day(80), day(250)):
        result = status(closed_goal(), as_of)

        assert result.goal("g")["status"] == "closed"
        assert result.goal("g")["progress"] == approx(0.9)
        assert result.goal("g")["closed"] == {"date": day(50).isoformat(), "score": approx(0.9)}


def test_before_its_closing_day_a_goal_is_judged_as_if_it_were_open(status: StatusAt) -> None:
    result = status(closed_goal(), day(49))

    assert result.goal("g") == {
        "id": "g",
        "progress": approx(0.2),
        "expected": approx(0.49),
        "status": "off_track",
        "closed": None,
    }


def test_the_key_results_of_a_closed_goal_keep_their_own_figures(status: StatusAt) -> None:
    before, after = status(closed_goal(), day(49)), status(closed_goal(), day(60))

    kr = after.key_result("kr")
    assert kr["progress"] == approx(0.2)
    assert kr["current"] == approx(20)
    assert kr["status"] == "off_track"
    assert set(kr) == set(before.key_result("kr"))


@pytest.mark.parametrize(
    "key_results",
    [
        [],  # no progress: no_data if it were open
        [key_result("kr", measured={10: 100})],  # achieved if it were open
    ],
)
def test_closed_is_judged_before_every_status_but_not_started(
    status: StatusAt, key_results: list[dict[str, Any]]
) -> None:
    document = organization(goals=[goal("g", *key_results, closed={"date": day(20), "score": 0.3})])

    assert status(document, day(30)).goal("g")["status"] == "closed"
    assert status(document, day(-5)).goal("g")["status"] == "not_started"


def test_a_closed_goal_contributes_its_score_to_the_goals_above(status: StatusAt) -> None:
    document = organization(
        goals=[
            goal("top", key_result("top-kr", measured={10: 50})),
            goal("g", key_result("kr", measured={10: 20}), closed=CLOSED, contributes_to=[to("top", 3)]),
        ]
    )

    assert status(document, day(60)).goal("top")["progress"] == approx((0.5 + 3 * 0.9) / 4)
    assert status(document, day(49)).goal("top")["progress"] == approx((0.5 + 3 * 0.2) / 4)


def test_a_closed_goal_scores_its_score_whatever_contributes_to_it(status: StatusAt) -> None:
    document = organization(
        goals=[
            goal("g", closed={"date": day(30), "score": 0.25}),
            goal("child", key_result("child-kr", measured={10: 100}), contributes_to=[to("g")]),
        ]
    )

    assert status(document, day(40)).goal("g")["progress"] == approx(0.25)


def test_a_score_of_0_and_of_1_are_progress_0_and_1(status: StatusAt) -> None:
    document = organization(
        goals=[
            goal("zero", key_result("a"), closed={"date": day(5), "score": 0}),
            goal("one", key_result("b"), closed={"date": day(5), "score": 1}),
        ]
    )
    result = status(document, day(10))

    assert (result.goal("zero")["progress"], result.goal("one")["progress"]) == (approx(0), approx(1))
    assert result.goal("one")["closed"] == {"date": day(5).isoformat(), "score": approx(1)}


def test_a_goal_may_be_closed_after_its_period_ends(status: StatusAt) -> None:
    document = organization(goals=[goal("g", key_result("kr"), closed={"date": day(130), "score": 0.6})])

    assert status(document, day(120)).goal("g")["status"] == "off_track"
    assert status(document, day(130)).goal("g")["status"] == "closed"


def test_an_open_goal_has_closed_null(status: StatusAt) -> None:
    document = organization(goals=[goal("g", key_result("kr"))])

    assert status(document, day(10)).goal("g")["closed"] is None


def test_the_health_check_no_longer_judges_a_closed_goals_key_results_by_ls013_and_ls014(
    findings: FindingsAt,
) -> None:
    silent_and_worried = key_result("kr", check_ins=[{"date": day(40), "confidence": 2, "note": "Stuck."}])
    document = organization(goals=[goal("g", silent_and_worried, closed={"date": day(45), "score": 0.1})])

    assert findings(document, day(44)) == [("LS013", "key_result:kr"), ("LS014", "key_result:kr")]
    assert findings(document, day(45)) == []


def test_a_goal_reopened_by_taking_closed_out_is_judged_by_its_progress_again(status: StatusAt) -> None:
    assert status(closed_goal(), day(60)).goal("g")["status"] == "closed"

    reopened = status(organization(goals=[goal("g", key_result("kr", measured={10: 20}))]), day(60))

    assert reopened.goal("g")["status"] == "off_track"
    assert reopened.goal("g")["progress"] == approx(0.2)
    assert reopened.goal("g")["closed"] is None


def test_a_goal_graded_again_scores_its_new_score_in_the_roll_up(status: StatusAt) -> None:
    def graded(score: float) -> dict[str, Any]:
        return organization(
            goals=[
                goal("top"),
                goal("g", key_result("kr"), closed={"date": day(50), "score": score}, contributes_to=[to("top")]),
            ]
        )

    assert status(graded(0.9), day(60)).goal("top")["progress"] == approx(0.9)
    assert status(graded(0.4), day(60)).goal("top")["progress"] == approx(0.4)


def test_a_closed_goal_leaves_the_off_track_count(lodestar: RunLodestar, load: Load) -> None:
    off_track = goal("h", key_result("h-kr", measured={10: 20}))
    load(organization(goals=[goal("g", key_result("kr", measured={10: 20}), closed=CLOSED), off_track]))

    before = lodestar("status", "--as-of", day(49).isoformat()).out.splitlines()
    after = lodestar("status", "--as-of", day(60).isoformat()).out.splitlines()

    assert before[-1] == "Goals: off track 2"
    assert after[-1] == "Goals: closed 1, off track 1"
