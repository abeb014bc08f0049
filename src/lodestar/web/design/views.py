"""The design workspace pages: purpose, vision, roles, tasks, dependencies, competencies, touchpoints; reports.

Each page reads the stored model once (a fixed number of queries however large the
organization) and calls the pure analyses of `lodestar.design.analysis`.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_GET

from lodestar.accounts.roles import ADMIN, EDITOR
from lodestar.design import analysis
from lodestar.design.services.dependencies import dependencies_by_id
from lodestar.design.tasks import NO_ACCOUNTABLE, NO_RESPONSIBLE
from lodestar.i18n.terms import term
from lodestar.i18n.words import archetype_meaning, say, say_all
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Model
from lodestar.lib.scenario import Scenario
from lodestar.lib.vocabulary import DECISION_AREAS, JOURNEY_STAGES, TASK_CHANGES, TASK_DELIVERIES
from lodestar.purpose import services as purpose
from lodestar.reports import charts
from lodestar.reports.html import svg
from lodestar.scoring.report import score_model
from lodestar.scoring.surveys import latest_agreement
from lodestar.store.load import load_model
from lodestar.web.common import translate_errors
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.pagination import filter_sort_paginate, holding
from lodestar.web.scenarios.context import chosen_scenario, design_model, switcher
from lodestar.web.task_links import task_href

SORTS = {
    "change": (gettext_lazy("intensity change"), lambda e: (-e.change, -e.target)),
    "target": (gettext_lazy("target intensity"), lambda e: (-e.target, -e.change)),
    "now": (gettext_lazy("intensity now"), lambda e: (-e.now, -e.change)),
    "from": (gettext_lazy("unit"), lambda e: (e.source, e.target_unit)),
}
# Why a RACI row is flagged (lodestar.design.tasks), as the page says it.
RACI_PROBLEMS = {
    NO_ACCOUNTABLE: gettext_lazy("no accountable unit (A)"),
    NO_RESPONSIBLE: gettext_lazy("no responsible unit (R)"),
}


def _can_edit(request: AuthenticatedRequest) -> bool:
    return getattr(request.user, "role", None) in (ADMIN, EDITOR)


def _page(
    request: AuthenticatedRequest,
    template: str,
    model: Model,
    context: dict[str, Any],
    status: int = 200,
    *,
    scenario: Scenario | None = None,
    base_only: str = "",
) -> HttpResponse:
    """A design page; in a scenario (`scenario`), with the switcher's banner and links that keep the scenario."""
    can_edit = _can_edit(request) and not base_only  # the purpose and vision forms change the base only
    page = {"model": model, "can_edit": can_edit, "organization": model.organization}
    page.update(switcher(request, scenario))
    return render(request, template, {**page, "base_only": base_only, **context}, status=status)


def _base_only(request: AuthenticatedRequest) -> tuple[Scenario | None, str]:
    """On the purpose and vision pages: the scenario chosen, and why the page shows the base all the same."""
    scenario = chosen_scenario(request)
    note = gettext(
        "Mission, purposes and vision are not part of a scenario: this page shows the base, and they are edited there."
    )
    return scenario, note if scenario is not None else ""


def subject_href(subject: str | None, q: str = "") -> str:
    """Where a finding-like subject (`unit:x`, `task:x`, `competency:c@u`) is shown."""
    if not subject:
        return ""
    kind, _, rest = subject.partition(":")
    if kind == "unit":
        return f"/units/{rest}/{q}"
    if kind == "task":
        return task_href(rest, q)
    if kind == "competency":
        return f"/competencies/{q}#gap-{rest.replace('@', '-')}"
    if kind == "location":
        return f"/tasks/{q}#delivery"
    return ""


def _toward(unit_name: str, toward_name: str) -> str:
    return gettext("%(unit)s toward %(business_unit)s") % {"unit": unit_name, "business_unit": toward_name}


def profile_label(unit_name: str, toward_name: str | None) -> str:
    """A role profile's name: its unit, and the business unit it is toward or `(general)`."""
    if toward_name:
        return _toward(unit_name, toward_name)
    return gettext("%(unit)s (general)") % {"unit": unit_name}


def _q(request: AuthenticatedRequest) -> str:
    return f"?as_of={request.as_of.isoformat()}" if request.as_of_given else ""


