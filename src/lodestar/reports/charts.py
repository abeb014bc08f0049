"""The report's charts as scenes: role radar, progress bars, delivery bars and the dependency network.

Their words and numbers follow the active language (the report's, or the page's where a page draws them).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from django.utils.translation import gettext, ngettext

from lodestar.design.analysis import DeliveryRow, DependencyNetwork, ProfileComparison
from lodestar.i18n import words
from lodestar.i18n.numbers import percent
from lodestar.i18n.terms import term
from lodestar.lib.vocabulary import DECISION_AREAS, DECISION_LEVELS, TASK_DELIVERIES
from lodestar.reports.fonts import fit_text, text_width
from lodestar.reports.scene import Circle, Curve, Line, Point, Polygon, Rect, Scene, Text

INK, MUTED, LINE, ACCENT, ACCENT_2 = "#18212b", "#5b6673", "#dfe3e8", "#1d3a5f", "#2f6db5"
AMBER, PAPER = "#d9822b", "#ffffff"
STATUS_COLOURS = {
    "achieved": "#137a4b",
    "on_track": "#2e9b5f",
    "at_risk": "#c98a06",
    "off_track": "#c2392b",
    "no_data": "#8a94a0",
    "not_started": "#8a94a0",
    "green": "#2e9b5f",
    "yellow": "#c98a06",
    "red": "#c2392b",
}
DELIVERY_COLOURS = {"central": ACCENT, "decentral": "#6aa2dc", "external": AMBER}
AS_IS_COLOUR, TARGET_COLOUR = "#8a94a0", ACCENT_2


def area_label(area: str) -> str:
    """A decision area (or the sales alignment) as a label: `Customer experience`."""
    return term("decision_area", area)


def archetype_label(archetype: str) -> str:
    """An archetype's name in running text: `service provider`."""
    return words.archetype_name(archetype)


# --- role radar ------------------------------------------------------------------------------


def radar_chart(comparison: ProfileComparison) -> Scene:
    """The eight decision areas on spokes scored 0-4, the as-is polygon against the target one.

    The rings are the levels execute, advise, co-decide and lead; the centre is none.
    """
    width, height, cx, cy, radius = 340.0, 262.0, 170.0, 112.0, 76.0
    label = gettext("Decision rights of %(profile)s: as-is %(as_is)s, target %(target)s") % {
        "profile": comparison.label,
        "as_is": archetype_label(comparison.as_is.archetype),
        "target": archetype_label(comparison.target.archetype),
    }
    scene = Scene(width, height, label)

    def at(index: int, score: float) -> Point:
        angle = -math.pi / 2 + index * 2 * math.pi / len(DECISION_AREAS)
        return cx + math.cos(angle) * radius * score / 4, cy + math.sin(angle) * radius * score / 4

    for level in range(1, 5):
        ring = tuple(at(i, level) for i in range(len(DECISION_AREAS)))
        scene.add(Polygon(ring, fill=None, stroke=LINE if level < 4 else "#c5ccd4", width=0.8))
    for i, area in enumerate(DECISION_AREAS):
        x, y = at(i, 4)
        scene.add(Line(cx, cy, x, y, LINE, 0.8))
        lx, ly = at(i, 4.5)
        anchor = "middle" if abs(lx - cx) < 8 else ("start" if lx > cx else "end")
        scene.add(Text(lx, ly + 3.5, area_label(area), 9, MUTED, anchor))
    for state, colour, dash, opacity in (
        (comparison.as_is, AS_IS_COLOUR, (3.0, 2.0), 0.18),
        (comparison.target, TARGET_COLOUR, None, 0.22),
    ):
        points = tuple(at(i, state.scores[area]) for i, area in enumerate(DECISION_AREAS))
        scene.add(Polygon(points, fill=colour, stroke=colour, width=1.8, fill_opacity=opacity, dash=dash))
        for (x, y), area in zip(points, DECISION_AREAS, strict=True):
            title = f"{area_label(area)}: {term('decision_level', DECISION_LEVELS[state.scores[area]])}"
            scene.add(Circle(x, y, 2.4, fill=colour, title=title))
    legend_y = height - 24
    for row, (name, colour, dash, scores) in enumerate(
        (
            (gettext("As-is"), AS_IS_COLOUR, (3.0, 2.0), comparison.as_is),
            (gettext("Target"), TARGET_COLOUR, None, comparison.target),
        )
    ):
        y = legend_y + row * 15
        scene.add(Line(24, y - 3.5, 46, y - 3.5, colour, 2.2, dash))
        scene.add(Text(52, y, f"{name}: {archetype_label(scores.archetype)}", 9.5, INK, bold=True))
        alignment = term("sales_alignment", comparison.sales_alignment[row])
        scene.add(Text(width - 18, y, gettext("sales: %(stage)s") % {"stage": alignment}, 9, MUTED, "end"))
    return scene


