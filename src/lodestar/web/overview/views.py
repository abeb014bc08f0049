"""Dashboard, health check and KPI board."""

from __future__ import annotations

from collections import Counter

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lodestar.accounts.permissions import editable_owners
from lodestar.checks.rules import HINTS
from lodestar.i18n.words import finding_text, hint, subject_text
from lodestar.lib.errors import NotFound
from lodestar.lib.vocabulary import STATUSES
from lodestar.web import check_in_cycle, pages
from lodestar.web.common import actor_of, snapshot_of, translate_errors
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.pagination import filter_sort_paginate

# The dashboard shows the first of its goal lists; the alignment tree and /me/ show them all.
FIRST_ROWS = 10


def _no_model(request: AuthenticatedRequest, error: NotFound) -> HttpResponse:
    return render(request, "web/no_model.html", {"message": str(error)})


@require_GET
def dashboard(request: AuthenticatedRequest) -> HttpResponse:
    try:
        snapshot = snapshot_of(request)
    except NotFound as error:
        return _no_model(request, error)
    actor = actor_of(request)
    person_id = actor.person_id if actor.person_id in snapshot.people else None
    mine = snapshot.index.goals_owned_by(pages.my_owners(snapshot, person_id))
    editable = editable_owners(actor, snapshot.model, index=snapshot.index)
    counts = snapshot.status_counts()
    findings = snapshot.findings()
    top = snapshot.top_level()
    return render(
        request,
        "web/dashboard.html",
        {
            "mission": snapshot.model.mission,
            "organization": snapshot.model.organization,
            "top_goals": pages.goal_rows(snapshot, top[:FIRST_ROWS], editable=editable),
            "top_goal_count": len(top),
            "status_counts": [(status, counts.get(status, 0)) for status in STATUSES],
            "goal_count": len(snapshot.model.goals),
            "finding_count": len(findings),
            "finding_codes": sorted(Counter(f.code for f in findings).items()),
            "hints": {code: hint(code) for code in HINTS},
            "my_goals": pages.goal_rows(snapshot, mine[:FIRST_ROWS], editable=editable),
            "my_goal_count": len(mine),
            "owed": check_in_cycle.owed_by(snapshot, person_id),
            "has_person": person_id is not None,
        },
    )


@require_GET
@translate_errors
def health_check(request: AuthenticatedRequest) -> HttpResponse:
    """The number of findings per rule, and one page of the findings (of one rule with `?rule=`)."""
    snapshot = snapshot_of(request)
    findings = snapshot.findings()
    counts = Counter(finding.code for finding in findings)
    rule = request.GET.get("rule", "")
    rule = rule if rule in counts else ""
    page = filter_sort_paginate(findings, request.GET, where=(lambda f: f.code == rule) if rule else None)
    items = [
        (
            finding.code,
            {"subject": subject_text(finding.subject), "message": finding_text(finding)},  # in the reader's language
            pages.subject_link(snapshot, finding.subject),
        )
        for finding in page.items
    ]
    return render(
        request,
        "web/health_check.html",
        {
            "rules": [(code, hint(code), count) for code, count in counts.items()],
            "rule": rule,
            "rule_hint": hint(rule) if rule else "",
            "items": items,
            "page": page,
            "total": len(findings),
        },
    )


@require_GET
@translate_errors
def kpi_board(request: AuthenticatedRequest) -> HttpResponse:
    snapshot = snapshot_of(request)
    page = filter_sort_paginate(snapshot.model.kpis, request.GET)
    return render(request, "web/kpis.html", {"kpis": pages.kpi_cards(snapshot, page.items), "page": page})
