"""The closed vocabularies of model file format 1 and metrics bindings, and the words they are shown in."""

from __future__ import annotations

import re

# Every id in a model file and a metrics file; the API's JSON Schema states the same pattern.
ID_MAX = 64
ID_PATTERN_TEXT = rf"^[a-z0-9][a-z0-9._-]{{0,{ID_MAX - 1}}}$"
ID_PATTERN = re.compile(ID_PATTERN_TEXT)
# A check-in at this confidence (of 10) or less is low: LS014 flags it, and it needs a note.
LOW_CONFIDENCE = 3

UNIT_KINDS = ("company", "business_unit", "area", "department", "team", "adjacent", "external")
VISION_QUESTIONS = (
    "mission",
    "role_change",
    "tasks",
    "business_units",
    "division",
    "cooperation",
    "goals",
    "competencies",
)
VISION_STATUSES = ("open", "draft", "agreed")
DECISION_AREAS = (
    "strategy",
    "product",
    "pricing",
    "channels",
    "communication",
    "customer_experience",
    "customer_data",
    "budget",
)
DECISION_LEVELS = ("none", "execute", "advise", "co_decide", "lead")
SALES_ALIGNMENTS = ("undefined", "defined", "aligned", "integrated")
TASK_CHANGES = ("new", "expand", "keep", "reduce", "drop")
TASK_DELIVERIES = ("central", "decentral", "external")
DEPENDENCY_KINDS = ("data", "approval", "service", "information")
JOURNEY_STAGES = ("awareness", "consideration", "purchase", "onboarding", "usage", "loyalty")
DIRECTIONS = ("increase", "decrease", "range")
# A milestone is done or not done: a `range` key result of [1, 1], whose value is 1 when it is done
# and 0 while it is not, so that the scoring's own range rule gives it progress 1 or 0.
MILESTONE_RANGE = (1, 1)
MILESTONE_DONE, MILESTONE_NOT_DONE = 1, 0
BETTER = ("higher", "lower")
# A unit's check-in cadence: `every` one of these, on a weekday (week, two_weeks) or a day 1-28 (month).
CADENCE_EVERY = ("week", "two_weeks", "month")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONTH_DAYS = (1, 28)
METRIC_WINDOWS = ("period_to_date", "bucket")
METRIC_GRAINS = ("week", "month", "quarter")
# The source of measurements a metric refresh writes (`metric:<id>`); a refresh replaces only these.
METRIC_SOURCE_PREFIX = "metric:"
STATUSES = ("not_started", "closed", "no_data", "achieved", "on_track", "at_risk", "off_track")
KPI_STATUSES = ("green", "yellow", "red", "no_data")
# The words for a goal's or key result's status, in the order a summary counts them (best first).
STATUS_LABELS = {
    "closed": "closed",
    "achieved": "achieved",
    "on_track": "on track",
    "at_risk": "at risk",
    "off_track": "off track",
    "no_data": "no data",
    "not_started": "not started",
}
KPI_STATUS_LABELS = {"green": "green", "yellow": "yellow", "red": "red", "no_data": "no data"}


def status_label(status: str) -> str:
    """The word for a goal, key result or KPI status; an unknown one with its underscores as spaces."""
    return STATUS_LABELS.get(status) or KPI_STATUS_LABELS.get(status) or status.replace("_", " ")
