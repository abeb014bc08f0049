"""Shared pieces of the PDF reports: page templates, paragraph styles, tables, charts as flowables."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from django.utils.translation import gettext
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from lodestar.i18n.words import status_label
from lodestar.reports.charts import ACCENT, INK, LINE, MUTED, STATUS_COLOURS
from lodestar.reports.fonts import BOLD, REGULAR, register_fonts
from lodestar.reports.scene import Scene, to_drawing
from lodestar.reports.text import day

MARGIN = 40.0
PORTRAIT = A4
LANDSCAPE = landscape(A4)
CONTENT_WIDTH = PORTRAIT[0] - 2 * MARGIN
WIDE_CONTENT_WIDTH = LANDSCAPE[0] - 2 * MARGIN
ZEBRA = colors.HexColor("#f5f6f8")
NO_PADDING = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
TINTS = {
    "agreed": "#d7efe0",
    "draft": "#fbecc7",
    "open": "#f7d9d5",
    "unanswered": "#eef0f3",
    "gap": "#f7d9d5",
    "met": "#d7efe0",
}


@dataclass(frozen=True, slots=True)
class Styles:
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    lead: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_centred: ParagraphStyle
    eyebrow: ParagraphStyle


def make_styles(scale: float = 1.0) -> Styles:
    """The report's paragraph styles; `scale` shrinks them all alike (the one-page unit report)."""
    register_fonts()

    def style(name: str, size: float, leading: float, **more: Any) -> ParagraphStyle:
        more.setdefault("fontName", REGULAR)
        more.setdefault("textColor", colors.HexColor(INK))
        return ParagraphStyle(name, fontSize=size * scale, leading=leading * scale, **more)

    return Styles(
        title=style("title", 26, 31, fontName=BOLD, textColor=colors.HexColor(ACCENT), spaceAfter=6),
        h1=style("h1", 17, 21, fontName=BOLD, textColor=colors.HexColor(ACCENT), spaceAfter=8 * scale),
        h2=style("h2", 11.5, 14.5, fontName=BOLD, spaceBefore=10 * scale, spaceAfter=4 * scale),
        body=style("body", 9.5, 13.2, spaceAfter=4 * scale),
        lead=style("lead", 12, 16.5, spaceAfter=6 * scale),
        small=style("small", 8.2, 10.6),
        muted=style("muted", 8.2, 10.6, textColor=colors.HexColor(MUTED)),
        cell=style("cell", 8, 10),
        cell_bold=style("cell_bold", 8, 10, fontName=BOLD),
        cell_centred=style("cell_centred", 8, 10, alignment=TA_CENTER),
        eyebrow=style("eyebrow", 8, 10, fontName=BOLD, textColor=colors.HexColor(MUTED), spaceAfter=2),
    )


