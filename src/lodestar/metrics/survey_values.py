"""The values a refresh writes for bindings of the built-in survey metrics, from the stored surveys.

The model (its surveys, tasks, units and people) is loaded once per refresh, and only when a
survey metric is bound. A key result takes the rounds that closed inside its goal's period; a
KPI every round closed by `as_of`.
"""

from __future__ import annotations

from datetime import date

from lodestar.goals.models import KPI, KeyResult
from lodestar.lib.model import Model
from lodestar.metrics.definitions import parse_binding
from lodestar.metrics.errors import BindingError
from lodestar.scoring.survey_metrics import is_survey_metric, survey_metric_values
from lodestar.store.load import load_model


class SurveyValues:
    """The survey metrics' values as of a date, over the stored model read once."""

    def __init__(self, as_of: date) -> None:
        self.as_of = as_of
        self._model: Model | None = None

    def values(self, metric_id: str, start: date, end: date) -> list[tuple[date, float]]:
        """One (closes, value) per round closed by `as_of` within [start, end] whose figure is shown."""
        if self._model is None:
            self._model = load_model()
        found = survey_metric_values(metric_id, self._model, self.as_of)
        return [(day, value) for day, value in found if start <= day <= end]


def survey_metrics_bound() -> bool:
    """Whether some key result or KPI is bound to a survey metric (two queries)."""
    raws = [*KeyResult.objects.filter(metric__isnull=False).values_list("metric", flat=True)]
    raws += [*KPI.objects.filter(metric__isnull=False).values_list("metric", flat=True)]
    for raw in raws:
        try:
            if is_survey_metric(parse_binding(raw).metric):
                return True
        except BindingError:
            continue
    return False
