"""The fonts of the PDF: DejaVu Sans where the system has it, else the Vera that ships with reportlab.

DejaVu covers Central European and Turkish names that reportlab's built-in Helvetica cannot
draw; Vera, from which DejaVu descends, has the same widths for Latin text, so a report lays
out alike either way.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "LodestarSans"
BOLD = "LodestarSans-Bold"
ITALIC = "LodestarSans-Italic"

_SYSTEM = Path("/usr/share/fonts/truetype/dejavu")
_BUNDLED = Path(reportlab.__file__).parent / "fonts"
_FILES = {
    REGULAR: (_SYSTEM / "DejaVuSans.ttf", _BUNDLED / "Vera.ttf"),
    BOLD: (_SYSTEM / "DejaVuSans-Bold.ttf", _BUNDLED / "VeraBd.ttf"),
    ITALIC: (_SYSTEM / "DejaVuSans-Oblique.ttf", _BUNDLED / "VeraIt.ttf"),
}


@cache
def register_fonts() -> None:
    """Register the three faces once per process, as one family (so <b> and <i> work in paragraphs)."""
    for name, candidates in _FILES.items():
        path = next((candidate for candidate in candidates if candidate.is_file()), candidates[-1])
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of `text` in points in the report's font."""
    register_fonts()
    return float(pdfmetrics.stringWidth(text, BOLD if bold else REGULAR, size))


def fit_text(text: str, width: float, size: float, *, bold: bool = False) -> str:
    """`text`, shortened with an ellipsis until it fits `width`."""
    if text_width(text, size, bold=bold) <= width:
        return text
    while text and text_width(text + "…", size, bold=bold) > width:
        text = text[:-1]
    return text.rstrip() + "…"
