"""The organization report as PDF: cover, purpose, role, vision readiness, then the design sections, the
goal system, the leadership review, the health check and the latest role-clarity survey."""

from __future__ import annotations

from html import escape

from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, NextPageTemplate, PageBreak

from lodestar.i18n.numbers import count
from lodestar.i18n.terms import term
from lodestar.i18n.words import archetype_meaning, question_text, say, say_all
from lodestar.reports import charts, pdf_design, pdf_review, scenarios_section, survey_section
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
    smaller,
    spacer,
    table,
    widths_to_fit,
)
from lodestar.reports.text import NOTHING, QUESTION_HEADS, SECTIONS, day, goals_note, heading, percent, vision_row_label

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
    story += [*pdf_review.review(report, s), PageBreak()]
    story += [*_health_check(report, s), PageBreak()]
    story += survey_section.pdf(report.model, report.as_of, s)
    if report.scenarios is not None:
        story += [PageBreak(), *scenarios_section.pdf(report.scenarios, s)]
    name = report.model.organization.name
    running = PageHeading(
        left=gettext("%(organization)s · Organization report") % {"organization": name}, right=as_of_text(report.as_of)
    )
    title = gettext("%(organization)s: organization report") % {"organization": name}
    return build_pdf(story, title=title, heading=running, cover=True)


def _cover(report: OrganizationReport, s: Styles) -> list[Flowable]:
    model = report.model
    story: list[Flowable] = [
        spacer(70),
        p(gettext("Organization report").upper(), s.eyebrow),
        p(model.organization.name, s.title),
    ]
    if model.organization.industry:
        story.append(p(model.organization.industry, s.lead))
    story.append(
        p(gettext("From the purpose to a measurable goal system, as of %(day)s.") % {"day": day(report.as_of)}, s.muted)
    )
    story.append(spacer(26))
    if model.mission is not None:
        story += [p(gettext("Mission").upper(), s.eyebrow), p(model.mission.statement, s.lead), spacer(16)]
    story.append(cover_figures(report, s))
    story += [spacer(30), p(gettext("Contents").upper(), s.eyebrow)]
    story += [p(f"{n}&nbsp;&nbsp;{escape(str(title))}", s.body, markup=True) for n, title in enumerate(SECTIONS, 1)]
    if report.scenarios is not None:
        story.append(p(scenarios_section.title(), s.body))
    return story


def cover_figures(report: OrganizationReport, s: Styles) -> Flowable:
    """The organization in seven figures, each with its word (one or many)."""
    model = report.model
    key_results = sum(len(goal.key_results) for goal in model.goals)
    counted = [
        (len(model.units), ngettext("unit", "units", len(model.units))),
        (len(model.people), ngettext("person", "people", len(model.people))),
        (len(model.tasks), ngettext("task", "tasks", len(model.tasks))),
        (len(model.goals), ngettext("goal", "goals", len(model.goals))),
        (key_results, ngettext("key result", "key results", key_results)),
    ]
    figures = [(count(value), label) for value, label in counted]
    figures.append((percent(report.vision.share_agreed), gettext("vision agreed")))
    figures.append((count(len(report.findings)), ngettext("finding", "findings", len(report.findings))))
    widths = widths_to_fit([((value, s.h1), (label, s.muted)) for value, label in figures], CONTENT_WIDTH)
    commands = [
        ("LINEBELOW", (0, 0), (-1, -1), 0, colors.white),
        ("LINEABOVE", (0, 0), (-1, 0), 0.9, colors.HexColor(ACCENT)),
    ]
    rows = [[p(value, s.h1) for value, _ in figures], [p(label, s.muted) for _, label in figures]]
    return table(rows, widths, header=False, zebra=False, commands=commands)


def _purpose(report: OrganizationReport, s: Styles) -> list[Flowable]:
    model = report.model
    story: list[Flowable] = [p(heading(1), s.h1)]
    mission = model.mission
    if mission is None:
        text = gettext("No mission has been formulated yet: the goal system cannot be traced to a purpose.")
        story.append(p(text, s.body))
    else:
        scope = report.name(mission.scope)
        if mission.adopted:
            eyebrow = gettext("Mission of %(unit)s, adopted %(day)s") % {"unit": scope, "day": day(mission.adopted)}
        else:
            eyebrow = gettext("Mission of %(unit)s") % {"unit": scope}
        story += [p(eyebrow, s.eyebrow), p(mission.statement, s.lead)]
        if mission.principles:
            story.append(p(gettext("Principles"), s.h2))
            story += [
                p(f"{i}.&nbsp;&nbsp;{escape(text)}", s.body, markup=True)
                for i, text in enumerate(mission.principles, start=1)
            ]
    with_purpose = [line for line in report.units if line.unit.purpose]
    if with_purpose:
        story += [
            p(gettext("Purposes of the units"), s.h2),
            p(gettext("Each unit's own purpose, derived from the mission, in the order of the organization."), s.muted),
            spacer(4),
        ]
        rows: list[list[object]] = [[p(gettext("Unit"), s.cell_bold), p(gettext("Purpose"), s.cell_bold)]]
        for line in with_purpose:
            rows.append([p(line.unit.name, indented(s.cell_bold, line.depth, 8)), p(line.unit.purpose, s.cell)])
        story.append(table(rows, [175, CONTENT_WIDTH - 175], padding=2.5))
    return story


