"""A survey round's results as its page shows them: the figures, the heat map and the change since the round before.

Every signed-in user may read them, as every API token may read `GET /surveys/<id>/results`:
they are aggregated, and no figure of a group below `min_group` is computed. Reading them is
not audited (nothing is changed).
"""

from __future__ import annotations

from dataclasses import dataclass

from lodestar.lib import clock
from lodestar.lib.model import Model
from lodestar.lib.surveys import Survey
from lodestar.scoring.survey_heatmap import HeatMap, heat_map
from lodestar.scoring.survey_rounds import RoundComparison, RoundFigures, compare_rounds, round_figures
from lodestar.scoring.surveys import SurveyResults, previous_round, survey_results
from lodestar.store.load import load_model
from lodestar.surveys import models as tables
from lodestar.surveys.services import find_survey

NOT_YET_OPEN, OPEN, CLOSED = "not_yet_open", "open", "closed"


@dataclass(frozen=True)
class RoundResults:
    model: Model
    survey: Survey
    state: str  # NOT_YET_OPEN, OPEN or CLOSED (its `closes` has passed, or it was closed by hand)
    results: SurveyResults
    figures: RoundFigures
    heat: HeatMap
    comparison: RoundComparison | None  # None: there is no earlier round


def round_state(survey: Survey) -> str:
    today = clock.today()
    if survey.closes < today or tables.Survey.objects.filter(pk=survey.id, ended=True).exists():
        return CLOSED
    return NOT_YET_OPEN if survey.opens > today else OPEN


def round_results(*, survey_id: str, model: Model | None = None) -> RoundResults:
    """The results of one round and their change since the previous round. Raises NotFound."""
    model = model if model is not None else load_model()
    survey = find_survey(model, survey_id)
    results = survey_results(survey, model)
    before = previous_round(model, survey)
    return RoundResults(
        model=model,
        survey=survey,
        state=round_state(survey),
        results=results,
        figures=round_figures(results, model),
        heat=heat_map(results, model),
        comparison=None if before is None else compare_rounds(results, survey_results(before, model), model),
    )
