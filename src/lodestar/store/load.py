"""Read the stored model from the database into plain values (every row once)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Any

from django.db import connection, models

from lodestar.design import models as design
from lodestar.goals import models as goals
from lodestar.lib.errors import NotFound
from lodestar.lib.gc_pause import gc_paused
from lodestar.lib.model import (
    KPI,
    CheckIn,
    Competency,
    Contribution,
    Dependency,
    Goal,
    KeyResult,
    Location,
    Measurement,
    Mission,
    Model,
    Organization,
    Period,
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


class NoModel(NotFound, LookupError):
    """Nothing has been imported yet (a NotFound, so that every surface answers it as one)."""


def _json_value(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _converter(field: Any) -> Callable[[Any], Any] | None:
    """How a raw database value of `field` becomes a Python value (None: as it comes).

    Both database connections already turn dates and booleans into Python values (Django's
    SQLite connection declares converters for those column types); JSON arrives as text,
    because Django decodes it itself on the ORM's way.
    """
    return _json_value if isinstance(field, models.JSONField) else None


def _rows(model: Any, *fields: str, order: tuple[str, ...] = ("ordinal",)) -> list[tuple[Any, ...]]:
    """The columns of every row, in order; a plain cursor, since the ORM's per-row work is the cost here."""
    meta = model._meta
    quote = connection.ops.quote_name
    columns = [meta.get_field(name.removesuffix("_id")) for name in fields]
    sql = "SELECT {} FROM {} ORDER BY {}".format(
        ", ".join(quote(field.column) for field in columns),
        quote(meta.db_table),
        ", ".join(quote(meta.get_field(name.removesuffix("_id")).column) for name in order),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    converters = [(index, convert) for index, field in enumerate(columns) if (convert := _converter(field))]
    if not converters or not rows:
        return rows
    converted = []
    for row in rows:
        values = list(row)
        for index, convert in converters:
            values[index] = convert(values[index])
        converted.append(tuple(values))
    return converted


def load_model() -> Model:
    """The stored model. Raises NoModel when nothing has been imported."""
    with gc_paused():
        return _load_model()


def _load_model() -> Model:
    organization = org.Organization.objects.values_list("name", "industry", "currency").first()
    if organization is None:
        raise NoModel("no model has been imported yet: run `lodestar import FILE` or `lodestar demo`")
    name, industry, currency = organization
    model = Model(organization=Organization(name=name, industry=industry, currency=currency), units=[])
    model.locations = [Location(id=i, name=n) for i, n in _rows(org.Location, "id", "name")]
    model.units = [
        Unit(id=i, name=n, kind=k, parent=p, location=loc, lead=lead, core=core, purpose=purp)
        for i, n, k, p, loc, lead, core, purp in _rows(
            org.Unit, "id", "name", "kind", "parent_id", "location_id", "lead_id", "core", "purpose"
        )
    ]
    levels: dict[str, dict[str, int]] = defaultdict(dict)
    for person_id, competency, level in _rows(org.PersonCompetency, "person_id", "competency_id", "level"):
        levels[person_id][competency] = level
    model.people = [
        Person(id=i, name=n, unit=u, email=e, position=pos, competencies=levels.get(i, {}))
        for i, n, u, e, pos in _rows(org.Person, "id", "name", "unit_id", "email", "position")
    ]
    _load_purpose(model)
    _load_design(model)
    _load_goals(model)
    return model


def _load_purpose(model: Model) -> None:
    mission = purpose.Mission.objects.values_list("statement", "scope_id", "adopted", "principles").first()
    if mission is not None:
        statement, scope, adopted, principles = mission
        model.mission = Mission(statement=statement, scope=scope, adopted=adopted, principles=list(principles or []))
    model.role_profiles = [
        RoleProfile(
            unit=unit,
            toward=toward,
            horizon=horizon,
            as_is=RoleState(decision_rights=dict(as_is or {}), sales_alignment=as_is_alignment),
            target=RoleState(decision_rights=dict(target or {}), sales_alignment=target_alignment),
            rationale=rationale,
        )
        for unit, toward, horizon, as_is, as_is_alignment, target, target_alignment, rationale in _rows(
            purpose.RoleProfile,
            "unit_id",
            "toward_id",
            "horizon",
            "as_is_rights",
            "as_is_alignment",
            "target_rights",
            "target_alignment",
            "rationale",
            order=("ordinal", "id"),
        )
    ]
    model.vision = [
        VisionAnswer(question=q, status=s, scope=scope, toward=toward, answer=a, owner=owner_unit or owner_person)
        for q, s, scope, toward, a, owner_unit, owner_person in _rows(
            purpose.VisionAnswer,
            "question",
            "status",
            "scope_id",
            "toward_id",
            "answer",
            "owner_unit_id",
            "owner_person_id",
            order=("ordinal", "id"),
        )
    ]


def _load_design(model: Model) -> None:
    required: dict[str, dict[str, int]] = defaultdict(dict)
    for competency, unit, level in _rows(design.CompetencyRequirement, "competency_id", "unit_id", "level"):
        required[competency][unit] = level
    model.competencies = [
        Competency(id=i, name=n, category=c, required=required.get(i, {}))
        for i, n, c in _rows(design.Competency, "id", "name", "category")
    ]
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"R": [], "C": [], "I": []})
    for task, unit, role in _rows(design.TaskAssignment, "task_id", "unit_id", "role"):
        roles[task][role].append(unit)
    places: dict[str, list[str]] = defaultdict(list)
    for task, location in _rows(design.TaskLocation, "task_id", "location_id"):
        places[task].append(location)
    served: dict[str, list[str]] = defaultdict(list)
    for task, unit in _rows(design.TaskBusinessUnit, "task_id", "unit_id"):
        served[task].append(unit)
    needs: dict[str, dict[str, int]] = defaultdict(dict)
    for task, competency, level in _rows(design.TaskCompetency, "task_id", "competency_id", "level"):
        needs[task][competency] = level
    model.tasks = []
    for i, n, change, delivery, accountable in _rows(design.Task, "id", "name", "change", "delivery", "accountable_id"):
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
            )
        )
    model.dependencies = [
        Dependency(from_unit=f, to_unit=t, about=a, kind=k, now=now, target=target)
        for f, t, a, k, now, target in _rows(
            design.Dependency, "from_unit_id", "to_unit_id", "about", "kind", "now", "target", order=("ordinal", "id")
        )
    ]
    contributors: dict[str, list[str]] = defaultdict(list)
    for touchpoint, unit in _rows(design.TouchpointContributor, "touchpoint_id", "unit_id"):
        contributors[touchpoint].append(unit)
    model.touchpoints = [
        Touchpoint(id=i, name=n, stage=s, channel=c, owner=o, contributors=contributors.get(i, []))
        for i, n, s, c, o in _rows(design.Touchpoint, "id", "name", "stage", "channel", "owner_id")
    ]


