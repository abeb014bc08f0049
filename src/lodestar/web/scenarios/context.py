"""The scenario a design page is looking at (`?scenario=<id>`), its model, and the switcher every design page shows.

In a scenario a page shows the scenario's model, formed by `modelfile.scenario_model.form` from the
stored base, and every analysis runs on it unchanged. Its dependencies and role profiles are
numbered by their position in the scenario's section (the base's row ids mean nothing there),
which is how the forms in a scenario name them.
"""

from __future__ import annotations

import dataclasses
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse

from lodestar.lib.errors import NotFound
from lodestar.lib.model import Model
from lodestar.lib.scenario import Scenario
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.modelfile.scenario_model import form
from lodestar.scenarios import models
from lodestar.scenarios.edits import get_scenario
from lodestar.store.load import load_model
from lodestar.web.http import WebRequest

PARAMETER = "scenario"


def chosen_id(request: WebRequest) -> str:
    """The scenario named by `?scenario=` (empty for the base)."""
    return request.GET.get(PARAMETER, "").strip()


def find_scenario(scenario_id: str) -> Scenario:
    """The stored scenario. Raises NotFound with a message that says where the scenarios are."""
    try:
        return get_scenario(scenario_id=scenario_id)
    except NotFound:
        raise NotFound(
            Wording.of(
                gettext_noop(
                    "There is no scenario %(id)s: it may have been deleted or adopted. "
                    "The scenarios page lists those there are; the base is always there."
                ),
                id=repr(scenario_id[:64]),
            )
        ) from None


def chosen_scenario(request: WebRequest) -> Scenario | None:
    """The scenario the request names, or None for the base. Raises NotFound for an unknown id."""
    ident = chosen_id(request)
    return find_scenario(ident) if ident else None


def scenario_model(base: Model, scenario: Scenario) -> Model:
    """The scenario's model, its dependencies and role profiles numbered by position from 1."""
    model = form(base, scenario).model
    model.dependencies = [dataclasses.replace(d, row=i) for i, d in enumerate(model.dependencies, 1)]
    model.role_profiles = [dataclasses.replace(p, row=i) for i, p in enumerate(model.role_profiles, 1)]
    return model


def design_model(request: WebRequest) -> tuple[Model, Scenario | None]:
    """The model a design page shows: the stored base, or the chosen scenario's model."""
    scenario = chosen_scenario(request)
    base = load_model()
    return (base, None) if scenario is None else (scenario_model(base, scenario), scenario)


def query(request: WebRequest, scenario_id: str | None) -> str:
    """`?scenario=…&as_of=…` for a link that keeps the scenario (and the date, when one was given)."""
    params = [(PARAMETER, scenario_id)] if scenario_id else []
    if getattr(request, "as_of_given", False):
        params.append(("as_of", request.as_of.isoformat()))
    return "?" + urlencode(params) if params else ""


def switcher(request: WebRequest, scenario: Scenario | None, *, units_page: bool = False) -> dict[str, Any]:
    """What the design tabs show of the scenarios: a link to each (and the base), and `q`/`qa` keeping the choice.

    On the unit pages (`units_page`) a scenario's link leads to its units page, the unit pages
    themselves showing the base.
    """
    current = scenario.id if scenario is not None else ""
    stored = list(models.Scenario.objects.order_by("ordinal", "id").values_list("id", "name"))
    links = [{"id": "", "name": "", "href": request.path + query(request, None), "current": not current}]
    for ident, name in stored:
        href = (
            reverse("scenario-units", args=[ident]) + query(request, None)
            if units_page
            else request.path + query(request, ident)
        )
        links.append({"id": ident, "name": name, "href": href, "current": ident == current})
    q = query(request, current or None)
    context: dict[str, Any] = {
        "scenario": scenario,
        "scenario_links": links if stored else [],
        "units_page": units_page,
        "q": q,
    }
    context["qa"] = "&" + q[1:] if q else ""
    if scenario is not None:
        context["compare_href"] = reverse("scenarios-compare") + "?" + urlencode({"ids": scenario.id})
        context["base_href"] = request.path + query(request, None)
        context["scenario_units_href"] = reverse("scenario-units", args=[scenario.id]) + query(request, None)
    return context
