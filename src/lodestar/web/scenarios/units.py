"""A scenario's units and people (`/scenarios/<id>/units`): the tree with its headcount, and the forms that change it.

Editors move a person to another unit, add or change a unit (name, kind, parent) and remove a
unit, each through one function of `scenarios.unit_edits`; a refused change shows the page again
with the message next to its field and what was typed. Everyone signed in may look.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from lodestar.accounts.permissions import require_editor
from lodestar.accounts.roles import ADMIN, EDITOR
from lodestar.i18n.terms import choices as term_choices
from lodestar.lib.errors import Conflict, Invalid
from lodestar.lib.index import ModelIndex
from lodestar.lib.scenario import Scenario
from lodestar.lib.vocabulary import UNIT_KINDS
from lodestar.scenarios import unit_edits
from lodestar.store.load import load_model
from lodestar.store.versions import version_from_text
from lodestar.web.common import actor_of, error_text, translate_errors
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.issues import field_errors
from lodestar.web.scenarios.context import find_scenario, query, scenario_model, switcher

FORMS = ("move", "undo-move", "unit", "remove", "restore")
# The fields of the forms that have fields, where their issues are shown; the others' are shown above.
FIELDS = {"move": ("person", "unit"), "unit": ("id", "name", "kind", "parent")}


def _apply(request: AuthenticatedRequest, scenario: Scenario, action: str) -> None:
    """Call the one service function the posted form names. Raises what it raises."""
    post, actor, ident = request.POST, actor_of(request), scenario.id
    version = version_from_text(post.get("version"))
    person, unit = post.get("person", "").strip(), post.get("unit", "")
    if action == "move":
        unit_edits.move_person(actor=actor, scenario_id=ident, person_id=person, unit_id=unit, version=version)
    elif action == "undo-move":
        unit_edits.undo_move(actor=actor, scenario_id=ident, person_id=person, version=version)
    elif action == "unit":
        record = {key: post.get(key, "").strip() for key in ("id", "name", "kind", "parent")}
        unit_edits.put_unit(actor=actor, scenario_id=ident, unit=record, version=version)
    elif action == "remove":
        unit_edits.remove_unit(actor=actor, scenario_id=ident, unit_id=unit, version=version)
    else:
        unit_edits.restore_unit(actor=actor, scenario_id=ident, unit_id=unit, version=version)


def _context(request: AuthenticatedRequest, scenario: Scenario) -> dict[str, Any]:
    base = load_model()
    model = scenario_model(base, scenario)
    index = ModelIndex(model)
    headcount = Counter(person.unit for person in model.people)
    base_headcount = Counter(person.unit for person in base.people)
    base_units = {unit.id: unit for unit in base.units}
    written = {unit.id for unit in scenario.units}
    rows = [
        {
            "unit": unit,
            "depth": index.depth(unit.id),
            "indent": index.depth(unit.id) * 0.8,
            "headcount": headcount.get(unit.id, 0),
            "base_headcount": base_headcount.get(unit.id, 0),
            "added": unit.id not in base_units,
            "changed": unit.id in written and unit.id in base_units,
        }
        for unit in index.in_tree_order()
    ]
    names = {unit.id: unit.name for unit in [*base.units, *model.units]}
    people = {person.id: person for person in [*base.people, *scenario.people]}
    moves = [
        {
            "person": move.person,
            "name": people[move.person].name if move.person in people else move.person,
            "from": names.get(people[move.person].unit, "") if move.person in people else "",
            "to": names.get(move.unit, move.unit),
        }
        for move in scenario.moves
    ]
    roots = [unit.id for unit in base.units if unit.parent is None]
    context = switcher(request, scenario, units_page=True)
    context["base_href"] = reverse("unit", args=[roots[0]]) + query(request, None) if roots else reverse("scenarios")
    chosen = request.GET.get("unit", "")
    return {
        **context,
        "rows": rows,
        "removed": [{"id": ident, "name": names.get(ident, ident)} for ident in scenario.remove_units],
        "moves": moves,
        "people": [(person, names.get(person.unit, person.unit)) for person in model.people],
        "units": model.units,
        "kinds": term_choices("unit_kind", UNIT_KINDS),
        "version": scenario.version,
        "can_edit": getattr(request.user, "role", None) in (ADMIN, EDITOR),
        "editing_unit": next((unit for unit in model.units if unit.id == chosen), None),
        "total": len(model.people),
        "base_total": len(base.people),
        "design_q": query(request, scenario.id),
    }


@require_http_methods(["GET", "POST"])
@translate_errors
def scenario_units(request: AuthenticatedRequest, scenario_id: str) -> HttpResponse:
    scenario = find_scenario(scenario_id)
    if request.method == "GET":
        return render(request, "web/scenarios/units.html", _context(request, scenario))
    require_editor(actor_of(request), what="change scenarios")
    action = request.POST.get("form", "")
    action = action if action in FORMS else "restore"
    try:
        _apply(request, scenario, action)
    except (Invalid, Conflict) as error:
        stale = isinstance(error, Conflict)
        if stale:
            kept = gettext(
                "What you typed is kept below: check it against the scenario as it is now, then send it again."
            )
            errors = {"": f"{error_text(error)}. {kept}"}
        else:
            errors = field_errors(error) if isinstance(error, Invalid) else {}
        context = _context(request, find_scenario(scenario_id))
        context.update(
            {
                "failed": action,
                "errors": errors,
                "general": [
                    f"{path}: {text}" if path else text
                    for path, text in errors.items()
                    if path not in FIELDS.get(action, ())
                ],
                "posted": request.POST,
            }
        )
        return render(request, "web/scenarios/units.html", context, status=409 if stale else 400)
    return HttpResponseRedirect(request.path + query(request, None) + "#" + ("people" if "move" in action else "units"))
