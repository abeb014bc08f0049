"""Read the stored model from the database into plain values (every row once), whole or in parts."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from lodestar.design import models as design
from lodestar.lib.errors import NotFound
from lodestar.lib.gc_pause import gc_paused
from lodestar.lib.model import (
    Competency,
    Dependency,
    Location,
    Mission,
    Model,
    Organization,
    Person,
    RoleProfile,
    RoleState,
    Task,
    Touchpoint,
    Unit,
    VisionAnswer,
)
from lodestar.org import models as org
from lodestar.purpose import models as purpose
from lodestar.store.load_goals import load_goals, load_kpis, load_periods
from lodestar.store.select import select_rows


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
        organization = org.Organization.objects.values_list("name", "industry", "currency").first()
        if organization is None:
            raise NoModel(_NO_MODEL)
        name, industry, currency = organization
        model.organization = Organization(name=name, industry=industry, currency=currency)
    if "units" in parts:
        model.units = _units()
        if not model.units:
            raise NoModel(_NO_MODEL)
    if "locations" in parts:
        model.locations = [Location(id=i, name=n) for i, n in select_rows(org.Location, "id", "name")]
    if "people" in parts:
        model.people = _people(levels="levels" in parts)
    if "purpose" in parts:
        _load_purpose(model)
    if "design" in parts:
        _load_design(model)
    elif "tasks" in parts:
        model.tasks = [
            Task(id=i, name=n, change=c, delivery=d, accountable=a, version=v) for i, n, c, d, a, v in _task_rows()
        ]
    if "periods" in parts:
        model.periods = load_periods()
    if "goals" in parts:
        model.goals = load_goals(parts)
    if "kpis" in parts:
        model.kpis = load_kpis()
    return model


def _units() -> list[Unit]:
    return [
        Unit(id=i, name=n, kind=k, parent=p, location=loc, lead=lead, core=core, purpose=purp, version=v)
        for i, n, k, p, loc, lead, core, purp, v in select_rows(
            org.Unit, "id", "name", "kind", "parent_id", "location_id", "lead_id", "core", "purpose", "version"
        )
    ]


def _people(*, levels: bool) -> list[Person]:
    competencies: dict[str, dict[str, int]] = defaultdict(dict)
    if levels:
        for person_id, competency, level in select_rows(org.PersonCompetency, "person_id", "competency_id", "level"):
            competencies[person_id][competency] = level
    return [
        Person(id=i, name=n, unit=u, email=e, position=pos, competencies=competencies.get(i, {}))
        for i, n, u, e, pos in select_rows(org.Person, "id", "name", "unit_id", "email", "position")
    ]


def _task_rows() -> list[tuple[Any, ...]]:
    return select_rows(design.Task, "id", "name", "change", "delivery", "accountable_id", "version")


def _load_purpose(model: Model) -> None:
    mission = purpose.Mission.objects.values_list("statement", "scope_id", "adopted", "principles", "version").first()
    if mission is not None:
        statement, scope, adopted, principles, version = mission
        model.mission = Mission(
            statement=statement, scope=scope, adopted=adopted, principles=list(principles or []), version=version
        )
    model.role_profiles = [
        RoleProfile(
            unit=unit,
            toward=toward,
            horizon=horizon,
            as_is=RoleState(decision_rights=dict(as_is or {}), sales_alignment=as_is_alignment),
            target=RoleState(decision_rights=dict(target or {}), sales_alignment=target_alignment),
            rationale=rationale,
            row=row,
            version=version,
        )
        for row, unit, toward, horizon, as_is, as_is_alignment, target, target_alignment, rationale, version in select_rows(
            purpose.RoleProfile,
            "id",
            "unit_id",
            "toward_id",
            "horizon",
            "as_is_rights",
            "as_is_alignment",
            "target_rights",
            "target_alignment",
            "rationale",
            "version",
            order=("ordinal", "id"),
        )
    ]
    model.vision = [
        VisionAnswer(
            question=q,
            status=s,
            scope=scope,
            toward=toward,
            answer=a,
            owner=owner_unit or owner_person,
            row=row,
            version=version,
        )
        for row, q, s, scope, toward, a, owner_unit, owner_person, version in select_rows(
            purpose.VisionAnswer,
            "id",
            "question",
            "status",
            "scope_id",
            "toward_id",
            "answer",
            "owner_unit_id",
            "owner_person_id",
            "version",
            order=("ordinal", "id"),
        )
    ]


def _load_design(model: Model) -> None:
    required: dict[str, dict[str, int]] = defaultdict(dict)
    for competency, unit, level in select_rows(design.CompetencyRequirement, "competency_id", "unit_id", "level"):
        required[competency][unit] = level
    model.competencies = [
        Competency(id=i, name=n, category=c, required=required.get(i, {}), version=v)
        for i, n, c, v in select_rows(design.Competency, "id", "name", "category", "version")
    ]
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"R": [], "C": [], "I": []})
    for task, unit, role in select_rows(design.TaskAssignment, "task_id", "unit_id", "role"):
        roles[task][role].append(unit)
    places: dict[str, list[str]] = defaultdict(list)
    for task, location in select_rows(design.TaskLocation, "task_id", "location_id"):
        places[task].append(location)
    served: dict[str, list[str]] = defaultdict(list)
    for task, unit in select_rows(design.TaskBusinessUnit, "task_id", "unit_id"):
        served[task].append(unit)
    needs: dict[str, dict[str, int]] = defaultdict(dict)
    for task, competency, level in select_rows(design.TaskCompetency, "task_id", "competency_id", "level"):
        needs[task][competency] = level
    model.tasks = []
    for i, n, change, delivery, accountable, version in _task_rows():
        assigned = roles[i]
        model.tasks.append(
            Task(
                id=i,
                name=n,
                change=change,
                delivery=delivery,
                responsible=assigned["R"],
                accountable=accountable,
                consulted=assigned["C"],
                informed=assigned["I"],
                locations=places.get(i, []),
                toward=served.get(i, []),
                competencies=needs.get(i, {}),
                version=version,
            )
        )
    model.dependencies = [
        Dependency(from_unit=f, to_unit=t, about=a, kind=k, now=now, target=target, row=row, version=version)
        for row, f, t, a, k, now, target, version in select_rows(
            design.Dependency,
            "id",
            "from_unit_id",
            "to_unit_id",
            "about",
            "kind",
            "now",
            "target",
            "version",
            order=("ordinal", "id"),
        )
    ]
    contributors: dict[str, list[str]] = defaultdict(list)
    for touchpoint, unit in select_rows(design.TouchpointContributor, "touchpoint_id", "unit_id"):
        contributors[touchpoint].append(unit)
    model.touchpoints = [
        Touchpoint(id=i, name=n, stage=s, channel=c, owner=o, contributors=contributors.get(i, []), version=v)
        for i, n, s, c, o, v in select_rows(design.Touchpoint, "id", "name", "stage", "channel", "owner_id", "version")
    ]
