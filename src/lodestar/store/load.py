"""Read the stored model from the database into plain values (every row once), whole or in parts."""

from __future__ import annotations

from collections import defaultdict

from lodestar.design import models as design
from lodestar.lib.errors import NotFound
from lodestar.lib.gc_pause import gc_paused
from lodestar.lib.model import Model, Organization, Person
from lodestar.org import models as org
from lodestar.store.load_goals import load_goals, load_kpis, load_periods
from lodestar.store.rows import (
    COMPETENCY,
    DEPENDENCY,
    LOCATION,
    MISSION,
    ORGANIZATION,
    PERSON,
    ROLE_PROFILE,
    TASK,
    TOUCHPOINT,
    UNIT,
    VISION_ANSWER,
)
from lodestar.store.scenarios import load_scenarios
from lodestar.store.select import select_rows
from lodestar.store.surveys import load_surveys


class NoModel(NotFound, LookupError):
    """Nothing has been imported yet (a NotFound, so that every surface answers it as one)."""


# The parts of the stored model a caller can ask for, one or a few tables each. "tasks" is the
# task rows alone (ids, names, accountable), without the relations "design" loads with them.
PARTS = frozenset(
    {
        "organization",
        "locations",
        "units",
        "people",
        "levels",
        "purpose",
        "design",
        "tasks",
        "periods",
        "goals",
        "goal_links",
        "key_results",
        "measurements",
        "check_ins",
        "kpis",
        "scenarios",
        "surveys",
    }
)
EVERYTHING = PARTS
_NO_MODEL = "no model has been imported yet: run `lodestar import FILE` or `lodestar demo`"


def load_model(*, parts: frozenset[str] = EVERYTHING) -> Model:
    """The stored model, or only `parts` of it. Raises NoModel when nothing has been imported.

    Collections outside `parts` are left empty (the organization then has an empty name), so a
    caller asks for every part its checks read: an edit of one goal need not read every table.
    "people" without "levels" leaves people's competencies empty; "goal_links" (contributions and
    tasks), "key_results" and their "measurements" and "check_ins" need "goals".
    """
    unknown = parts - PARTS
    if unknown:
        raise ValueError(f"no such parts of the model: {', '.join(sorted(unknown))}")
    with gc_paused():
        return _load_model(parts)


def _load_model(parts: frozenset[str]) -> Model:
    model = Model(organization=Organization(name=""), units=[])
    # Every stored model has its organization and a root unit, so whichever comes first tells
    # whether there is one.
    if "organization" in parts or "units" not in parts:
        organization = ORGANIZATION.load()
        if not organization:
            raise NoModel(_NO_MODEL)
        model.organization = organization[0]
    if "units" in parts:
        model.units = UNIT.load()
        if not model.units:
            raise NoModel(_NO_MODEL)
    if "locations" in parts:
        model.locations = LOCATION.load()
    if "people" in parts:
        model.people = _people(levels="levels" in parts)
    if "purpose" in parts:
        _load_purpose(model)
    if "design" in parts:
        _load_design(model)
    elif "tasks" in parts:
        model.tasks = TASK.load()
    if "periods" in parts:
        model.periods = load_periods()
    if "goals" in parts:
        model.goals = load_goals(parts)
    if "kpis" in parts:
        model.kpis = load_kpis()
    if "scenarios" in parts:
        model.scenarios = load_scenarios()
    if "surveys" in parts:
        model.surveys = load_surveys()
    return model


def _people(*, levels: bool) -> list[Person]:
    competencies: dict[str, dict[str, int]] = defaultdict(dict)
    if levels:
        for person_id, competency, level in select_rows(org.PersonCompetency, "person_id", "competency_id", "level"):
            competencies[person_id][competency] = level
    return PERSON.load(competencies=competencies)


def _load_purpose(model: Model) -> None:
    mission = MISSION.load()
    model.mission = mission[0] if mission else None
    model.role_profiles = ROLE_PROFILE.load()
    model.vision = VISION_ANSWER.load()


def _load_design(model: Model) -> None:
    required: dict[str, dict[str, int]] = defaultdict(dict)
    for competency, unit, level in select_rows(design.CompetencyRequirement, "competency_id", "unit_id", "level"):
        required[competency][unit] = level
    model.competencies = COMPETENCY.load(required=required)
    roles: dict[str, dict[str, list[str]]] = {"R": defaultdict(list), "C": defaultdict(list), "I": defaultdict(list)}
    for task, unit, role in select_rows(design.TaskAssignment, "task_id", "unit_id", "role"):
        roles[role][task].append(unit)
    places: dict[str, list[str]] = defaultdict(list)
    for task, location in select_rows(design.TaskLocation, "task_id", "location_id"):
        places[task].append(location)
    served: dict[str, list[str]] = defaultdict(list)
    for task, unit in select_rows(design.TaskBusinessUnit, "task_id", "unit_id"):
        served[task].append(unit)
    needs: dict[str, dict[str, int]] = defaultdict(dict)
    for task, competency, level in select_rows(design.TaskCompetency, "task_id", "competency_id", "level"):
        needs[task][competency] = level
    model.tasks = TASK.load(
        responsible=roles["R"],
        consulted=roles["C"],
        informed=roles["I"],
        locations=places,
        toward=served,
        competencies=needs,
    )
    model.dependencies = DEPENDENCY.load()
    contributors: dict[str, list[str]] = defaultdict(list)
    for touchpoint, unit in select_rows(design.TouchpointContributor, "touchpoint_id", "unit_id"):
        contributors[touchpoint].append(unit)
    model.touchpoints = TOUCHPOINT.load(contributors=contributors)
