"""The OpenAPI document's JSON Schemas of the role-clarity surveys: settings, an answer and the results."""

from __future__ import annotations

from lodestar.api.schemas import DATE, ID, NAME, SHARE, Schema, changes, entity, listing, nullable
from lodestar.lib.surveys import CLARITY_HIGH, CLARITY_LOW, CLARITY_QUESTIONS, DONT_KNOW
from lodestar.modelfile.sections.surveys import MIN_GROUP_MAX

_IDS: Schema = {"type": "array", "items": ID, "uniqueItems": True}
_VERSION = {"type": "integer", "description": "send it back to change, close or delete the survey"}
_MIN_GROUP = {"type": "integer", "minimum": 1, "maximum": MIN_GROUP_MAX, "description": "default 5"}
_FIELDS: Schema = {
    "id": ID,
    "name": NAME,
    "opens": DATE,
    "closes": DATE,
    "audience": {**_IDS, "minItems": 1, "description": "unit ids: everyone in them and below is invited"},
    "tasks": {**_IDS, "description": "task ids asked; absent: every task not being dropped"},
    "min_group": _MIN_GROUP,
}
_REQUIRED = ["id", "name", "opens", "closes", "audience"]
_COUNT = {"type": "integer", "minimum": 0}

CREATE = entity(_FIELDS, _REQUIRED)
CHANGE = changes({key: value for key, value in _FIELDS.items() if key != "id"})
ONE = entity(
    {
        **_FIELDS,
        "version": _VERSION,
        "invited": {**_COUNT, "description": "people now in the audience units and below"},
        "responses": _COUNT,
        "answered": {
            "type": "object",
            "additionalProperties": _COUNT,
            "description": "unit id -> how many of its people answered (who said what is never shown)",
        },
    },
    [*_REQUIRED, "version", "invited", "responses", "answered"],
)
EVERY = listing(ONE)
VERSION_ONLY = entity({"version": {"type": "integer", "minimum": 1}}, ["version"])

_LEVEL = {"type": "integer", "minimum": CLARITY_LOW, "maximum": CLARITY_HIGH}
ANSWER = entity(
    {
        "clarity": entity(dict.fromkeys(CLARITY_QUESTIONS, _LEVEL), []),
        "answers": {
            "type": "array",
            "items": entity(
                {
                    "task": ID,
                    "accountable": {**ID, "description": f"a unit id, or {DONT_KNOW}"},
                    "responsible": {"anyOf": [_IDS, {"const": DONT_KNOW}]},
                },
                ["task"],
            ),
        },
    },
    [],
    description="a key left out is a question skipped",
)
ANSWERED = entity(
    {"survey": ID, "replaced": {"type": "boolean", "description": "an earlier answer was replaced"}},
    ["survey", "replaced"],
)

_MEAN = {"type": ["number", "null"], "minimum": CLARITY_LOW, "maximum": CLARITY_HIGH}
_CLARITY = entity(dict.fromkeys(CLARITY_QUESTIONS, _MEAN), list(CLARITY_QUESTIONS))
RESULTS = entity(
    {
        "survey": ID,
        "invited": _COUNT,
        "responses": _COUNT,
        "clarity": _CLARITY,
        "tasks": {
            "type": "array",
            "items": entity(
                {
                    "task": ID,
                    "answers": _COUNT,
                    "accountable_agreement": SHARE,
                    "dont_know": SHARE,
                    "consensus": SHARE,
                    "responsible_agreement": SHARE,
                },
                ["task", "answers", "accountable_agreement", "dont_know", "consensus", "responsible_agreement"],
            ),
        },
        "units": {
            "type": "array",
            "items": entity(
                {
                    "unit": ID,
                    "responses": _COUNT,
                    "clarity": nullable(_CLARITY),
                    "accountable_agreement": SHARE,
                },
                ["unit", "responses", "clarity", "accountable_agreement"],
            ),
        },
    },
    ["survey", "invited", "responses", "clarity", "tasks", "units"],
    description="as `lodestar survey results ID --format json`",
)
