"""The OpenAPI document's JSON Schemas of goals, key results, measurements and check-ins: bodies and answers."""

from __future__ import annotations

from lodestar.api.schemas import (
    DATE,
    ENTERED_DATE,
    ID,
    NAME,
    NUMBER,
    REF,
    REFS,
    SHARE,
    TEXT,
    VERSION,
    WEIGHT,
    Schema,
    changes,
    entity,
    nullable,
)
from lodestar.lib.limits import FIRST_DAY
from lodestar.lib.vocabulary import DIRECTIONS, LOW_CONFIDENCE, STATUSES

_CONTRIBUTION = entity(
    {
        "goal": REF,
        "weight": nullable({**WEIGHT, "description": "null or left out: 1"}),
        "proposed": {
            "type": "boolean",
            "description": "a link waiting for the parent's editors; a link to a goal you may not edit is proposed",
        },
    },
    ["goal"],
)
METRIC_BINDING: Schema = {
    "description": "a metric's id, or `{id, where?, window?, grain?}`",
    "oneOf": [ID, {"type": "object", "properties": {"id": ID}, "required": ["id"]}],
}
_KEY_RESULT_FIELDS: Schema = {
    "title": NAME,
    "unit": NAME,
    "baseline": NUMBER,
    "target": NUMBER,
    "direction": {"enum": list(DIRECTIONS)},
    "range": {"type": "array", "items": NUMBER, "minItems": 2, "maxItems": 2},
    "weight": WEIGHT,
    "metric": METRIC_BINDING,
    "owner": {**REF, "description": "the person who checks in on it"},
}
_CLOSED_FIELDS: Schema = {"date": DATE, "score": {"type": "number", "minimum": 0, "maximum": 1}, "note": TEXT}
_CLOSED = entity(
    _CLOSED_FIELDS, ["date", "score"], description="the goal's grading; the date lies on or after its period's start"
)
_GOAL_FIELDS: Schema = {
    "title": NAME,
    "owner": REF,
    "period": REF,
    "description": TEXT,
    "contributes_to": {"type": "array", "items": _CONTRIBUTION},
    "tasks": REFS,
    "closed": _CLOSED,
    "carried_from": {**REF, "description": "the goal this one was carried over from"},
}
_MEASUREMENT_FIELDS: Schema = {"date": DATE, "value": NUMBER, "source": NAME}
_CHECK_IN_FIELDS: Schema = {
    "date": DATE,
    "by": REF,
    "confidence": {"type": "integer", "minimum": 0, "maximum": 10},
    "note": TEXT,
}
_KEY_RESULT_DOCUMENT = entity(
    {
        "id": ID,
        **_KEY_RESULT_FIELDS,
        "measurements": {"type": "array", "items": entity(_MEASUREMENT_FIELDS, ["date", "value"])},
        "check_ins": {"type": "array", "items": entity(_CHECK_IN_FIELDS, ["date", "confidence"])},
    },
    ["id", "title"],
)

GOAL_CREATE = entity(
    {"id": ID, **_GOAL_FIELDS, "key_results": {"type": "array", "items": _KEY_RESULT_DOCUMENT}},
    ["id", "title", "owner", "period"],
)
GOAL_PATCH = changes(_GOAL_FIELDS)
KEY_RESULT_CREATE = entity({"goal": REF, "id": ID, **_KEY_RESULT_FIELDS}, ["goal", "id", "title"])
KEY_RESULT_PATCH = changes(_KEY_RESULT_FIELDS)

_REPLACE = {
    "type": "boolean",
    "description": "replace the value entered by hand on that day (without it, such a day is a 422 at `date`); "
    "a value a metric refresh wrote is never replaced",
}
_SOURCE = {**NAME, "description": "where the value comes from; not starting with `metric:`"}
MEASUREMENT = entity({"date": ENTERED_DATE, "value": NUMBER, "source": _SOURCE, "replace": _REPLACE}, ["date", "value"])
MEASUREMENT_PATCH = changes({"date": ENTERED_DATE, "value": NUMBER, "source": _SOURCE})
CHECK_IN = entity(
    {
        "date": {**ENTERED_DATE, "description": f"from {FIRST_DAY.isoformat()} to today; default today"},
        "value": {"type": "number", "description": "a value to record on that date with the check-in"},
        "confidence": {"type": "integer", "minimum": 0, "maximum": 10},
        "note": {**TEXT, "description": f"required when confidence is {LOW_CONFIDENCE} or less"},
        "by": {**REF, "description": "the person checking in: yourself (admins and editors may name anyone)"},
        "replace": _REPLACE,
    },
    ["confidence"],
)
DECISION = entity(
    {"version": {**VERSION, "description": "the contributing goal's version (the link is part of it)"}}, ["version"]
)

