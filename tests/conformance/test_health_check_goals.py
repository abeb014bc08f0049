"""Health-check rules about goals and key results: LS001-LS005, LS008, LS013, LS014.

Each model is the clean base organization (no findings) plus what the rule needs. Unless a
test says otherwise the check runs as of day(10), 10 % into period `p`, so LS013 stays quiet.
"""

from __future__ import annotations

from typing import Any

from tests.conformance.builders import (
    day,
    goal,
    key_result,
    organization,
    period,
    person,
    range_key_result,
    task,
    to,
    unit,
)
from tests.conformance.conftest import FindingsAt

MKT = unit("mkt", "department")


def with_code(code: str, found: list[tuple[str, str]]) -> list[str]:
    return [subject for found_code, subject in found if found_code == code]


def top(*more_goals: dict[str, Any], **fields: Any) -> list[dict[str, Any]]:
    """A top-level goal `top` owned by the scope unit, plus `more_goals`."""
    return [goal("top", key_result("top-kr"), **fields), *more_goals]


# LS001: a top-level goal not owned by the mission's scope unit


def test_a_top_level_goal_owned_by_a_department_cannot_be_traced_to_the_mission(findings: FindingsAt) -> None:
    document = organization(units=[MKT], goals=[goal("g", key_result(), owner="mkt")])

    assert findings(document, day(10)) == [("LS001", "goal:g")]


def test_a_top_level_goal_owned_by_the_scope_unit_is_traced_to_the_mission(findings: FindingsAt) -> None:
    assert findings(organization(goals=[goal("g", key_result(), owner="ms")]), day(10)) == []


def test_a_contributing_goal_owned_by_a_department_is_traced_through_its_parent(findings: FindingsAt) -> None:
    document = organization(units=[MKT], goals=top(goal("g", key_result(), owner="mkt", contributes_to=[to("top")])))

    assert findings(document, day(10)) == []


def test_a_top_level_goal_owned_by_a_unit_above_the_scope_is_not_traced(findings: FindingsAt) -> None:
    assert findings(organization(goals=[goal("g", key_result(), owner="company")]), day(10)) == [("LS001", "goal:g")]


def test_a_top_level_goal_owned_by_a_person_of_the_scope_unit_is_not_the_scope_unit_itself(
    findings: FindingsAt,
) -> None:
    document = organization(people=[person("jo", "ms")], goals=[goal("g", key_result(), owner="jo")])

    assert findings(document, day(10)) == [("LS001", "goal:g")]


def test_without_a_mission_ls001_is_not_judged(findings: FindingsAt) -> None:
    document = organization(mission=False, units=[MKT], goals=[goal("g", key_result(), owner="mkt")])

    assert with_code("LS001", findings(document, day(10))) == []


# LS002: a key result that is not a range and lacks target or baseline


def test_a_key_result_without_a_target_is_reported(findings: FindingsAt) -> None:
    document = organization(goals=[goal("g", key_result("kr", target=None))])

    assert findings(document, day(10)) == [("LS002", "key_result:kr")]


def test_a_key_result_without_a_baseline_is_reported(findings: FindingsAt) -> None:
    document = organization(goals=[goal("g", key_result("kr", baseline=None))])

    assert findings(document, day(10)) == [("LS002", "key_result:kr")]


def test_a_key_result_with_a_direction_but_no_target_is_reported(findings: FindingsAt) -> None:
    document = organization(goals=[goal("g", key_result("kr", target=None, direction="decrease"))])

    assert findings(document, day(10)) == [("LS002", "key_result:kr")]


def test_a_range_key_result_needs_no_target_or_baseline(findings: FindingsAt) -> None:
    assert findings(organization(goals=[goal("g", range_key_result("kr"))]), day(10)) == []


def test_a_key_result_with_target_and_baseline_is_not_reported(findings: FindingsAt) -> None:
    assert with_code("LS002", findings(organization(goals=[goal("g", key_result("kr"))]), day(10))) == []


# LS003: a goal with no key results and no goal contributing to it


def test_a_goal_without_key_results_or_contributors_is_reported(findings: FindingsAt) -> None:
    assert findings(organization(goals=[goal("g")]), day(10)) == [("LS003", "goal:g")]