# --- bars ------------------------------------------------------------------------------------


def progress_bar(progress: float | None, expected: float | None, status: str, *, width: float = 110) -> Scene:
    """A progress bar coloured by status, with a tick at the expected progress."""
    height = 10.0
    if progress is None:
        label = gettext("no progress")
    elif expected is None:
        label = gettext("progress %(progress)s") % {"progress": percent(progress)}
    else:
        label = gettext("progress %(progress)s, expected %(expected)s") % {
            "progress": percent(progress),
            "expected": percent(expected),
        }
    scene = Scene(width, height, label)
    scene.add(Rect(0, 1.5, width, height - 3, fill="#eef0f3", radius=2))
    if progress is not None and progress > 0:
        fill = max(2.5, min(1.0, progress) * width)
        scene.add(Rect(0, 1.5, fill, height - 3, fill=STATUS_COLOURS.get(status, ACCENT_2), radius=2))
    if expected is not None:
        x = min(max(expected * width, 1.0), width - 1.0)
        scene.add(Line(x, 0, x, height, INK, 1.4, title=gettext("expected %(share)s") % {"share": percent(expected)}))
    return scene


def share_bar(share: float, *, width: float = 220, colour: str = STATUS_COLOURS["on_track"]) -> Scene:
    """A plain bar showing a share in [0, 1]."""
    scene = Scene(width, 12, percent(share))
    scene.add(Rect(0, 0, width, 12, fill="#eef0f3", radius=3))
    if share > 0:
        scene.add(Rect(0, 0, max(4.0, share * width), 12, fill=colour, radius=3))
    return scene


def delivery_chart(rows: Sequence[DeliveryRow], *, title: str, limit: int = 30) -> Scene:
    """Stacked horizontal bars: central, decentral and external tasks per row.

    Beyond `limit` rows only those with the most tasks are drawn (in their order), and a last
    line says how many were left out.
    """
    if len(rows) > limit:
        largest = set(sorted(range(len(rows)), key=lambda i: -rows[i].counts.total)[:limit])
        left_out = len(rows) - limit
        rows = [row for i, row in enumerate(rows) if i in largest]
    else:
        left_out = 0
    label_width, bar_width, row_height, top = 190.0, 300.0, 17.0, 24.0
    width = label_width + bar_width + 40
    names = [row.name if row.key is not None else gettext(row.name) for row in rows]  # "no location given"
    # The text alternative carries the figures of every row drawn, as the bars' own titles read them.
    figures = "; ".join(
        f"{name}: "
        + ", ".join(
            f"{getattr(row.counts, delivery)} {term('task_delivery', delivery)}" for delivery in TASK_DELIVERIES
        )
        for name, row in zip(names, rows, strict=True)
    )
    label = f"{title}: {figures}" if figures else title
    scene = Scene(width, top + row_height * (len(rows) + (1 if left_out else 0)) + 6, label)
    if left_out:
        note = ngettext("and %(count)s more with fewer tasks", "and %(count)s more with fewer tasks", left_out) % {
            "count": left_out
        }
        scene.add(Text(label_width - 8, top + row_height * len(rows) + 11, note, 8.5, MUTED, "end"))
    x = label_width
    for delivery in TASK_DELIVERIES:
        scene.add(Rect(x, 4, 9, 9, fill=DELIVERY_COLOURS[delivery], radius=1.5))
        scene.add(Text(x + 13, 12, term("task_delivery", delivery), 8.5, MUTED))
        x += 78
    most = max((row.counts.total for row in rows), default=1) or 1
    for i, (name, row) in enumerate(zip(names, rows, strict=True)):
        y = top + i * row_height
        scene.add(Text(label_width - 8, y + 11, fit_text(name, label_width - 10, 8.5), 8.5, INK, "end"))
        x = label_width
        for delivery in TASK_DELIVERIES:
            count = getattr(row.counts, delivery)
            if count:
                w = count / most * bar_width
                scene.add(
                    Rect(
                        x,
                        y + 2,
                        w,
                        row_height - 5,
                        fill=DELIVERY_COLOURS[delivery],
                        title=f"{name}: {count} {term('task_delivery', delivery)}",
                    )
                )
                if w >= 14:
                    scene.add(Text(x + w / 2, y + 11, str(count), 7.5, PAPER, "middle", bold=True))
                x += w
        scene.add(Text(x + 5, y + 11, str(row.counts.total), 8, MUTED))
    return scene


