"""The leadership review as a pure function: counts and their change, status changes, low confidence,
due and overdue check-ins per team, and why each goal's progress is what it is."""

from __future__ import annotations

from datetime import date

from lodestar.lib.index import ModelIndex
from lodestar.lib.model import (
    Cadence,
    CheckIn,
    Closing,
    Contribution,
    Goal,
    KeyResult,
    Measurement,
    Model,
    Organization,
    Period,
    Person,
    Unit,
)
from lodestar.rhythm.digests import Scores
from lodestar.rhythm.review import Review, default_period, leadership_review

AS_OF = date(2026, 5, 14)  # a Thursday; weekly cycles on Mondays began on 11 May
Q2 = Period("q2", date(2026, 4, 1), date(2026, 6, 30))
YEAR = Period("fy", date(2026, 1, 1), date(2026, 12, 31))
WEEKLY = Cadence("week", "mon")


def kr(kr_id: str, *values: tuple[date, float], check_ins: list[CheckIn] | None = None, weight: float = 1) -> KeyResult:
    return KeyResult(
        kr_id,
        kr_id.replace("-", " ").capitalize(),
        baseline=0,
        target=100,
        weight=weight,
        measurements=[Measurement(day, value) for day, value in values],
        check_ins=check_ins or [],
    )


def model(*goals: Goal) -> Model:
    return Model(
        organization=Organization("Acme"),
        units=[
            Unit("ms", "Marketing & Sales", "area", cadence=WEEKLY, lead="max"),
            Unit("web", "Web", "team", parent="ms", lead="lea"),
            Unit("fin", "Finance", "area"),
        ],
        people=[Person("max", "Max", "ms"), Person("lea", "Lea", "web")],
        periods=[YEAR, Q2],
        goals=list(goals),
    )


def review_of(document: Model, unit: str = "ms", period: Period = Q2) -> Review:
    return leadership_review(ModelIndex(document), unit, period, Scores.of(document, AS_OF))


def test_counts_now_and_a_week_earlier_and_the_goals_that_changed_status() -> None:
    # 42 % of the period has passed: 10 is off track, 45 on track; it rose from 10 to 45 this week.
    rising = Goal("rising", "Rising", "web", "q2", key_results=[kr("r", (date(2026, 5, 1), 10), (AS_OF, 45))])
    steady = Goal("steady", "Steady", "ms", "q2", key_results=[kr("s", (date(2026, 4, 2), 60))])
    elsewhere = Goal("elsewhere", "Elsewhere", "fin", "q2", key_results=[kr("e", (date(2026, 4, 2), 0))])
    review = review_of(model(rising, steady, elsewhere))

    assert [goal.id for goal in review.goals] == ["rising", "steady"]
    counts = {count.status: (count.now, count.before, count.signed_change) for count in review.counts}
    assert counts["on_track"] == (2, 1, "+1")
    assert counts["off_track"] == (0, 1, "\u22121")
    assert counts["at_risk"] == (0, 0, "\u00b10")
    assert [(change.goal.id, change.before, change.now) for change in review.status_changes] == [
        ("rising", "off_track", "on_track")
    ]


def test_the_latest_check_in_of_low_confidence_is_listed_newest_first_and_a_better_later_one_hides_it() -> None:
    worried = kr("worried", check_ins=[CheckIn(date(2026, 5, 4), 2, "lea", "Tracking is broken")])
    recovered = kr("recovered", check_ins=[CheckIn(date(2026, 5, 4), 1, "lea", "Bad"), CheckIn(date(2026, 5, 12), 7)])
    fresh = kr("fresh", check_ins=[CheckIn(date(2026, 5, 13), 3, "max", "Late")])
    review = review_of(model(Goal("g", "G", "web", "q2", key_results=[worried, recovered, fresh])))

    assert [(item.key_result.id, item.check_in.note) for item in review.low_confidence] == [
        ("fresh", "Late"),
        ("worried", "Tracking is broken"),
    ]