def _role(report: OrganizationReport, s: Styles) -> list[Flowable]:
    roles = report.roles
    story: list[Flowable] = [p(heading(2), s.h1)]
    if not roles.profiles:
        return [*story, p(gettext("No role profile describes the role as-is and in the target yet."), s.body)]
    story.append(
        p(
            gettext(
                "Decision rights in eight areas, from none (centre) over execute, advise and co-decide to lead (outer "
                "ring): today, grey and dashed, against the target picture in blue, each with its nearest published "
                "archetype and the stage of the sales alignment."
            ),
            s.muted,
        )
    )
    half = CONTENT_WIDTH / 2
    cells: list[list[Flowable]] = []
    for comparison in roles.profiles:
        horizon = comparison.profile.horizon
        picture = gettext("target picture %(horizon)s") % {"horizon": horizon} if horizon else gettext("target picture")
        title = p(f"{b(comparison.label)}<br/><font color='{MUTED}'>{escape(picture)}</font>", s.small, markup=True)
        cells.append([title, chart(charts.radar_chart(comparison), width=half - 14)])
    grid: list[list[object]] = [list(cells[i : i + 2]) for i in range(0, len(cells), 2)]
    if len(grid[-1]) == 1:
        grid[-1].append("")
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 8)]
    story.append(table(grid, [half, half], header=False, zebra=False, padding=2, commands=commands))
    archetypes = list(dict.fromkeys(a for c in roles.profiles for a in (c.as_is.archetype, c.target.archetype)))
    rows: list[list[object]] = [[p(gettext("Archetype"), s.cell_bold), p(gettext("What it means"), s.cell_bold)]]
    rows += [[p(capfirst(archetype_label(a)), s.cell_bold), p(archetype_meaning(a), s.cell)] for a in archetypes]
    story.append(
        KeepTogether([p(gettext("The archetypes"), s.h2), table(rows, [120, CONTENT_WIDTH - 120], padding=2.2)])
    )
    if roles.business_units:
        title = p(gettext("The role toward each business unit"), s.h2)
        story.append(KeepTogether([title, _business_unit_table(report, s)]))
    return story


def _business_unit_table(report: OrganizationReport, s: Styles) -> Flowable:
    heads = (
        gettext("Business unit"),
        gettext("Role of"),
        gettext("Profile"),
        gettext("As-is"),
        gettext("Target"),
        gettext("Gains decision rights in"),
    )
    rows: list[list[object]] = [[p(h, s.cell_bold) for h in heads]]
    for row in report.roles.business_units:
        unit = row.business_unit.name
        name = p(unit if row.core else gettext("%(unit)s (not core)") % {"unit": unit}, s.cell_bold)
        for role in row.roles:
            c = role.comparison
            if c is None:
                missing = gettext("no role profile: outside the core business") if row.flagged else ""
                note = coloured(missing or gettext("no role profile"), RED)
                rows.append([name, p(role.unit_name, s.cell), p(note, s.cell, markup=True), "", "", ""])
                continue
            flag = escape(gettext("its own") if role.own else gettext("the general one"))
            if row.flagged:
                flag = coloured(gettext("the general one only: outside the core business, no profile of its own"), RED)
            gains = ", ".join(area_label(a) for a in c.gaining) or NOTHING
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
            rows.append([name, "", p(coloured(gettext("no role profile"), RED), s.cell, markup=True), "", "", ""])
    return table(rows, [88, 62, 86, 96, 96, CONTENT_WIDTH - 428], padding=2.5)


