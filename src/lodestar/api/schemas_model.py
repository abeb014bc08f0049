"""The OpenAPI document's JSON Schemas of the views of the whole model (status, check, units, people) and of
the metrics (the catalog, a refresh): the same JSON as the commands' `--format json`."""

from __future__ import annotations

from lodestar.api.schemas import DATE, ID, NAME, NUMBER, SHARE, TEXT, entity, listing, nullable
from lodestar.lib.vocabulary import KPI_STATUSES, STATUSES, UNIT_KINDS

_STATUS = {"enum": list(STATUSES)}
_OPTIONAL_NUMBER = {"type": ["number", "null"]}
_TEXTS = {"type": "array", "items": {"type": "string"}}

STATUS = entity(
    {
        "as_of": DATE,
        "goals": {
            "type": "array",
            "items": entity(
                {
                    "id": ID,
                    "progress": SHARE,
                    "expected": SHARE,
                    "status": _STATUS,
                    "closed": nullable(entity({"date": DATE, "score": NUMBER}, ["date", "score"])),
                },
                ["id", "progress", "expected", "status", "closed"],
            ),
        },
        "key_results": {
            "type": "array",
            "items": entity(
                {
                    "id": ID,
                    "goal": ID,
                    "current": _OPTIONAL_NUMBER,
                    "progress": SHARE,
                    "expected": SHARE,
                    "status": _STATUS,
                    "confidence": {"type": ["integer", "null"]},
                    "forecast": nullable(entity({"value": NUMBER, "progress": SHARE}, ["value", "progress"])),
                },
                ["id", "goal", "current", "progress", "expected", "status", "confidence", "forecast"],
            ),
        },
        "kpis": {
            "type": "array",
            "items": entity(
                {"id": ID, "current": _OPTIONAL_NUMBER, "status": {"enum": list(KPI_STATUSES)}},
                ["id", "current", "status"],
            ),
        },
    },
    ["as_of", "goals", "key_results", "kpis"],
)
CHECK = entity(
    {
        "as_of": DATE,
        "findings": {
            "type": "array",
            "items": entity(
                {
                    "code": {"type": "string", "pattern": "^LS[0-9]{3}$"},
                    "subject": {"type": "string", "description": "`kind:id`, as `goal:grow-demand`"},
                    "message": {"type": "string"},
                },
                ["code", "subject", "message"],
            ),
        },
    },
    ["as_of", "findings"],
)
_OPTIONAL_ID = nullable(ID)
UNITS = listing(
    entity(
        {
            "id": ID,
            "name": NAME,
            "kind": {"enum": list(UNIT_KINDS)},
            "parent": _OPTIONAL_ID,
            "location": _OPTIONAL_ID,
            "lead": _OPTIONAL_ID,
            "core": {"type": ["boolean", "null"], "description": "business units only"},
            "purpose": nullable(TEXT),
        },
        ["id", "name", "kind", "parent", "location", "lead", "core", "purpose"],
    )
)
PEOPLE = listing(
    entity(
        {"id": ID, "name": NAME, "unit": ID, "email": nullable(NAME), "position": nullable(NAME)},
        ["id", "name", "unit", "email", "position"],
    )
)

_OPTIONAL_TEXT = {"type": ["string", "null"]}
METRICS = entity(
    {
        "metrics": {
            "type": "array",
            "items": entity(
                {
                    "id": ID,
                    "type": {"type": "string"},
                    "unit": _OPTIONAL_TEXT,
                    "sources": _TEXTS,
                    "dimensions": _TEXTS,
                    "description": _OPTIONAL_TEXT,
                    "definition": {"type": "string"},
                    "source": _OPTIONAL_TEXT,
                    "agg": _OPTIONAL_TEXT,
                    "expr": _OPTIONAL_TEXT,
                    "time": _OPTIONAL_TEXT,
                    "filter": _OPTIONAL_TEXT,
                    "inputs": _TEXTS,
                    "bound": {
                        "type": "array",
                        "items": entity(
                            {
                                "subject": {"type": "string", "description": "`key_result:<id>` or `kpi:<id>`"},
                                "where": {"type": "object", "additionalProperties": {"type": "string"}},
                                "window": {"type": "string"},
                                "grain": {"type": "string"},
                            },
                            ["subject", "where", "window", "grain"],
                        ),
                    },
                },
                ["id", "type", "unit", "sources", "dimensions", "description", "definition", "bound"],
            ),
        },
        "unresolved": {**_TEXTS, "description": "metric ids that bindings name and the metrics file does not have"},
    },
    ["metrics", "unresolved"],
)
_SUBJECT = {"type": "string", "description": "`key_result:<id>` or `kpi:<id>`"}
_COUNT = {"type": "integer", "minimum": 0}
REFRESH = entity(
    {
        "as_of": DATE,
        "summary": {"type": "string"},
        "created": _COUNT,
        "updated": _COUNT,
        "removed": _COUNT,
        "unchanged": _COUNT,
        "items": {
            "type": "array",
            "items": entity(
                {"subject": _SUBJECT, "metric": ID, "measurements": _COUNT}, ["subject", "metric", "measurements"]
            ),
        },
        "failed": {
            "type": "array",
            "items": entity({"subject": _SUBJECT, "reason": {"type": "string"}}, ["subject", "reason"]),
        },
        "kept_manual": {
            "type": "array",
            "description": "values entered by hand that a refresh does not overwrite",
            "items": entity(
                {"subject": _SUBJECT, "date": DATE, "manual": NUMBER, "metric": NUMBER},
                ["subject", "date", "manual", "metric"],
            ),
        },
    },
    ["as_of", "summary", "created", "updated", "removed", "unchanged", "items", "failed", "kept_manual"],
)
