"""User text made safe to print on a terminal: no escape sequences, bells or line breaks of its own."""

from __future__ import annotations

import re

_SPACES = str.maketrans({"\n": " ", "\r": " ", "\t": " "})
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """The text with line breaks and tabs as spaces and every other control character (C0, DEL, C1) removed."""
    return _CONTROLS.sub("", text.translate(_SPACES))


def printable_lines(text: str) -> str:
    """Text of several lines (a rendered plan, a list), each line made `printable`; the line breaks are kept."""
    return "\n".join(printable(line) for line in text.split("\n"))


# JSON leaves DEL and the C1 controls as they are; written as \u escapes they are the same JSON text.
_JSON_CONTROLS = {code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)}


def printable_json(text: str) -> str:
    """JSON text with DEL and the C1 controls escaped (JSON escapes the C0 controls itself); the same document."""
    return text.translate(_JSON_CONTROLS)
