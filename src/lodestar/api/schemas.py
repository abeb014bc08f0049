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
    "properties": {
        "goal": _ID,
        "weight": _WEIGHT,
        "proposed": {
            "type": "boolean",
            "description": "a link waiting for the parent's editors; a link to a goal you may not edit is proposed",
        },
    },
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
_REPLACE = {
    "type": "boolean",
    "description": "replace the value entered by hand on that day (without it, such a day is a 422 at `date`); "
    "a value a metric refresh wrote is never replaced",
}
_SOURCE = {**_NAME, "description": "where the value comes from; not starting with `metric:`"}
MEASUREMENT_FIELDS: dict[str, Any] = {"date": _ENTERED_DATE, "value": {"type": "number"}, "source": _SOURCE}
_MEASUREMENT_JSON = {
    "type": "object",
    "properties": {
        "date": _DATE,
        "value": {"type": "number"},
        "source": {"type": "string", "description": "`metric:<id>` for a value a metric refresh wrote"},
        "version": {"type": "integer", "description": "the version a correction names (PATCH)"},
    },
    "required": ["date", "value", "version"],
}
_CHECK_IN_JSON = {
    "type": "object",
    "properties": {
        "date": _DATE,
        "by": _ID,
        "confidence": {"type": "integer", "minimum": 0, "maximum": 10},
        "note": {"type": "string"},
        "measurement": {**_MEASUREMENT_JSON, "description": "the value recorded with the check-in (when one was sent)"},
        "replaced": {
            "type": "object",
            "description": "the value entered by hand on that day that `replace` replaced",
            "properties": {"date": _DATE, "value": {"type": "number"}, "source": {"type": "string"}},
        },
    },
    "required": ["date", "confidence"],
}


def answer(status: int, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"responses": {status: {"description": description, "content": {"application/json": {"schema": schema}}}}}


MEASUREMENT = {
    **body(
        {
            "type": "object",
            "properties": {**MEASUREMENT_FIELDS, "replace": _REPLACE},
            "required": ["date", "value"],
            "additionalProperties": False,
        }
    ),
    **answer(201, "The measurement as stored", _MEASUREMENT_JSON),
}
MEASUREMENT_PATCH = {
    **body(
        {
            "type": "object",
            "properties": {
                **MEASUREMENT_FIELDS,
                "source": {**_SOURCE, "type": ["string", "null"]},
                "version": _VERSION,
            },
            "required": ["version"],
            "additionalProperties": False,
        }
    ),
    **answer(200, "The measurement as corrected", _MEASUREMENT_JSON),
}
CHECK_IN = {
    **body(
        {
            "type": "object",
            "properties": {
                "date": {**_ENTERED_DATE, "description": f"from {FIRST_DAY.isoformat()} to today; default today"},
                "value": {"type": "number", "description": "a value to record on that date with the check-in"},
                "confidence": {"type": "integer", "minimum": 0, "maximum": 10},
                "note": {**_TEXT, "description": f"required when confidence is {LOW_CONFIDENCE} or less"},
                "by": _ID,
                "replace": _REPLACE,
            },
            "required": ["confidence"],
            "additionalProperties": False,
        }
    ),
    **answer(201, "The check-in, with the value recorded with it", _CHECK_IN_JSON),
}
DECISION = body(
    {
        "type": "object",
        "properties": {
            "version": {
                **_VERSION,
                "description": "the contributing goal's version (the link is part of it); a stale one gives 409",
            }
        },
        "required": ["version"],
        "additionalProperties": False,
    }
)