# --- dependency network ----------------------------------------------------------------------


def network_layout(network: DependencyNetwork, *, cx: float, cy: float, radius: float) -> dict[str, Point]:
    """Positions on a circle: marketing & sales units on the left half, adjacent and external areas on the right.

    Each half spaces its nodes evenly from top to bottom (not by angle), so their labels never crowd.
    """
    inside = [node for node in network.nodes if not node.outside]
    outside = [node for node in network.nodes if node.outside]
    positions: dict[str, Point] = {}
    if not inside or not outside:
        nodes = inside or outside
        for i, node in enumerate(nodes):
            angle = -math.pi / 2 + i * 2 * math.pi / len(nodes)
            positions[node.id] = (cx + math.cos(angle) * radius, cy + math.sin(angle) * radius)
        return positions
    for nodes, side in ((inside, -1), (outside, 1)):
        reach = 0.92 if len(nodes) > 2 else 0.6
        for i, node in enumerate(nodes):
            share = 0.5 if len(nodes) == 1 else i / (len(nodes) - 1)
            dy = radius * reach * (2 * share - 1)
            positions[node.id] = (cx + side * math.sqrt(radius**2 - dy**2), cy + dy)
    return positions


def network_chart(network: DependencyNetwork, *, state: str = "target") -> Scene:
    """Units and adjacent areas with their dependencies; width by intensity `now` or in the `target`.

    In the target picture an edge's colour shows its change: amber where it intensifies, grey
    where it weakens. Hotspots (LS010) are red.
    """
    inside = sum(1 for node in network.nodes if not node.outside)
    crowd = max(inside, len(network.nodes) - inside)
    # Each side spaces its labels evenly; beyond about a dozen nodes the circle grows to keep them apart.
    radius = max(148.0, crowd * 12.5)
    width, cx, cy = 320.0 + 2 * radius, 160.0 + radius, radius + 22.0
    height = 2 * radius + 96.0
    counts = {"units": len(network.nodes), "dependencies": len(network.edges), "hotspots": len(network.hotspots)}
    if state == "target":
        label = ngettext(
            "Dependency network in the target: %(units)s units, %(dependencies)s dependencies, %(hotspots)s hotspot",
            "Dependency network in the target: %(units)s units, %(dependencies)s dependencies, %(hotspots)s hotspots",
            len(network.hotspots),
        )
    else:
        label = ngettext(
            "Dependency network now: %(units)s units, %(dependencies)s dependencies, %(hotspots)s hotspot",
            "Dependency network now: %(units)s units, %(dependencies)s dependencies, %(hotspots)s hotspots",
            len(network.hotspots),
        )
    scene = Scene(width, height, label % counts)
    positions = network_layout(network, cx=cx, cy=cy, radius=radius)
    for edge in sorted(network.edges, key=lambda e: e.intensity(state)):
        start, end = positions[edge.source], positions[edge.target_unit]
        intensity = edge.intensity(state)
        if state == "target" and edge.change > 0:
            colour = AMBER
        elif state == "target" and edge.change < 0:
            colour = "#a9b3bf"
        else:
            colour = ACCENT_2
        middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        control = (middle[0] + (cx - middle[0]) * 0.45, middle[1] + (cy - middle[1]) * 0.45)
        title = gettext("%(about)s: %(source)s → %(target)s, now %(now)s, target %(goal)s") % {
            "about": edge.dependency.about,
            "source": edge.source,
            "target": edge.target_unit,
            "now": edge.now,
            "goal": edge.target,
        }
        scene.add(
            Curve(
                start,
                control,
                end,
                colour,
                width=0.6 + 1.3 * intensity,
                opacity=0.85,
                dash=(3.0, 3.0) if intensity == 0 else None,
                title=title,
            )
        )
    for node in network.nodes:
        x, y = positions[node.id]
        r = min(5.0 + 1.6 * node.dependencies, 13.0)
        fill = STATUS_COLOURS["off_track"] if node.hotspot else (PAPER if node.outside else ACCENT)
        stroke = STATUS_COLOURS["off_track"] if node.hotspot else ACCENT
        values: dict[str, object] = {"unit": node.name, "count": node.dependencies}
        if node.hotspot:
            title = ngettext(
                "%(unit)s: %(count)s dependency, a hotspot",
                "%(unit)s: %(count)s dependencies, a hotspot",
                node.dependencies,
            )
        else:
            title = ngettext("%(unit)s: %(count)s dependency", "%(unit)s: %(count)s dependencies", node.dependencies)
        title %= values
        scene.add(Circle(x, y, r, fill=fill, stroke=stroke, width=1.6, title=title))
        anchor = "start" if x > cx + 1 else ("end" if x < cx - 1 else "middle")
        dx = {"start": r + 5, "end": -r - 5, "middle": 0.0}[anchor]
        dy = 3.5 if anchor != "middle" else (-r - 5 if y < cy else r + 12)
        room = {"start": width - x - dx, "end": x + dx, "middle": width}[anchor] - 4
        name = fit_text(node.name, room, 9.5, bold=node.hotspot)
        colour = STATUS_COLOURS["off_track"] if node.hotspot else INK
        scene.add(Text(x + dx, y + dy, name, 9.5, colour, anchor, bold=node.hotspot))
    _network_legend(scene, state, height)
    return scene


