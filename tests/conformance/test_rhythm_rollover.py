"""`lodestar rollover FROM TO [--goals ID,...] [--dry-run]` (spec: the goal rhythm, Roll-over).

Period `p` runs from day(0) to day(100), period `q` from day(101) to day(200). A key result
from 0 to 100 measured at 20 has progress 0.2.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from lodestar.modelfile.yaml_io import parse_yaml
from tests.conformance.builders import day, goal, key_result, organization, period, range_key_result, task, to
from tests.conformance.conftest import Load
from tests.conformance.rhythm_builders import someone
from tests.conftest import Run, RunLodestar

Doc = dict[str, Any]
RollOver = Callable[..., Run]


def quarters(*goals: Doc, **sections: Any) -> Doc:
    """The base organization with periods `p` and `q` (and `r`, from day(201) to day(300)) and `goals`."""
    return organization(
        periods=[period("p", 0, 100), period("q", 101, 200), period("r", 201, 300)], goals=list(goals), **sections
    )


def open_goal(goal_id: str = "g", *key_results: Doc, **more: Any) -> Doc:
    """A goal of `p` with progress 0.2 at the end of `p` (unless given other key results)."""
    return goal(goal_id, *(key_results or (key_result(f"{goal_id}-kr", measured={10: 20}),)), **more)


@pytest.fixture
def rollover(lodestar: RunLodestar, load: Load) -> Callable[..., Run]:
    """`rollover(document, *arguments)` imports the document and runs `lodestar rollover ARGUMENTS`."""

    def run(document: Doc, *arguments: str) -> Run:
        load(document)
        return lodestar("rollover", *arguments)

    return run


def stored(lodestar: RunLodestar) -> Doc:
    run = lodestar("export")
    assert run.code == 0, run.err
    document: Doc = parse_yaml(run.out)
    document.pop("revision", None)
    return document


def goals_of(lodestar: RunLodestar) -> dict[str, Doc]:
    return {g["id"]: g for g in stored(lodestar)["goals"]}


def key_results_of(lodestar: RunLodestar) -> dict[str, Doc]:
    return {kr["id"]: kr for g in stored(lodestar)["goals"] for kr in g.get("key_results", [])}


def errors(run: Run) -> list[str]:
    return [line for line in run.err.splitlines() if not line.startswith("error: ")]


# Which goals


def test_every_goal_of_from_with_a_final_score_below_1_is_carried(rollover: RollOver, lodestar: RunLodestar) -> None:
    document = quarters(
        open_goal("below"),
        goal("achieved", key_result("done", measured={50: 100})),
        goal("graded-high", key_result("low", measured={10: 20}), closed={"date": day(130), "score": 1}),
        goal("graded-low", key_result("high", measured={10: 100}), closed={"date": day(130), "score": 0.5}),
        goal("no-progress"),
        open_goal("later", period="q"),
    )

    run = rollover(document, "p", "q")

    assert run.code == 0, run.err
    copies = {g["id"]: g["carried_from"] for g in goals_of(lodestar).values() if "carried_from" in g}
    assert copies == {"below.q": "below", "graded-low.q": "graded-low", "no-progress.q": "no-progress"}


def test_a_goals_progress_is_judged_as_of_the_end_of_from(rollover: RollOver, lodestar: RunLodestar) -> None:
    document = quarters(goal("late", key_result("kr", measured={10: 20, 150: 100})))

    assert rollover(document, "p", "q").code == 0

    assert goals_of(lodestar)["late.q"]["carried_from"] == "late"


def test_a_goals_final_score_counts_its_contributing_goals(rollover: RollOver, lodestar: RunLodestar) -> None:
    document = quarters(
        goal("parent", key_result("parent-kr", measured={10: 100})),
        open_goal("child", contributes_to=[to("parent")]),
    )

    assert rollover(document, "p", "q").code == 0

    assert {"parent.q", "child.q"} <= set(goals_of(lodestar))


def test_goals_given_with_goals_are_carried_whatever_their_score(rollover: RollOver, lodestar: RunLodestar) -> None:
    document = quarters(open_goal("a"), open_goal("b"), goal("won", key_result("won-kr", measured={5: 100})))

    run = rollover(document, "p", "q", "--goals", "won,b")

    assert run.code == 0, run.err
    copies = sorted(g["id"] for g in goals_of(lodestar).values() if "carried_from" in g)
    assert copies == ["b.q", "won.q"]


def test_a_goal_given_with_goals_that_is_no_goal_of_from_is_refused(rollover: RollOver, lodestar: RunLodestar) -> None:
    document = quarters(open_goal("a"), open_goal("later", period="q"))

    run = rollover(document, "p", "q", "--goals", "a,later,nowhere")

    assert run.code == 2
    assert len(errors(run)) == 2
    assert "later" in errors(run)[0] and "nowhere" in errors(run)[1]
    assert set(goals_of(lodestar)) == {"a", "later"}


@pytest.mark.parametrize(
    ("source", "target"),
    [("p", "p"), ("q", "p"), ("p", "nowhere"), ("nowhere", "q")],
)
def test_to_must_be_a_period_that_starts_after_from_starts(
    rollover: RollOver, lodestar: RunLodestar, source: str, target: str
) -> None:
    run = rollover(quarters(open_goal("a"), open_goal("b", period="q")), source, target)

    assert run.code == 2
    assert run.err.startswith(("from:", "to:"))
    assert set(goals_of(lodestar)) == {"a", "b"}


def test_nothing_to_carry_exits_0_and_writes_nothing(rollover: RollOver, lodestar: RunLodestar) -> None:
    document = quarters(goal("won", key_result("won-kr", measured={5: 100})))

    run = rollover(document, "p", "q")

    assert run.code == 0, run.err
    assert set(goals_of(lodestar)) == {"won"}
    assert json.loads(lodestar("restore", "--list", "--format", "json").out)["restore_points"] == []


# The copies' ids


@pytest.mark.parametrize(
    ("original", "copy"),
    [("leads.p", "leads.q"), ("leads", "leads.q"), ("leads.pp", "leads.pp.q"), ("p", "p.q"), ("leads-p", "leads-p.q")],
)
def test_an_ending_dot_from_is_replaced_by_dot_to_any_other_id_gets_it_appended(
    rollover: RollOver, lodestar: RunLodestar, original: str, copy: str
) -> None:
    document = quarters(open_goal(original, key_result(original, measured={10: 20})))

    assert rollover(document, "p", "q").code == 0

    assert goals_of(lodestar)[copy]["carried_from"] == original
    assert copy in key_results_of(lodestar)


def test_ids_do_not_pile_up_suffixes_over_several_roll_overs(rollover: RollOver, lodestar: RunLodestar) -> None:
    assert rollover(quarters(open_goal("g")), "p", "q").code == 0
    assert lodestar("rollover", "q", "r").code == 0

    goals = goals_of(lodestar)
    assert goals["g.r"]["carried_from"] == "g.q"
    assert goals["g.q"]["carried_from"] == "g"
    assert set(key_results_of(lodestar)) == {"g-kr", "g-kr.q", "g-kr.r"}


def test_a_copys_goal_id_that_exists_is_refused_and_nothing_is_written(
    rollover: RollOver, lodestar: RunLodestar
) -> None:
    document = quarters(open_goal("a"), open_goal("b"), goal("a.q", period="q"))
    run = rollover(document, "p", "q")

    assert run.code == 2
    assert errors(run) == ["goals[a]: its copy's id 'a.q' exists already (another goal has it)"]
    assert set(goals_of(lodestar)) == {"a", "b", "a.q"}


def test_a_copys_key_result_id_that_exists_is_refused(rollover: RollOver, lodestar: RunLodestar) -> None:
    document = quarters(open_goal("a"), goal("other", key_result("a-kr.q"), period="q"))

    run = rollover(document, "p", "q")

    assert run.code == 2
    assert errors(run) == ["key_results[a-kr]: its copy's id 'a-kr.q' exists already (another key result has it)"]
    assert "a.q" not in goals_of(lodestar)


def test_a_copys_id_longer_than_64_characters_is_refused(rollover: RollOver, lodestar: RunLodestar) -> None:
    long_id = "g" * 63
    run = rollover(quarters(open_goal(long_id, key_result("kr", measured={10: 20}))), "p", "q")

    assert run.code == 2
    assert errors(run) == [
        f"goals[{long_id}]: its copy's id '{long_id}.q' is 65 characters long: at most 64 are allowed"
    ]
    assert set(goals_of(lodestar)) == {long_id}


def test_a_copys_id_of_exactly_64_characters_is_carried(rollover: RollOver, lodestar: RunLodestar) -> None:
    assert rollover(quarters(open_goal("g" * 62, key_result("kr", measured={10: 20}))), "p", "q").code == 0

    assert "g" * 62 + ".q" in goals_of(lodestar)


def test_an_id_formed_twice_in_the_same_run_is_refused(rollover: RollOver, lodestar: RunLodestar) -> None:
    document = quarters(
        open_goal("a.p", key_result("kr.p", measured={10: 20})), open_goal("a", key_result("kr", measured={10: 20}))
    )

    run = rollover(document, "p", "q")

    assert run.code == 2
    assert errors(run) == [
        "goals[a]: its copy's id 'a.q' is formed twice: also from 'a.p'",
        "key_results[kr]: its copy's id 'kr.q' is formed twice: also from 'kr.p'",
    ]
    assert set(goals_of(lodestar)) == {"a.p", "a"}


def test_a_copy_the_format_refuses_refuses_the_roll_over(rollover: RollOver, lodestar: RunLodestar) -> None:
    # Without a baseline the key result has no progress, so it is carried; its copy would start at its target.
    document = quarters(goal("g", key_result("kr", baseline=None, measured={50: 100})))

    run = rollover(document, "p", "q")

    assert run.code == 2
    assert errors(run) == ["key_results[kr].target: its copy 'kr.q': equals the baseline 100: a key result must move"]
    assert set(goals_of(lodestar)) == {"g"}


# What a copy holds


def test_a_copy_has_the_originals_title_owner_description_and_tasks_in_period_to(
    rollover: RollOver, lodestar: RunLodestar
) -> None:
    document = quarters(
        open_goal("g", owner="lea", description="Why it matters.", tasks=["t"]),
        people=[someone("lea")],
        tasks=[task("t")],
    )

    assert rollover(document, "p", "q").code == 0

    goals = goals_of(lodestar)
    copy = goals["g.q"]
    assert copy == {
        "id": "g.q",
        "title": "Goal g",
        "owner": "lea",
        "period": "q",
        "tasks": ["t"],
        "key_results": [{"id": "g-kr.q", "title": "Key result g-kr", "baseline": 20, "target": 100}],
        "description": "Why it matters.",
        "carried_from": "g",
    }


def test_the_originals_stay_as_they_were(rollover: RollOver, lodestar: RunLodestar) -> None:
    document = quarters(
        open_goal("g", closed={"date": day(99), "score": 0.4, "note": "Learned a lot."}),
        open_goal("h", key_result("h-kr", measured={10: 20}, confidence={20: 6})),
    )
    rollover(document, "p", "q", "--dry-run")
    before = stored(lodestar)

    assert lodestar("rollover", "p", "q").code == 0

    after = stored(lodestar)
    assert after["goals"][:2] == before["goals"]
    assert {key: value for key, value in after.items() if key != "goals"} == {
        key: value for key, value in before.items() if key != "goals"
    }


def test_a_copy_is_not_closed_and_has_no_measurements_or_check_ins(rollover: RollOver, lodestar: RunLodestar) -> None:
    kr = key_result("kr", measured={10: 20, 90: 40}, confidence={20: 6, 95: 2})
    kr["check_ins"][1]["note"] = "Blocked."
    document = quarters(goal("g", kr, closed={"date": day(105), "score": 0.3}))

    assert rollover(document, "p", "q").code == 0

    copy = goals_of(lodestar)["g.q"]
    assert "closed" not in copy
    assert copy["key_results"] == [{"id": "kr.q", "title": "Key result kr", "baseline": 40, "target": 100}]


def test_contributes_to_keeps_the_weights_and_names_the_copy_of_a_carried_parent(
    rollover: RollOver, lodestar: RunLodestar
) -> None:
    document = quarters(
        open_goal("top"),
        goal("done", key_result("done-kr", measured={10: 100}), closed={"date": day(100), "score": 1}),
        open_goal("child", contributes_to=[to("top", 3), to("done", 0.5)]),
    )

    assert rollover(document, "p", "q").code == 0

    goals = goals_of(lodestar)
    assert goals["child.q"]["contributes_to"] == [{"goal": "top.q", "weight": 3}, {"goal": "done", "weight": 0.5}]
    assert goals["child"]["contributes_to"] == [{"goal": "top", "weight": 3}, {"goal": "done", "weight": 0.5}]
    assert "contributes_to" not in goals["top.q"]


def test_a_parent_not_named_with_goals_is_kept_as_the_copys_parent(rollover: RollOver, lodestar: RunLodestar) -> None:
    document = quarters(open_goal("top"), open_goal("child", contributes_to=[to("top")]))

    assert rollover(document, "p", "q", "--goals", "child").code == 0

    assert goals_of(lodestar)["child.q"]["contributes_to"] == [{"goal": "top"}]


def test_a_key_results_copy_keeps_title_unit_range_target_weight_owner_and_metric(
    rollover: RollOver, lodestar: RunLodestar
) -> None:
    document = quarters(
        goal(
            "g",
            key_result("kr", unit="leads", weight=2, owner="lea", metric="web-visits", measured={10: 30}),
            range_key_result("band", 10, 20, weight=0.5, owner="lea", measured={10: 5}),
        ),
        people=[someone("lea")],
    )

    assert rollover(document, "p", "q").code == 0

    copies = key_results_of(lodestar)
    assert copies["kr.q"] == {
        "id": "kr.q",
        "title": "Key result kr",
        "unit": "leads",
        "baseline": 30,
        "target": 100,
        "weight": 2,
        "metric": "web-visits",
        "owner": "lea",
    }
    assert copies["band.q"] == {
        "id": "band.q",
        "title": "Key result band",
        "direction": "range",
        "range": [10, 20],
        "weight": 0.5,
        "owner": "lea",
    }


def test_a_copy_states_a_direction_only_where_the_original_does(rollover: RollOver, lodestar: RunLodestar) -> None:
    document = quarters(
        goal(
            "g",
            key_result("stated", baseline=100, target=50, direction="decrease", measured={10: 90}),
            key_result("inferred", baseline=100, target=50, measured={10: 90}),
        )
    )

    assert rollover(document, "p", "q").code == 0

    copies = key_results_of(lodestar)
    assert copies["stated.q"]["direction"] == "decrease"
    assert "direction" not in copies["inferred.q"]
    assert copies["inferred.q"]["baseline"] == copies["stated.q"]["baseline"] == 90


# Baselines


def test_the_baseline_is_the_current_value_as_of_the_end_of_from(rollover: RollOver, lodestar: RunLodestar) -> None:
    document = quarters(
        goal(
            "g",
            key_result("measured", baseline=10, measured={-20: 15, 40: 25, 100: 35, 101: 80}),
            key_result("before-start", baseline=10, measured={-20: 15}),
            key_result("never", baseline=10),
        )
    )

    assert rollover(document, "p", "q").code == 0

    copies = key_results_of(lodestar)
    assert (copies["measured.q"]["baseline"], copies["before-start.q"]["baseline"]) == (35, 15)
    assert copies["never.q"]["baseline"] == 10


def test_a_key_result_without_a_value_or_a_baseline_has_no_baseline_in_its_copy(
    rollover: RollOver, lodestar: RunLodestar
) -> None:
    assert rollover(quarters(goal("g", key_result("draft", baseline=None))), "p", "q").code == 0

    assert key_results_of(lodestar)["draft.q"] == {"id": "draft.q", "title": "Key result draft", "target": 100}


def test_a_range_key_results_copy_keeps_its_own_baseline_or_none(rollover: RollOver, lodestar: RunLodestar) -> None:
    with_baseline = range_key_result("with", 10, 20, measured={50: 30})
    with_baseline["baseline"] = 12
    document = quarters(goal("g", with_baseline, range_key_result("without", 10, 20, measured={50: 30})))

    assert rollover(document, "p", "q").code == 0

    copies = key_results_of(lodestar)
    assert copies["with.q"]["baseline"] == 12
    assert "baseline" not in copies["without.q"]


# Key results already at progress 1


def test_a_key_result_at_progress_1_at_the_end_of_from_is_not_carried(
    rollover: RollOver, lodestar: RunLodestar
) -> None:
    document = quarters(
        goal(
            "g",
            key_result("reached", measured={50: 100}),
            key_result("beyond", measured={50: 130}),
            range_key_result("in-band", 10, 20, measured={50: 15}),
            key_result("open", measured={50: 60}),
            range_key_result("out-of-band", 10, 20, measured={50: 25}),
            key_result("fell-back", measured={50: 100, 90: 70}),
            key_result("reached-late", measured={50: 60, 150: 100}),
        )
    )

    assert rollover(document, "p", "q").code == 0

    kept = [kr["id"] for kr in goals_of(lodestar)["g.q"]["key_results"]]
    assert kept == ["open.q", "out-of-band.q", "fell-back.q", "reached-late.q"]


def test_a_carried_goal_whose_key_results_are_all_at_1_is_copied_without_key_results(
    rollover: RollOver, lodestar: RunLodestar
) -> None:
    document = quarters(goal("g", key_result("reached", measured={50: 100}), closed={"date": day(90), "score": 0.7}))

    assert rollover(document, "p", "q").code == 0

    assert "key_results" not in goals_of(lodestar)["g.q"]


# One transaction, the plan, the restore point


def test_the_plan_lists_the_goals_and_key_results_it_adds(rollover: RollOver) -> None:
    document = quarters(open_goal("a"), open_goal("b", contributes_to=[to("a")]))

    run = rollover(document, "p", "q")

    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "Plan: 4 to add, 0 to change, 0 to remove."
    assert lines[1:] == [
        "",
        "goals:",
        "  + a.q",
        "  + b.q",
        "",
        "key_results:",
        "  + a-kr.q",
        "  + b-kr.q",
        "Carried 2 goals and 2 key results from period p into q.",
    ]


def test_a_dry_run_prints_the_same_plan_and_writes_nothing(rollover: RollOver, lodestar: RunLodestar) -> None:
    document = quarters(open_goal("a"), open_goal("b"))
    dry = rollover(document, "p", "q", "--dry-run")
    before = stored(lodestar)

    assert dry.code == 0
    assert stored(lodestar) == before
    assert json.loads(lodestar("restore", "--list", "--format", "json").out)["restore_points"] == []
    real = lodestar("rollover", "p", "q")
    assert dry.out.splitlines()[:-1] == real.out.splitlines()[:-1]
    assert dry.out.splitlines()[-1].startswith("Dry run: nothing was written")


def test_a_dry_run_of_a_refused_roll_over_is_refused_too(rollover: RollOver) -> None:
    run = rollover(quarters(open_goal("a"), goal("a.q", period="q")), "p", "q", "--dry-run")

    assert run.code == 2
    assert errors(run) == ["goals[a]: its copy's id 'a.q' exists already (another goal has it)"]


def test_the_model_before_the_roll_over_is_kept_as_a_restore_point(rollover: RollOver, lodestar: RunLodestar) -> None:
    document = quarters(open_goal("a"))
    rollover(document, "p", "q", "--dry-run")
    before = stored(lodestar)

    assert lodestar("rollover", "p", "q").code == 0

    points = json.loads(lodestar("restore", "--list", "--format", "json").out)["restore_points"]
    assert len(points) == 1
    assert "roll-over" in points[0]["reason"]
    assert lodestar("restore", str(points[0]["id"])).code == 0
    assert stored(lodestar) == before


def test_a_refused_roll_over_writes_nothing_and_keeps_no_restore_point(
    rollover: RollOver, lodestar: RunLodestar
) -> None:
    document = quarters(open_goal("a"), open_goal("b"), open_goal("c"), goal("c.q", period="q"))
    rollover(document, "p", "q", "--dry-run")
    before = stored(lodestar)

    run = lodestar("rollover", "p", "q")

    assert run.code == 2
    assert stored(lodestar) == before
    assert json.loads(lodestar("restore", "--list", "--format", "json").out)["restore_points"] == []


def test_a_copy_starts_from_its_baseline_in_period_to(rollover: RollOver, lodestar: RunLodestar) -> None:
    assert rollover(quarters(open_goal("g")), "p", "q").code == 0

    status = json.loads(lodestar("status", "--format", "json", "--as-of", day(101).isoformat()).out)
    copy = next(kr for kr in status["key_results"] if kr["id"] == "g-kr.q")
    assert (copy["current"], copy["progress"], copy["status"]) == (20, 0.0, "on_track")
