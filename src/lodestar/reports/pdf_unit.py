"""The one-page unit report as PDF: the role card ("what is our job and who are our neighbours") and the
unit's goals."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepInFrame

from lodestar.design.analysis import RoleCard
from lodestar.i18n.terms import term
from lodestar.reports.charts import ACCENT, MUTED, STATUS_COLOURS
from lodestar.reports.content import UnitReport
from lodestar.reports.pdf_goals import findings_list, goal_table, kpi_table
from lodestar.reports.pdf_kit import (
    CONTENT_WIDTH,
    MARGIN,
    PORTRAIT,
    PageHeading,
    Styles,
    as_of_text,
    b,
    build_pdf,
    coloured,
    indented,
    make_styles,
    p,
    spacer,
    table,
)
from lodestar.reports.text import unit_kind

RED = STATUS_COLOURS["off_track"]
COLUMN_GAP = 16.0
# How many rows of each list the page holds before it says "and N more".
LIMITS = {"tasks": 12, "supports": 10, "dependencies": 6, "touchpoints": 6, "goals": 12, "kpis": 5, "findings": 6}


def render(report: UnitReport) -> bytes:
    """One A4 page; content that would not fit is shortened, then scaled down as a last resort."""
    s = make_styles(scale=0.96)
    card = report.card
    column = (CONTENT_WIDTH - COLUMN_GAP) / 2
    story: list[Flowable] = [*_head(report, s)]
    columns = [[_job(card, s, column)], [_neighbours(card, s, column)]]
    layout = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0, colors.white)]
    layout += [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (0, -1), COLUMN_GAP)]
    story.append(table([columns], [column + COLUMN_GAP, column], header=False, zebra=False, commands=layout))
    story += _goals(report, s)
    height = PORTRAIT[1] - 2 * MARGIN - 6
    page: list[Flowable] = [KeepInFrame(CONTENT_WIDTH, height, story, mode="shrink")]
    name = report.model.organization.name
    heading = PageHeading(
        left=gettext("%(organization)s · Unit report") % {"organization": name}, right=as_of_text(report.as_of)
    )
    title = gettext("%(unit)s: unit report") % {"unit": card.unit.name}
    document, _ = build_pdf(page, title=title, heading=heading, cover=False)
    return document


def _and_more(more: int) -> str:
    return ngettext("… and %(count)s more", "… and %(count)s more", more) % {"count": more}


def _more(items: Sequence[object], limit: str) -> tuple[Sequence[object], int]:
    cap = LIMITS[limit]
    return items[:cap], max(0, len(items) - cap)


def _head(report: UnitReport, s: Styles) -> list[Flowable]:
    card = report.card
    facts = [unit_kind(card.unit)]
    if card.parent is not None:
        facts.append(gettext("part of %(unit)s") % {"unit": card.parent.name})
    if card.location_name:
        facts.append(card.location_name)
    if card.lead is not None:
        facts.append(gettext("led by %(person)s") % {"person": card.lead.name})
    eyebrow = f"{gettext('Unit report')} · {gettext('What is our job and who are our neighbours')}"
    story: list[Flowable] = [p(eyebrow.upper(), s.eyebrow)]
    story += [p(card.unit.name, s.title), p(" · ".join(facts), s.muted), spacer(6)]
    if card.purpose:
        story.append(p(card.purpose, s.lead))
    else:
        story.append(p(coloured(gettext("The unit has no purpose of its own yet."), RED), s.body, markup=True))
    derived = card.parent_purpose or card.mission
    if derived:
        if card.parent_purpose and card.parent:
            source = gettext("Derived from %(unit)s:") % {"unit": card.parent.name}
        else:
            source = gettext("Derived from the mission:")
        story.append(p(f"{escape(source)} <i>{escape(derived)}</i>", s.muted, markup=True))
    return [*story, spacer(4)]


def _job(card: RoleCard, s: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = [p(gettext("Our job"), s.h2)]
    if not card.leads_or_does:
        story.append(p(gettext("The unit is responsible or accountable for no task."), s.muted))
    else:
        shown, more = _more(card.leads_or_does, "tasks")
        heads = ("", gettext("Task"), gettext("Change"), gettext("Delivery"))
        rows: list[list[object]] = [[p(h, s.cell_bold) for h in heads]]
        for item in card.leads_or_does[: len(shown)]:
            rows.append(
                [
                    p(b(item.label), s.cell, markup=True),
                    p(item.task.name, s.cell),
                    p(term("task_change", item.task.change), s.cell),
                    p(term("task_delivery", item.task.delivery), s.cell),
                ]
            )
        story.append(table(rows, [26, width - 140, 56, 58], padding=1.8))
        if more:
            story.append(p(_and_more(more), s.muted))
    delivery = card.delivery
    if delivery.total:
        prevailing = term("task_delivery", card.central_or_decentral) if card.central_or_decentral else gettext("mixed")
        split = ngettext(
            "of the %(count)s task it does, %(central)s central, %(decentral)s decentral, %(external)s external.",
            "of the %(count)s tasks it does, %(central)s central, %(decentral)s decentral, %(external)s external.",
            delivery.total,
        ) % {
            "count": delivery.total,
            "central": delivery.central,
            "decentral": delivery.decentral,
            "external": delivery.external,
        }
        text = f"{b(capfirst(prevailing))}: {escape(split)}"
        story += [p(gettext("Central or decentral"), s.h2), p(text, s.small, markup=True)]
    if card.changes:
        story.append(p(gettext("What changes for us"), s.h2))
        for change in ("new", "expand", "reduce", "drop"):
            names = [item.task.name for item in card.changes if item.task.change == change]
            if names:
                text = f"{b(capfirst(term('task_change', change)))}: {escape('; '.join(names))}"
                story.append(p(text, s.small, markup=True))
    if card.supports:
        shown, more = _more(card.supports, "supports")
        story.append(p(gettext("We are consulted or informed"), s.h2))
        names = [f"{escape(item.task.name)} ({item.label})" for item in card.supports[: len(shown)]]
        if more:
            names.append(escape(ngettext("and %(count)s more", "and %(count)s more", more) % {"count": more}))
        story.append(p("; ".join(names), s.small, markup=True))
    return story


def _neighbours(card: RoleCard, s: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = [p(gettext("Our neighbours"), s.h2)]
    if card.hotspot:
        story.append(p(coloured(gettext("This unit is a dependency hotspot."), RED), s.small, markup=True))
    sides = ((gettext("We depend on"), card.depends_on), (gettext("Others depend on us"), card.depended_on_by))
    for title, dependencies in sides:
        story.append(p(title, s.eyebrow))
        if not dependencies:
            story.append(p(gettext("nobody"), indented(s.muted, 1)))
            continue
        shown, more = _more(dependencies, "dependencies")
        for d in dependencies[: len(shown)]:
            name = coloured(d.other_name, RED) if d.hotspot else b(d.other_name)
            trend = f"{d.dependency.now} → {d.dependency.target}"
            kind = term("dependency_kind", d.dependency.kind)
            text = f"{name}: {escape(d.dependency.about)} <font color='{MUTED}'>({escape(kind)}, {trend})</font>"
            story.append(p(text, indented(s.small, 1), markup=True))
        if more:
            story.append(p(_and_more(more), indented(s.muted, 1)))
    if card.neighbours:
        names = ", ".join(f"{n.unit.name} ({n.links})" for n in card.neighbours[:6])
        story += [p(gettext("Closest by shared work"), s.eyebrow), p(names, indented(s.small, 1))]
    story.append(p(gettext("Touchpoints"), s.h2))
    for title, touchpoints in ((gettext("We own"), card.owns), (gettext("We contribute to"), card.contributes_to)):
        shown, more = _more(touchpoints, "touchpoints")
        listed = [f"{tp.name} ({term('journey_stage', tp.stage)})" for tp in touchpoints[: len(shown)]]
        if more:
            listed.append(ngettext("and %(count)s more", "and %(count)s more", more) % {"count": more})
        names = "; ".join(listed) or gettext("none")
        story.append(p(f"{b(title)}: {escape(names)}", s.small, markup=True))
    story.append(p(gettext("Competency gaps"), s.h2))
    if not card.gaps:
        story.append(p(gettext("None: every level the unit requires is reached by its people."), s.small))
    for gap in card.gaps:
        causes = ", ".join(t.task.name for t in gap.tasks)
        values = {"required": gap.required, "best": gap.best, "tasks": causes}
        if causes:
            need = gettext("needs %(required)s, best %(best)s (for %(tasks)s)") % values
        else:
            need = gettext("needs %(required)s, best %(best)s") % values
        story.append(p(f"{coloured(gap.competency.name, RED)}: {escape(need)}", s.small, markup=True))
    return story


def _goals(report: UnitReport, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [spacer(4), p(gettext("Our goals"), s.h2)]
    selection = report.goals
    if not selection.lines:
        story.append(p(gettext("The unit and its people own no goal."), s.muted))
    else:
        shown, more = _more(selection.lines, "goals")
        story.append(goal_table(selection.lines[: len(shown)], s, CONTENT_WIDTH, bar_width=80))
        if more:
            story.append(
                p(ngettext("… and %(count)s more goal", "… and %(count)s more goals", more) % {"count": more}, s.muted)
            )
    if report.kpis:
        shown, more = _more(report.kpis, "kpis")
        story += [p(gettext("Our KPIs"), s.h2), kpi_table(report.kpis[: len(shown)], s, CONTENT_WIDTH, owner=False)]
    if report.findings:
        shown, more = _more(report.findings, "findings")
        story += [p(f"<font color='{ACCENT}'>{escape(gettext('Health check'))}</font>", s.h2, markup=True)]
        story += findings_list(report.findings[: len(shown)], s, keep_together=False)
        if more:
            text = ngettext("… and %(count)s more finding", "… and %(count)s more findings", more) % {"count": more}
            story.append(p(text, s.muted))
    return story
