"""The role-clarity survey's results and LS016 (spec: transformation.md, The role-clarity survey).

Each model is the clean base organization with two departments, `mkt` and `sales`, below `ms`,
and tasks whose design the answers are compared with; participants are made up to match the
number of responses (they need not be people of the model).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.conformance.builders import day, goal, organization, person, task, unit
from tests.conformance.conftest import FindingsAt, Load
from tests.conftest import RunLodestar

Doc = dict[str, Any]
ResultsOf = Callable[..., Doc]

UNITS = [unit("mkt", "department"), unit("sales", "department"), unit("web", "team", parent="mkt")]
TASKS = [
    task("t1", responsible=("mkt",), accountable="ms"),
    task("t2", responsible=("mkt", "sales"), accountable=None),
    task("t3", responsible=(), accountable="sales"),
    task("gone", change="drop", accountable="ms"),
]


def answer(task_id: str, accountable: str | None = None, responsible: list[str] | str | None = None) -> Doc:
    document: Doc = {"task": task_id}
    if accountable is not None:
        document["accountable"] = accountable
    if responsible is not None:
        document["responsible"] = responsible
    return document


def response(unit_id: str, *answers: Doc, clarity: Doc | None = None, on: int = 5) -> Doc:
    document: Doc = {"unit": unit_id, "date": day(on)}
    if clarity is not None:
        document["clarity"] = clarity
    if answers:
        document["answers"] = list(answers)
    return document


def survey(id: str = "s", *responses: Doc, opens: int = 1, closes: int = 20, **more: Any) -> Doc:
    document: Doc = {"id": id, "name": f"Survey {id}", "opens": day(opens), "closes": day(closes)}
    document["audience"] = more.pop("audience", ["ms"])
    document.update(more)
    if responses:
        document["participants"] = [f"{id}-p{n}" for n in range(len(responses))]
        document["responses"] = list(responses)
    return document


def model(*surveys: Doc, tasks: list[Doc] | None = None, **sections: Any) -> Doc:
    return organization(units=UNITS, tasks=TASKS if tasks is None else tasks, surveys=list(surveys), **sections)


@pytest.fixture
def results(lodestar: RunLodestar, load: Load) -> ResultsOf:
    """`results(document, survey_id)` imports the document and returns `survey results ID --format json`."""

    def results(document: Doc, survey_id: str = "s") -> Doc:
        load(document)
        run = lodestar("survey", "results", survey_id, "--format", "json")
        assert run.code == 0, f"survey results failed (exit {run.code}):\n{run.out}\n{run.err}"
        parsed: Doc = json.loads(run.out)
        return parsed

    return results


def task_of(found: Doc, task_id: str) -> Doc:
    matches = [t for t in found["tasks"] if t["task"] == task_id]
    assert len(matches) == 1
    figures: Doc = matches[0]
    return figures


def unit_of(found: Doc, unit_id: str) -> Doc:
    matches = [u for u in found["units"] if u["unit"] == unit_id]
    assert len(matches) == 1
    figures: Doc = matches[0]
    return figures


# The task figures


def test_agreement_dont_know_and_consensus_are_shares_of_the_answers_naming_the_accountable(
    results: ResultsOf,
) -> None:
    found = results(
        model(
            survey(
                "s",
                response("mkt", answer("t1", "ms")),
                response("mkt", answer("t1", "ms")),
                response("sales", answer("t1", "mkt")),
                response("sales", answer("t1", "dont_know")),
                min_group=1,
            )
        )
    )
    t1 = task_of(found, "t1")
    assert t1["answers"] == 4
    assert t1["accountable_agreement"] == pytest.approx(0.5)
    assert t1["dont_know"] == pytest.approx(0.25)
    assert t1["consensus"] == pytest.approx(2 / 3)


def test_a_skipped_accountable_question_is_not_an_answer(results: ResultsOf) -> None:
    found = results(
        model(
            survey(
                "s",
                response("mkt", answer("t1", "ms")),
                response("mkt", answer("t1", responsible=["mkt"])),
                response("sales"),
                min_group=1,
            )
        )
    )
    t1 = task_of(found, "t1")
    assert (t1["answers"], t1["accountable_agreement"], t1["dont_know"]) == (1, 1.0, 0.0)
    assert t1["responsible_agreement"] == pytest.approx(1.0)


def test_a_task_without_a_designed_accountable_has_no_accountable_agreement(results: ResultsOf) -> None:
    found = results(
        model(survey("s", response("mkt", answer("t2", "mkt")), response("sales", answer("t2", "sales")), min_group=1))
    )
    t2 = task_of(found, "t2")
    assert t2["accountable_agreement"] is None
    assert (t2["answers"], t2["dont_know"], t2["consensus"]) == (2, 0.0, 0.5)


def test_consensus_is_null_when_every_answer_is_dont_know(results: ResultsOf) -> None:
    found = results(model(survey("s", response("mkt", answer("t1", "dont_know")), min_group=1)))
    t1 = task_of(found, "t1")
    assert (t1["consensus"], t1["dont_know"], t1["accountable_agreement"]) == (None, 1.0, 0.0)


def test_responsible_agreement_is_the_mean_jaccard_similarity_with_dont_know_as_zero(results: ResultsOf) -> None:
    found = results(
        model(
            survey(
                "s",
                response("mkt", answer("t2", responsible=["mkt", "sales"])),  # 1
                response("mkt", answer("t2", responsible=["mkt"])),  # 1/2
                response("sales", answer("t2", responsible=["sales", "web"])),  # 1/3
                response("sales", answer("t2", responsible="dont_know")),  # 0
                min_group=1,
            )
        )
    )
    assert task_of(found, "t2")["responsible_agreement"] == pytest.approx((1 + 1 / 2 + 1 / 3 + 0) / 4)
    assert task_of(found, "t2")["answers"] == 0


def test_an_empty_answer_agrees_fully_with_an_empty_design_and_not_at_all_with_another(results: ResultsOf) -> None:
    found = results(
        model(
            survey(
                "s",
                response("mkt", answer("t3", responsible=[]), answer("t1", responsible=[])),
                min_group=1,
            )
        )
    )
    assert task_of(found, "t3")["responsible_agreement"] == pytest.approx(1.0)
    assert task_of(found, "t1")["responsible_agreement"] == pytest.approx(0.0)


def test_a_task_nobody_answered_shows_zero_answers_and_no_shares(results: ResultsOf) -> None:
    found = results(model(survey("s", response("mkt", answer("t1", "ms")), min_group=1)))
    assert task_of(found, "t3") == {
        "task": "t3",
        "answers": 0,
        "accountable_agreement": None,
        "dont_know": None,
        "consensus": None,
        "responsible_agreement": None,
    }


def test_the_asked_tasks_are_the_surveys_in_its_order(results: ResultsOf) -> None:
    found = results(model(survey("s", tasks=["t3", "t1"])))
    assert [t["task"] for t in found["tasks"]] == ["t3", "t1"]


def test_without_tasks_every_task_not_being_dropped_is_asked_in_the_models_order(results: ResultsOf) -> None:
    found = results(model(survey("s")))
    assert [t["task"] for t in found["tasks"]] == ["t1", "t2", "t3"]


# Suppression below min_group


def test_shares_are_null_below_min_group_but_answers_are_shown(results: ResultsOf) -> None:
    found = results(
        model(survey("s", response("mkt", answer("t1", "ms", ["mkt"])), response("mkt", answer("t1", "ms"))))
    )
    t1 = task_of(found, "t1")  # min_group defaults to 5
    assert t1 == {
        "task": "t1",
        "answers": 2,
        "accountable_agreement": None,
        "dont_know": None,
        "consensus": None,
        "responsible_agreement": None,
    }


def test_consensus_counts_only_those_naming_a_unit_against_min_group(results: ResultsOf) -> None:
    found = results(
        model(
            survey(
                "s",
                response("mkt", answer("t1", "ms")),
                response("mkt", answer("t1", "ms")),
                response("mkt", answer("t1", "dont_know")),
                min_group=3,
            )
        )
    )
    t1 = task_of(found, "t1")
    assert (t1["accountable_agreement"], t1["dont_know"], t1["consensus"]) == (pytest.approx(2 / 3), 1 / 3, None)


def test_responsible_agreement_counts_those_that_answered_it_against_min_group(results: ResultsOf) -> None:
    found = results(
        model(
            survey(
                "s",
                response("mkt", answer("t1", "ms", ["mkt"])),
                response("mkt", answer("t1", "ms")),
                min_group=2,
            )
        )
    )
    assert task_of(found, "t1")["accountable_agreement"] == 1.0
    assert task_of(found, "t1")["responsible_agreement"] is None


# Clarity


def test_clarity_is_the_mean_over_the_responses_that_gave_it(results: ResultsOf) -> None:
    found = results(
        model(
            survey(
                "s",
                response("mkt", clarity={"own_role": 4, "neighbours": 2, "mission": 5}),
                response("mkt", clarity={"own_role": 3, "mission": 4}),
                response("sales", clarity={"own_role": 2}),
                min_group=2,
            )
        )
    )
    assert found["clarity"] == {"own_role": pytest.approx(3.0), "neighbours": None, "mission": pytest.approx(4.5)}


# Units, invited and responses


def test_invited_counts_the_people_now_in_the_audience_and_below(results: ResultsOf) -> None:
    people = [person("a", "mkt"), person("b", "web"), person("c", "sales"), person("d", "company")]
    found = results(model(survey("s", response("mkt"), audience=["mkt", "web"]), people=people))
    assert (found["invited"], found["responses"]) == (2, 1)


def test_units_come_in_the_models_order_then_vanished_units_by_id(results: ResultsOf) -> None:
    found = results(
        model(survey("s", response("zz-old"), response("sales"), response("aa-old"), response("mkt"), min_group=1))
    )
    assert [u["unit"] for u in found["units"]] == ["mkt", "sales", "aa-old", "zz-old"]


def test_a_unit_below_min_group_shows_its_count_and_no_figure(results: ResultsOf) -> None:
    found = results(
        model(
            survey(
                "s",
                response("mkt", answer("t1", "ms"), clarity={"own_role": 5}),
                response("mkt", answer("t1", "ms"), clarity={"own_role": 4}),
                response("sales", answer("t1", "ms"), clarity={"own_role": 1}),
                min_group=2,
            )
        )
    )
    assert unit_of(found, "sales") == {"unit": "sales", "responses": 1, "clarity": None, "accountable_agreement": None}
    mkt = unit_of(found, "mkt")
    assert mkt["clarity"] == {"own_role": pytest.approx(4.5), "neighbours": None, "mission": None}
    assert mkt["accountable_agreement"] == 1.0


def test_a_units_agreement_counts_its_answers_for_asked_tasks_with_a_designed_accountable(
    results: ResultsOf,
) -> None:
    found = results(
        model(
            survey(
                "s",
                response("mkt", answer("t1", "ms"), answer("t2", "mkt"), answer("t3", "dont_know")),
                response("mkt", answer("t1", "mkt"), answer("t3", "sales"), answer("gone", "gone")),
                min_group=2,
            )
        )
    )
    # t1: ms yes, mkt no; t3: dont_know no, sales yes; t2 has no design; `gone` is not asked
    assert unit_of(found, "mkt")["accountable_agreement"] == pytest.approx(0.5)


def test_a_unit_with_no_answer_to_compare_has_no_agreement(results: ResultsOf) -> None:
    found = results(model(survey("s", response("mkt", answer("t2", "mkt")), min_group=1)))
    assert unit_of(found, "mkt")["accountable_agreement"] is None


def test_the_json_has_the_specs_keys(results: ResultsOf) -> None:
    found = results(model(survey("s", response("mkt", answer("t1", "ms")), min_group=1)))
    assert list(found) == ["survey", "invited", "responses", "clarity", "tasks", "units"]
    assert found["survey"] == "s"
    assert list(found["units"][0]) == ["unit", "responses", "clarity", "accountable_agreement"]


def test_an_unknown_survey_exits_with_2(lodestar: RunLodestar, load: Load) -> None:
    load(model(survey("s")))
    run = lodestar("survey", "results", "nope")
    assert run.code == 2
    assert "nope" in run.err


def test_the_text_results_name_the_tasks_and_withhold_small_groups(lodestar: RunLodestar, load: Load) -> None:
    load(model(survey("s", response("mkt", answer("t1", "ms")), response("mkt"), response("sales"), min_group=2)))
    run = lodestar("survey", "results", "s")
    assert run.code == 0
    assert "Task t1" in run.out and "Invited 0, responses 3." in run.out
    assert "SALES: 1, too few to show (fewer than 2)" in run.out


# LS016


def low(id: str, *, closes: int = 8, **more: Any) -> Doc:
    """A survey in which one of two answers names t1's designed accountable: 0.5, not below it."""
    return survey(
        id,
        response("mkt", answer("t1", "mkt"), on=1),
        response("mkt", answer("t1", "dont_know"), on=1),
        response("mkt", answer("t1", "ms"), on=1),
        opens=1,
        closes=closes,
        min_group=1,
        **more,
    )