def test_a_goal_with_only_tasks_is_still_reported(findings: FindingsAt) -> None:
    document = organization(tasks=[task("t")], goals=[goal("g", tasks=["t"])])

    assert findings(document, day(10)) == [("LS003", "goal:g")]


def test_a_goal_with_a_contributing_goal_needs_no_key_results(findings: FindingsAt) -> None:
    document = organization(goals=[goal("g"), goal("child", key_result(), contributes_to=[to("g")])])

    assert findings(document, day(10)) == []


def test_a_goal_that_only_contributes_to_others_still_needs_key_results(findings: FindingsAt) -> None:
    document = organization(goals=top(goal("child", contributes_to=[to("top")])))

    assert findings(document, day(10)) == [("LS003", "goal:child")]


# LS004: a department or team inside the scope that owns no goal in a current period


def test_a_department_without_a_goal_is_reported(findings: FindingsAt) -> None:
    assert findings(organization(units=[MKT]), day(10)) == [("LS004", "unit:mkt")]


def test_a_team_without_a_goal_is_reported_as_well_as_its_department(findings: FindingsAt) -> None:
    document = organization(units=[MKT, unit("web", "team", parent="mkt")])

    assert findings(document, day(10)) == [("LS004", "unit:mkt"), ("LS004", "unit:web")]


def test_a_department_that_owns_a_current_goal_is_not_reported(findings: FindingsAt) -> None:
    document = organization(units=[MKT], goals=top(goal("g", key_result(), owner="mkt", contributes_to=[to("top")])))

    assert findings(document, day(10)) == []


def test_a_department_whose_person_owns_a_current_goal_is_not_reported(findings: FindingsAt) -> None:
    document = organization(
        units=[MKT],
        people=[person("sam", "mkt")],
        goals=top(goal("g", key_result(), owner="sam", contributes_to=[to("top")])),
    )

    assert findings(document, day(10)) == []


def test_a_goal_of_a_team_does_not_count_for_its_department(findings: FindingsAt) -> None:
    document = organization(
        units=[MKT, unit("web", "team", parent="mkt")],
        goals=top(goal("g", key_result(), owner="web", contributes_to=[to("top")])),
    )

    assert findings(document, day(10)) == [("LS004", "unit:mkt")]


def test_a_goal_of_a_person_in_a_team_does_not_count_for_the_department(findings: FindingsAt) -> None:
    document = organization(
        units=[MKT, unit("web", "team", parent="mkt")],
        people=[person("sam", "web")],
        goals=top(goal("g", key_result(), owner="sam", contributes_to=[to("top")])),
    )

    assert findings(document, day(10)) == [("LS004", "unit:mkt")]


def test_a_department_outside_the_mission_scope_is_not_reported(findings: FindingsAt) -> None:
    document = organization(units=[unit("hr", "department", parent="company")])

    assert with_code("LS004", findings(document, day(10))) == []


def test_an_area_inside_the_scope_without_a_goal_is_not_reported(findings: FindingsAt) -> None:
    document = organization(units=[unit("emea", "area")])

    assert findings(document, day(10)) == []


def test_a_department_whose_goals_lie_in_a_later_period_is_reported(findings: FindingsAt) -> None:
    document = organization(
        units=[MKT],
        periods=[period("p", 0, 100), period("q", 20, 40)],
        goals=top(goal("g", key_result(), owner="mkt", period="q", contributes_to=[to("top")])),
    )

    assert findings(document, day(10)) == [("LS004", "unit:mkt")]


def test_a_department_whose_goals_lie_in_a_past_period_is_reported(findings: FindingsAt) -> None:
    document = organization(
        units=[MKT],
        periods=[period("p", 0, 100), period("q", 0, 9)],
        goals=top(goal("g", key_result(), owner="mkt", period="q", contributes_to=[to("top")])),
    )

    assert findings(document, day(10)) == [("LS004", "unit:mkt")]


def test_a_goal_period_ending_on_as_of_still_contains_it(findings: FindingsAt) -> None:
    document = organization(
        units=[MKT],
        periods=[period("p", 0, 100), period("q", 0, 10)],
        goals=top(goal("g", key_result(), owner="mkt", period="q", contributes_to=[to("top")])),
    )

    assert with_code("LS004", findings(document, day(10))) == []


