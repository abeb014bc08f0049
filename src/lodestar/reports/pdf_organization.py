"""The organization report as PDF: cover, purpose, role, vision readiness, then the design sections, the
goal system, the leadership review and the health check."""

from __future__ import annotations

from html import escape
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, NextPageTemplate, PageBreak

from lodestar.design.analysis import QUESTION_TEXTS
from lodestar.lib.vocabulary import STATUS_LABELS
from lodestar.reports import charts, pdf_design
from lodestar.reports.charts import ACCENT, MUTED, STATUS_COLOURS, archetype_label, area_label
from lodestar.reports.content import OrganizationReport
from lodestar.reports.pdf_goals import findings_list, goal_table, kpi_table
from lodestar.reports.pdf_kit import (
    CONTENT_WIDTH,
    TINTS,
    PageHeading,
    Styles,
    as_of_text,
    b,
    build_pdf,
    chart,
    coloured,
    indented,
    make_styles,
    p,
    spacer,
    table,
)
from lodestar.reports.text import QUESTION_HEADS, percent

SECTIONS = (
    "Purpose and principles",
    "Role of marketing & sales",
    "Vision readiness",
    "Target organization",
    "Responsibilities (RACI)",
    "Dependencies",
    "Competencies",
    "Goal system",
    "Leadership review",
    "Health check",
)
RED = STATUS_COLOURS["off_track"]


def render(report: OrganizationReport) -> tuple[bytes, int]:
    """The PDF and its page count."""
    s = make_styles()
    story: list[Flowable] = [*_cover(report, s), NextPageTemplate("page"), PageBreak()]
    story += [*_purpose(report, s), PageBreak()]
    story += [*_role(report, s), PageBreak()]
    story += [*_vision(report, s), PageBreak()]
    story += [*pdf_design.organization(report, s), NextPageTemplate("wide"), PageBreak()]
    story += [*pdf_design.raci(report, s), NextPageTemplate("page"), PageBreak()]
    story += [*pdf_design.dependencies(report, s), PageBreak()]
    story += [*pdf_design.competencies(report, s), PageBreak()]
    story += [*_goals(report, s), PageBreak()]
    story += [*_review(report, s), PageBreak()]
    story += _health_check(report, s)
    name = report.model.organization.name
    heading = PageHeading(left=f"{name} · Organization report", right=as_of_text(report.as_of))
    return build_pdf(story, title=f"{name}: organization report", heading=heading, cover=True)


def _cover(report: OrganizationReport, s: Styles) -> list[Flowable]:
    model = report.model
    story: list[Flowable] = [spacer(70), p("ORGANIZATION REPORT", s.eyebrow), p(model.organization.name, s.title)]
    if model.organization.industry:
        story.append(p(model.organization.industry, s.lead))
    story.append(p(f"From the purpose to a measurable goal system, {as_of_text(report.as_of)}.", s.muted))
    story.append(spacer(26))
    if model.mission is not None:
        story += [p("MISSION", s.eyebrow), p(model.mission.statement, s.lead), spacer(16)]
    figures = [
        (str(len(model.units)), "units"),
        (str(len(model.people)), "people"),
        (str(len(model.tasks)), "tasks"),
        (str(len(model.goals)), "goals"),
        (str(sum(len(goal.key_results) for goal in model.goals)), "key results"),
        (percent(report.vision.share_agreed), "vision agreed"),
        (str(len(report.findings)), "findings"),
    ]
    width = CONTENT_WIDTH / len(figures)
    commands = [
        ("LINEBELOW", (0, 0), (-1, -1), 0, colors.white),
        ("LINEABOVE", (0, 0), (-1, 0), 0.9, colors.HexColor(ACCENT)),
    ]
    rows = [[p(value, s.h1) for value, _ in figures], [p(label, s.muted) for _, label in figures]]
    story.append(table(rows, [width] * len(figures), header=False, zebra=False, commands=commands))
    story += [spacer(30), p("CONTENTS", s.eyebrow)]
    story += [p(f"{n}&nbsp;&nbsp;{escape(title)}", s.body, markup=True) for n, title in enumerate(SECTIONS, start=1)]
    return story