def clear(id: str, *, closes: int = 8, **more: Any) -> Doc:
    return survey(id, response("mkt", answer("t1", "ms"), on=1), opens=1, closes=closes, min_group=1, **more)


LS016_TASKS = [task("t1", accountable="ms"), task("t2", accountable="ms")]


def ls016(found: list[tuple[str, str]]) -> list[str]:
    return [subject for code, subject in found if code == "LS016"]


def test_ls016_fires_for_a_task_below_half_agreement_in_the_latest_closed_survey(findings: FindingsAt) -> None:
    assert ls016(findings(model(low("a"), tasks=LS016_TASKS), day(10))) == ["task:t1"]


def test_ls016_does_not_fire_at_exactly_half(findings: FindingsAt) -> None:
    half = survey("a", response("mkt", answer("t1", "ms")), response("mkt", answer("t1", "mkt")), min_group=1, closes=8)
    assert ls016(findings(model(half, tasks=LS016_TASKS), day(10))) == []


def test_ls016_judges_only_the_latest_survey_closed_on_or_before_as_of(findings: FindingsAt) -> None:
    document = model(low("old", closes=5), clear("new", closes=8), low("later", closes=15), tasks=LS016_TASKS)
    assert ls016(findings(document, day(10))) == []
    assert ls016(findings(document, day(15))) == ["task:t1"]


