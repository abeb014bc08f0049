"""What the section readers share: the keys each entity may have and small checks."""

from __future__ import annotations

from typing import Any

Indexed = list[tuple[int, Any]]


def _keys(*names: str) -> frozenset[str]:
    return frozenset(names)


ORGANIZATION_KEYS = _keys("name", "industry", "currency")
LOCATION_KEYS = _keys("id", "name")
UNIT_KEYS = _keys("id", "name", "kind", "parent", "location", "lead", "core", "purpose", "cadence")
CADENCE_KEYS = _keys("every", "day")
PERSON_KEYS = _keys("id", "name", "unit", "email", "position", "competencies", "reminders")
MISSION_KEYS = _keys("statement", "scope", "adopted", "principles")
ROLE_KEYS = _keys("unit", "toward", "horizon", "as_is", "target", "rationale")
ROLE_STATE_KEYS = _keys("decision_rights", "sales_alignment")
VISION_KEYS = _keys("question", "scope", "toward", "status", "answer", "owner")
TASK_KEYS = _keys(
    "id",
    "name",
    "change",
    "delivery",
    "responsible",
    "accountable",
    "consulted",
    "informed",
    "locations",
    "toward",
    "competencies",
)
DEPENDENCY_KEYS = _keys("from", "to", "about", "kind", "now", "target")
COMPETENCY_KEYS = _keys("id", "name", "category", "required")
TOUCHPOINT_KEYS = _keys("id", "name", "stage", "channel", "owner", "contributors")
PERIOD_KEYS = _keys("id", "start", "end")
GOAL_KEYS = _keys(
    "id", "title", "owner", "period", "contributes_to", "tasks", "key_results", "description", "closed", "carried_from"
)
CLOSED_KEYS = _keys("date", "score", "note")
CONTRIBUTION_KEYS = _keys("goal", "weight", "proposed")
KEY_RESULT_KEYS = _keys(
    "id",
    "title",
    "unit",
    "baseline",
    "target",
    "direction",
    "range",
    "weight",
    "metric",
    "owner",
    "measurements",
    "check_ins",
)
MEASUREMENT_KEYS = _keys("date", "value", "source")
CHECK_IN_KEYS = _keys("date", "by", "confidence", "note")
KPI_KEYS = _keys("id", "name", "owner", "unit", "touchpoint", "better", "green", "red", "metric", "measurements")
METRIC_KEYS = _keys("id", "where", "window", "grain")
CURRENCY_LENGTH = 3


def or_minus(value: int | None) -> int:
    return -1 if value is None else value


def looks_like_email(value: str) -> bool:
    local, at, domain = value.partition("@")
    return bool(local and at and "." in domain and " " not in value and "@" not in domain)


def short(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)
