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
    mine = snapshot.goals_owned_by(pages.my_owners(snapshot, person_id))
    editable = editable_owners(actor, snapshot.model)
    counts = snapshot.status_counts()
    findings = snapshot.findings()
    return render(
        request,
        "web/dashboard.html",
        {
            "mission": snapshot.model.mission,
            "organization": snapshot.model.organization,
            "top_goals": pages.goal_rows(snapshot, snapshot.top_level(), editable=editable),
            "status_counts": [(status, counts.get(status, 0)) for status in STATUSES],
            "goal_count": len(snapshot.model.goals),
            "finding_count": len(findings),
            "finding_codes": sorted(Counter(f.code for f in findings).items()),
            "hints": {code: hint(code) for code in HINTS},
            "my_goals": pages.goal_rows(snapshot, mine, editable=editable),
            "owed": check_in_cycle.owed_by(snapshot, person_id),
            "has_person": person_id is not None,
        },
    )


@require_GET
@translate_errors
def health_check(request: AuthenticatedRequest) -> HttpResponse:
    snapshot = snapshot_of(request)
    groups: dict[str, list[tuple[dict[str, str], str | None]]] = {}
    for finding in snapshot.findings():
        shown = {"subject": subject_text(finding.subject), "message": finding_text(finding)}  # in the reader's language
        groups.setdefault(finding.code, []).append((shown, pages.subject_link(snapshot, finding.subject)))
    return render(
        request,
        "web/health_check.html",
        {
            "groups": [(code, hint(code), items) for code, items in groups.items()],
            "total": len(snapshot.findings()),
        },
    )


@require_GET
@translate_errors
def kpi_board(request: AuthenticatedRequest) -> HttpResponse:
    snapshot = snapshot_of(request)
    return render(request, "web/kpis.html", {"kpis": pages.kpi_cards(snapshot, snapshot.model.kpis)})