def test_ls016_counts_a_survey_closing_on_as_of(findings: FindingsAt) -> None:
    assert ls016(findings(model(low("a", closes=10), tasks=LS016_TASKS), day(10))) == ["task:t1"]
    assert ls016(findings(model(low("a", closes=11), tasks=LS016_TASKS), day(10))) == []


def test_ls016_breaks_a_tie_of_closing_dates_by_the_later_in_the_file(findings: FindingsAt) -> None:
    assert ls016(findings(model(low("a"), clear("b"), tasks=LS016_TASKS), day(10))) == []
    assert ls016(findings(model(clear("b"), low("a"), tasks=LS016_TASKS), day(10))) == ["task:t1"]


def test_ls016_passes_over_a_later_survey_that_did_not_ask_the_task(findings: FindingsAt) -> None:
    later = survey("b", response("mkt", answer("t2", "ms"), on=9), opens=9, closes=9, tasks=["t2"], min_group=1)
    assert ls016(findings(model(low("a"), later, tasks=LS016_TASKS), day(10))) == ["task:t1"]


def test_ls016_passes_over_a_later_survey_whose_agreement_is_withheld(findings: FindingsAt) -> None:
    later = survey("b", response("mkt", answer("t1", "ms"), on=9), opens=9, closes=9, min_group=2)
    assert ls016(findings(model(low("a"), later, tasks=LS016_TASKS), day(10))) == ["task:t1"]


