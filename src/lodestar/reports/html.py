"""The reports as self-contained HTML: one page, inline SVG charts, an inline stylesheet, no external assets.

They speak the active language: the templates translate their own text, and this module hands them
the words of the model's codes and the shared sentences of `reports.text`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.template import Context, Engine
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext, ngettext

from lodestar.checks.rules import Finding
from lodestar.design.analysis import BusinessUnitRole
from lodestar.design.role_card import CardDependency
from lodestar.i18n import DEFAULT
from lodestar.i18n.numbers import count
from lodestar.i18n.terms import term
from lodestar.i18n.words import (
    archetype_meaning,
    finding_text,
    hint,
    question_text,
    say,
    say_all,
    status_label,
)
from lodestar.lib.model import Touchpoint
from lodestar.lib.vocabulary import DECISION_AREAS
from lodestar.reports import charts, scenarios_section, survey_section
from lodestar.reports.charts import archetype_label, area_label
from lodestar.reports.content import OrganizationReport, UnitReport
from lodestar.reports.scene import Scene, to_svg
from lodestar.reports.text import (
    current_value,
    day,
    delivery_note,
    figure,
    gap_causes,
    goals_note,
    heatmap_legend,
    kept_note,
    percent,
    raci_legend,
    review_note,
    unit_kind,
    vision_row_label,
)

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _engine() -> Engine:
    return Engine(dirs=[str(TEMPLATES)], autoescape=True, libraries={"i18n": "django.templatetags.i18n"})


def svg(scene: Scene, css_class: str = "chart") -> SafeString:
    """A scene as inline SVG markup, safe to place in a template (every text in it is escaped)."""
    return mark_safe(to_svg(scene, css_class=css_class))  # noqa: S308 - to_svg escapes every text it writes


@dataclass(frozen=True, slots=True)
class FindingGroup:
    code: str
    hint: str
    messages: list[str]  # each finding of the rule, in the report's language


def finding_groups(findings: list[Finding]) -> list[FindingGroup]:
    groups: dict[str, list[str]] = {}
    for finding in findings:
        groups.setdefault(finding.code, []).append(finding_text(finding))
    return [FindingGroup(code, hint(code), messages) for code, messages in groups.items()]


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
        current = current_value(line.score.current, line.kpi.unit)
        thresholds = f"{figure(line.kpi.green)} / {figure(line.kpi.red)}"
        status = line.score.status
        rows.append(
            {
                "line": line,
                "current": current,
                "thresholds": thresholds,
                "status": status,
                "label": status_label(status),
            }
        )
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
                "text": question_text(question),
                "state": state,
                "state_word": term("vision_status", state) if state != "unanswered" else gettext("no answer"),
                "answers": [
                    {
                        "toward": report.name(a.toward) if a.toward else None,
                        "status": term("vision_status", a.status),
                        "text": a.answer,
                        "owner": report.name(a.owner) if a.owner else None,
                    }
                    for a in answers
                ],
                "evidence": {
                    "concern": vision.evidence[question].concern,
                    "summary": say_all(vision.evidence[question].said),
                    "items": [say(item.wording) for item in vision.evidence[question].items],
                },
            }
        )
    return {
        "share": percent(vision.share_agreed),
        "bar": svg(charts.share_bar(vision.share_agreed, width=260), "bar"),
        "heads": [term("vision_question", q) for q in vision.questions],
        "rows": [
            {
                "label": vision_row_label(row),
                "cells": [
                    {"status": cell.status, "word": term("vision_status", cell.status), "answer": cell.answer}
                    for cell in row.cells
                ],
            }
            for row in vision.rows
        ],
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
            "as_is_meaning": archetype_meaning(c.as_is.archetype),
            "target_meaning": archetype_meaning(c.target.archetype),
            "areas": [
                {"label": area_label(area), "as_is": c.as_is.scores[area], "target": c.target.scores[area]}
                for area in (*DECISION_AREAS, "sales_alignment")
            ],
        }
        for c in roles.profiles
    ]
    meanings: dict[str, str] = {}
    for c in roles.profiles:
        for archetype in (c.as_is.archetype, c.target.archetype):
            meanings.setdefault(archetype, archetype_meaning(archetype))
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
                    "gains": ", ".join(area_label(a) for a in comparison.gaining) if comparison else "",
                }
            )
    archetypes = [{"name": capfirst(archetype_label(a)), "meaning": m} for a, m in meanings.items()]
    return {"profiles": profiles, "archetypes": archetypes, "business_units": business_units}


def _raci(report: OrganizationReport) -> dict[str, Any]:
    matrix = report.raci
    rows = [
        {
            "row": row,
            "change": term("task_change", row.task.change),
            "delivery": term("task_delivery", row.task.delivery),
            "problems": "; ".join(gettext(problem) for problem in row.problems),
            "cells": [
                {"letters": row.cell(u.id), "strong": bool({"R", "A"} & set(row.letters.get(u.id, "")))}
                for u in matrix.units
            ],
        }
        for row in matrix.rows
    ]
    return {"units": matrix.units, "rows": rows, "legend": raci_legend()}


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
    gaps = [{"gap": gap, "causes": gap_causes(gap)} for gap in report.gaps]
    legend = mark_safe(heatmap_legend())  # noqa: S308 - the catalog's own text, with one <strong>
    return {"competencies": heatmap.competencies, "rows": rows, "gaps": gaps, "legend": legend}


def _design(report: OrganizationReport) -> dict[str, Any]:
    split = report.delivery
    changes = [
        {
            "label": term("task_change", group.change),
            "items": [{"item": item, "delivery": term("task_delivery", item.task.delivery)} for item in group.items],
        }
        for group in report.changes.groups
        if group.change != "keep"
    ]
    network = report.network
    by_location = gettext("Tasks by delivery per location")
    by_unit = gettext("Tasks by delivery per responsible unit")
    return {
        "units": [{"line": line, "kind": unit_kind(line.unit)} for line in report.units],
        "split": split,
        "delivery_note": delivery_note(report),
        "by_location": svg(charts.delivery_chart(split.by_location, title=by_location), "chart delivery")
        if split.by_location
        else "",
        "by_unit": svg(charts.delivery_chart(split.by_unit, title=by_unit), "chart delivery") if split.by_unit else "",
        "changes": changes,
        "kept": kept_note(report),
        "network_target": svg(charts.network_chart(network, state="target"), "chart network") if network.edges else "",
        "network_now": svg(charts.network_chart(network, state="now"), "chart network") if network.edges else "",
        "edges": [
            {
                "edge": edge,
                "source": report.name(edge.source),
                "target": report.name(edge.target_unit),
                "kind": term("dependency_kind", edge.dependency.kind),
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
        "note": review_note(report),
        "counts": [
            (status_label(row.status), row.now, row.before, row.signed_change)
            for row in review.counts
            if row.now or row.before
        ],
        "changes": [
            (change.goal.title, report.name(change.goal.owner), status_label(change.before), status_label(change.now))
            for change in review.status_changes
        ],
        "low": [
            {
                "item": item,
                "confidence": gettext("confidence %(confidence)s/10 on %(day)s")
                % {"confidence": item.check_in.confidence, "day": day(item.check_in.date)},
            }
            for item in review.low_confidence
        ],
        "teams": [(report.name(team.unit), len(team.due), team.overdue) for team in review.teams],
    }


def render_organization(report: OrganizationReport) -> str:
    model = report.model
    key_results = sum(len(goal.key_results) for goal in model.goals)
    context = {
        "report": report,
        "language": get_language() or DEFAULT,
        "as_of": day(report.as_of),
        "organization": model.organization,
        "mission": model.mission,
        "mission_scope": report.name(model.mission.scope) if model.mission else "",
        "adopted": day(model.mission.adopted) if model.mission and model.mission.adopted else "",
        "figures": [
            (count(len(model.units)), ngettext("unit", "units", len(model.units))),
            (count(len(model.people)), ngettext("person", "people", len(model.people))),
            (count(len(model.tasks)), ngettext("task", "tasks", len(model.tasks))),
            (count(len(model.goals)), ngettext("goal", "goals", len(model.goals))),
            (count(key_results), ngettext("key result", "key results", key_results)),
            (percent(report.vision.share_agreed), gettext("vision agreed")),
            (count(len(report.findings)), ngettext("finding", "findings", len(report.findings))),
        ],
        "purposes": [line for line in report.units if line.unit.purpose],
        "roles": _roles(report),
        "vision": _vision(report),
        "design": _design(report),
        "raci": _raci(report),
        "heatmap": _heatmap(report),
        "goals": _goal_rows(report),
        "goals_note": goals_note(report) if report.goals.lines else "",
        "kpis": _kpi_rows(report),
        "review": _review(report),
        "findings": finding_groups(report.findings),
        "finding_count": len(report.findings),
        "scenarios": scenarios_section.html_context(report.scenarios, svg) if report.scenarios else None,
        "survey": survey_section.html_context(report.model, report.as_of),
    }
    return _engine().get_template("reports/organization.html").render(Context(context, use_l10n=False))


def _touchpoints(touchpoints: Sequence[Touchpoint]) -> str:
    return "; ".join(f"{tp.name} ({term('journey_stage', tp.stage)})" for tp in touchpoints) or gettext("none")


def _dependencies(dependencies: Sequence[CardDependency]) -> list[dict[str, Any]]:
    return [{"d": d, "kind": term("dependency_kind", d.dependency.kind)} for d in dependencies]


def render_unit(report: UnitReport) -> str:
    card = report.card
    changes = [
        {
            "label": capfirst(term("task_change", change)),
            "tasks": [i.task for i in card.changes if i.task.change == change],
        }
        for change in ("new", "expand", "reduce", "drop")
    ]
    delivery = card.delivery
    prevailing = term("task_delivery", card.central_or_decentral) if card.central_or_decentral else gettext("mixed")
    context = {
        "report": report,
        "language": get_language() or DEFAULT,
        "as_of": day(report.as_of),
        "organization": report.model.organization,
        "card": card,
        "kind": unit_kind(card.unit),
        "prevailing": prevailing,
        "delivery_count": delivery.total,
        "gaps": [{"gap": gap, "tasks": ", ".join(t.task.name for t in gap.tasks)} for gap in card.gaps],
        "owns": _touchpoints(card.owns),
        "contributes_to": _touchpoints(card.contributes_to),
        "depends_on": _dependencies(card.depends_on),
        "depended_on_by": _dependencies(card.depended_on_by),
        "tasks": [
            {
                "item": item,
                "change": term("task_change", item.task.change),
                "delivery": term("task_delivery", item.task.delivery),
            }
            for item in card.leads_or_does
        ],
        "changes": [group for group in changes if group["tasks"]],
        "goals": _goal_rows(report),
        "kpis": _kpi_rows(report),
        "findings": finding_groups(report.findings),
    }
    return _engine().get_template("reports/unit.html").render(Context(context, use_l10n=False))
