"""JSON Schemas of the request bodies, for the OpenAPI document (the readers do the validating)."""

from __future__ import annotations

from typing import Any

from lodestar.lib.vocabulary import ID_PATTERN_TEXT, LOW_CONFIDENCE

_ID = {"type": "string", "pattern": ID_PATTERN_TEXT}
_DATE = {"type": "string", "format": "date"}
_CONTRIBUTION = {
    "type": "object",
    "properties": {"goal": _ID, "weight": {"type": "number", "exclusiveMinimum": 0}},
    "required": ["goal"],
    "additionalProperties": False,
}
_KEY_RESULT_FIELDS: dict[str, Any] = {
    "title": {"type": "string"},
    "unit": {"type": "string"},
    "baseline": {"type": "number"},
    "target": {"type": "number"},
    "direction": {"enum": ["increase", "decrease", "range"]},
    "range": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
    "weight": {"type": "number", "exclusiveMinimum": 0},
    "metric": {"oneOf": [_ID, {"type": "object"}]},
}
_GOAL_FIELDS: dict[str, Any] = {
    "title": {"type": "string"},
    "owner": _ID,
    "period": _ID,
    "description": {"type": "string"},
    "contributes_to": {"type": "array", "items": _CONTRIBUTION},
    "tasks": {"type": "array", "items": _ID},
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
        "properties": {"date": _DATE, "value": {"type": "number"}, "source": {"type": "string"}},
        "required": ["date", "value"],
        "additionalProperties": False,
    }
)
CHECK_IN = body(
    {
        "type": "object",
        "properties": {
            "date": _DATE,
            "confidence": {"type": "integer", "minimum": 0, "maximum": 10},
            "note": {"type": "string", "description": f"required when confidence is {LOW_CONFIDENCE} or less"},
            "by": _ID,
        },
        "required": ["date", "confidence"],
        "additionalProperties": False,
    }
)
