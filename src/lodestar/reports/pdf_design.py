"""The design sections of the organization report as PDF: units, delivery, changes, RACI, dependencies,
competencies."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from typing import TypeVar

from django.utils.translation import gettext
from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable

from lodestar.design.analysis import DeliveryRow
from lodestar.i18n.terms import term
from lodestar.lib.model import Competency, Unit
from lodestar.reports import charts
from lodestar.reports.charts import MUTED, STATUS_COLOURS
from lodestar.reports.content import OrganizationReport
from lodestar.reports.fonts import fit_text
from lodestar.reports.pdf_kit import (
    CONTENT_WIDTH,
    TINTS,
    WIDE_CONTENT_WIDTH,
    Styles,
    VerticalText,
    b,
    chart,
    coloured,
    indented,
    p,
    spacer,
    table,
)
from lodestar.reports.text import (
    NOTHING,
    delivery_note,
    gap_causes,
    heading,
    heatmap_legend,
    kept_note,
    raci_legend,
    unit_kind,
)

RED = STATUS_COLOURS["off_track"]
Commands = list[tuple[object, ...]]
T = TypeVar("T")


def organization(report: OrganizationReport, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [p(heading(4), s.h1), p(gettext("Units"), s.h2)]
    heads = (gettext("Unit"), gettext("Kind"), gettext("Location"), gettext("Lead"))
    rows: list[list[object]] = [[p(h, s.cell_bold) for h in heads]]
    for line in report.units:
        name = b(line.unit.name) if line.depth <= 1 else escape(line.unit.name)
        rows.append(
            [
                p(name, indented(s.cell, line.depth, 10), markup=True),
                p(unit_kind(line.unit), s.cell),
                p(line.location_name or "", s.cell),
                p(line.lead_name or "", s.cell),
            ]
        )
    story.append(table(rows, [185, 95, 150, CONTENT_WIDTH - 430], padding=2.2))
    story += [CondPageBreak(240), p(gettext("Central, decentral, external"), s.h2), p(delivery_note(report), s.muted)]
    for title, rows_of in delivery_charts(report):
        scene = charts.delivery_chart(rows_of, title=title)
        story += [spacer(6), p(title, s.eyebrow), chart(scene, width=CONTENT_WIDTH * 0.95)]
    story += [CondPageBreak(200), p(gettext("What changes"), s.h2)]
    story.append(changes_table(report, s))
    story.append(p(kept_note(report), s.muted))
    return story


def delivery_charts(report: OrganizationReport) -> list[tuple[str, list[DeliveryRow]]]:
    """The delivery charts with their titles: per location and per responsible unit, where there are rows."""
    split = report.delivery
    charted = ((gettext("Per location"), split.by_location), (gettext("Per responsible unit"), split.by_unit))
    return [(title, list(rows)) for title, rows in charted if rows]


def changes_table(report: OrganizationReport, s: Styles) -> Flowable:
    heads = (gettext("Change"), gettext("Task"), gettext("Delivery"), gettext("Listed by goals"))
    rows: list[list[object]] = [[p(h, s.cell_bold) for h in heads]]
    for group in report.changes.groups:
        if group.change == "keep":
            continue
        for item in group.items:
            goals = "<br/>".join(f"• {escape(goal.title)}" for goal in item.goals)
            if item.unplanned:
                goals = coloured(gettext("no goal lists it"), RED)
            elif item.pursued_though_dropped:
                goals = coloured(gettext("still listed by:") + " ", RED) + "<br/>" + goals
            rows.append(
                [
                    p(term("task_change", group.change), s.cell_bold),
                    p(item.task.name, s.cell),
                    p(term("task_delivery", item.task.delivery), s.cell),
                    p(goals or NOTHING, s.cell, markup=True),
                ]
            )
    return table(rows, [60, 180, 60, CONTENT_WIDTH - 300], padding=2.2)


def raci(report: OrganizationReport, s: Styles) -> list[Flowable]:
    matrix = report.raci
    story: list[Flowable] = [p(heading(5), s.h1)]
    if not matrix.rows:
        return [*story, p(gettext("The task catalog is empty."), s.body)]
    story.append(p(raci_legend(), s.muted))
    fixed = [224.0, 56.0, 60.0]
    chunks = column_chunks(matrix.units, int((WIDE_CONTENT_WIDTH - sum(fixed)) // 20))
    for number, units in enumerate(chunks, start=1):
        if len(chunks) > 1:
            part = gettext("Units %(first)s to %(last)s (part %(number)s of %(parts)s)") % {
                "first": units[0].name,
                "last": units[-1].name,
                "number": number,
                "parts": len(chunks),
            }
            story += [CondPageBreak(220), p(part, s.h2)]
        story.append(_raci_table(report, s, units, fixed))
    return story


def column_chunks(items: Sequence[T], most: int) -> list[list[T]]:
    """`items` in balanced consecutive chunks of at most `most` (one chunk if they fit)."""
    count = max(1, math.ceil(len(items) / max(most, 1)))
    size = math.ceil(len(items) / count) if items else 0
    return [list(items[i : i + size]) for i in range(0, len(items), size)] if items else [[]]


def _raci_table(report: OrganizationReport, s: Styles, units: list[Unit], fixed: list[float]) -> Flowable:
    """One RACI table over `units`: the tasks naming one of them, and flagged tasks."""
    chosen = {unit.id for unit in units}
    unit_width = min(26.0, (WIDE_CONTENT_WIDTH - sum(fixed)) / max(len(units), 1))
    header: list[object] = [p(h, s.cell_bold) for h in (gettext("Task"), gettext("Change"), gettext("Delivery"))]
    header += [VerticalText(fit_text(unit.name, 98, 7.5), size=7.5) for unit in units]
    rows: list[list[object]] = [header]
    commands: Commands = [
        ("ALIGN", (3, 1), (-1, -1), "CENTER"),
        ("VALIGN", (3, 0), (-1, 0), "BOTTOM"),
        ("LEFTPADDING", (3, 0), (-1, -1), 1),
        ("RIGHTPADDING", (3, 0), (-1, -1), 1),
        ("LINEBEFORE", (3, 0), (-1, -1), 0.3, colors.HexColor("#e8ebef")),
    ]
    for row in report.raci.rows:
        if not row.flagged and not chosen & row.letters.keys():
            continue
        name = escape(row.task.name)
        if row.flagged:
            name += "<br/>" + coloured("⚠ " + "; ".join(gettext(problem) for problem in row.problems), RED, bold=False)
            commands.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.HexColor(TINTS["open"])))
        cells: list[object] = [
            p(name, s.cell, markup=True),
            p(term("task_change", row.task.change), s.cell),
            p(term("task_delivery", row.task.delivery), s.cell),
        ]
        for unit in units:
            letters = row.cell(unit.id)
            bold = "R" in letters or "A" in letters
            cells.append(p(f"<b>{letters}</b>" if bold else letters, s.cell_centred, markup=True))
        rows.append(cells)
    return table(rows, [*fixed, *[unit_width] * len(units)], commands=commands, padding=1.3)


def dependencies(report: OrganizationReport, s: Styles) -> list[Flowable]:
    network = report.network
    story: list[Flowable] = [p(heading(6), s.h1)]
    if not network.edges:
        return [*story, p(gettext("No dependencies between units are recorded."), s.body)]
    story += [chart(charts.network_chart(network, state="target"), width=CONTENT_WIDTH), spacer(6)]
    hotspots = {node.id for node in network.hotspots}
    if network.hotspots:
        names = ", ".join(f"{node.name} ({node.strong_in_target})" for node in network.hotspots)
        meaning = gettext("A hotspot takes part in four or more dependencies of target intensity 3 or more.")
        text = f"{coloured(gettext('Hotspots:') + ' ', RED)}{escape(names)}. {escape(meaning)}"
        story.append(p(text, s.body, markup=True))
    else:
        text = gettext("No dependency hotspot: no unit takes part in four or more strong dependencies.")
        story.append(p(text, s.body))
    story.append(p(gettext("Dependencies by change of intensity"), s.h2))
    heads = (
        gettext("Depends"),
        gettext("on"),
        gettext("About"),
        gettext("Kind"),
        gettext("Now"),
        gettext("Target"),
        "",
    )
    rows: list[list[object]] = [[p(h, s.cell_bold) for h in heads]]
    commands: Commands = [("ALIGN", (4, 0), (-1, -1), "CENTER")]
    for edge in network.edges_by_change():
        change = f"+{edge.change}" if edge.change > 0 else str(edge.change)
        colour = charts.AMBER if edge.change > 0 else MUTED
        rows.append(
            [
                p(report.name(edge.source), s.cell),
                p(report.name(edge.target_unit), s.cell),
                p(edge.dependency.about, s.cell),
                p(term("dependency_kind", edge.dependency.kind), s.cell),
                p(str(edge.now), s.cell_centred),
                p(str(edge.target), s.cell_centred),
                p(coloured(change, colour), s.cell_centred, markup=True),
            ]
        )
        for column, unit_id in ((0, edge.source), (1, edge.target_unit)):
            if unit_id in hotspots:
                rows[-1][column] = p(coloured(report.name(unit_id), RED), s.cell, markup=True)
    story.append(table(rows, [95, 95, CONTENT_WIDTH - 345, 58, 30, 40, 27], commands=commands, padding=2.2))
    return story


def _heat_table(report: OrganizationReport, s: Styles, competencies: list[Competency], label_width: float) -> Flowable:
    heatmap = report.heatmap
    width = min(30.0, (CONTENT_WIDTH - label_width) / max(len(competencies), 1))
    header: list[object] = [p(gettext("Unit"), s.cell_bold)]
    header += [VerticalText(fit_text(c.name, 140, 7.5), size=7.5) for c in competencies]
    rows: list[list[object]] = [header]
    commands: Commands = [
        ("ALIGN", (1, 1), (-1, -1), "CENTER"),
        ("GRID", (1, 1), (-1, -1), 1.2, colors.white),
        ("VALIGN", (1, 0), (-1, 0), "BOTTOM"),
    ]
    for r, unit in enumerate(heatmap.units, start=1):
        cells: list[object] = [p(unit.name, s.cell)]
        for c, competency in enumerate(competencies, start=1):
            cell = heatmap.cell(unit.id, competency.id)
            if cell.required:
                cells.append(p(f"<b>{cell.required}</b>/{cell.best}", s.cell_centred, markup=True))
                tint = TINTS["gap"] if cell.gap else TINTS["met"]
                commands.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(tint)))
            else:
                cells.append(p(f"<font color='{MUTED}'>{cell.best or ''}</font>", s.cell_centred, markup=True))
        rows.append(cells)
    return table(rows, [label_width] + [width] * len(competencies), zebra=False, commands=commands)


def competencies(report: OrganizationReport, s: Styles) -> list[Flowable]:
    heatmap = report.heatmap
    story: list[Flowable] = [p(heading(7), s.h1)]
    if not heatmap.units:
        return [*story, p(gettext("No unit requires a competency yet."), s.body)]
    story.append(p(heatmap_legend(), s.muted, markup=True))
    label_width = 150.0
    for competencies in column_chunks(heatmap.competencies, int((CONTENT_WIDTH - label_width) // 24)):
        story += [_heat_table(report, s, competencies, label_width), spacer(6)]
    story.append(p(gettext("Competency gaps"), s.h2))
    if not report.gaps:
        return [*story, p(gettext("Every required level is reached by someone in the unit."), s.body)]
    heads = (gettext("Unit"), gettext("Competency"), gettext("Required"), gettext("Best"), gettext("Required by"))
    rows = [[p(h, s.cell_bold) for h in heads]]
    for gap in report.gaps:
        causes = gap_causes(gap)
        rows.append(
            [
                p(gap.unit.name, s.cell_bold),
                p(gap.competency.name, s.cell),
                p(str(gap.required), s.cell_centred),
                p(str(gap.best), s.cell_centred),
                p(causes, s.cell),
            ]
        )
    commands = [("ALIGN", (2, 0), (3, -1), "CENTER")]
    story.append(table(rows, [115, 130, 58, 38, CONTENT_WIDTH - 341], commands=commands, padding=2.2))
    return story