def _purpose(report: OrganizationReport, s: Styles) -> list[Flowable]:
    model = report.model
    story: list[Flowable] = [p("1 Purpose and principles", s.h1)]
    mission = model.mission
    if mission is None:
        story.append(p("No mission has been formulated yet: the goal system cannot be traced to a purpose.", s.body))
    else:
        adopted = f", adopted {mission.adopted.isoformat()}" if mission.adopted else ""
        story += [p(f"Mission of {report.name(mission.scope)}{adopted}", s.eyebrow), p(mission.statement, s.lead)]
        if mission.principles:
            story.append(p("Principles", s.h2))
            story += [
                p(f"{i}.&nbsp;&nbsp;{escape(text)}", s.body, markup=True)
                for i, text in enumerate(mission.principles, start=1)
            ]
    with_purpose = [line for line in report.units if line.unit.purpose]
    if with_purpose:
        story += [
            p("Purposes of the units", s.h2),
            p("Each unit's own purpose, derived from the mission, in the order of the organization.", s.muted),
            spacer(4),
        ]
        rows: list[list[object]] = [[p("Unit", s.cell_bold), p("Purpose", s.cell_bold)]]
        for line in with_purpose:
            rows.append([p(line.unit.name, indented(s.cell_bold, line.depth, 8)), p(line.unit.purpose, s.cell)])
        story.append(table(rows, [175, CONTENT_WIDTH - 175], padding=2.5))
    return story


def _role(report: OrganizationReport, s: Styles) -> list[Flowable]:
    roles = report.roles
    story: list[Flowable] = [p("2 Role of marketing & sales", s.h1)]
    if not roles.profiles:
        return [*story, p("No role profile describes the role as-is and in the target yet.", s.body)]
    story.append(
        p(
            "Decision rights in eight areas, from none (centre) over execute, advise and co-decide to lead (outer "
            "ring): today, grey and dashed, against the target picture in blue, each with its nearest published "
            "archetype and the stage of the sales alignment.",
            s.muted,
        )
    )
    half = CONTENT_WIDTH / 2
    cells: list[list[Flowable]] = []
    for comparison in roles.profiles:
        horizon = f"target picture {comparison.profile.horizon}" if comparison.profile.horizon else "target picture"
        title = p(f"{b(comparison.label)}<br/><font color='{MUTED}'>{horizon}</font>", s.small, markup=True)
        cells.append([title, chart(charts.radar_chart(comparison), width=half - 14)])
    grid: list[list[object]] = [list(cells[i : i + 2]) for i in range(0, len(cells), 2)]
    if len(grid[-1]) == 1:
        grid[-1].append("")
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 8)]
    story.append(table(grid, [half, half], header=False, zebra=False, padding=2, commands=commands))
    archetypes = list(dict.fromkeys(a for c in roles.profiles for a in (c.as_is.archetype, c.target.archetype)))
    meanings = {c.as_is.archetype: c.as_is_meaning for c in roles.profiles}
    meanings |= {c.target.archetype: c.target_meaning for c in roles.profiles}
    rows: list[list[object]] = [[p("Archetype", s.cell_bold), p("What it means", s.cell_bold)]]
    rows += [[p(archetype_label(a).capitalize(), s.cell_bold), p(meanings[a], s.cell)] for a in archetypes]
    story.append(KeepTogether([p("The archetypes", s.h2), table(rows, [120, CONTENT_WIDTH - 120], padding=2.2)]))
    if roles.business_units:
        story.append(KeepTogether([p("The role toward each business unit", s.h2), _business_unit_table(report, s)]))
    return story


