"""Dashboard, my page, health check and KPI board."""

from __future__ import annotations

from collections import Counter

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lodestar.accounts.permissions import editable_owners
from lodestar.checks.rules import HINTS
from lodestar.goals.snapshot import Snapshot
from lodestar.lib.errors import NotFound
from lodestar.lib.model import KPI
from lodestar.lib.vocabulary import STATUSES
from lodestar.scoring.progress import kpi_status, latest_on_or_before
from lodestar.web import pages
from lodestar.web.views.common import actor_of, snapshot_of, translate_errors


def _no_model(request: HttpRequest, error: NotFound) -> HttpResponse:
    return render(request, "web/no_model.html", {"message": str(error)})


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    try:
        snapshot = snapshot_of(request)
    except NotFound as error:
        return _no_model(request, error)
    actor = actor_of(request)
    mine = snapshot.goals_owned_by(pages.my_owners(snapshot, actor.person_id))
    editable = editable_owners(actor, snapshot.model)
    counts = snapshot.status_counts()
    findings = snapshot.findings()
    return render(
        request,
        "web/dashboard.html",
        {
            "snapshot": snapshot,
            "mission": snapshot.model.mission,
            "organization": snapshot.model.organization,
            "top_goals": pages.goal_rows(snapshot, snapshot.top_level(), editable=editable),
            "status_counts": [(status, counts.get(status, 0)) for status in STATUSES],
            "goal_count": len(snapshot.model.goals),
            "finding_count": len(findings),
            "finding_codes": sorted(Counter(f.code for f in findings).items()),
            "hints": HINTS,
            "my_goals": pages.goal_rows(snapshot, mine, editable=editable),
            "due": pages.check_ins_due(snapshot, mine),
            "has_person": actor.person_id is not None,
        },
    )


@require_GET
@translate_errors
def me(request: HttpRequest) -> HttpResponse:
    snapshot = snapshot_of(request)
    actor = actor_of(request)
    mine = snapshot.goals_owned_by(pages.my_owners(snapshot, actor.person_id))
    person = snapshot.people.get(actor.person_id or "")
    chains = [
        (
            pages.goal_row(snapshot, goal),
            [[pages.goal_row(snapshot, snapshot.goals[g]) for g in chain] for chain in snapshot.chains(goal.id)],
        )
        for goal in mine
    ]
    return render(
        request,
        "web/me.html",
        {
            "person": person,
            "unit": snapshot.units.get(person.unit) if person else None,
            "mission": snapshot.model.mission,
            "chains": chains,
            "due": pages.check_ins_due(snapshot, mine),
        },
    )


@require_GET
@translate_errors
def health_check(request: HttpRequest) -> HttpResponse:
    snapshot = snapshot_of(request)
    groups: dict[str, list[tuple[object, str | None]]] = {}
    for finding in snapshot.findings():
        groups.setdefault(finding.code, []).append((finding, pages.subject_link(snapshot, finding.subject)))
    return render(
        request,
        "web/health_check.html",
        {
            "groups": [(code, HINTS.get(code, ""), items) for code, items in groups.items()],
            "total": len(snapshot.findings()),
        },
    )


@require_GET
@translate_errors
def kpi_board(request: HttpRequest) -> HttpResponse:
    snapshot = snapshot_of(request)
    return render(request, "web/kpis.html", {"kpis": kpi_cards(snapshot, snapshot.model.kpis)})


def kpi_cards(snapshot: Snapshot, kpis: list[KPI]) -> list[dict[str, object]]:
    cards: list[dict[str, object]] = []
    for kpi in kpis:
        latest = latest_on_or_before(kpi.measurements, snapshot.as_of)
        current = None if latest is None else latest.value
        cards.append(
            {
                "kpi": kpi,
                "current": current,
                "date": None if latest is None else latest.date,
                "status": kpi_status(kpi, current),
                "owner_name": snapshot.owner_name(kpi.owner),
                "owner_url": pages.owner_url(snapshot, kpi.owner),
            }
        )
    return cards
