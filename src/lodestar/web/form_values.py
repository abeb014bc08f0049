"""Form fields as values for the model file's readers.

Fields come in as text. Numbers that parse become numbers; anything else is passed on as text
so that the reader reports it ("expected a number, got the text 'abc'") exactly as the import would.
"""

from __future__ import annotations

import math
from typing import Any

from django.http import QueryDict
from django.utils.formats import get_format


def text(data: QueryDict, name: str) -> str:
    return data.get(name, "").strip()


def number(text: str) -> Any:
    """An int for whole numbers written without a point, a float for other numbers, else the text.

    Where the page's language writes a decimal comma (German: `12,5`), one comma in a number
    without a point is read as the decimal point.
    """
    text = text.strip()
    if text.count(",") == 1 and "." not in text and get_format("DECIMAL_SEPARATOR") == ",":
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return text
    if math.isfinite(value) and value.is_integer() and text.lstrip("+-").isdigit():
        return int(value)
    return value


def integer(text: str) -> Any:
    """An int, or the text when it is not a whole number."""
    try:
        return int(text.strip())
    except ValueError:
        return text


def field_number(value: float) -> str:
    """A number as a form field holds it, whatever the page's language: `0.7`, `12`."""
    return f"{value:.12g}"
