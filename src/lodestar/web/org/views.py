"""Unit and person pages, and my page."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lodestar.accounts.permissions import can_check_in, editable_owners
from lodestar.goals.snapshot import Snapshot
from lodestar.lib.errors import NotFound
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.org.services import may_set_cadence, may_set_reminders
from lodestar.web import check_in_cycle, pages
from lodestar.web.common import actor_of, snapshot_of, translate_errors
from lodestar.web.goals.check_in_form import CheckInForm, my_key_result
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.org.chat import chat_context
from lodestar.web.org.rhythm import cadence_context
from lodestar.web.pagination import filter_sort_paginate
from lodestar.web.scenarios.context import switcher


@require_GET
@translate_errors
def unit_page(request: AuthenticatedRequest, unit_id: str) -> HttpResponse:
    snapshot = snapshot_of(request)
    unit = snapshot.units.get(unit_id)
    if unit is None:
        raise NotFound(Wording.of(gettext_noop("no unit %(id)s"), id=repr(unit_id)))
    people = snapshot.index.people_in(unit_id)
    own = {unit_id} | {p.id for p in people}
    editable = editable_owners(actor_of(request), snapshot.model, index=snapshot.index)
    below = snapshot.owners_of_unit(unit_id) - own
    goals = filter_sort_paginate(snapshot.index.goals_owned_by(own), request.GET, param="goals", anchor="goals")
    goals_below = filter_sort_paginate(
        snapshot.index.goals_owned_by(below), request.GET, param="below", anchor="goals-below"
    )
    people_page = filter_sort_paginate(people, request.GET, param="people", anchor="people")
    return render(
        request,
        "web/unit.html",
        {
            "unit": unit,
            "parent": snapshot.units.get(unit.parent or ""),
            "lead": snapshot.people.get(unit.lead or ""),
            "people": people_page.items,
            "people_page": people_page,
            "children": [snapshot.units[child] for child in snapshot.index.children.get(unit_id, [])],
            "goals": pages.goal_rows(snapshot, goals.items, editable=editable),
            "goals_page": goals,
            "goals_below": pages.goal_rows(snapshot, goals_below.items, editable=editable),
            "goals_below_page": goals_below,
            "kpis": pages.kpi_cards(snapshot, snapshot.index.kpis_owned_by(own)),
            "can_add": editable is None or unit_id in editable,
            "can_set_cadence": may_set_cadence(actor_of(request), snapshot.index, unit_id),
            **cadence_context(snapshot.index, unit_id),
            **pages.role_card_context(snapshot.model, unit_id),
            **chat_context(actor_of(request), unit_id),
            **switcher(request, None, units_page=True),
        },
    )


@require_GET
@translate_errors
def person_page(request: AuthenticatedRequest, person_id: str) -> HttpResponse:
    snapshot = snapshot_of(request)
    person = snapshot.people.get(person_id)
    if person is None:
        raise NotFound(Wording.of(gettext_noop("no person %(id)s"), id=repr(person_id)))
    editable = editable_owners(actor_of(request), snapshot.model, index=snapshot.index)
    goals = filter_sort_paginate(snapshot.index.goals_owned_by({person_id}), request.GET, param="goals", anchor="goals")
    return render(
        request,
        "web/person.html",
        {
            "person": person,
            "unit": snapshot.units[person.unit],
            "leads": snapshot.index.units_led_by(person_id),
            "goals": pages.goal_rows(snapshot, goals.items, editable=editable),
            "goals_page": goals,
            "kpis": pages.kpi_cards(snapshot, snapshot.index.kpis_owned_by({person_id})),
            "competencies": [
                (c, person.competencies[c.id]) for c in snapshot.model.competencies if c.id in person.competencies
            ],
            "can_add": editable is None or person_id in editable,
            "can_set_reminders": may_set_reminders(actor_of(request), person_id),
            **pages.role_card_context(snapshot.model, person.unit),
            "via_unit": True,
        },
    )


@require_GET
@translate_errors
def me(request: AuthenticatedRequest) -> HttpResponse:
    return render(request, "web/me.html", me_context(request, snapshot_of(request)))


def me_context(
    request: AuthenticatedRequest, snapshot: Snapshot, *, key_result: str = "", form: CheckInForm | None = None
) -> dict[str, Any]:
    """Everything `/me/` shows; `form` is the check-in form of `key_result` as posted (with its errors).

    The key results I check in on come first, those due with their forms open, those checked in this
    cycle with theirs behind "Check in again"; then those of my goals that someone else checks in on.
    """
    actor = actor_of(request)
    person = snapshot.people.get(actor.person_id or "")
    mine = snapshot.index.goals_owned_by(pages.my_owners(snapshot, actor.person_id))
    editable = editable_owners(actor, snapshot.model, index=snapshot.index)
    shown = filter_sort_paginate(mine, request.GET, param="goals", anchor="chains")
    chains = [
        (
            pages.goal_row(snapshot, goal),
            [[pages.goal_row(snapshot, snapshot.goals[g]) for g in chain] for chain in snapshot.chains(goal.id)],
        )
        for goal in shown.items
    ]
    owed = check_in_cycle.owed_by(snapshot, None if person is None else person.id)

    def row(item: check_in_cycle.Standing) -> dict[str, Any]:
        posted = item.key_result.id == key_result
        return my_key_result(
            snapshot,
            item.goal,
            item.key_result,
            editable=(editable is None or item.goal.owner in editable)
            or can_check_in(actor, item.goal.owner, item.key_result.owner, snapshot.model, index=snapshot.index),
            form=form if posted else None,
            collapsed=not item.due and not posted,
        )

    owed_ids = {item.key_result.id for item in (*owed.due, *owed.checked_in)}
    return {
        "person": person,
        "unit": snapshot.units.get(person.unit) if person else None,
        "mission": snapshot.model.mission,
        "chains": chains,
        "chains_page": shown,
        "due": [row(item) for item in owed.due],
        "checked_in": [row(item) for item in owed.checked_in],
        "next_due": owed.next_due,
        "others": [item for item in check_in_cycle.standings(snapshot, mine) if item.key_result.id not in owed_ids],
    }