def _business_unit_table(report: OrganizationReport, s: Styles) -> Flowable:
    heads = ("Business unit", "Role of", "Profile", "As-is", "Target", "Gains decision rights in")
    rows: list[list[object]] = [[p(h, s.cell_bold) for h in heads]]
    for row in report.roles.business_units:
        name = p(row.business_unit.name + ("" if row.core else " (not core)"), s.cell_bold)
        for role in row.roles:
            c = role.comparison
            if c is None:
                note = coloured("no role profile" + (": outside the core business" if row.flagged else ""), RED)
                rows.append([name, p(role.unit_name, s.cell), p(note, s.cell, markup=True), "", "", ""])
                continue
            flag = "its own" if role.own else "the general one"
            if row.flagged:
                flag = coloured("the general one only: outside the core business, no profile of its own", RED)
            gains = ", ".join(area_label(a).lower() for a in c.gaining) or "–"
            rows.append(
                [
                    name,
                    p(role.unit_name, s.cell),
                    p(flag, s.cell, markup=True),
                    p(archetype_label(c.as_is.archetype), s.cell),
                    p(archetype_label(c.target.archetype), s.cell),
                    p(gains, s.cell),
                ]
            )
        if not row.roles:
            rows.append([name, "", p(coloured("no role profile", RED), s.cell, markup=True), "", "", ""])
    return table(rows, [100, 75, 105, 70, 70, CONTENT_WIDTH - 420], padding=2.5)


def _vision(report: OrganizationReport, s: Styles) -> list[Flowable]:
    vision = report.vision
    story: list[Flowable] = [p("3 Vision readiness", s.h1)]
    headline = [
        p(percent(vision.share_agreed), s.title),
        [
            p(f"of the eight questions have an agreed answer for {report.name(vision.scope)}.", s.body),
            chart(charts.share_bar(vision.share_agreed, width=240)),
        ],
    ]
    commands = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LINEBELOW", (0, 0), (-1, -1), 0, colors.white)]
    story += [table([headline], [95, CONTENT_WIDTH - 95], header=False, zebra=False, commands=commands), spacer(6)]
    label_width = 130.0
    width = (CONTENT_WIDTH - label_width) / len(vision.questions)
    rows: list[list[object]] = [
        [p("Scope", s.cell_bold), *(p(QUESTION_HEADS[q], s.cell_bold, markup=True) for q in vision.questions)]
    ]
    tints: list[tuple[object, ...]] = []
    for r, row in enumerate(vision.rows, start=1):
        cells: list[object] = [p(row.label, s.cell)]
        for c, cell in enumerate(row.cells, start=1):
            cells.append(p("–" if cell.status == "unanswered" else cell.status, s.cell))
            tints.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(TINTS[cell.status])))
        rows.append(cells)
    tints += [("GRID", (1, 1), (-1, -1), 1.5, colors.white)]
    story.append(table(rows, [label_width] + [width] * len(vision.questions), zebra=False, commands=tints))
    story.append(p("agreed · draft · open · – no answer recorded", s.muted))
    story.append(p("The questions, the answers and what the model already shows", s.h2))
    in_scope = [a for a in report.model.vision if (a.scope or vision.scope) == vision.scope]
    in_scope.sort(key=lambda a: a.toward is not None)
    for question in vision.questions:
        evidence = vision.evidence[question]
        answers = [a for a in in_scope if a.question == question]
        statuses = {a.status for a in answers}
        state = next((status for status in ("agreed", "draft", "open") if status in statuses), "no answer")
        colour = {"agreed": STATUS_COLOURS["on_track"], "draft": STATUS_COLOURS["at_risk"]}.get(state, RED)
        block: list[Flowable] = [
            p(f"{b(QUESTION_TEXTS[question])}&nbsp;&nbsp;{coloured(state, colour)}", s.body, markup=True)
        ]
        for answer in answers:
            toward = f"<b>Toward {escape(report.name(answer.toward))}</b>, {answer.status}: " if answer.toward else ""
            owner = f" ({escape(report.name(answer.owner))})" if answer.owner else ""
            text = escape(answer.answer) if answer.answer else "<i>no answer written yet</i>"
            block.append(p(f"{toward}{text}<font color='{MUTED}'>{owner}</font>", s.small, markup=True))
        marker = coloured("In the model: ", RED if evidence.concern else MUTED)
        block.append(p(f"{marker}{escape(evidence.summary)}", s.small, markup=True))
        shown = evidence.items[:8]
        block += [p(f"•&nbsp;{escape(item.text)}", indented(s.small, 1), markup=True) for item in shown]
        if len(evidence.items) > len(shown):
            block.append(p(f"… and {len(evidence.items) - len(shown)} more", indented(s.muted, 1)))
        story += [KeepTogether(block), spacer(5)]
    return story


