"""The roll-over as a pure plan: ids, the default choice, the copies and their plan (spec: the goal rhythm, Roll-over)."""

from __future__ import annotations

from datetime import date

import pytest

from lodestar.lib.model import Closing, Contribution, Goal, KeyResult, Measurement, Model, Organization, Period, Unit
from lodestar.rhythm.rollover import RollOverRefused, carried_by_default, carried_id, final_scores, plan_rollover

Q1 = Period("q1", date(2026, 1, 1), date(2026, 3, 31))
Q2 = Period("q2", date(2026, 4, 1), date(2026, 6, 30))


def measured(kr_id: str, value: float, *, on: date = date(2026, 2, 1)) -> KeyResult:
    return KeyResult(kr_id, kr_id.title(), baseline=0, target=100, measurements=[Measurement(on, value)])


def model(*goals: Goal) -> Model:
    return Model(
        organization=Organization("Acme"), units=[Unit("ms", "MS", "area")], periods=[Q1, Q2], goals=list(goals)
    )


@pytest.mark.parametrize(
    ("ident", "formed"),
    [
        ("a.q1", "a.q2"),
        ("a", "a.q2"),
        ("a.q1.q1", "a.q1.q2"),
        ("q1", "q1.q2"),
        ("a-q1", "a-q1.q2"),
        ("a.xq1", "a.xq1.q2"),
    ],
)
def test_the_copys_id_replaces_a_dot_from_ending_or_appends_dot_to(ident: str, formed: str) -> None:
    assert carried_id(ident, "q1", "q2") == formed


def test_the_final_score_is_the_closings_whenever_it_was_closed_else_the_progress_at_the_end() -> None:
    late = Goal("late", "Late", "ms", "q1", key_results=[measured("a", 100)], closed=Closing(date(2026, 5, 1), 0.6))
    open_ = Goal("open", "Open", "ms", "q1", key_results=[measured("b", 30), measured("c", 90, on=date(2026, 4, 2))])
    empty = Goal("empty", "Empty", "ms", "q1")
    other = Goal("other", "Other", "ms", "q2", key_results=[measured("d", 10)])

    assert final_scores(model(late, open_, empty, other), Q1) == {"late": 0.6, "open": 0.15, "empty": None}
    assert carried_by_default(model(late, open_, empty, other), Q1) == ["late", "open", "empty"]


def test_each_carried_key_result_is_paired_with_its_copy_and_the_plan_adds_goals_then_key_results() -> None:
    top = Goal("top.q1", "Top", "ms", "q1", key_results=[measured("reached", 100), measured("open.q1", 40)])
    child = Goal("child", "Child", "ms", "q1", contributes_to=[Contribution("top.q1", 2.0)])

    rollover = plan_rollover(model(top, child), "q1", "q2")

    first = rollover.carried[0]
    assert [(kr.id, copy.id, copy.baseline) for kr, copy in first.key_results] == [("open.q1", "open.q2", 40)]
    assert rollover.carried[1].copy.contributes_to == [Contribution("top.q2", 2.0)]
    assert [(c.collection, c.key) for c in rollover.plan().changes] == [
        ("goals", "top.q2"),
        ("goals", "child.q2"),
        ("key_results", "open.q2"),
    ]


def test_a_proposed_link_stays_proposed_in_the_copy() -> None:
    parent = Goal("parent", "Parent", "ms", "q1", closed=Closing(date(2026, 3, 1), 1))
    child = Goal("child", "Child", "ms", "q1", contributes_to=[Contribution("parent", None, proposed=True)])

    rollover = plan_rollover(model(parent, child), "q1", "q2")

    assert [c.copy.contributes_to for c in rollover.carried] == [[Contribution("parent", None, proposed=True)]]


def test_a_refusal_names_every_problem() -> None:
    goals = [
        Goal("a.q1", "A", "ms", "q1"),
        Goal("a", "A", "ms", "q1"),
        Goal("b.q2", "B", "ms", "q2"),
        Goal("b", "B", "ms", "q1"),
    ]

    with pytest.raises(RollOverRefused) as refused:
        plan_rollover(model(*goals), "q1", "q2")

    assert refused.value.issues == [
        ("goals[a]", "its copy's id 'a.q2' is formed twice: also from 'a.q1'"),
        ("goals[b]", "its copy's id 'b.q2' exists already (another goal has it)"),
    ]
    assert str(refused.value) == "the roll-over from 'q1' to 'q2' is refused (2 errors); nothing was written"
