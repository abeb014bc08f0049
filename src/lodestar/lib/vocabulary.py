"""The closed vocabularies of model file format 1 and metrics bindings."""

from __future__ import annotations

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
BETTER = ("higher", "lower")
METRIC_WINDOWS = ("period_to_date", "bucket")
METRIC_GRAINS = ("week", "month", "quarter")
# The source of measurements a metric refresh writes (`metric:<id>`); a refresh replaces only these.
METRIC_SOURCE_PREFIX = "metric:"
STATUSES = ("not_started", "no_data", "achieved", "on_track", "at_risk", "off_track")
KPI_STATUSES = ("green", "yellow", "red", "no_data")
