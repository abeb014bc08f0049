"""The limits of what a model holds, in one place: the readers, the forms, the API schemas and the docs use them."""

from __future__ import annotations

from datetime import date

# Titles and names (and other one-line text: units, sources, emails, positions).
NAME_MAX = 300
# Notes, descriptions, purposes, rationales, answers, the mission's statement and principles.
TEXT_MAX = 10_000
# The weight of a key result or of a goal's contribution to a parent goal.
WEIGHT_MAX = 1_000
# Every date: in a model file, the API, the forms and `?as_of=`.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2200, 12, 31)
# Positions in a paginated list: the audit page's `?page=` and the API's `offset`. Beyond them a
# number is refused with a clear message, never passed on to the database.
LAST_PAGE = 100_000
# Items on one page of a list page (web/pagination.py).
PAGE_SIZE = 50
MAX_OFFSET = 10_000_000
# Items on one page of the API's lists (`limit`).
MAX_LIMIT = 500


def text_problem(value: str) -> str | None:
    """Why a text cannot be stored (a NUL character or a lone surrogate), or None."""
    if "\x00" in value:
        return "must not contain a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        return f"must not contain a lone surrogate (character {error.start + 1})"
    return None


def day_problem(value: date) -> str | None:
    """Why a date is out of range, or None."""
    if FIRST_DAY <= value <= LAST_DAY:
        return None
    return f"{value.isoformat()} is out of range: dates are from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"


# The scenarios a compare page shows next to the base at most.
MAX_COMPARED_SCENARIOS = 4