def test_ls016_passes_over_a_later_survey_where_nobody_answered_the_task(findings: FindingsAt) -> None:
    later = survey("b", response("mkt", answer("t2", "ms"), on=9), opens=9, closes=9, min_group=1)
    assert ls016(findings(model(low("a"), later, tasks=LS016_TASKS), day(10))) == ["task:t1"]


def test_ls016_leaves_out_a_task_being_dropped(findings: FindingsAt) -> None:
    tasks = [task("t1", change="drop", accountable="ms")]
    document = model(low("a", tasks=["t1"]), tasks=tasks, goals=[])
    assert ls016(findings(document, day(10))) == []


def test_ls016_comes_after_ls015_in_the_models_task_order(check: Any) -> None:
    tasks = [task("t2", change="new", accountable="ms"), task("t1", change="new", accountable="ms")]
    both = survey(
        "a",
        response("mkt", answer("t1", "dont_know"), answer("t2", "mkt"), on=1),
        closes=8,
        min_group=1,
    )
    found = check(model(both, tasks=tasks, goals=[goal("g")]), day(10))["findings"]
    assert [(f["code"], f["subject"]) for f in found if f["code"] in ("LS015", "LS016")] == [
        ("LS015", "task:t2"),
        ("LS015", "task:t1"),
        ("LS016", "task:t2"),
        ("LS016", "task:t1"),
    ]
