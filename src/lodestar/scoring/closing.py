"""The score proposed when a goal is closed: its progress, rounded to the step a person adjusts it by."""

from __future__ import annotations

import math
from datetime import date

from lodestar.lib.model import Model
from lodestar.scoring.progress import EPSILON, clamp
from lodestar.scoring.report import score_model

# A person grading a goal moves the proposed score up or down in steps of 0.1; any score in
# [0, 1] may be stored (the format allows it), the step is what the forms offer.
SCORE_STEP = 0.1
STEPS = round(1 / SCORE_STEP)


def rounded_score(progress: float | None) -> float:
    """A progress as a score on the step: 0.46 → 0.5, 0.25 → 0.3 (halves up); no progress → 0."""
    if progress is None:
        return 0.0
    # EPSILON keeps a half that binary arithmetic puts just below it (0.15 * 10 = 1.4999…) rounding up.
    return math.floor(clamp(progress) * STEPS + 0.5 + EPSILON) / STEPS


def proposed_score(model: Model, goal_id: str, as_of: date) -> float:
    """The score proposed for closing the goal as of `as_of`: its progress then, on the step.

    A goal closed as of that day already proposes its own score. Pages that have scored the
    model already pass that goal's progress to `rounded_score` instead. Raises KeyError for an
    unknown goal.
    """
    score = next((score for score in score_model(model, as_of).goals if score.id == goal_id), None)
    if score is None:
        raise KeyError(goal_id)
    return rounded_score(score.progress)