def test_a_goal_period_starting_on_as_of_already_contains_it(findings: FindingsAt) -> None:
    document = organization(
        units=[MKT],
        periods=[period("p", 0, 100), period("q", 10, 30)],
        goals=top(goal("g", key_result(), owner="mkt", period="q", contributes_to=[to("top")])),
    )

    assert with_code("LS004", findings(document, day(10))) == []


def test_the_scope_unit_itself_is_inside_the_scope(findings: FindingsAt) -> None:
    document = organization(units=[MKT], mission=False)
    document["mission"] = {"statement": "Marketing makes the choice easy.", "scope": "mkt"}

    assert findings(document, day(10)) == [("LS004", "unit:mkt")]


def test_without_a_mission_ls004_is_not_judged(findings: FindingsAt) -> None:
    assert with_code("LS004", findings(organization(mission=False, units=[MKT]), day(10))) == []


# LS005: a goal whose period does not lie within that of a goal it contributes to


def test_a_goal_whose_period_ends_after_its_parents_is_reported(findings: FindingsAt) -> None:
    document = organization(
        periods=[period("p", 0, 100), period("q", 50, 150)],
        goals=top(goal("g", key_result(), period="q", contributes_to=[to("top")])),
    )

    assert findings(document, day(10)) == [("LS005", "goal:g")]


def test_a_goal_whose_period_starts_before_its_parents_is_reported(findings: FindingsAt) -> None:
    document = organization(
        periods=[period("p", 0, 100), period("q", -10, 50)],
        goals=top(goal("g", key_result(measured={0: 1}), period="q", contributes_to=[to("top")])),
    )

    assert findings(document, day(10)) == [("LS005", "goal:g")]


def test_a_goal_in_a_sub_period_of_its_parents_is_not_reported(findings: FindingsAt) -> None:
    document = organization(
        periods=[period("p", 0, 100), period("q", 0, 25)],
        goals=top(goal("g", key_result(measured={0: 1}), period="q", contributes_to=[to("top")])),
    )

    assert findings(document, day(10)) == []


def test_a_goal_in_the_same_period_as_its_parent_is_not_reported(findings: FindingsAt) -> None:
    assert findings(organization(goals=top(goal("g", key_result(), contributes_to=[to("top")]))), day(10)) == []


def test_a_goal_outside_one_of_two_parents_periods_is_reported(findings: FindingsAt) -> None:
    document = organization(
        periods=[period("p", 0, 100), period("q", 0, 20)],
        goals=[
            goal("wide", key_result("wide-kr")),
            goal("narrow", key_result("narrow-kr", measured={0: 1}), period="q"),
            goal("g", key_result(), contributes_to=[to("wide"), to("narrow")]),
        ],
    )

    assert findings(document, day(10)) == [("LS005", "goal:g")]


# LS008: a goal that lists a task being dropped


def test_a_goal_listing_a_dropped_task_is_reported(findings: FindingsAt) -> None:
    document = organization(tasks=[task("t", change="drop")], goals=[goal("g", key_result(), tasks=["t"])])

    assert findings(document, day(10)) == [("LS008", "goal:g")]


def test_a_goal_listing_a_reduced_task_is_not_reported(findings: FindingsAt) -> None:
    document = organization(tasks=[task("t", change="reduce")], goals=[goal("g", key_result(), tasks=["t"])])

    assert findings(document, day(10)) == []


# LS013: no measurement in the period so far while more than 25 % of it has elapsed


def test_a_key_result_never_measured_after_26_percent_of_its_period_is_reported(findings: FindingsAt) -> None:
    assert findings(organization(goals=[goal("g", key_result("kr"))]), day(26)) == [("LS013", "key_result:kr")]


def test_a_key_result_never_measured_at_exactly_25_percent_is_not_yet_reported(findings: FindingsAt) -> None:
    assert findings(organization(goals=[goal("g", key_result("kr"))]), day(25)) == []


def test_a_key_result_measured_in_its_period_is_not_reported(findings: FindingsAt) -> None:
    assert findings(organization(goals=[goal("g", key_result("kr", measured={30: 5}))]), day(60)) == []


def test_a_measurement_on_the_period_start_counts(findings: FindingsAt) -> None:
    assert findings(organization(goals=[goal("g", key_result("kr", measured={0: 5}))]), day(60)) == []


