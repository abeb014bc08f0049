"""Validate a parsed model file (format 1) into a `Model`, reporting every error with its path."""

from __future__ import annotations

import re
from typing import Any

from lodestar.lib.model import Model
from lodestar.modelfile import references as refs
from lodestar.modelfile import sections
from lodestar.modelfile.reader import MISSING, InvalidModel, Issue, Reader, describe
from lodestar.modelfile.scenario_checks import check_scenarios, within_scenarios
from lodestar.modelfile.sections.scenarios import read_scenarios
from lodestar.modelfile.sections.surveys import read_surveys

TOP_LEVEL_KEYS = frozenset(
    {
        "lodestar",
        "organization",
        "locations",
        "units",
        "people",
        "mission",
        "role_profiles",
        "vision",
        "tasks",
        "dependencies",
        "competencies",
        "touchpoints",
        "periods",
        "goals",
        "kpis",
        "revision",
        "scenarios",
        "surveys",
    }
)
FORMAT_VERSION = 1
REVISION_PATTERN = re.compile(r"^sha256:[0-9a-f]{64}$")


# The sections whose ids other entities refer to, by the kind of entity they hold.
REFERENCED_SECTIONS = {
    "location": "locations",
    "unit": "units",
    "person": "people",
    "competency": "competencies",
    "task": "tasks",
    "touchpoint": "touchpoints",
    "period": "periods",
    "goal": "goals",
}


def _written_ids(section: Any) -> set[str] | None:
    """Every id written in a section, valid or not; None when the section is not a list at all."""
    if section is None:
        return set()
    if type(section) is not list:
        return None
    return {item["id"] for item in section if type(item) is dict and type(item.get("id")) is str}


def _read_revision(r: Reader, value: Any) -> str | None:
    """The stamp `lodestar export` writes: `sha256:` and the digest of the rest of the file."""
    if value is None:
        return None
    if type(value) is not str or not REVISION_PATTERN.match(value):
        r.error("revision", f"expected `sha256:` and 64 lower-case hexadecimal digits, got {describe(value)}")
        return None
    return value


def validate_document(document: Any) -> Model:
    """Turn a parsed model file into a Model. Raises InvalidModel with every issue found."""
    r = Reader()
    if document is None:
        raise InvalidModel([Issue("", "the model file is empty: it should start with `lodestar: 1`")])
    d = r.mapping(document, "", allowed=TOP_LEVEL_KEYS, required=("lodestar", "organization", "units"))
    if d is None:
        raise InvalidModel(r.issues)
    version = d["lodestar"]
    if version is not MISSING and (type(version) is not int or version != FORMAT_VERSION):
        r.error("lodestar", f"expected the format version 1, got {describe(version)}")
        raise InvalidModel(r.issues)

    organization = sections.read_organization(r, d["organization"])
    locations = sections.read_locations(r, d.get("locations"))
    units = sections.read_units(r, d["units"])
    if d["units"] is None or d["units"] == []:
        r.error("units", "at least one unit (the root) is required")
    people = sections.read_people(r, d.get("people"))
    mission = sections.read_mission(r, d.get("mission"))
    profiles = sections.read_role_profiles(r, d.get("role_profiles"))
    vision = sections.read_vision(r, d.get("vision"))
    tasks = sections.read_tasks(r, d.get("tasks"))
    dependencies = sections.read_dependencies(r, d.get("dependencies"))
    competencies = sections.read_competencies(r, d.get("competencies"))
    touchpoints = sections.read_touchpoints(r, d.get("touchpoints"))
    periods = sections.read_periods(r, d.get("periods"))
    goals = sections.read_goals(r, d.get("goals"))
    kpis = sections.read_kpis(r, d.get("kpis"))
    surveys = read_surveys(r, d.get("surveys"))
    revision = _read_revision(r, d.get("revision"))
    scenarios = read_scenarios(r, d.get("scenarios"))

    written = {kind: _written_ids(d.get(section)) for kind, section in REFERENCED_SECTIONS.items()}
    if d["units"] is None:  # reported above; references to units cannot be checked
        written["unit"] = None
    ids = refs.Ids(r, written)
    owners: dict[str, str] = {}  # units and people share one namespace
    locations = ids.collect("locations", locations, into=ids.locations, first={})
    units = ids.collect("units", units, into=ids.units, first=owners)
    people = ids.collect("people", people, into=ids.people, first=owners)
    competencies = ids.collect("competencies", competencies, into=ids.competencies, first={})
    tasks = ids.collect("tasks", tasks, into=ids.tasks, first={})
    touchpoints = ids.collect("touchpoints", touchpoints, into=ids.touchpoints, first={})
    periods = ids.collect("periods", periods, into=ids.periods, first={})
    goals = ids.collect("goals", goals, into=ids.goals, first={})
    kpis = ids.collect("kpis", kpis, into=set(), first={})
    surveys = ids.collect("surveys", surveys, into=set(), first={})

    refs.check_units(ids, units)
    refs.check_people(ids, people)
    refs.check_mission(ids, mission)
    refs.check_role_profiles(ids, profiles)
    root = next((unit.id for _, unit in units if unit.parent is None), None)
    refs.check_vision(ids, vision, mission.scope if mission else root)
    refs.check_tasks(ids, tasks)
    refs.check_dependencies(ids, dependencies)
    refs.check_competencies(ids, competencies)
    refs.check_touchpoints(ids, touchpoints)
    refs.check_goals(ids, goals)
    refs.check_kpis(ids, kpis)
    if not all(within_scenarios(issue.path) for issue in r.issues):
        raise InvalidModel(r.issues)

    def plain(entries: sections.Indexed) -> list[Any]:
        return [entity for _, entity in entries]

    model = Model(
        organization=organization,
        units=plain(units),
        locations=plain(locations),
        people=plain(people),
        mission=mission,
        role_profiles=plain(profiles),
        vision=plain(vision),
        tasks=plain(tasks),
        dependencies=plain(dependencies),
        competencies=plain(competencies),
        touchpoints=plain(touchpoints),
        periods=plain(periods),
        goals=plain(goals),
        kpis=plain(kpis),
        surveys=plain(surveys),
        revision=revision,
    )
    # Each scenario's model is checked against the valid base, unless its own text has errors.
    r.issues.extend(check_scenarios(model, scenarios, known=r.issues, validate=validate_document))
    if r.issues:
        raise InvalidModel(r.issues)
    model.scenarios = plain(scenarios)
    return model
