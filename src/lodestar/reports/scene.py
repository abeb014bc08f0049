"""A chart as a few drawing primitives, rendered twice: inline SVG for HTML, a reportlab Drawing for PDF.

Coordinates run as in SVG: origin top left, y downward; the PDF backend flips them. Drawing
each chart once keeps the HTML and the PDF pictures identical.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from reportlab.graphics import shapes
from reportlab.lib import colors

from lodestar.reports.fonts import BOLD, REGULAR, register_fonts

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    width: float = 1.0
    dash: tuple[float, float] | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Curve:
    """A quadratic curve from `start` to `end`, bent toward `control`."""

    start: Point
    control: Point
    end: Point
    stroke: str
    width: float = 1.0
    opacity: float = 1.0
    dash: tuple[float, float] | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Polygon:
    points: tuple[Point, ...]
    fill: str | None
    stroke: str | None = None
    width: float = 1.0
    fill_opacity: float = 1.0
    dash: tuple[float, float] | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: str | None
    stroke: str | None = None
    width: float = 1.0
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str | None
    stroke: str | None = None
    width: float = 1.0
    radius: float = 0.0
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Text:
    x: float
    y: float  # the baseline
    text: str
    size: float = 9.0
    fill: str = "#18212b"
    anchor: str = "start"  # start, middle, end
    bold: bool = False


Item = Line | Curve | Polygon | Circle | Rect | Text


@dataclass(slots=True)
class Scene:
    width: float
    height: float
    label: str  # what the chart shows, for screen readers
    items: list[Item] = field(default_factory=list)

    def add(self, *items: Item) -> None:
        self.items.extend(items)


# --- SVG -------------------------------------------------------------------------------------


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _paint(fill: str | None, stroke: str | None, width: float, dash: tuple[float, float] | None = None) -> str:
    parts = [f'fill="{fill or "none"}"']
    if stroke:
        parts.append(f'stroke="{stroke}" stroke-width="{_n(width)}"')
    if dash:
        parts.append(f'stroke-dasharray="{_n(dash[0])} {_n(dash[1])}"')
    return " ".join(parts)


def _titled(tag: str, attributes: str, title: str | None) -> str:
    if title is None:
        return f"<{tag} {attributes}/>"
    return f"<{tag} {attributes}><title>{escape(title)}</title></{tag}>"


def _svg_item(item: Item) -> str:
    if isinstance(item, Line):
        attributes = f'x1="{_n(item.x1)}" y1="{_n(item.y1)}" x2="{_n(item.x2)}" y2="{_n(item.y2)}" '
        return _titled("line", attributes + _paint(None, item.stroke, item.width, item.dash), item.title)
    if isinstance(item, Curve):
        (x1, y1), (cx, cy), (x2, y2) = item.start, item.control, item.end
        d = f"M{_n(x1)} {_n(y1)} Q{_n(cx)} {_n(cy)} {_n(x2)} {_n(y2)}"
        opacity = f' stroke-opacity="{item.opacity:.2f}"' if item.opacity < 1 else ""
        attributes = f'd="{d}" {_paint(None, item.stroke, item.width, item.dash)}{opacity} stroke-linecap="round"'
        return _titled("path", attributes, item.title)
    if isinstance(item, Polygon):
        points = " ".join(f"{_n(x)},{_n(y)}" for x, y in item.points)
        opacity = f' fill-opacity="{item.fill_opacity:.2f}"' if item.fill and item.fill_opacity < 1 else ""
        attributes = f'points="{points}" {_paint(item.fill, item.stroke, item.width, item.dash)}{opacity}'
        return _titled("polygon", attributes + ' stroke-linejoin="round"', item.title)
    if isinstance(item, Circle):
        attributes = f'cx="{_n(item.cx)}" cy="{_n(item.cy)}" r="{_n(item.r)}" '
        return _titled("circle", attributes + _paint(item.fill, item.stroke, item.width), item.title)
    if isinstance(item, Rect):
        rounded = f' rx="{_n(item.radius)}"' if item.radius else ""
        attributes = f'x="{_n(item.x)}" y="{_n(item.y)}" width="{_n(item.w)}" height="{_n(item.h)}"{rounded} '
        return _titled("rect", attributes + _paint(item.fill, item.stroke, item.width), item.title)
    weight = ' font-weight="bold"' if item.bold else ""
    return (
        f'<text x="{_n(item.x)}" y="{_n(item.y)}" font-size="{_n(item.size)}" fill="{item.fill}" '
        f'text-anchor="{item.anchor}"{weight}>{escape(item.text)}</text>'
    )


def to_svg(scene: Scene, *, css_class: str = "chart") -> str:
    """Inline SVG markup: scales to its container, labelled for screen readers, every text escaped."""
    label = escape(scene.label)
    head = (
        f'<svg class="{css_class}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(scene.width)} '
        f'{_n(scene.height)}" width="{_n(scene.width)}" height="{_n(scene.height)}" role="img" '
        f'aria-label="{label}" font-family="DejaVu Sans, Verdana, system-ui, sans-serif">'
    )
    return head + f"<title>{label}</title>" + "".join(_svg_item(item) for item in scene.items) + "</svg>"


# --- reportlab -------------------------------------------------------------------------------


def _colour(value: str | None, opacity: float = 1.0) -> colors.Color | None:
    if value is None:
        return None
    colour = colors.HexColor(value)
    return colors.Color(colour.red, colour.green, colour.blue, alpha=opacity) if opacity < 1 else colour


def _stroke(shape: shapes.Shape, stroke: str | None, width: float, dash: tuple[float, float] | None) -> None:
    shape.strokeColor = _colour(stroke)
    shape.strokeWidth = width
    if dash:
        shape.strokeDashArray = list(dash)


def _pdf_item(item: Item, height: float) -> shapes.Shape:
    def y(value: float) -> float:
        return height - value

    shape: shapes.Shape
    if isinstance(item, Line):
        shape = shapes.Line(item.x1, y(item.y1), item.x2, y(item.y2))
        _stroke(shape, item.stroke, item.width, item.dash)
        shape.strokeLineCap = 1
        return shape
    if isinstance(item, Curve):
        (x0, y0), (cx, cy), (x3, y3) = item.start, item.control, item.end
        # The cubic Bézier that traces the same quadratic curve.
        c1 = (x0 + 2 / 3 * (cx - x0), y0 + 2 / 3 * (cy - y0))
        c2 = (x3 + 2 / 3 * (cx - x3), y3 + 2 / 3 * (cy - y3))
        path = shapes.Path(fillColor=None, strokeLineCap=1)
        path.moveTo(x0, y(y0))
        path.curveTo(c1[0], y(c1[1]), c2[0], y(c2[1]), x3, y(y3))
        _stroke(path, item.stroke, item.width, item.dash)
        path.strokeColor = _colour(item.stroke, item.opacity)
        return path
    if isinstance(item, Polygon):
        flat = [coordinate for x, py in item.points for coordinate in (x, y(py))]
        shape = shapes.Polygon(flat, fillColor=_colour(item.fill, item.fill_opacity), strokeLineJoin=1)
        _stroke(shape, item.stroke, item.width, item.dash)
        return shape
    if isinstance(item, Circle):
        shape = shapes.Circle(item.cx, y(item.cy), item.r, fillColor=_colour(item.fill))
        _stroke(shape, item.stroke, item.width, None)
        return shape
    if isinstance(item, Rect):
        shape = shapes.Rect(item.x, y(item.y + item.h), item.w, item.h, rx=item.radius, ry=item.radius)
        shape.fillColor = _colour(item.fill)
        _stroke(shape, item.stroke, item.width, None)
        return shape
    return shapes.String(
        item.x,
        y(item.y),
        item.text,
        fontName=BOLD if item.bold else REGULAR,
        fontSize=item.size,
        fillColor=_colour(item.fill),
        textAnchor=item.anchor,
    )


def to_drawing(scene: Scene, *, width: float | None = None) -> shapes.Drawing:
    """A reportlab Drawing (a flowable), scaled to `width` points if given."""
    register_fonts()
    scale = 1.0 if width is None else width / scene.width
    drawing = shapes.Drawing(scene.width * scale, scene.height * scale)
    group = shapes.Group(*(_pdf_item(item, scene.height) for item in scene.items))
    group.scale(scale, scale)
    drawing.add(group)
    return drawing