def widths_to_fit(
    columns: Sequence[Sequence[tuple[str, ParagraphStyle]]], total: float, padding: float = 8.0
) -> list[float]:
    """Column widths that give each column the width of its widest text, the rest of `total` shared out evenly."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    needed = [
        max(stringWidth(text, style.fontName, style.fontSize) for text, style in texts) + padding for texts in columns
    ]
    spare = max(total - sum(needed), 0.0) / max(len(needed), 1)
    return [width + spare for width in needed]


def smaller(style: ParagraphStyle, size: float) -> ParagraphStyle:
    """`style` at another font size (a narrow column of a matrix)."""
    return ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size, leading=size * 1.25)


def indented(style: ParagraphStyle, depth: int, step: float = 9.0) -> ParagraphStyle:
    """`style` moved right by `depth` steps, wrapped lines included."""
    return ParagraphStyle(f"{style.name}-{depth}", parent=style, leftIndent=style.leftIndent + depth * step)


def p(text: str | None, style: ParagraphStyle, *, markup: bool = False) -> Paragraph:
    """A paragraph of plain text (escaped), or of reportlab markup when `markup` is set."""
    text = text or ""
    return Paragraph(text if markup else escape(text), style)


def b(text: str) -> str:
    """Bold markup around escaped text."""
    return f"<b>{escape(text)}</b>"


def coloured(text: str, colour: str, *, bold: bool = True) -> str:
    inner = f'<font color="{colour}">{escape(text)}</font>'
    return f"<b>{inner}</b>" if bold else inner


def status_text(status: str) -> str:
    """A status word in its colour, as markup."""
    return coloured(status_label(status), STATUS_COLOURS.get(status, MUTED))


# The tallest chart a portrait page holds under a section heading.
MAX_CHART_HEIGHT = 600.0


def chart(scene: Scene, width: float | None = None, *, max_height: float = MAX_CHART_HEIGHT) -> Flowable:
    """A scene as a flowable `width` wide, narrower if that would make it taller than `max_height`."""
    wanted = scene.width if width is None else width
    scaled = min(wanted, max_height * scene.width / scene.height)
    drawing: Flowable = to_drawing(scene, width=scaled)
    return drawing


def rule() -> Flowable:
    rule_line: Flowable = HRFlowable(
        width="100%", thickness=0.6, color=colors.HexColor(LINE), spaceBefore=4, spaceAfter=6
    )
    return rule_line


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    zebra: bool = True,
    commands: Sequence[tuple[Any, ...]] = (),
    padding: float = 3,
) -> Table:
    """A table with a bold header row that repeats on every page, light lines and zebra rows."""
    result = Table(list(rows), colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("TEXTCOLOR", (0, 0), (-1, -1), colors.HexColor(INK)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(LINE)),
    ]
    if header:
        style += [("LINEBELOW", (0, 0), (-1, 0), 0.9, colors.HexColor(ACCENT)), ("VALIGN", (0, 0), (-1, 0), "BOTTOM")]
    if zebra:
        first = 1 if header else 0
        style += [("BACKGROUND", (0, row), (-1, row), ZEBRA) for row in range(first + 1, len(rows), 2)]
    result.setStyle(TableStyle([*style, *commands]))
    return result


class VerticalText(Flowable):
    """Text turned a quarter to read upward: the column headers of a wide matrix."""

    def __init__(self, text: str, *, size: float = 7.5, bold: bool = False) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.font = BOLD if bold else REGULAR

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return self.size + 2, stringWidth(self.text, self.font, self.size) + 2

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(self.font, self.size)
        canvas.setFillColor(colors.HexColor(INK))
        canvas.rotate(90)
        canvas.drawString(1, -self.size + 1, self.text)
        canvas.restoreState()


@dataclass(frozen=True, slots=True)
class PageHeading:
    left: str
    right: str


def _decorate(heading: PageHeading, *, wide: bool) -> Any:
    def draw(canvas: Any, document: Any) -> None:
        width, height = LANDSCAPE if wide else PORTRAIT
        canvas.saveState()
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(colors.HexColor(MUTED))
        canvas.drawString(MARGIN, height - 26, heading.left)
        canvas.drawRightString(width - MARGIN, height - 26, heading.right)
        canvas.setStrokeColor(colors.HexColor(LINE))
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, height - 31, width - MARGIN, height - 31)
        canvas.drawRightString(width - MARGIN, 22, gettext("Page %(number)s") % {"number": document.page})
        canvas.drawString(MARGIN, 22, "Lodestar")
        canvas.restoreState()

    return draw


def _cover(canvas: Any, document: Any) -> None:
    width, height = PORTRAIT
    canvas.saveState()
    canvas.setFillColor(colors.HexColor(ACCENT))
    canvas.rect(0, height - 16, width, 16, stroke=0, fill=1)
    canvas.setFillColor(colors.HexColor("#f5c542"))
    canvas.rect(0, height - 19, width, 3, stroke=0, fill=1)
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(colors.HexColor(MUTED))
    canvas.drawString(MARGIN, 22, gettext("Lodestar: purpose, organization and goal system as code"))
    canvas.restoreState()


class _Counter:
    """Counts the pages a document ends up with."""

    def __init__(self) -> None:
        self.pages = 0

    def __call__(self, canvas: Any, document: Any) -> None:
        self.pages = document.page


def build_pdf(
    story: list[Flowable], *, title: str, heading: PageHeading, cover: bool, author: str = "Lodestar"
) -> tuple[bytes, int]:
    """Lay out `story` on A4 pages (a cover first if asked); returns the PDF and its page count.

    A `NextPageTemplate("wide")` in the story turns the following pages to landscape,
    `NextPageTemplate("page")` back to portrait.
    """
    register_fonts()
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=PORTRAIT,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 6,
        bottomMargin=MARGIN,
        title=title,
        author=author,
        creator="Lodestar",
        subject=heading.right,
        invariant=True,
    )
    counter = _Counter()
    portrait_frame = Frame(MARGIN, MARGIN, CONTENT_WIDTH, PORTRAIT[1] - 2 * MARGIN - 6, id="portrait", **NO_PADDING)
    wide_frame = Frame(MARGIN, MARGIN, WIDE_CONTENT_WIDTH, LANDSCAPE[1] - 2 * MARGIN - 6, id="wide", **NO_PADDING)
    templates = [
        PageTemplate(
            id="page",
            frames=[portrait_frame],
            onPage=_decorate(heading, wide=False),
            onPageEnd=counter,
            pagesize=PORTRAIT,
        ),
        PageTemplate(
            id="wide", frames=[wide_frame], onPage=_decorate(heading, wide=True), onPageEnd=counter, pagesize=LANDSCAPE
        ),
    ]
    if cover:
        cover_frame = Frame(MARGIN, MARGIN, CONTENT_WIDTH, PORTRAIT[1] - 2 * MARGIN - 30, id="cover", **NO_PADDING)
        templates.insert(
            0, PageTemplate(id="cover", frames=[cover_frame], onPage=_cover, onPageEnd=counter, pagesize=PORTRAIT)
        )
    document.addPageTemplates(templates)
    document.build(story)
    return buffer.getvalue(), counter.pages


def as_of_text(as_of: date) -> str:
    return gettext("as of %(day)s") % {"day": day(as_of)}


def spacer(height: float) -> Spacer:
    return Spacer(1, height)
