"""The OpenAPI document's JSON Schemas of the why and the target organization: each kind's body and answer.

An entity is its document in the model file's format; the answers add its `version` and, for the
kinds without an id of their own, its row `id`.
"""

from __future__ import annotations

from dataclasses import dataclass

from lodestar.api.schemas import (
    DATE,
    ID,
    NAME,
    REF,
    REFS,
    TEXT,
    Schema,
    changes,
    entity,
    listing,
    nullable,
)
from lodestar.lib.limits import FIRST_DAY, LAST_DAY
from lodestar.lib.vocabulary import (
    DECISION_AREAS,
    DECISION_LEVELS,
    DEPENDENCY_KINDS,
    JOURNEY_STAGES,
    SALES_ALIGNMENTS,
    TASK_CHANGES,
    TASK_DELIVERIES,
    VISION_QUESTIONS,
    VISION_STATUSES,
)

_VERSION = {"type": "integer", "description": "send it back to change or delete the entity"}
_ROW = {"type": "integer", "description": "the row: the entity's key in the paths"}
# Levels of a competency, 1 to 5 for what a task or unit requires, 0 to 5 for what a person has.
PERSON_LEVEL: Schema = {"type": "integer", "minimum": 0, "maximum": 5}
_LEVELS = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 5}}


def _levels_of(what: str) -> Schema:
    return {**_LEVELS, "description": f"competency id -> level (1-5) {what}"}


@dataclass(frozen=True)
class Kind:
    """A design kind's body to create one, body to change one, and answers."""

    create: Schema
    change: Schema
    one: Schema
    every: Schema


def _kind(fields: Schema, required: list[str], *, row: bool, fixed: tuple[str, ...] = ()) -> Kind:
    head = {"id": _ROW} if row else {}
    one = entity({**head, **fields, "version": _VERSION}, [*head, *required, "version"])
    changeable = {key: schema for key, schema in fields.items() if key not in fixed}
    return Kind(create=entity(fields, required), change=changes(changeable), one=one, every=listing(one))


_ROLE_STATE = entity(
    {
        "decision_rights": nullable(
            entity({area: {"enum": list(DECISION_LEVELS)} for area in DECISION_AREAS}, [], description="area -> level")
        ),
        "sales_alignment": {"enum": list(SALES_ALIGNMENTS)},
    },
    ["decision_rights", "sales_alignment"],
)

MISSION = _kind(
    {
        "statement": TEXT,
        "scope": {**REF, "description": "the unit the mission is for"},
        "adopted": DATE,
        "principles": {"type": "array", "items": TEXT},
    },
    ["statement", "scope"],
    row=False,
)
VISION_ANSWER = _kind(
    {
        "question": {"enum": list(VISION_QUESTIONS)},
        "scope": REF,
        "toward": {**REF, "description": "a business unit"},
        "status": {"enum": list(VISION_STATUSES)},
        "answer": TEXT,
        "owner": REF,
    },
    ["question", "status"],
    row=True,
)
ROLE_PROFILE = _kind(
    {
        "unit": REF,
        "toward": {**REF, "description": "a business unit"},
        "horizon": {"type": "integer", "minimum": FIRST_DAY.year, "maximum": LAST_DAY.year},
        "as_is": _ROLE_STATE,
        "target": _ROLE_STATE,
        "rationale": TEXT,
    },
    ["unit", "as_is", "target"],
    row=True,
)
_CLOSENESS = {"type": "integer", "minimum": 0, "maximum": 5}
DEPENDENCY = _kind(
    {
        "from": REF,
        "to": {**REF, "description": "another unit than `from`"},
        "about": NAME,
        "kind": {"enum": list(DEPENDENCY_KINDS)},
        "now": _CLOSENESS,
        "target": _CLOSENESS,
    },
    ["from", "to", "about", "kind", "now", "target"],
    row=True,
)
TASK = _kind(
    {
        "id": ID,
        "name": NAME,
        "change": {"enum": list(TASK_CHANGES)},
        "delivery": {"enum": list(TASK_DELIVERIES)},
        "responsible": {**REFS, "description": "unit ids (it may be empty)"},
        "accountable": REF,
        "consulted": REFS,
        "informed": REFS,
        "locations": REFS,
        "toward": {**REFS, "description": "business units"},
        "competencies": _levels_of("the task needs"),
    },
    ["id", "name", "change", "delivery", "responsible"],
    row=False,
    fixed=("id",),
)
COMPETENCY = _kind(
    {"id": ID, "name": NAME, "category": NAME, "required": _levels_of("each unit needs, by unit id")},
    ["id", "name"],
    row=False,
    fixed=("id",),
)
TOUCHPOINT = _kind(
    {
        "id": ID,
        "name": NAME,
        "stage": {"enum": list(JOURNEY_STAGES)},
        "channel": NAME,
        "owner": REF,
        "contributors": REFS,
    },
    ["id", "name", "stage", "channel", "owner"],
    row=False,
    fixed=("id",),
)

MISSION_REVISIONS = listing(
    entity(
        {
            "statement": TEXT,
            "scope": REF,
            "adopted": nullable(DATE),
            "principles": {"type": "array", "items": TEXT},
            "recorded_at": {"type": "string", "format": "date-time"},
            "recorded_by": {"type": "string", "description": "the user, or `command line`"},
            "surface": {"type": "string", "description": "where it was written: web, api or cli"},
        },
        ["statement", "scope", "adopted", "principles", "recorded_at", "recorded_by", "surface"],
    )
)
_ARCHETYPE_OF_STATE = entity(
    {
        "scores": {"type": "object", "additionalProperties": {"type": "integer"}, "description": "area -> score"},
        "archetype": {"type": "string"},
    },
    ["scores", "archetype"],
)
ROLES = entity(
    {
        "role_profiles": {
            "type": "array",
            "items": entity(
                {"unit": ID, "toward": nullable(ID), "as_is": _ARCHETYPE_OF_STATE, "target": _ARCHETYPE_OF_STATE},
                ["unit", "toward", "as_is", "target"],
            ),
        }
    },
    ["role_profiles"],
)
PERSON_LEVELS = entity(
    {"person": ID, "competencies": {"type": "object", "additionalProperties": PERSON_LEVEL}},
    ["person", "competencies"],
)
PERSON_LEVEL_ANSWER = entity({"person": ID, "competency": ID, "level": PERSON_LEVEL}, ["person", "competency", "level"])
PERSON_LEVEL_BODY = entity({"level": PERSON_LEVEL}, ["level"])