def _network_legend(scene: Scene, state: str, height: float) -> None:
    """Two lines under the picture: what the dots mean, then what the lines mean."""
    nodes = [
        ("circle", ACCENT, gettext("marketing & sales unit")),
        ("ring", ACCENT, gettext("adjacent area or external provider")),
        ("circle", STATUS_COLOURS["off_track"], gettext("hotspot")),
    ]
    lines = [("line", ACCENT_2, gettext("line width: intensity now (0 dashed, 5 widest)"))]
    if state == "target":
        lines = [
            ("line", AMBER, gettext("intensifies")),
            ("line", "#a9b3bf", gettext("weakens")),
            ("line", ACCENT_2, gettext("unchanged")),
            ("text", MUTED, gettext("line width: intensity in the target (0 dashed, 5 widest)")),
        ]
    for y, entries in ((height - 26, nodes), (height - 9, lines)):
        x = 10.0
        for kind, colour, text in entries:
            if kind == "line":
                scene.add(Line(x, y - 3, x + 18, y - 3, colour, 3))
                x += 23
            elif kind != "text":
                scene.add(Circle(x + 5, y - 3, 5, fill=colour if kind == "circle" else PAPER, stroke=colour, width=1.6))
                x += 15
            scene.add(Text(x, y, text, 9, MUTED))
            x += text_width(text, 9) + 16
