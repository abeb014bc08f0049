"""Goal, KPI and finding tables, shared by the organization report and the unit report."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from django.utils.translation import gettext
from reportlab.platypus import Flowable, KeepTogether, Table

from lodestar.checks.rules import Finding
from lodestar.i18n.words import finding_text, hint
from lodestar.reports import charts
from lodestar.reports.charts import ACCENT, MUTED
from lodestar.reports.content import GoalLine, KpiLine
from lodestar.reports.pdf_kit import Styles, b, chart, indented, p, spacer, status_text, table
from lodestar.reports.text import clipped, current_value, figure, percent


def goal_table(lines: Sequence[GoalLine], s: Styles, width: float, *, bar_width: float = 90.0) -> Table:
    """Goals as an indented tree with owner, period, a progress bar with the expected tick, and status."""
    heads = (gettext("Goal"), gettext("Owner"), gettext("Period"), gettext("Progress"), "", gettext("Status"))
    rows: list[list[object]] = [[p(h, s.cell_bold) for h in heads]]
    styles = {depth: indented(s.cell, depth) for depth in {line.depth for line in lines}}
    for line in lines:
        title = b(clipped(line.goal.title)) if line.depth == 0 else escape(clipped(line.goal.title))
        score = line.score
        rows.append(
            [
                p(title, styles[line.depth], markup=True),
                p(line.owner_name, s.cell),
                p(line.period.id, s.cell),
                chart(charts.progress_bar(score.progress, score.expected, score.status, width=bar_width)),
                p(percent(score.progress), s.cell),
                p(status_text(score.status), s.cell, markup=True),
            ]
        )
    fixed = [90.0, 50.0, bar_width + 8, 34.0, 76.0]
    return table(rows, [width - sum(fixed), *fixed], padding=2.2)


def kpi_table(lines: Sequence[KpiLine], s: Styles, width: float, *, owner: bool = True) -> Table:
    """KPIs with their current value, thresholds and status."""
    heads = [
        "KPI",
        *([gettext("Owner")] if owner else []),
        gettext("Touchpoint"),
        gettext("Current"),
        gettext("Green / red"),
        gettext("Status"),
    ]
    rows: list[list[object]] = [[p(h, s.cell_bold) for h in heads]]
    for line in lines:
        kpi = line.kpi
        current = current_value(line.score.current, kpi.unit)
        rows.append(
            [
                p(clipped(kpi.name), s.cell),
                *([p(line.owner_name, s.cell)] if owner else []),
                p(line.touchpoint_name or "", s.cell),
                p(current, s.cell),
                p(f"{figure(kpi.green)} / {figure(kpi.red)}", s.cell),
                p(status_text(line.score.status), s.cell, markup=True),
            ]
        )
    fixed = [*([86.0] if owner else []), 100.0, 62.0, 72.0, 64.0]
    return table(rows, [width - sum(fixed), *fixed], padding=2.2)


def findings_list(findings: Sequence[Finding], s: Styles, *, keep_together: bool = True) -> list[Flowable]:
    """Findings grouped by rule, each rule with its hint; a group stays on one page if asked."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.code, []).append(finding)
    story: list[Flowable] = []
    for code, group in groups.items():
        head = (
            f"<font color='{ACCENT}'><b>{code}</b></font>&nbsp;&nbsp;<font color='{MUTED}'>{escape(hint(code))}</font>"
        )
        items = [p(f"•&nbsp;{escape(finding_text(f))}", indented(s.small, 1), markup=True) for f in group]
        group_story = [p(head, s.body, markup=True), *items, spacer(3)]
        story += [KeepTogether(group_story)] if keep_together else group_story
    return story
