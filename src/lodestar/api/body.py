"""Reading request bodies and query values ourselves, so every bad input gets the same error shape."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from lodestar.lib import clock
from lodestar.lib.errors import Invalid
from lodestar.lib.limits import day_problem


class MalformedBody(Invalid):
    """The body is not a JSON object (answered with 400)."""


class BodyTooLarge(Invalid):
    """The body is over LODESTAR_API_MAX_BODY_BYTES (answered with 413)."""


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def json_object(request: HttpRequest) -> dict[str, Any]:
    """The request body as a JSON object. Raises BodyTooLarge or MalformedBody."""
    limit = settings.API_MAX_BODY_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        raise BodyTooLarge(f"the body is over the limit of {limit:,} bytes", [("", f"at most {limit:,} bytes")])
    raw = request.body
    if len(raw) > limit:
        raise BodyTooLarge(f"the body is over the limit of {limit:,} bytes", [("", f"at most {limit:,} bytes")])
    try:
        document = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise MalformedBody("the body is not UTF-8", [("", "expected UTF-8 JSON")]) from None
    except (ValueError, RecursionError) as error:
        raise MalformedBody("the body is not valid JSON", [("", str(error))]) from None
    if type(document) is not dict:
        raise MalformedBody("expected a JSON object", [("", "expected a JSON object")])
    return document


def flag(document: dict[str, Any], key: str) -> bool:
    """Take the optional switch `key` out of a body: true or false (default false). Raises Invalid."""
    value = document.pop(key, False)
    if type(value) is not bool:
        raise Invalid(f"invalid {key}", [(key, f"expected true or false, got {json.dumps(value)[:40]}")])
    return value


def as_of_date(value: str | None) -> date:
    """`?as_of=YYYY-MM-DD`, default today. Raises Invalid."""
    if value is None or value == "":
        return clock.today()
    try:
        if len(value) != 10:
            raise ValueError
        day = date.fromisoformat(value)
    except ValueError:
        raise Invalid("invalid as_of", [("as_of", f"expected a date YYYY-MM-DD, got {value[:40]!r}")]) from None
    problem = day_problem(day)
    if problem is not None:
        raise Invalid("invalid as_of", [("as_of", problem)])
    return day
