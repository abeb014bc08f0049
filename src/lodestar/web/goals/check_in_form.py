"""The one-step check-in form of a key result, as the goal page's cards and `/me/` show it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext, gettext_lazy

from lodestar.goals.snapshot import Snapshot
from lodestar.goals.validation import ValueOnThatDay
from lodestar.lib import clock
from lodestar.lib.errors import Invalid
from lodestar.lib.model import CheckIn, Goal, KeyResult, Measurement
from lodestar.lib.vocabulary import METRIC_SOURCE_PREFIX, MILESTONE_DONE, MILESTONE_NOT_DONE
from lodestar.scoring.progress import latest_on_or_before
from lodestar.web.check_in_cycle import standing
from lodestar.web.common import field_errors
from lodestar.web.formatting import milestone, num

# As the form sends them back, so that a refused post shows the confidence chosen.
CONFIDENCES = tuple(str(n) for n in range(11))
# A milestone's value, chosen instead of typed: (value as the form sends it, its words).
MILESTONE_CHOICES = ((str(MILESTONE_DONE), gettext_lazy("Done")), (str(MILESTONE_NOT_DONE), gettext_lazy("Not done")))
# Where a form is shown, and so what it swaps after a post: the goal page's card, or the row on /me/.
ON_GOAL_PAGE, ON_ME = "goal", "me"
TARGETS = {ON_GOAL_PAGE: "kr-{}", ON_ME: "me-kr-{}"}


@dataclass(slots=True)
class CheckInForm:
    """The form of one key result: what it shows, what was typed into it, and what went wrong."""

    goal: Goal
    kr: KeyResult
    shown_on: str
    bound: bool
    latest: Measurement | None
    last_check_in: CheckIn | None
    errors: dict[str, str] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    # The value entered by hand on the day of the check-in, which the form offers to replace.
    existing: Measurement | None = None
    today: date = field(default_factory=clock.today)
    confidences: tuple[str, ...] = CONFIDENCES
    milestone_choices: tuple[tuple[str, Any], ...] = MILESTONE_CHOICES

    @property
    def target(self) -> str:
        return TARGETS[self.shown_on].format(self.kr.id)

    @property
    def latest_origin(self) -> str:
        """Where the latest value comes from: `metric mqls`, `CRM export`, `entered by hand`."""
        source = (self.latest.source if self.latest else None) or ""
        if source.startswith(METRIC_SOURCE_PREFIX):
            return gettext("metric %(metric)s") % {"metric": source.removeprefix(METRIC_SOURCE_PREFIX)}
        return source or gettext("entered by hand")

    @property
    def other_day(self) -> bool:
        """The date field is open: a date was typed, or it has an error."""
        return bool(self.values.get("date") or self.errors.get("date"))


def shown_on(value: str) -> str:
    return value if value in TARGETS else ON_GOAL_PAGE


def check_in_form(
    snapshot: Snapshot,
    goal: Goal,
    kr: KeyResult,
    *,
    shown_on: str = ON_GOAL_PAGE,
    error: Invalid | None = None,
    values: dict[str, Any] | None = None,
) -> CheckInForm:
    """The form, empty, or with the values typed (as text) and the errors of a refused post: nothing typed is lost."""
    errors = field_errors(error) if error is not None else {}
    existing = error.existing if isinstance(error, ValueOnThatDay) else None
    if existing is not None:
        # The form says so next to the value, with its Replace button.
        errors.pop("date", None)
    dated = [c for c in kr.check_ins if c.date <= snapshot.as_of]
    return CheckInForm(
        goal=goal,
        kr=kr,
        shown_on=shown_on,
        bound=bool(kr.metric),
        latest=latest_on_or_before(kr.measurements, snapshot.as_of),
        last_check_in=max(dated, key=lambda c: c.date) if dated else None,
        errors=errors,
        values=values or {},
        existing=existing,
    )


def recorded_message(
    value: float | None, replaced: float | None, confidence: int, unit: str | None, *, is_milestone: bool = False
) -> str:
    """What a check-in recorded, in a sentence: `Check-in recorded: 48 % (was 45 %), confidence 7/10.`

    A milestone's value is its words: `Check-in recorded: done (was not done), confidence 8/10.`
    """
    if value is None:
        return gettext("Check-in recorded: confidence %(confidence)s/10.") % {"confidence": confidence}
    suffix = f" {unit}" if unit else ""
    shown = milestone(value) if is_milestone else f"{num(value)}{suffix}"
    if replaced is None:
        return gettext("Check-in recorded: %(value)s, confidence %(confidence)s/10.") % {
            "value": shown,
            "confidence": confidence,
        }
    was = milestone(replaced) if is_milestone else f"{num(replaced)}{suffix}"
    return gettext("Check-in recorded: %(value)s (was %(was)s), confidence %(confidence)s/10.") % {
        "value": shown,
        "was": was,
        "confidence": confidence,
    }


def my_key_result(
    snapshot: Snapshot,
    goal: Goal,
    kr: KeyResult,
    *,
    editable: bool,
    form: CheckInForm | None = None,
    message: str = "",
    collapsed: bool = False,
) -> dict[str, Any]:
    """A key result's row on `/me/`: its figures, where it stands in its cycle, its check-in form (where the
    actor may check in; `collapsed` behind "Check in again" for one checked in this cycle) and what was recorded."""
    return {
        "goal": goal,
        "kr": kr,
        "score": snapshot.kr_scores[kr.id],
        "standing": standing(snapshot, goal, kr),
        "form": form or check_in_form(snapshot, goal, kr, shown_on=ON_ME),
        "editable": editable,
        "message": message,
        "collapsed": collapsed,
    }
