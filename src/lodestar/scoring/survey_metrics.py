"""The built-in survey metrics: a round's overall figures as metrics a KPI or key result can be bound to.

They need no metrics file: a binding such as `metric: survey.accountable_agreement` is resolved
here, and a refresh writes one measurement per survey closed by its `as_of`, dated the survey's
`closes`. A share is written in percent (0–100), as a metric with `unit: '%'` is; a clarity mean
on its scale of 1 to 5. A round whose figure is suppressed (fewer than `min_group` responses)
or has none gives no measurement. Two rounds closing on the same day give one measurement:
the later in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from lodestar.lib.model import Model
from lodestar.scoring.survey_rounds import RoundFigures, round_figures
from lodestar.scoring.surveys import survey_results

SURVEY_METRIC_PREFIX = "survey."
# The keys of a binding mapping a survey metric takes: it is never sliced, windowed or bucketed.
SURVEY_BINDING_KEYS = ("id",)


def _percent(value: float | None) -> float | None:
    return None if value is None else value * 100


@dataclass(frozen=True, slots=True)
class SurveyMetric:
    id: str
    unit: str | None
    description: str
    figure: Callable[[RoundFigures], float | None]


SURVEY_METRICS: dict[str, SurveyMetric] = {
    metric.id: metric
    for metric in (
        SurveyMetric(
            "survey.accountable_agreement",
            "%",
            "answers naming the designed accountable unit, over every asked task that has one",
            lambda figures: _percent(figures.accountable_agreement),
        ),
        SurveyMetric(
            "survey.responsible_agreement",
            "%",
            "mean agreement of the named responsible units with the design, over every asked task",
            lambda figures: _percent(figures.responsible_agreement),
        ),
        SurveyMetric(
            "survey.clarity.own_role",
            None,
            "mean clarity of the own role (1–5)",
            lambda figures: figures.clarity["own_role"],
        ),
        SurveyMetric(
            "survey.clarity.neighbours",
            None,
            "mean clarity of the neighbouring units' roles (1–5)",
            lambda figures: figures.clarity["neighbours"],
        ),
        SurveyMetric(
            "survey.clarity.mission",
            None,
            "mean clarity of the mission (1–5)",
            lambda figures: figures.clarity["mission"],
        ),
        SurveyMetric(
            "survey.participation",
            "%",
            "responses per person invited",
            lambda figures: _percent(figures.participation),
        ),
    )
}


def is_survey_metric(metric_id: str) -> bool:
    """Whether a metric id is in the namespace of the built-in survey metrics (known or not)."""
    return metric_id.startswith(SURVEY_METRIC_PREFIX)


def survey_metric_problem(raw: object) -> str | None:
    """What is wrong with a binding of a survey metric (`survey.…` or `{id: survey.…}`), or None."""
    metric_id = raw if isinstance(raw, str) else raw.get("id") if isinstance(raw, dict) else None
    if not isinstance(metric_id, str) or not is_survey_metric(metric_id):
        return None
    if metric_id not in SURVEY_METRICS:
        return f"unknown survey metric {metric_id!r} (known: {', '.join(SURVEY_METRICS)})"
    if isinstance(raw, dict):
        extra = sorted(str(key) for key in raw if key not in SURVEY_BINDING_KEYS)
        if extra:
            return (
                f"survey metric {metric_id!r} gives one value per survey round: "
                f"it takes no {', '.join(repr(key) for key in extra)}"
            )
    return None


def survey_metric_values(metric_id: str, model: Model, as_of: date) -> list[tuple[date, float]]:
    """One (closes, value) per survey closed on or before `as_of` whose figure is shown, by date.

    Raises KeyError for an id that is not a survey metric.
    """
    metric = SURVEY_METRICS[metric_id]
    by_day: dict[date, float | None] = {}
    for survey in model.surveys:  # in file order: of two rounds closing on one day, the later in the file wins
        if survey.closes <= as_of:
            by_day[survey.closes] = metric.figure(round_figures(survey_results(survey, model), model))
    return sorted((day, value) for day, value in by_day.items() if value is not None)
