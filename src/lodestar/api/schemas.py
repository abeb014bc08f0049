"""The OpenAPI document's JSON Schemas: request bodies (the readers do the validating), answers and errors.

`answer()` is how a route declares all of it. The pieces shared by every area are here; each
area's bodies and answers are in `schemas_goals.py`, `schemas_design.py` and `schemas_model.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any

from ninja.params.functions import Query

from lodestar.lib.limits import FIRST_DAY, LAST_DAY, MAX_LIMIT, MAX_OFFSET, NAME_MAX, TEXT_MAX, WEIGHT_MAX
from lodestar.lib.vocabulary import ID_PATTERN_TEXT, STATUSES

Schema = dict[str, Any]

ID: Schema = {"type": "string", "minLength": 1, "maxLength": 64, "pattern": ID_PATTERN_TEXT}
# A reference to an id of the model; the readers say so when it names nothing (422).
REF: Schema = {"type": "string", "minLength": 1, "maxLength": NAME_MAX}
REFS: Schema = {"type": "array", "items": REF, "uniqueItems": True}


def _years(first: int, last: int) -> str:
    """A pattern of the four-digit years from `first` to `last`, century by century."""
    parts = []
    for century in range(first // 100, last // 100 + 1):
        low, high = max(first, century * 100) % 100, min(last, century * 100 + 99) % 100
        years = (
            "[0-9]{2}" if (low, high) == (0, 99) else f"({'|'.join(f'{year:02d}' for year in range(low, high + 1))})"
        )
        parts.append(f"{century}{years}")
    return f"({'|'.join(parts)})"


# A date's form and range: `format` makes it a day of the calendar, `pattern` keeps its year in the range.
DATE_PATTERN = f"^{_years(FIRST_DAY.year, LAST_DAY.year)}-[0-9]{{2}}-[0-9]{{2}}$"
DATE: Schema = {
    "type": "string",
    "format": "date",
    "pattern": DATE_PATTERN,
    "description": f"from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}",
}
ENTERED_DATE = {**DATE, "description": f"from {FIRST_DAY.isoformat()} to today"}
# Text without NUL characters or lone surrogates (refused with the field's path).
NAME: Schema = {"type": "string", "minLength": 1, "maxLength": NAME_MAX}
TEXT: Schema = {"type": "string", "minLength": 1, "maxLength": TEXT_MAX}
WEIGHT = {"type": "number", "exclusiveMinimum": 0, "maximum": WEIGHT_MAX}
VERSION: Schema = {
    "type": "integer",
    "minimum": 1,
    "description": "the version your change is based on; a stale one gives 409",
}
NUMBER: Schema = {"type": "number"}
SHARE: Schema = {"type": ["number", "null"], "minimum": 0, "maximum": 1}


def nullable(schema: Schema) -> Schema:
    """The schema, or null."""
    if isinstance(schema.get("type"), str):
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def listing(item: Schema) -> Schema:
    """`{"items": [...]}`, as every list of the design and the organization is answered."""
    return {
        "type": "object",
        "properties": {"items": {"type": "array", "items": item}},
        "required": ["items"],
        "additionalProperties": False,
    }


def entity(properties: Schema, required: Iterable[str], **extra: Any) -> Schema:
    """An object with these keys only."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
        **extra,
    }


def changes(fields: Schema) -> Schema:
    """A PATCH body: any of the fields, where null removes an optional one, and the `version` it is based on."""
    return entity(
        {**{key: nullable(schema) for key, schema in fields.items()}, "version": VERSION},
        ["version"],
        description="the fields to change; null removes an optional field (a required one is then missing: 422)",
    )


# --- query parameters (typed as text, so that the views refuse bad values in the API's own words) ---


def _query(description: str | None = None, **limits: Any) -> Any:
    """A query parameter whose document states `limits` that django-ninja leaves to the view to check."""
    parameter = Query(..., description=description)
    parameter.json_schema_extra = limits
    return parameter


