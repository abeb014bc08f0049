"""The survey's heat map, overall figures, change since the previous round and built-in metrics, as pure functions."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from lodestar.lib.model import Model
from lodestar.modelfile.validate import validate_document
from lodestar.scoring.survey_heatmap import GROUP_TOO_SMALL, NO_ANSWERS, NO_DESIGN, SHOWN, TOO_FEW, heat_map
from lodestar.scoring.survey_metrics import SURVEY_METRICS, survey_metric_problem, survey_metric_values
from lodestar.scoring.survey_rounds import (
    compare_rounds,
    most_named,
    overall_accountable_agreement,
    overall_responsible_agreement,
)
from lodestar.scoring.surveys import previous_round, survey_results

UNITS = [
    {"id": "co", "name": "Company", "kind": "company"},
    {"id": "mkt", "name": "Marketing", "kind": "department", "parent": "co"},
    {"id": "sales", "name": "Sales", "kind": "department", "parent": "co"},
]
TASKS = [
    {"id": "web", "name": "Web", "change": "keep", "delivery": "central", "responsible": ["mkt"], "accountable": "mkt"},
    {"id": "fair", "name": "Fairs", "change": "keep", "delivery": "central", "responsible": ["sales"]},
]


def answer(task: str, accountable: str | None = None, responsible: Any = None) -> dict[str, Any]:
    found: dict[str, Any] = {"task": task}
    if accountable is not None:
        found["accountable"] = accountable
    if responsible is not None:
        found["responsible"] = responsible
    return found


def survey(
    survey_id: str, opens: str, closes: str, responses: list[tuple[str, list[dict[str, Any]]]], **more: Any
) -> dict[str, Any]:
    return {
        "id": survey_id,
        "name": survey_id,
        "opens": opens,
        "closes": closes,
        "audience": ["co"],
        "participants": [f"{survey_id}{n}" for n in range(len(responses))],
        "responses": [
            {"unit": unit, "date": closes, "clarity": {"own_role": 4}, "answers": answers}
            for unit, answers in responses
        ],
        **more,
    }


def model(*surveys: dict[str, Any]) -> Model:
    people = [{"id": f"p{n}", "name": f"P {n}", "unit": "mkt" if n < 6 else "sales"} for n in range(8)]
    document = {"lodestar": 1, "organization": {"name": "X"}, "units": UNITS, "people": people, "tasks": TASKS}
    return validate_document(copy.deepcopy({**document, "surveys": list(surveys)}))


# Marketing: 5 responses, 3 name mkt for web, 2 name sales; 2 answer fair. Sales: 2 responses.
ROUND = survey(
    "now",
    "2026-05-01",
    "2026-05-31",
    [("mkt", [answer("web", "mkt", ["mkt"]), answer("fair", "sales", ["sales"])]) for _ in range(2)]
    + [("mkt", [answer("web", "mkt", ["mkt", "sales"])])]
    + [("mkt", [answer("web", "sales", "dont_know")]) for _ in range(2)]
    + [("sales", [answer("web", "mkt", ["mkt"])]) for _ in range(2)],
    min_group=5,
)


def test_a_cell_shows_the_share_of_a_units_answers_naming_the_designed_accountable() -> None:
    found = model(ROUND)
    heat = heat_map(survey_results(found.surveys[0], found), found)

    cell = heat.cell("web", "mkt")
    assert cell is not None and (cell.state, cell.share, cell.band) == (SHOWN, 3 / 5, 2)


def test_a_unit_below_min_group_shows_no_figure_in_any_cell() -> None:
    found = model(ROUND)
    heat = heat_map(survey_results(found.surveys[0], found), found)

    assert [(u.unit, u.responses, u.suppressed) for u in heat.units] == [("mkt", 5, False), ("sales", 2, True)]
    for row in heat.rows:
        cell = row.cells[1]
        assert (cell.unit, cell.state, cell.share, cell.band) == ("sales", GROUP_TOO_SMALL, None, None)


def test_a_cell_over_fewer_answers_than_min_group_is_too_few_and_a_task_without_a_design_has_none() -> None:
    found = model(ROUND)
    heat = heat_map(survey_results(found.surveys[0], found), found)

    fair = heat.cell("fair", "mkt")
    assert fair is not None and (fair.state, fair.share) == (NO_DESIGN, None)
    smaller = model({**ROUND, "min_group": 4})
    assert heat_map(survey_results(smaller.surveys[0], smaller), smaller).cell("web", "mkt") == heat.cell("web", "mkt")
    designed = copy.deepcopy(ROUND)
    found = model(designed)
    found.tasks[1].accountable = "sales"
    cell = heat_map(survey_results(found.surveys[0], found), found).cell("fair", "mkt")
    assert cell is not None and (cell.state, cell.share) == (TOO_FEW, None)


def test_a_cell_without_any_answer_says_so_rather_than_too_few() -> None:
    # Marketing: 5 responses, 2 of which answer the web task; nobody in Marketing answers the fair.
    only_web = survey(
        "web-only",
        "2026-05-01",
        "2026-05-31",
        [("mkt", [answer("web", "mkt", ["mkt"])]) for _ in range(2)] + [("mkt", []) for _ in range(3)],
        min_group=5,
    )
    found = model(only_web)
    found.tasks[1].accountable = "sales"
    heat = heat_map(survey_results(found.surveys[0], found), found)
    web, fair = heat.cell("web", "mkt"), heat.cell("fair", "mkt")
    assert web is not None and (web.state, web.share) == (TOO_FEW, None)
    assert fair is not None and (fair.state, fair.share) == (NO_ANSWERS, None)


def test_the_shown_cells_are_the_results_own_heat_figures() -> None:
    found = model({**ROUND, "min_group": 2})
    results = survey_results(found.surveys[0], found)

    for row in heat_map(results, found).rows:
        for cell in row.cells:
            assert cell.share == results.heat[(cell.task, cell.unit)]


def test_the_overall_accountable_agreement_counts_every_answer_with_a_design() -> None:
    found = model(ROUND)

    assert overall_accountable_agreement(found.surveys[0], found) == 5 / 7
    assert overall_accountable_agreement(model({**ROUND, "min_group": 8}).surveys[0], found) is None


def test_the_overall_responsible_agreement_is_the_mean_jaccard_over_every_task_of_the_model() -> None:
    found = model(ROUND)

    # web: 1, 1, 1/2, 0, 0 (Marketing), 1, 1 (Sales); fair (no accountable, designed sales): 1, 1
    assert overall_responsible_agreement(found.surveys[0], found) == pytest.approx((1 + 1 + 0.5 + 1 + 1 + 1 + 1) / 9)


def test_most_named_is_the_unit_most_answers_name_and_none_on_a_tie_or_too_few() -> None:
    found = model(ROUND)

    assert most_named(found.surveys[0], "web") == "mkt"
    assert most_named(found.surveys[0], "fair") is None  # two answers, below min_group
    tied = model(
        survey("tie", "2026-05-01", "2026-05-31", [("mkt", [answer("web", u)]) for u in ("mkt", "sales")], min_group=1)
    )
    assert most_named(tied.surveys[0], "web") is None


def test_the_previous_round_is_the_latest_that_closed_by_the_day_this_one_opened() -> None:
    first = survey("first", "2026-01-01", "2026-01-31", [])
    second = survey("second", "2026-02-01", "2026-03-15", [])
    overlapping = survey("overlap", "2026-03-01", "2026-04-30", [])
    found = model(first, second, overlapping, ROUND)

    previous = [previous_round(found, s) for s in found.surveys]
    assert [None if p is None else p.id for p in previous] == [None, "first", "first", "overlap"]


def test_the_change_is_given_only_between_shown_figures_and_missing_tasks_and_units_are_marked() -> None:
    before = survey(
        "before",
        "2026-01-01",
        "2026-01-31",
        [("mkt", [answer("web", "sales", ["mkt"]), answer("old", "mkt")]) for _ in range(5)],
        tasks=["web", "old"],
        min_group=5,
    )
    found = model(before, ROUND)
    now = survey_results(found.surveys[1], found)
    comparison = compare_rounds(now, survey_results(found.surveys[0], found), found)

    web = next(t for t in comparison.tasks if t.task == "web")
    assert web.accountable_agreement.delta == pytest.approx(5 / 7 - 0)
    old = next(t for t in comparison.tasks if t.task == "old")
    assert (old.answers.current_missing, old.answers.previous, old.accountable_agreement.delta) == (True, 5, None)
    sales = next(u for u in comparison.units if u.unit == "sales")
    assert (sales.accountable_agreement.current, sales.accountable_agreement.previous_missing) == (None, True)
    assert sales.accountable_agreement.delta is None
    assert comparison.responses.delta == 2
    assert [t.task for t in comparison.tasks] == ["web", "fair", "old"]


def test_a_survey_metric_gives_one_value_per_closed_round_in_percent_and_skips_suppressed_rounds() -> None:
    small = survey("small", "2026-01-01", "2026-01-31", [("mkt", [answer("web", "mkt")])], min_group=5)
    found = model(small, ROUND)

    ((day, value),) = survey_metric_values("survey.accountable_agreement", found, date(2026, 12, 31))
    assert (day, round(value, 6)) == (date(2026, 5, 31), round(500 / 7, 6))
    assert survey_metric_values("survey.accountable_agreement", found, date(2026, 5, 30)) == []
    assert survey_metric_values("survey.participation", found, date(2026, 12, 31)) == [
        (date(2026, 1, 31), 12.5),
        (date(2026, 5, 31), 87.5),
    ]
    assert survey_metric_values("survey.clarity.own_role", found, date(2026, 12, 31)) == [(date(2026, 5, 31), 4.0)]


def test_a_misspelled_or_sliced_survey_metric_is_refused_with_the_known_ids() -> None:
    assert survey_metric_problem("survey.accountable_agreement") is None
    assert survey_metric_problem({"id": "survey.participation"}) is None
    assert survey_metric_problem("mqls") is None
    problem = survey_metric_problem("survey.acountable_agreement")
    assert problem is not None and "unknown survey metric 'survey.acountable_agreement'" in problem
    assert all(metric_id in problem for metric_id in SURVEY_METRICS)
    sliced = survey_metric_problem({"id": "survey.participation", "where": {"unit": "mkt"}, "grain": "week"})
    assert sliced is not None and "takes no 'grain', 'where'" in sliced
