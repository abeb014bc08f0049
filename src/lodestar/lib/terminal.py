"""User text made safe to print on a terminal: no escape sequences, bells or line breaks of its own."""

from __future__ import annotations

import re

_SPACES = str.maketrans({"\n": " ", "\r": " ", "\t": " "})
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """The text with line breaks and tabs as spaces and every other control character (C0, DEL, C1) removed."""
    return _CONTROLS.sub("", text.translate(_SPACES))