@require_GET
@translate_errors
def purpose_page(request: AuthenticatedRequest) -> HttpResponse:
    scenario, base_only = _base_only(request)
    model = load_model()
    index = ModelIndex(model)
    depth = {unit.id: index.depth(unit.id) for unit in model.units}
    units = [{"unit": u, "depth": depth[u.id], "indent": depth[u.id] * 1.2} for u in model.units]
    revisions = purpose.list_mission_revisions()
    return _page(
        request,
        "web/design/purpose.html",
        model,
        {
            "mission": model.mission,
            "scope_name": index.name(model.mission.scope) if model.mission else "",
            "units": units,
            "with_purpose": sum(1 for u in model.units if u.purpose),
            "revisions": revisions,
        },
        scenario=scenario,
        base_only=base_only,
    )


@require_GET
@translate_errors
def vision_page(request: AuthenticatedRequest) -> HttpResponse:
    scenario, base_only = _base_only(request)
    model = load_model()
    readiness = analysis.vision_readiness(model, as_of=request.as_of)
    ids = {id(answer): pk for pk, answer in purpose.vision_answers_by_id(model).items()}
    index = ModelIndex(model)
    q = _q(request)
    rows = [
        {
            "row": row,
            "label": _toward(row.scope_name, row.toward_name) if row.toward_name else row.scope_name,
            "cells": [
                {
                    "cell": cell,
                    "id": ids.get(id(cell.answer)) if cell.answer else None,
                    "owner": index.name(cell.answer.owner) if cell.answer and cell.answer.owner else "",
                }
                for cell in row.cells
            ],
        }
        for row in readiness.rows
    ]
    evidence = [
        {
            "question": question,
            "text": term("vision_question_text", question),
            "evidence": readiness.evidence[question],
            "summary": say_all(readiness.evidence[question].said),  # in the reader's language
            "agreed": question in readiness.agreed,
            "items": [
                (say(item.wording), subject_href(item.subject, q)) for item in readiness.evidence[question].items
            ],
        }
        for question in readiness.questions
    ]
    return _page(
        request,
        "web/design/vision.html",
        model,
        {
            "readiness": readiness,
            "rows": rows,
            "evidence": evidence,
            "share_bar": svg(charts.share_bar(readiness.share_agreed, width=260), "bar-chart"),
            "scope_name": index.name(readiness.scope),
        },
        scenario=scenario,
        base_only=base_only,
    )


@require_GET
@translate_errors
def roles_page(request: AuthenticatedRequest) -> HttpResponse:
    model, scenario = design_model(request)
    comparison = analysis.role_comparison(model)
    ids = {id(profile): pk for pk, profile in purpose.role_profiles_by_id(model).items()}
    profiles = [
        {
            "c": c,
            "id": ids.get(id(c.profile)),
            "chart": svg(charts.radar_chart(c), "radar"),
            "label": profile_label(c.unit_name, c.toward_name),
            "as_is": term("archetype", c.as_is.archetype),
            "target": term("archetype", c.target.archetype),
            "as_is_meaning": archetype_meaning(c.as_is.archetype),
            "target_meaning": archetype_meaning(c.target.archetype),
            "gains": ", ".join(term("decision_area", x) for x in c.gaining),
            "areas": [
                {
                    "label": term("decision_area", x),
                    "as_is": c.as_is.scores[x],
                    "target": c.target.scores[x],
                    "change": c.change(x),
                }
                for x in (*DECISION_AREAS, "sales_alignment")
            ],
        }
        for c in comparison.profiles
    ]
    return _page(
        request,
        "web/design/roles.html",
        model,
        {
            "profiles": profiles,
            "comparison": comparison,
        },
        scenario=scenario,
    )