def _vision(report: OrganizationReport, s: Styles) -> list[Flowable]:
    vision = report.vision
    story: list[Flowable] = [p(heading(3), s.h1)]
    agreed = gettext("of the eight questions have an agreed answer for %(unit)s.") % {"unit": report.name(vision.scope)}
    headline = [
        p(percent(vision.share_agreed), s.title),
        [p(agreed, s.body), chart(charts.share_bar(vision.share_agreed, width=240))],
    ]
    commands = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LINEBELOW", (0, 0), (-1, -1), 0, colors.white)]
    story += [table([headline], [95, CONTENT_WIDTH - 95], header=False, zebra=False, commands=commands), spacer(6)]
    label_width = 110.0
    width = (CONTENT_WIDTH - label_width) / len(vision.questions)
    head, cell_style = smaller(s.cell_bold, 7.5), smaller(s.cell, 7.5)  # eight narrow columns
    rows: list[list[object]] = [
        [
            p(gettext("Scope"), s.cell_bold),
            *(p(str(QUESTION_HEADS[q]), head, markup=True) for q in vision.questions),
        ]
    ]
    tints: list[tuple[object, ...]] = []
    for r, row in enumerate(vision.rows, start=1):
        cells: list[object] = [p(vision_row_label(row), s.cell)]
        for c, cell in enumerate(row.cells, start=1):
            shown = NOTHING if cell.status == "unanswered" else term("vision_status", cell.status)
            cells.append(p(shown, cell_style))
            tints.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(TINTS[cell.status])))
        rows.append(cells)
    tints += [("GRID", (1, 1), (-1, -1), 1.5, colors.white), ("LEFTPADDING", (1, 0), (-1, -1), 2)]
    tints += [("RIGHTPADDING", (1, 0), (-1, -1), 2)]
    story.append(table(rows, [label_width] + [width] * len(vision.questions), zebra=False, commands=tints))
    story.append(p(gettext("agreed · draft · open · – no answer recorded"), s.muted))
    story.append(p(gettext("The questions, the answers and what the model already shows"), s.h2))
    in_scope = [a for a in report.model.vision if (a.scope or vision.scope) == vision.scope]
    in_scope.sort(key=lambda a: a.toward is not None)
    for question in vision.questions:
        evidence = vision.evidence[question]
        answers = [a for a in in_scope if a.question == question]
        statuses = {a.status for a in answers}
        state = next((status for status in ("agreed", "draft", "open") if status in statuses), None)
        colour = {"agreed": STATUS_COLOURS["on_track"], "draft": STATUS_COLOURS["at_risk"]}.get(state or "", RED)
        shown = term("vision_status", state) if state else gettext("no answer")
        block: list[Flowable] = [
            p(f"{b(question_text(question))}&nbsp;&nbsp;{coloured(shown, colour)}", s.body, markup=True)
        ]
        for answer in answers:
            status = term("vision_status", answer.status)
            toward = ""
            if answer.toward:
                toward = gettext("Toward %(unit)s") % {"unit": report.name(answer.toward)}
                toward = f"<b>{escape(toward)}</b>, {escape(status)}: "
            owner = f" ({escape(report.name(answer.owner))})" if answer.owner else ""
            text = escape(answer.answer) if answer.answer else f"<i>{escape(gettext('no answer written yet'))}</i>"
            block.append(p(f"{toward}{text}<font color='{MUTED}'>{owner}</font>", s.small, markup=True))
        marker = coloured(gettext("In the model:") + " ", RED if evidence.concern else MUTED)
        block.append(p(f"{marker}{escape(say_all(evidence.said))}", s.small, markup=True))
        items = evidence.items[:8]
        block += [p(f"•&nbsp;{escape(say(item.wording))}", indented(s.small, 1), markup=True) for item in items]
        if len(evidence.items) > len(items):
            more = len(evidence.items) - len(items)
            block.append(
                p(
                    ngettext("… and %(count)s more", "… and %(count)s more", more) % {"count": more},
                    indented(s.muted, 1),
                )
            )
        story += [KeepTogether(block), spacer(5)]
    return story


def _goals(report: OrganizationReport, s: Styles) -> list[Flowable]:
    selection = report.goals
    story: list[Flowable] = [p(heading(8), s.h1)]
    if not selection.lines:
        return [*story, p(gettext("No goals have been derived yet."), s.body)]
    story.append(p(goals_note(report), s.muted))
    story.append(goal_table(selection.lines, s, CONTENT_WIDTH))
    if report.kpis:
        story += [CondPageBreak(140), p("KPIs", s.h2), kpi_table(report.kpis, s, CONTENT_WIDTH)]
    return story


def _health_check(report: OrganizationReport, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [p(heading(10), s.h1)]
    if not report.findings:
        text = gettext("No findings as of %(day)s: the model is consistent.") % {"day": day(report.as_of)}
        return [*story, p(text, s.body)]
    found = len(report.findings)
    note = ngettext(
        "%(counter)s finding as of %(day)s, by rule, each with a hint.",
        "%(counter)s findings as of %(day)s, by rule, each with a hint.",
        found,
    ) % {"counter": count(found), "day": day(report.as_of)}
    return [*story, p(note, s.muted), spacer(4), *findings_list(report.findings, s)]
