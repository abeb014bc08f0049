"""The reports as self-contained HTML: one page, inline SVG charts, an inline stylesheet, no external assets."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.template import Context, Engine
from django.utils.safestring import SafeString, mark_safe

from lodestar.checks.rules import HINTS, Finding
from lodestar.design.analysis import CHANGE_LABELS, QUESTION_TEXTS, BusinessUnitRole
from lodestar.lib.vocabulary import DECISION_AREAS, status_label
from lodestar.reports import charts
from lodestar.reports.charts import archetype_label, area_label
from lodestar.reports.content import OrganizationReport, UnitReport
from lodestar.reports.scene import Scene, to_svg
from lodestar.reports.text import QUESTION_SHORT, figure, percent, unit_kind

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _engine() -> Engine:
    return Engine(dirs=[str(TEMPLATES)], autoescape=True)


def svg(scene: Scene, css_class: str = "chart") -> SafeString:
    """A scene as inline SVG markup, safe to place in a template (every text in it is escaped)."""
    return mark_safe(to_svg(scene, css_class=css_class))  # noqa: S308 - to_svg escapes every text it writes


@dataclass(frozen=True, slots=True)
class FindingGroup:
    code: str
    hint: str
    findings: list[Finding]


def finding_groups(findings: list[Finding]) -> list[FindingGroup]:
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.code, []).append(finding)
    return [FindingGroup(code, HINTS[code], items) for code, items in groups.items()]


def _goal_rows(report: OrganizationReport | UnitReport) -> list[dict[str, Any]]:
    return [
        {
            "line": line,
            "bar": svg(charts.progress_bar(line.score.progress, line.score.expected, line.score.status), "bar"),
            "progress": percent(line.score.progress),
            "status": status_label(line.score.status),
        }
        for line in report.goals.lines
    ]


def _kpi_rows(report: OrganizationReport | UnitReport) -> list[dict[str, Any]]:
    rows = []
    for line in report.kpis:
        unit = f" {line.kpi.unit}" if line.kpi.unit else ""
        current = "–" if line.score.current is None else figure(line.score.current) + unit
        thresholds = f"{figure(line.kpi.green)} / {figure(line.kpi.red)}"
        rows.append({"line": line, "current": current, "thresholds": thresholds, "status": line.score.status})
    return rows


def _vision(report: OrganizationReport) -> dict[str, Any]:
    vision = report.vision
    in_scope = [a for a in report.model.vision if (a.scope or vision.scope) == vision.scope]
    in_scope.sort(key=lambda a: a.toward is not None)
    questions = []
    for question in vision.questions:
        answers = [a for a in in_scope if a.question == question]
        statuses = {a.status for a in answers}
        state = next((status for status in ("agreed", "draft", "open") if status in statuses), "unanswered")
        questions.append(
            {
                "id": question,
                "text": QUESTION_TEXTS[question],
                "state": state,
                "answers": [
                    {
                        "toward": report.name(a.toward) if a.toward else None,
                        "status": a.status,
                        "text": a.answer,
                        "owner": report.name(a.owner) if a.owner else None,
                    }
                    for a in answers
                ],
                "evidence": vision.evidence[question],
            }
        )
    return {
        "share": percent(vision.share_agreed),
        "bar": svg(charts.share_bar(vision.share_agreed, width=260), "bar"),
        "heads": [QUESTION_SHORT[q] for q in vision.questions],
        "rows": vision.rows,
        "questions": questions,
        "scope_name": report.name(vision.scope),
    }


def _roles(report: OrganizationReport) -> dict[str, Any]:
    roles = report.roles
    profiles = [
        {
            "comparison": c,
            "chart": svg(charts.radar_chart(c), "chart radar"),
            "as_is": archetype_label(c.as_is.archetype),
            "target": archetype_label(c.target.archetype),
            "areas": [
                {"label": area_label(area), "as_is": c.as_is.scores[area], "target": c.target.scores[area]}
                for area in (*DECISION_AREAS, "sales_alignment")
            ],
        }
        for c in roles.profiles
    ]
    meanings: dict[str, str] = {}
    for c in roles.profiles:
        meanings.setdefault(c.as_is.archetype, c.as_is_meaning)
        meanings.setdefault(c.target.archetype, c.target_meaning)
    business_units = []
    for row in roles.business_units:
        roles_toward: list[BusinessUnitRole | None] = [*row.roles] or [None]
        for role in roles_toward:
            comparison = role.comparison if role else None
            business_units.append(
                {
                    "row": row,
                    "unit_name": role.unit_name if role else "",
                    "own": bool(role and role.own),
                    "comparison": comparison,
                    "as_is": archetype_label(comparison.as_is.archetype) if comparison else "",
                    "target": archetype_label(comparison.target.archetype) if comparison else "",
                    "gains": ", ".join(area_label(a).lower() for a in comparison.gaining) if comparison else "",
                }
            )
    archetypes = [{"name": archetype_label(a).capitalize(), "meaning": m} for a, m in meanings.items()]
    return {"profiles": profiles, "archetypes": archetypes, "business_units": business_units}


def _raci(report: OrganizationReport) -> dict[str, Any]:
    matrix = report.raci
    rows = [
        {
            "row": row,
            "change": CHANGE_LABELS[row.task.change],
            "cells": [
                {"letters": row.cell(u.id), "strong": bool({"R", "A"} & set(row.letters.get(u.id, "")))}
                for u in matrix.units
            ],
        }
        for row in matrix.rows
    ]
    return {"units": matrix.units, "rows": rows}


def _heatmap(report: OrganizationReport) -> dict[str, Any]:
    heatmap = report.heatmap
    rows = []
    for unit in heatmap.units:
        cells = []
        for competency in heatmap.competencies:
            cell = heatmap.cell(unit.id, competency.id)
            state = ("gap" if cell.gap else "met") if cell.required else "none"
            cells.append({"cell": cell, "state": state, "title": f"{unit.name}, {competency.name}"})
        rows.append({"unit": unit, "cells": cells})
    gaps = []
    for gap in report.gaps:
        causes = [f"{t.task.name} ({t.level})" for t in gap.tasks]
        if gap.catalog_level:
            causes.insert(0, f"the catalog ({gap.catalog_level})")
        gaps.append({"gap": gap, "causes": "; ".join(causes)})
    return {"competencies": heatmap.competencies, "rows": rows, "gaps": gaps}


def _design(report: OrganizationReport) -> dict[str, Any]:
    split = report.delivery
    changes = [
        {"label": CHANGE_LABELS[group.change], "items": group.items}
        for group in report.changes.groups
        if group.change != "keep"
    ]
    network = report.network
    return {
        "units": [{"line": line, "kind": unit_kind(line.unit)} for line in report.units],
        "split": split,
        "by_location": svg(
            charts.delivery_chart(split.by_location, title="Tasks by delivery per location"), "chart delivery"
        )
        if split.by_location
        else "",
        "by_unit": svg(
            charts.delivery_chart(split.by_unit, title="Tasks by delivery per responsible unit"), "chart delivery"
        )
        if split.by_unit
        else "",
        "changes": changes,
        "kept": len(report.changes.group("keep").items),
        "network_target": svg(charts.network_chart(network, state="target"), "chart network") if network.edges else "",
        "network_now": svg(charts.network_chart(network, state="now"), "chart network") if network.edges else "",
        "edges": [
            {
                "edge": edge,
                "source": report.name(edge.source),
                "target": report.name(edge.target_unit),
                "hot": bool({edge.source, edge.target_unit} & {n.id for n in network.hotspots}),
            }
            for edge in network.edges_by_change()
        ],
    }


def _review(report: OrganizationReport) -> dict[str, Any] | None:
    review = report.review
    if review is None or review.period is None or not review.goals:
        return None
    return {
        "unit": report.name(review.unit),
        "goal_count": len(review.goals),
        "period": review.period.id,
        "week_before": review.week_before.isoformat(),
        "counts": [
            (status_label(count.status), count.now, count.before, count.signed_change)
            for count in review.counts
            if count.now or count.before
        ],
        "changes": [
            (change.goal.title, report.name(change.goal.owner), status_label(change.before), status_label(change.now))
            for change in review.status_changes
        ],
        "low": review.low_confidence,
        "teams": [(report.name(team.unit), len(team.due), team.overdue) for team in review.teams],
    }


def render_organization(report: OrganizationReport) -> str:
    model = report.model
    context = {
        "report": report,
        "as_of": report.as_of.isoformat(),
        "organization": model.organization,
        "mission": model.mission,
        "mission_scope": report.name(model.mission.scope) if model.mission else "",
        "figures": [
            (len(model.units), "units"),
            (len(model.people), "people"),
            (len(model.tasks), "tasks"),
            (len(model.goals), "goals"),
            (sum(len(goal.key_results) for goal in model.goals), "key results"),
            (percent(report.vision.share_agreed), "vision agreed"),
            (len(report.findings), "findings"),
        ],
        "purposes": [line for line in report.units if line.unit.purpose],
        "roles": _roles(report),
        "vision": _vision(report),
        "design": _design(report),
        "raci": _raci(report),
        "heatmap": _heatmap(report),
        "goals": _goal_rows(report),
        "kpis": _kpi_rows(report),
        "review": _review(report),
        "findings": finding_groups(report.findings),
    }
    return _engine().get_template("reports/organization.html").render(Context(context, use_l10n=False))


def render_unit(report: UnitReport) -> str:
    card = report.card
    changes = [
        {
            "label": CHANGE_LABELS[change].capitalize(),
            "tasks": [i.task for i in card.changes if i.task.change == change],
        }
        for change in ("new", "expand", "reduce", "drop")
    ]
    context = {
        "report": report,
        "as_of": report.as_of.isoformat(),
        "organization": report.model.organization,
        "card": card,
        "kind": unit_kind(card.unit),
        "tasks": [{"item": item, "change": CHANGE_LABELS[item.task.change]} for item in card.leads_or_does],
        "changes": [group for group in changes if group["tasks"]],
        "goals": _goal_rows(report),
        "kpis": _kpi_rows(report),
        "findings": finding_groups(report.findings),
    }
    return _engine().get_template("reports/unit.html").render(Context(context, use_l10n=False))