@require_GET
@translate_errors
def tasks_page(request: AuthenticatedRequest) -> HttpResponse:
    model, scenario = design_model(request)
    filters = {key: request.GET.get(key) or None for key in ("change", "delivery", "unit", "location", "toward")}
    tasks = analysis.filter_tasks(model, **filters)
    matrix = analysis.raci_matrix(model, tasks=tasks)
    wanted = request.GET.get("task")  # a link to one task (task_links.task_href): the page that holds it
    index = next((i for i, row in enumerate(matrix.rows) if row.task.id == wanted), None) if wanted else None
    page = filter_sort_paginate(matrix.rows, holding(request.GET, index), anchor="raci")
    split = analysis.delivery_split(model)
    overview = analysis.change_overview(model)
    return _page(
        request,
        "web/design/tasks.html",
        model,
        {
            "filters": filters,
            "filtered": any(filters.values()),
            "tasks": tasks,
            "matrix": matrix,
            "rows": [
                {
                    "row": row,
                    "cells": [row.cell(u.id) for u in matrix.units],
                    "problems": [str(RACI_PROBLEMS.get(problem, problem)) for problem in row.problems],
                    "agreement": latest_agreement(model, row.task.id, request.as_of) if model.surveys else None,
                }
                for row in page.items
            ],
            "page": page,
            "split": split,
            "by_location": svg(
                charts.delivery_chart(split.by_location, title=gettext("Tasks by delivery per location")),
                "delivery-chart",
            )
            if split.by_location
            else "",
            "by_unit": svg(
                charts.delivery_chart(split.by_unit, title=gettext("Tasks by delivery per responsible unit")),
                "delivery-chart",
            )
            if split.by_unit
            else "",
            "changes": [
                {"group": g, "label": term("task_change", g.change)} for g in overview.groups if g.change != "keep"
            ],
            "kept": len(overview.group("keep").items),
            "change_choices": TASK_CHANGES,
            "delivery_choices": TASK_DELIVERIES,
            "business_units": [u for u in model.units if u.kind == "business_unit"],
        },
        scenario=scenario,
    )


@require_GET
@translate_errors
def dependencies_page(request: AuthenticatedRequest) -> HttpResponse:
    model, scenario = design_model(request)
    network = analysis.dependency_network(model)
    state = "now" if request.GET.get("state") == "now" else "target"
    sort = request.GET.get("sort") or "change"
    sort = sort if sort in SORTS else "change"
    ids = {id(dependency): pk for pk, dependency in dependencies_by_id(model).items()}
    index = ModelIndex(model)
    hot = {node.id for node in network.hotspots}
    edges = sorted(network.edges, key=SORTS[sort][1])
    rows = [
        {
            "edge": e,
            "id": ids.get(id(e.dependency)),
            "source": index.name(e.source),
            "target": index.name(e.target_unit),
            "hot": bool({e.source, e.target_unit} & hot),
        }
        for e in edges
    ]
    return _page(
        request,
        "web/design/dependencies.html",
        model,
        {
            "network": network,
            "state": state,
            "rows": rows,
            "sort": sort,
            "sorts": [(key, label) for key, (label, _) in SORTS.items()],
            "chart": svg(charts.network_chart(network, state=state), "network-chart") if network.edges else "",
        },
        scenario=scenario,
    )


@require_GET
@translate_errors
def competencies_page(request: AuthenticatedRequest) -> HttpResponse:
    return competencies_response(request)


def competencies_response(
    request: AuthenticatedRequest, *, level_form: dict[str, str] | None = None, status: int = 200
) -> HttpResponse:
    """The competencies page; `level_form` re-shows a refused level entry with its error."""
    model, scenario = design_model(request)
    heatmap = analysis.competency_heatmap(model)
    gaps = analysis.competency_gaps(model, heatmap=heatmap)
    people = analysis.people_competencies(model)
    index = ModelIndex(model)
    heat_rows = [{"unit": u, "cells": [heatmap.cell(u.id, c.id) for c in heatmap.competencies]} for u in heatmap.units]
    return _page(
        request,
        "web/design/competencies.html",
        model,
        {
            "heatmap": heatmap,
            "heat_rows": heat_rows,
            "gaps": gaps,
            "people": [
                {
                    "person": p,
                    "unit": index.name(p.unit),
                    "levels": [p.competencies.get(c.id) for c in people.competencies],
                }
                for p in people.people
            ],
            "people_competencies": people.competencies,
            "all_people": model.people,
            "level_form": level_form or {},
        },
        scenario=scenario,
        status=status,
    )


@require_GET
@translate_errors
def touchpoints_page(request: AuthenticatedRequest) -> HttpResponse:
    model, scenario = design_model(request)
    journey = analysis.journey(model, score_model(model, request.as_of))
    return _page(
        request,
        "web/design/touchpoints.html",
        model,
        {
            "journey": journey,
            "stages": JOURNEY_STAGES,
            "count": sum(len(stage.touchpoints) for stage in journey.stages),
        },
        scenario=scenario,
    )