def test_due_check_ins_are_grouped_per_team_in_tree_order_and_overdue_when_the_last_cycle_passed_too() -> None:
    last_week = kr("last-week", check_ins=[CheckIn(date(2026, 5, 5), 6)])  # in the cycle of 4 May: only due
    long_ago = kr("long-ago", check_ins=[CheckIn(date(2026, 4, 20), 6)])  # nothing since 27 April: overdue
    this_week = kr("this-week", check_ins=[CheckIn(date(2026, 5, 11), 6)])  # checked in this cycle
    web_goal = Goal("web-goal", "Web goal", "lea", "q2", key_results=[last_week, long_ago, this_week])
    ms_goal = Goal("ms-goal", "MS goal", "ms", "q2", key_results=[kr("never")])
    review = review_of(model(web_goal, ms_goal))

    assert [team.unit for team in review.teams] == ["ms", "web"]
    ms_team, web_team = review.teams
    assert [(item.key_result.id, item.overdue, item.owner) for item in ms_team.due] == [("never", True, "max")]
    assert [(item.key_result.id, item.overdue, item.since) for item in web_team.due] == [
        ("last-week", False, date(2026, 5, 11)),
        ("long-ago", True, date(2026, 5, 11)),
    ]
    assert (review.due_count, review.overdue_count) == (3, 2)


def test_a_first_cycle_of_the_period_is_never_overdue() -> None:
    first = Period("first", date(2026, 5, 12), date(2026, 6, 30))
    document = model(Goal("g", "G", "web", "first", key_results=[kr("k")]))
    document.periods.append(first)
    review = leadership_review(ModelIndex(document), "ms", first, Scores.of(document, AS_OF))

    assert [(item.key_result.id, item.overdue, item.since) for item in review.teams[0].due] == [
        ("k", False, date(2026, 5, 12))
    ]


def test_each_goal_is_explained_by_its_key_results_and_contributing_goals_with_weights_and_shares() -> None:
    child = Goal(
        "child",
        "Child",
        "lea",
        "q2",
        contributes_to=[Contribution("parent", weight=2)],
        key_results=[kr("c", (AS_OF, 40))],
    )
    parent = Goal("parent", "Parent", "ms", "q2", key_results=[kr("p", (AS_OF, 100)), kr("empty", weight=3)])
    parent.key_results[1].baseline = None  # no progress: not counted
    proposed = Goal(
        "proposed",
        "Proposed",
        "web",
        "q2",
        contributes_to=[Contribution("parent", proposed=True)],
        key_results=[kr("x")],
    )
    review = review_of(model(child, parent, proposed))

    why = {item.goal.id: item for item in review.explanations}["parent"]
    assert [(part.kind, part.id, part.weight, part.share) for part in why.parts] == [
        ("key_result", "p", 1, 1 / 3),
        ("key_result", "empty", 3, None),
        ("goal", "child", 2, 2 / 3),
    ]
    assert why.progress is not None
    assert abs(sum(part.points or 0 for part in why.parts) - why.progress) < 1e-9


def test_a_closed_goal_is_explained_by_its_score() -> None:
    closed = Goal("g", "G", "web", "q2", key_results=[kr("k", (AS_OF, 90))], closed=Closing(date(2026, 5, 1), 0.6))
    why = review_of(model(closed)).explanations[0]

    assert (why.status, why.closed_score, why.progress) == ("closed", 0.6, 0.6)


def test_the_default_period_is_the_shortest_current_one_the_units_goals_use() -> None:
    document = model(
        Goal("year", "Year", "ms", "fy", key_results=[kr("y")]),
        Goal("quarter", "Quarter", "web", "q2", key_results=[kr("q")]),
    )
    index = ModelIndex(document)

    assert default_period(index, "ms", AS_OF) == Q2
    assert default_period(index, "ms", date(2026, 8, 1)) == YEAR
    assert default_period(index, "fin", AS_OF) is None
