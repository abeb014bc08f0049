"""JSON Schemas of the request bodies, for the OpenAPI document (the readers do the validating)."""

from __future__ import annotations

from typing import Any

from lodestar.lib.limits import FIRST_DAY, LAST_DAY, NAME_MAX, TEXT_MAX, WEIGHT_MAX
from lodestar.lib.vocabulary import ID_PATTERN_TEXT, LOW_CONFIDENCE

_ID = {"type": "string", "minLength": 1, "maxLength": 64, "pattern": ID_PATTERN_TEXT}
_DATE = {
    "type": "string",
    "format": "date",
    "description": f"from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}",
}
_ENTERED_DATE = {**_DATE, "description": f"from {FIRST_DAY.isoformat()} to today"}
# Text without NUL characters or lone surrogates (refused with the field's path).
_NAME = {"type": "string", "minLength": 1, "maxLength": NAME_MAX}
_TEXT = {"type": "string", "minLength": 1, "maxLength": TEXT_MAX}
_WEIGHT = {"type": "number", "exclusiveMinimum": 0, "maximum": WEIGHT_MAX}
_CONTRIBUTION = {
    "type": "object",
    "properties": {"goal": _ID, "weight": _WEIGHT},
    "required": ["goal"],
    "additionalProperties": False,
}
_KEY_RESULT_FIELDS: dict[str, Any] = {
    "title": _NAME,
    "unit": _NAME,
    "baseline": {"type": "number"},
    "target": {"type": "number"},
    "direction": {"enum": ["increase", "decrease", "range"]},
    "range": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
    "weight": _WEIGHT,
    "metric": {"oneOf": [_ID, {"type": "object"}]},
    "owner": {**_ID, "description": "the person who checks in on it"},
}
_CLOSED = {
    "type": "object",
    "properties": {"date": _DATE, "score": {"type": "number", "minimum": 0, "maximum": 1}, "note": _TEXT},
    "required": ["date", "score"],
    "additionalProperties": False,
    "description": "the goal's grading; the date lies on or after its period's start",
}
_GOAL_FIELDS: dict[str, Any] = {
    "title": _NAME,
    "owner": _ID,
    "period": _ID,
    "description": _TEXT,
    "contributes_to": {"type": "array", "items": _CONTRIBUTION},
    "tasks": {"type": "array", "items": _ID},
    "closed": _CLOSED,
    "carried_from": {**_ID, "description": "the goal this one was carried over from"},
}
_VERSION = {"type": "integer", "description": "the version your change is based on; a stale one gives 409"}


def body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


GOAL_CREATE = body(
    {
        "type": "object",
        "properties": {"id": _ID, **_GOAL_FIELDS, "key_results": {"type": "array", "items": {"type": "object"}}},
        "required": ["id", "title", "owner", "period"],
        "additionalProperties": False,
    }
)
GOAL_PATCH = body(
    {
        "type": "object",
        "properties": {**_GOAL_FIELDS, "version": _VERSION},
        "required": ["version"],
        "additionalProperties": False,
    }
)
KEY_RESULT_CREATE = body(
    {
        "type": "object",
        "properties": {"goal": _ID, "id": _ID, **_KEY_RESULT_FIELDS},
        "required": ["goal", "id", "title"],
        "additionalProperties": False,
    }
)
KEY_RESULT_PATCH = body(
    {
        "type": "object",
        "properties": {**_KEY_RESULT_FIELDS, "version": _VERSION},
        "required": ["version"],
        "additionalProperties": False,
    }
)
MEASUREMENT = body(
    {
        "type": "object",
        "properties": {"date": _ENTERED_DATE, "value": {"type": "number"}, "source": _NAME},
        "required": ["date", "value"],
        "additionalProperties": False,
    }
)
CHECK_IN = body(
    {
        "type": "object",
        "properties": {
            "date": _ENTERED_DATE,
            "confidence": {"type": "integer", "minimum": 0, "maximum": 10},
            "note": {**_TEXT, "description": f"required when confidence is {LOW_CONFIDENCE} or less"},
            "by": _ID,
        },
        "required": ["date", "confidence"],
        "additionalProperties": False,
    }
)
