"""Form fields as values for the model file's readers.

Fields come in as text. Numbers that parse become numbers; anything else is passed on as text
so that the reader reports it ("expected a number, got the text 'abc'") exactly as the import would.
"""

from __future__ import annotations

import math
from typing import Any

from babel.numbers import NumberFormatError, get_decimal_symbol, parse_decimal
from django.http import QueryDict

from lodestar.web.formatting import locale


def text(data: QueryDict, name: str) -> str:
    return data.get(name, "").strip()


def number(text: str) -> Any:
    """An int for whole numbers written without a point, a float for other numbers, else the text.

    Where the page's language writes a decimal comma, a number written as that language writes
    it is read so (German: `12,5`, `1.000`, `1.234,5`); anything else as before (`0.7`).
    """
    text = _with_a_point(text.strip())
    try:
        value = float(text)
    except ValueError:
        return text
    if math.isfinite(value) and value.is_integer() and text.lstrip("+-").isdigit():
        return int(value)
    return value


def _with_a_point(text: str) -> str:
    """`12,5` as `12.5` on a page whose language writes a decimal comma; other text as it is."""
    language = locale()
    if not ("," in text or "." in text) or get_decimal_symbol(language) != ",":
        return text
    try:
        return str(parse_decimal(text, locale=language, strict=True))
    except NumberFormatError:
        return text


def integer(text: str) -> Any:
    """An int, or the text when it is not a whole number."""
    try:
        return int(text.strip())
    except ValueError:
        return text


def field_number(value: float) -> str:
    """A number as a form field holds it, whatever the page's language: `0.7`, `12`."""
    return f"{value:.12g}"