def _measurements(rows: list[tuple[str, date, float, str]]) -> dict[str, list[Measurement]]:
    grouped: dict[str, list[Measurement]] = {}
    measurement = Measurement  # positional construction: this runs once per stored measurement
    current: list[Measurement] = []
    last_owner = None
    for owner, day, value, source in rows:  # ordered by owner
        if owner != last_owner:
            current = grouped[owner] = []
            last_owner = owner
        current.append(measurement(day, value, source or None))
    return grouped


def _load_goals(model: Model) -> None:
    model.periods = [Period(id=i, start=s, end=e) for i, s, e in _rows(goals.Period, "id", "start", "end")]
    measured = _measurements(
        _rows(goals.Measurement, "key_result_id", "date", "value", "source", order=("key_result_id", "date"))
    )
    checked: dict[str, list[CheckIn]] = defaultdict(list)
    for kr, day, by, confidence, note in _rows(
        goals.CheckIn, "key_result_id", "date", "by_id", "confidence", "note", order=("key_result_id", "ordinal", "id")
    ):
        checked[kr].append(CheckIn(day, confidence, by, note))
    # Positional construction in field order, and the database's floats as they come: these loops
    # run once per stored row and are most of the time `lodestar status` takes.
    key_results: dict[str, list[KeyResult]] = defaultdict(list)
    for i, goal, title, unit, baseline, target, direction, low, high, weight, metric in _rows(
        goals.KeyResult,
        "id",
        "goal_id",
        "title",
        "unit",
        "baseline",
        "target",
        "direction",
        "range_low",
        "range_high",
        "weight",
        "metric",
        order=("goal_id", "ordinal"),
    ):
        key_results[goal].append(
            KeyResult(
                i,
                title,
                unit,
                baseline,
                target,
                direction,
                None if low is None else (low, high),
                weight,
                metric,
                measured.get(i) or [],
                checked.get(i) or [],
            )
        )
    contributions: dict[str, list[Contribution]] = defaultdict(list)
    for goal, parent, weight in _rows(
        goals.GoalContribution, "goal_id", "parent_id", "weight", order=("goal_id", "ordinal")
    ):
        contributions[goal].append(Contribution(parent, weight))
    listed: dict[str, list[str]] = defaultdict(list)
    for goal, task in _rows(goals.GoalTask, "goal_id", "task_id", order=("goal_id", "ordinal")):
        listed[goal].append(task)
    model.goals = [
        Goal(
            i,
            t,
            owner_unit or owner_person,
            p,
            contributions.get(i) or [],
            listed.get(i) or [],
            key_results.get(i) or [],
            d,
        )
        for i, t, owner_unit, owner_person, p, d in _rows(
            goals.Goal, "id", "title", "owner_unit_id", "owner_person_id", "period_id", "description"
        )
    ]
    kpi_measured = _measurements(
        _rows(goals.KPIMeasurement, "kpi_id", "date", "value", "source", order=("kpi_id", "date"))
    )
    model.kpis = [
        KPI(
            id=i,
            name=n,
            owner=owner_unit or owner_person,
            better=b,
            green=g,
            red=r,
            unit=u,
            touchpoint=tp,
            metric=metric,
            measurements=kpi_measured.get(i, []),
        )
        for i, n, owner_unit, owner_person, u, tp, b, g, r, metric in _rows(
            goals.KPI,
            "id",
            "name",
            "owner_unit_id",
            "owner_person_id",
            "unit",
            "touchpoint_id",
            "better",
            "green",
            "red",
            "metric",
        )
    ]