_STATUS = {"enum": list(STATUSES)}
_STORED_MEASUREMENT = entity(
    {
        "date": DATE,
        "value": NUMBER,
        "source": {"type": "string", "description": "`metric:<id>` for a value a metric refresh wrote"},
        "version": {"type": "integer", "description": "the version a correction names (PATCH)"},
    },
    ["date", "value", "version"],
)
MEASUREMENT_ANSWER = _STORED_MEASUREMENT
CHECK_IN_ANSWER = entity(
    {
        **_CHECK_IN_FIELDS,
        "measurement": {
            **_STORED_MEASUREMENT,
            "description": "the value recorded with the check-in (when one was sent)",
        },
        "replaced": entity(
            _MEASUREMENT_FIELDS, ["date", "value"], description="the value entered by hand that `replace` replaced"
        ),
    },
    ["date", "confidence"],
)
_FORECAST = nullable(entity({"value": NUMBER, "progress": SHARE}, ["value", "progress"]))
_SCORES: Schema = {
    "version": {"type": "integer"},
    "progress": SHARE,
    "expected": SHARE,
    "status": _STATUS,
}
_KEY_RESULT = {
    "id": ID,
    **_KEY_RESULT_FIELDS,
    "goal": ID,
    **_SCORES,
    "current": {"type": ["number", "null"]},
    "confidence": {"type": ["integer", "null"]},
    "forecast": _FORECAST,
}
_KEY_RESULT_REQUIRED = [
    "id",
    "title",
    "goal",
    "version",
    "current",
    "progress",
    "expected",
    "status",
    "confidence",
    "forecast",
]
KEY_RESULT = entity(_KEY_RESULT, _KEY_RESULT_REQUIRED)
KEY_RESULT_FULL = entity(
    {
        **_KEY_RESULT,
        "measurements": {"type": "array", "items": _STORED_MEASUREMENT},
        "check_ins": {"type": "array", "items": entity(_CHECK_IN_FIELDS, ["date", "confidence"])},
    },
    [*_KEY_RESULT_REQUIRED, "measurements", "check_ins"],
)


def _goal(key_results: Schema) -> Schema:
    return entity(
        {
            "id": ID,
            **_GOAL_FIELDS,
            "description": nullable(TEXT),
            "closed": nullable(_CLOSED),
            "carried_from": nullable({**REF, "description": "the goal this one was carried over from"}),
            **_SCORES,
            "contributors": {"type": "array", "items": ID, "description": "the goals that count toward this one"},
            "proposals": {
                "type": "array",
                "description": "the links proposed to this goal, waiting for a decision",
                "items": entity({"goal": ID, "weight": WEIGHT, "version": {"type": "integer"}}, ["goal", "version"]),
            },
            "key_results": {"type": "array", "items": key_results},
        },
        [
            "id",
            "title",
            "owner",
            "period",
            "contributes_to",
            "tasks",
            "description",
            "closed",
            "carried_from",
            "version",
            "status",
            "progress",
            "expected",
            "contributors",
            "proposals",
            "key_results",
        ],
    )


GOAL = _goal({**ID, "description": "the key result's id"})
GOAL_FULL = _goal(KEY_RESULT_FULL)

CLOSE = entity(
    {**_CLOSED_FIELDS, "date": ENTERED_DATE, "version": VERSION},
    ["score"],
    description="the final score; `date` defaults to today and lies on or after the goal's period start",
)
ROLL_OVER = entity(
    {
        "to": {**REF, "description": "the period to carry into; it starts after this one starts"},
        "goals": {**REFS, "description": "the goals to carry (default: those whose final score is below 1)"},
        "dry_run": {"type": "boolean", "description": "true: answer the plan and write nothing"},
    },
    ["to"],
)
_CARRIED_KEY_RESULT = entity(
    {"key_result": ID, "copy": ID, "baseline": nullable(NUMBER)}, ["key_result", "copy", "baseline"]
)
ROLL_OVER_ANSWER = entity(
    {
        "from": ID,
        "to": ID,
        "applied": {"type": "boolean", "description": "false for a dry run, and when there was nothing to carry"},
        "carried": {
            "type": "array",
            "items": entity(
                {"goal": ID, "copy": ID, "key_results": {"type": "array", "items": _CARRIED_KEY_RESULT}},
                ["goal", "copy", "key_results"],
            ),
        },
    },
    ["from", "to", "applied", "carried"],
)
