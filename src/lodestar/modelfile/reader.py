"""Typed reading of parsed YAML values, collecting every error with its path."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from lodestar.lib.errors import Invalid
from lodestar.lib.limits import NAME_MAX, TEXT_MAX, WEIGHT_MAX, day_problem, text_problem
from lodestar.lib.vocabulary import ID_PATTERN

DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in a model file: where, and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class _Missing:
    """Stands for a required key that is absent; the readers pass over it (it is already reported)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class InvalidModel(Invalid):
    """The model file has errors; nothing was written."""

    def __init__(self, issues: list[Issue]) -> None:
        count = len(issues)
        super().__init__(f"{count} error{'s' if count != 1 else ''} in the model; nothing was written")
        self.issues = [(issue.path, issue.message) for issue in issues]
        self.found = issues


def describe(value: Any) -> str:
    """Name a value's type for an error message, with the value when it is short."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"  # as written: 5.0 is not the integer 5
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    return type(value).__name__


def format_number(value: float) -> str:
    """Write 40.0 as 40 and keep other numbers as Python writes them."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


class Reader:
    """Reads typed values out of mappings; every problem becomes an Issue, reading goes on."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def error(self, path: str, message: str) -> None:
        self.issues.append(Issue(path, message))

    def mapping(
        self, value: Any, path: str, *, allowed: frozenset[str], required: Iterable[str] = ()
    ) -> dict[str, Any] | None:
        """The value as a mapping, None if it is none.

        Unknown keys and absent required keys are reported, and reading goes on so that the
        rest of the mapping is checked too: an absent required key reads as MISSING.
        """
        if value is MISSING:
            return None
        if type(value) is not dict:
            self.error(path, f"expected a mapping, got {describe(value)}")
            return None
        if not allowed.issuperset(value):
            for key in value:
                if key not in allowed:
                    self.error(_join(path, key), _unknown_key(key, allowed))
        absent = [key for key in required if key not in value]
        for key in absent:
            self.error(_join(path, key), "required")
        return {**value, **dict.fromkeys(absent, MISSING)} if absent else value

    def items(self, value: Any, path: str) -> list[Any]:
        """A list (absent or null means empty)."""
        if value is None or value is MISSING:
            return []
        if type(value) is not list:
            self.error(path, f"expected a list, got {describe(value)}")
            return []
        return value

    def text(self, value: Any, path: str, *, optional: bool = False, long: bool = False) -> str | None:
        """Non-empty text of at most NAME_MAX characters (TEXT_MAX when `long`: notes, descriptions)."""
        if value is MISSING or (value is None and optional):
            return None
        if type(value) is not str:
            self.error(path, f"expected text, got {describe(value)}")
            return None
        if not value.strip():
            self.error(path, "must not be empty")
            return None
        limit = TEXT_MAX if long else NAME_MAX
        if len(value) > limit:
            self.error(path, f"too long: at most {limit:,} characters, got {len(value):,}")
            return None
        return self.storable(value, path)

    def storable(self, value: str, path: str) -> str | None:
        """The text, unless it holds what no database stores (a NUL, a lone surrogate)."""
        problem = text_problem(value)
        if problem is not None:
            self.error(path, problem)
            return None
        return value

    def ident(self, value: Any, path: str) -> str | None:
        if value is MISSING:
            return None
        if type(value) is not str:
            hint = " (quote it)" if isinstance(value, int | float) and not isinstance(value, bool) else ""
            self.error(path, f"expected an id, got {describe(value)}{hint}")
            return None
        if not ID_PATTERN.match(value):
            self.error(
                path,
                f"{value!r} is not a valid id (lower-case letters, digits, '.', '_', '-'; "
                "starting with a letter or digit; at most 64 characters)",
            )
            return None
        return value

    def ref(self, value: Any, path: str, *, optional: bool = False) -> str | None:
        """An id that refers to something; whether it exists is checked later."""
        if value is MISSING or (value is None and optional):
            return None
        if type(value) is not str:
            self.error(path, f"expected an id, got {describe(value)}")
            return None
        if not value.strip():
            self.error(path, "must not be empty: name an id, or leave the key out")
            return None
        if len(value) > NAME_MAX:
            self.error(path, f"expected an id, got text of {len(value):,} characters")
            return None
        return self.storable(value, path)

    def refs(self, value: Any, path: str) -> list[str]:
        result: list[str] = []
        seen: set[str] = set()
        for index, item in enumerate(self.items(value, path)):
            ref = self.ref(item, f"{path}[{index}]")
            if ref is None:
                continue
            if ref in seen:
                self.error(f"{path}[{index}]", f"{ref!r} is listed twice")
                continue
            seen.add(ref)
            result.append(ref)
        return result

    def number(self, value: Any, path: str, *, optional: bool = False) -> float | None:
        if value is MISSING or (value is None and optional):
            return None
        kind = type(value)
        if kind is int:
            return float(value)
        if kind is float:
            if not math.isfinite(value):
                self.error(path, f"expected a finite number, got {value}")
                return None
            return float(value)
        self.error(path, f"expected a number, got {describe(value)}")
        return None

    def integer(self, value: Any, path: str, *, low: int, high: int, optional: bool = False) -> int | None:
        if value is MISSING or (value is None and optional):
            return None
        if type(value) is not int:
            self.error(path, f"expected a whole number from {low} to {high}, got {describe(value)}")
            return None
        if not low <= value <= high:
            self.error(path, f"{value} is out of range: expected {low} to {high}")
            return None
        return int(value)

    def positive(self, value: Any, path: str) -> float | None:
        if value is None:
            return None
        number = self.number(value, path)
        if number is not None and number <= 0:
            self.error(path, f"must be greater than 0, got {format_number(number)}")
            return None
        return number

    def weight(self, value: Any, path: str) -> float | None:
        """A weight: greater than 0 and at most WEIGHT_MAX."""
        number = self.positive(value, path)
        if number is not None and number > WEIGHT_MAX:
            self.error(path, f"too heavy: at most {WEIGHT_MAX:,}, got {format_number(number)}")
            return None
        return number

    def boolean(self, value: Any, path: str) -> bool | None:
        if value is None:
            return None
        if type(value) is not bool:
            self.error(path, f"expected true or false, got {describe(value)}")
            return None
        return bool(value)

    def choice(self, value: Any, path: str, choices: tuple[str, ...], *, optional: bool = False) -> str | None:
        if value is MISSING or (value is None and optional):
            return None
        if type(value) is not str or value not in choices:
            self.error(path, f"expected one of {', '.join(choices)}; got {describe(value)}")
            return None
        return value

    def day(self, value: Any, path: str, *, optional: bool = False) -> date | None:
        """An ISO date, `YYYY-MM-DD`."""
        if value is MISSING or (value is None and optional):
            return None
        if type(value) is date:
            day = value
        elif type(value) is not str or not DATE_PATTERN.match(value):
            self.error(path, f"expected a date YYYY-MM-DD, got {describe(value)}")
            return None
        else:
            try:
                day = date.fromisoformat(value)
            except ValueError:
                self.error(path, f"{value} is not a date in the calendar")
                return None
        problem = day_problem(day)
        if problem is not None:
            self.error(path, problem)
            return None
        return day

    def levels(self, value: Any, path: str, *, low: int, high: int) -> dict[str, int]:
        """A mapping of id -> integer level."""
        if value is None:
            return {}
        if type(value) is not dict:
            self.error(path, f"expected a mapping of id to level, got {describe(value)}")
            return {}
        result: dict[str, int] = {}
        for key, level in value.items():
            key_path = _join(path, key)
            if type(key) is not str:
                self.error(key_path, f"expected an id as key, got {describe(key)}")
                continue
            checked = self.integer(level, key_path, low=low, high=high)
            if checked is not None:
                result[key] = checked
        return result


def _join(path: str, key: Any) -> str:
    return f"{path}.{key}" if path else str(key)


def _unknown_key(key: Any, allowed: frozenset[str]) -> str:
    message = f"unknown key {key!r}"
    if isinstance(key, str):
        close = difflib.get_close_matches(key, sorted(allowed), n=1)
        if close:
            message += f" (did you mean {close[0]!r}?)"
    return message
