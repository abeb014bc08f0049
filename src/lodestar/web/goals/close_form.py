"""The "Close and grade" form of a goal: the score proposed from its progress, the closing note and the date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.http import QueryDict

from lodestar.goals.snapshot import Snapshot
from lodestar.lib import clock
from lodestar.lib.errors import Invalid
from lodestar.lib.model import Goal
from lodestar.scoring.closing import SCORE_STEP, rounded_score
from lodestar.web.common import field_errors
from lodestar.web.form_values import field_number, number, text
from lodestar.web.formatting import percent

CLOSE_FIELDS = ("score", "note", "date")
# Where a refusal that belongs to no one field is shown: above the fields.
GENERAL = ("", "version")


@dataclass(slots=True)
class CloseForm:
    """What the form shows, what was typed into it and what went wrong; `regrade`: the goal is closed already."""

    goal: Goal
    progress: float | None
    proposed: float
    version: int
    start: date
    end: date
    regrade: bool
    errors: dict[str, str] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)
    today: date = field(default_factory=clock.today)
    step: float = SCORE_STEP

    @property
    def score(self) -> str:
        """The score in the field: as typed, else the closing's own (grading again), else the proposed one."""
        if "score" in self.values:
            return self.values["score"]
        return field_number(self.goal.closed.score if self.regrade and self.goal.closed else self.proposed)

    @property
    def score_percent(self) -> str:
        """The score in the field as a percentage (`70 %`); nothing for a score that is no number."""
        value = number(self.score)
        return percent(value) if isinstance(value, int | float) else ""

    @property
    def note(self) -> str:
        if "note" in self.values or not self.regrade or self.goal.closed is None:
            return self.values.get("note", "")
        return self.goal.closed.note or ""

    @property
    def day(self) -> str:
        return self.values.get("date", "")

    @property
    def other_day(self) -> bool:
        """The date field is open: a date was typed, or it has an error."""
        return bool(self.values.get("date") or self.errors.get("date"))

    @property
    def general_errors(self) -> list[str]:
        return [self.errors[path] for path in GENERAL if path in self.errors]

    @property
    def unfolded(self) -> bool:
        """Shown unfolded: after the period's end (grading time), or when a post was refused."""
        return bool(self.errors) or self.today > self.end


def close_form(
    snapshot: Snapshot,
    goal: Goal,
    *,
    error: Invalid | None = None,
    values: dict[str, str] | None = None,
    message: str = "",
) -> CloseForm:
    """The form as the page shows it, or with what was typed and the errors of a refused post (`message`:
    a refusal of the whole closing, such as a goal changed meanwhile): nothing typed is lost."""
    errors = field_errors(error) if error is not None else {}
    if message:
        errors[""] = message
    progress = snapshot.goal_scores[goal.id].progress
    period = snapshot.periods[goal.period]
    return CloseForm(
        goal=goal,
        progress=progress,
        proposed=rounded_score(progress),
        version=snapshot.goal_versions.get(goal.id, 1),
        start=period.start,
        end=period.end,
        regrade=goal.closed is not None,
        errors=errors,
        values=values or {},
    )


def closing_of(data: QueryDict) -> dict[str, Any]:
    """The closing as posted, for `close_goal`: the score as a number where it is one, a blank note and date left out."""
    score = text(data, "score")
    return {
        "score": number(score) if score else None,
        "note": text(data, "note") or None,
        "date": text(data, "date") or None,
    }