AsOf = Annotated[
    str | None,
    _query(
        f"the day to score as of, from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}; default today",
        format="date",
        pattern=DATE_PATTERN,
    ),
]
StatusFilter = Annotated[str | None, _query(enum=list(STATUSES))]
Limit = Annotated[int, _query("items per page", minimum=1, maximum=MAX_LIMIT)]
Offset = Annotated[int, _query("items to skip", minimum=0, maximum=MAX_OFFSET)]


# --- errors --------------------------------------------------------------------------------------------------

ERROR: Schema = {
    "type": "object",
    "description": "Every error the API answers, whatever its status",
    "properties": {
        "error": {"type": "string", "description": "what went wrong; a 500 names the reference id its log line has"},
        "details": {
            "type": "array",
            "description": "one entry per field that is wrong (may be empty)",
            "items": entity(
                {
                    "path": {"type": "string", "description": "the field, as `contributes_to[0].goal`; '' for all"},
                    "message": {"type": "string"},
                },
                ["path", "message"],
            ),
        },
    },
    "required": ["error", "details"],
    "additionalProperties": False,
}
# The schemas the API's OpenAPI document carries under components/schemas (api.py adds them).
COMPONENTS: dict[str, Schema] = {"Error": ERROR}
_ERRORS = {
    400: "The body is not a JSON object in UTF-8",
    401: "No valid API token: send `Authorization: Bearer <token>`",
    403: "The token's user may not do this",
    404: "What the path or a filter names does not exist (the metrics: no metrics file is configured)",
    409: "A conflict: a stale `version`, an id or date that is taken, or what the change would leave inconsistent "
    "(the metrics: a metrics file or bindings that cannot be used)",
    413: "The body is over LODESTAR_API_MAX_BODY_BYTES",
    422: "Invalid input: `details` names each field and what is wrong with it",
    500: "An unexpected failure: `error` names the reference id of its log line",
    502: "The warehouse failed",
    503: "The database cannot be reached (with `Retry-After`)",
}
# Every operation can answer these: the token is checked first, and any failure is an error of the same shape.
_EVERY_OPERATION = (401, 500, 503)
# Every operation that reads a body.
_BODY_ERRORS = (400, 413, 422)


def _json(schema: Schema) -> Schema:
    return {"application/json": {"schema": schema}}


def answer(
    status: int,
    description: str,
    schema: Schema | None = None,
    *,
    body: Schema | None = None,
    errors: Iterable[int] = (),
) -> dict[str, Any]:
    """A route's declaration for the OpenAPI document, as keyword arguments of its decorator.

    `status` and `schema` are its answer on success (no schema: no body, as for 204), `body` the
    request body it reads, `errors` the error statuses it may answer besides 401, 500 and 503
    (and 400, 413 and 422 with a body), each with the one `Error` schema. django-ninja documents
    a 200 for every route; any other success status is declared to it (such views return their
    HttpResponse themselves) so that the document names only the status the view answers.
    """
    codes = sorted({*_EVERY_OPERATION, *(_BODY_ERRORS if body is not None else ()), *errors})
    success: Schema = {"description": description, **({"content": _json(schema)} if schema is not None else {})}
    extra: dict[str, Any] = {
        "responses": {
            status: success,
            **{
                code: {"description": _ERRORS[code], "content": _json({"$ref": "#/components/schemas/Error"})}
                for code in codes
            },
        }
    }
    if body is not None:
        extra["requestBody"] = {"required": True, "content": _json(body)}
    declared: dict[str, Any] = {"openapi_extra": extra}
    if status != 200:
        declared["response"] = {status: None}
    return declared


def page(item: Schema) -> Schema:
    """`{count, limit, offset, items}`: one page of a paginated list."""
    return entity(
        {
            "count": {"type": "integer", "description": "how many match, on every page"},
            "limit": {"type": "integer"},
            "offset": {"type": "integer"},
            "items": {"type": "array", "items": item},
        },
        ["count", "limit", "offset", "items"],
    )