def _goals(report: OrganizationReport, s: Styles) -> list[Flowable]:
    selection = report.goals
    story: list[Flowable] = [p("8 Goal system", s.h1)]
    if not selection.lines:
        return [*story, p("No goals have been derived yet.", s.body)]
    note = f" {selection.left_out} goal(s) of other periods are not shown." if selection.left_out else ""
    if selection.deeper:
        note += f" {selection.deeper} goal(s) further down the tree are left out here: see the unit reports."
    story.append(
        p(
            f"Goals whose period contains {report.as_of.isoformat()}, each under the goal it contributes to; the "
            f"bar shows the progress, the tick the progress expected by now.{note}",
            s.muted,
        )
    )
    story.append(goal_table(selection.lines, s, CONTENT_WIDTH))
    if report.kpis:
        story += [CondPageBreak(140), p("KPIs", s.h2), kpi_table(report.kpis, s, CONTENT_WIDTH)]
    return story


def _review(report: OrganizationReport, s: Styles) -> list[Flowable]:
    """The leadership review of the scope: counts and their change, status changes, low confidence, due per team."""
    story: list[Flowable] = [p("9 Leadership review", s.h1)]
    review = report.review
    if review is None or review.period is None or not review.goals:
        return [*story, p("No goals of the mission's scope in a period yet.", s.body)]
    unit = report.name(review.unit)
    story.append(
        p(
            f"{unit} and every unit below it: the {len(review.goals)} goal(s) of period {review.period.id} "
            f"{as_of_text(review.as_of)}, compared with {review.week_before.isoformat()}.",
            s.muted,
        )
    )
    rows: list[list[Any]] = [["Status", "Now", "A week earlier", "Change"]]
    rows += [
        [STATUS_LABELS[count.status], count.now, count.before, count.signed_change]
        for count in review.counts
        if count.now or count.before
    ]
    story.append(table(rows, [CONTENT_WIDTH * 0.4, CONTENT_WIDTH * 0.2, CONTENT_WIDTH * 0.2, CONTENT_WIDTH * 0.2]))
    story += [spacer(6), p("Changed status this week", s.h2)]
    if review.status_changes:
        for change in review.status_changes:
            line = f"{b(change.goal.title)} ({escape(report.name(change.goal.owner))}): "
            line += f"{escape(STATUS_LABELS[change.before])} → {escape(STATUS_LABELS[change.now])}"
            story.append(p(line, s.body, markup=True))
    else:
        story.append(p("No goal changed its status this week.", s.body))
    story += [spacer(6), p("Low confidence", s.h2)]
    if review.low_confidence:
        for item in review.low_confidence:
            note = f": “{escape(item.check_in.note)}”" if item.check_in.note else ""
            line = f"{b(item.key_result.title)} ({escape(item.goal.title)}), confidence "
            line += f"{item.check_in.confidence}/10 on {item.check_in.date.isoformat()}{note}"
            story.append(p(line, s.body, markup=True))
    else:
        story.append(p("No key result's latest check-in has a confidence of 3 or less.", s.body))
    story += [spacer(6), p("Check-ins due per team", s.h2)]
    if review.teams:
        due_rows: list[list[Any]] = [["Team", "Due", "Overdue"]]
        due_rows += [[report.name(team.unit), len(team.due), team.overdue] for team in review.teams]
        story.append(table(due_rows, [CONTENT_WIDTH * 0.6, CONTENT_WIDTH * 0.2, CONTENT_WIDTH * 0.2]))
    else:
        story.append(p("Every key result of these goals is checked in this cycle.", s.body))
    return story


def _health_check(report: OrganizationReport, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [p("10 Health check", s.h1)]
    if not report.findings:
        return [*story, p(f"No findings {as_of_text(report.as_of)}: the model is consistent.", s.body)]
    story.append(
        p(f"{len(report.findings)} finding(s) {as_of_text(report.as_of)}, by rule, each with a hint.", s.muted)
    )
    return [*story, spacer(4), *findings_list(report.findings, s)]