def test_a_measurement_on_as_of_counts(findings: FindingsAt) -> None:
    assert findings(organization(goals=[goal("g", key_result("kr", measured={60: 5}))]), day(60)) == []


def test_a_measurement_before_the_period_start_does_not_count(findings: FindingsAt) -> None:
    document = organization(goals=[goal("g", key_result("kr", measured={-1: 5}))])

    assert findings(document, day(60)) == [("LS013", "key_result:kr")]


def test_a_measurement_after_as_of_does_not_count(findings: FindingsAt) -> None:
    document = organization(goals=[goal("g", key_result("kr", measured={61: 5}))])

    assert findings(document, day(60)) == [("LS013", "key_result:kr")]


def test_a_range_key_result_without_measurements_is_reported(findings: FindingsAt) -> None:
    assert findings(organization(goals=[goal("g", range_key_result("kr"))]), day(60)) == [("LS013", "key_result:kr")]


def test_on_the_last_day_of_its_period_an_unmeasured_key_result_is_reported(findings: FindingsAt) -> None:
    assert findings(organization(goals=[goal("g", key_result("kr"))]), day(100)) == [("LS013", "key_result:kr")]


def test_after_its_period_an_unmeasured_key_result_is_no_longer_reported(findings: FindingsAt) -> None:
    assert findings(organization(goals=[goal("g", key_result("kr"))]), day(101)) == []


def test_before_its_period_an_unmeasured_key_result_is_not_reported(findings: FindingsAt) -> None:
    assert findings(organization(goals=[goal("g", key_result("kr"))]), day(-1)) == []


def test_the_elapsed_share_is_that_of_the_key_results_own_period(findings: FindingsAt) -> None:
    document = organization(periods=[period("p", 0, 200)], goals=[goal("g", key_result("kr"))])

    assert findings(document, day(50)) == []
    assert findings(document, day(51)) == [("LS013", "key_result:kr")]


# LS014: latest check-in on or before as_of with confidence 3 or less


def test_a_latest_confidence_of_3_is_reported(findings: FindingsAt) -> None:
    document = organization(goals=[goal("g", key_result("kr", confidence={5: 3}))])

    assert findings(document, day(10)) == [("LS014", "key_result:kr")]


def test_a_latest_confidence_of_0_is_reported(findings: FindingsAt) -> None:
    document = organization(goals=[goal("g", key_result("kr", confidence={5: 0}))])

    assert findings(document, day(10)) == [("LS014", "key_result:kr")]


def test_a_latest_confidence_of_4_is_not_reported(findings: FindingsAt) -> None:
    assert findings(organization(goals=[goal("g", key_result("kr", confidence={5: 4}))]), day(10)) == []


def test_an_earlier_low_confidence_superseded_by_a_higher_one_is_not_reported(findings: FindingsAt) -> None:
    assert findings(organization(goals=[goal("g", key_result("kr", confidence={2: 1, 5: 8}))]), day(10)) == []


def test_a_later_low_confidence_replaces_an_earlier_high_one(findings: FindingsAt) -> None:
    document = organization(goals=[goal("g", key_result("kr", confidence={2: 9, 5: 2}))])

    assert findings(document, day(10)) == [("LS014", "key_result:kr")]


def test_a_check_in_on_as_of_counts(findings: FindingsAt) -> None:
    document = organization(goals=[goal("g", key_result("kr", confidence={2: 9, 10: 2}))])

    assert findings(document, day(10)) == [("LS014", "key_result:kr")]


def test_a_low_check_in_before_the_period_start_is_still_the_latest(findings: FindingsAt) -> None:
    document = organization(goals=[goal("g", key_result("kr", confidence={-5: 2}))])

    assert findings(document, day(10)) == [("LS014", "key_result:kr")]


def test_a_low_check_in_after_as_of_is_ignored(findings: FindingsAt) -> None:
    assert findings(organization(goals=[goal("g", key_result("kr", confidence={5: 7, 11: 1}))]), day(10)) == []


def test_a_low_confidence_in_a_period_that_has_ended_is_not_reported(findings: FindingsAt) -> None:
    document = organization(goals=[goal("g", key_result("kr", measured={50: 5}, confidence={90: 1}))])

    assert findings(document, day(101)) == []
