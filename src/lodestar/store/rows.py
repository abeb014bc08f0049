"""Each entity as its database rows: the one mapping the bulk import, the single edits and the loader share.

An entity's own columns are declared once (`TASK`, `GOAL`, …: field to column attname, see
`columns.py`); the writer derives the own row from the declaration (without `ordinal` and
`version`, which belong to where the row is written), the loader the SELECT and the
constructor. A mapping adds the rows of the entity's relations, each of which carries the
entity's key. The relations that are entities of their own (measurements, check-ins,
contributions) are declared like the entities; the id lists and level maps are written here
and grouped back by the loader. The import turns the rows into prepared INSERTs; an edit
updates the own row and replaces the relations.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from lodestar.design import models as design
from lodestar.goals import models as goals
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
    Organization,
    Period,
    Person,
    RoleProfile,
    Task,
    Touchpoint,
    Unit,
    VisionAnswer,
)
from lodestar.org import models as org
from lodestar.purpose import models as purpose
from lodestar.store.columns import OWNER, ROW_ID, VERSION, Column, Columns, Row, column, ref
from lodestar.store.compound import CADENCE, CLOSING, RANGE, role_state

Table = type[models.Model]

# The single row the organization and the mission each are.
SINGLETON_ID = 1


@dataclass(slots=True)
class EntityRows:
    """One entity's own row in `table`, and its relation rows by table."""

    table: Table
    row: Row
    relations: dict[Table, list[Row]] = field(default_factory=dict)
    link: Row = field(default_factory=dict)  # the column and value by which the relation rows name the entity


def insert_entity(entity: EntityRows, **store: Any) -> models.Model:
    """Create the entity's row (with `store`: ordinal, version) and its relation rows."""
    created = entity.table._default_manager.create(**entity.row, **store)
    for table, rows in entity.relations.items():
        table._default_manager.bulk_create(table(**row) for row in rows)
    return created


def replace_relations(entity: EntityRows, *, previous: EntityRows | None = None) -> None:
    """Make the entity's relation rows the given ones; a table whose rows are the `previous` ones is left alone."""
    for table, rows in entity.relations.items():
        if previous is not None and previous.relations.get(table) == rows:
            continue
        table._default_manager.filter(**entity.link).delete()
        table._default_manager.bulk_create(table(**row) for row in rows)


ORGANIZATION = Columns(
    Organization, org.Organization, (column("name"), column("industry"), column("currency")), order=("id",)
)
LOCATION = Columns(Location, org.Location, (column("id"), column("name")))
UNIT = Columns(
    Unit,
    org.Unit,
    (
        column("id"),
        column("name"),
        column("kind"),
        ref("parent"),
        ref("location"),
        ref("lead"),
        column("core"),
        column("purpose"),
        CADENCE,
    ),
    (VERSION,),
)
PERSON = Columns(
    Person,
    org.Person,
    (column("id"), column("name"), ref("unit"), column("email"), column("position"), column("reminders")),
)
MISSION = Columns(
    Mission,
    purpose.Mission,
    (
        column("statement"),
        ref("scope"),
        column("adopted"),
        Column("principles", ("principles",), lambda v, people: {"principles": list(v)}, lambda v: list(v or [])),
    ),
    (VERSION,),
    order=("id",),
)
ROLE_PROFILE = Columns(
    RoleProfile,
    purpose.RoleProfile,
    (ref("unit"), ref("toward"), column("horizon"), role_state("as_is"), role_state("target"), column("rationale")),
    (ROW_ID, VERSION),
    order=("ordinal", "id"),
)
VISION_ANSWER = Columns(
    VisionAnswer,
    purpose.VisionAnswer,
    (column("question"), ref("scope"), ref("toward"), column("status"), column("answer"), OWNER),
    (ROW_ID, VERSION),
    order=("ordinal", "id"),
)
TASK = Columns(
    Task,
    design.Task,
    (column("id"), column("name"), column("change"), column("delivery"), ref("accountable")),
    (VERSION,),
)
DEPENDENCY = Columns(
    Dependency,
    design.Dependency,
    (ref("from_unit"), ref("to_unit"), column("about"), column("kind"), column("now"), column("target")),
    (ROW_ID, VERSION),
    order=("ordinal", "id"),
)
COMPETENCY = Columns(Competency, design.Competency, (column("id"), column("name"), column("category")), (VERSION,))
TOUCHPOINT = Columns(
    Touchpoint,
    design.Touchpoint,
    (column("id"), column("name"), column("stage"), column("channel"), ref("owner")),
    (VERSION,),
)
PERIOD = Columns(Period, goals.Period, (column("id"), column("start"), column("end")))
GOAL = Columns(
    Goal,
    goals.Goal,
    (
        column("id"),
        column("title"),
        OWNER,
        ref("period"),
        column("description"),
        CLOSING,
        ref("carried_from"),
    ),
    (VERSION,),
)
CONTRIBUTION = Columns(
    Contribution,
    goals.GoalContribution,
    (column("goal", "parent_id"), column("weight"), column("proposed")),
    key="goal_id",
    order=("goal_id", "ordinal"),
)
KEY_RESULT = Columns(
    KeyResult,
    goals.KeyResult,
    (
        column("id"),
        column("title"),
        column("unit"),
        column("baseline"),
        column("target"),
        column("direction"),
        RANGE,
        column("weight"),
        column("metric"),
        ref("owner"),
    ),
    (VERSION,),
    key="goal_id",
    order=("goal_id", "ordinal"),
)
KPI_COLUMNS = Columns(
    KPI,
    goals.KPI,
    (
        column("id"),
        column("name"),
        OWNER,
        column("unit"),
        ref("touchpoint"),
        column("better"),
        column("green"),
        column("red"),
        column("metric"),
    ),
)
_MEASUREMENT = (
    column("date"),
    column("value"),
    Column("source", ("source",), lambda v, people: {"source": v or ""}, lambda v: v or None),
)
# A key result's measurements can be corrected by hand, so they are loaded with their row and version.
MEASUREMENTS = {
    "key_result_id": Columns(
        Measurement,
        goals.Measurement,
        _MEASUREMENT,
        (ROW_ID, VERSION),
        key="key_result_id",
        order=("key_result_id", "date"),
    ),
    "kpi_id": Columns(Measurement, goals.KPIMeasurement, _MEASUREMENT, key="kpi_id", order=("kpi_id", "date")),
}
CHECK_IN = Columns(
    CheckIn,
    goals.CheckIn,
    (column("date"), ref("by"), column("confidence"), column("note")),
    key="key_result_id",
    order=("key_result_id", "ordinal", "id"),
)


def organization_rows(organization: Organization) -> EntityRows:
    return EntityRows(org.Organization, {"id": SINGLETON_ID, **ORGANIZATION.row(organization)})


def location_rows(location: Location) -> EntityRows:
    return EntityRows(org.Location, LOCATION.row(location))


def unit_rows(unit: Unit) -> EntityRows:
    return EntityRows(org.Unit, UNIT.row(unit))


def person_level_row(person_id: str, competency_id: str, level: int, *, ordinal: int) -> Row:
    return {"person_id": person_id, "competency_id": competency_id, "level": level, "ordinal": ordinal}


def person_rows(person: Person) -> EntityRows:
    return EntityRows(
        org.Person,
        PERSON.row(person),
        {
            org.PersonCompetency: [
                person_level_row(person.id, competency, level, ordinal=j)
                for j, (competency, level) in enumerate(person.competencies.items())
            ]
        },
        {"person_id": person.id},
    )


def mission_rows(mission: Mission) -> EntityRows:
    return EntityRows(purpose.Mission, {"id": SINGLETON_ID, **MISSION.row(mission)})


def role_profile_rows(profile: RoleProfile) -> EntityRows:
    return EntityRows(purpose.RoleProfile, ROLE_PROFILE.row(profile))


def vision_answer_rows(answer: VisionAnswer, *, people: Collection[str]) -> EntityRows:
    return EntityRows(purpose.VisionAnswer, VISION_ANSWER.row(answer, people=people))


def task_rows(task: Task) -> EntityRows:
    # dict.fromkeys: a unit named twice in one role is one assignment (the table has one row per pair).
    return EntityRows(
        design.Task,
        TASK.row(task),
        {
            design.TaskAssignment: [
                {"task_id": task.id, "unit_id": unit, "role": role, "ordinal": j}
                for role, units in (("R", task.responsible), ("C", task.consulted), ("I", task.informed))
                for j, unit in enumerate(dict.fromkeys(units))
            ],
            design.TaskLocation: [
                {"task_id": task.id, "location_id": location, "ordinal": j}
                for j, location in enumerate(dict.fromkeys(task.locations))
            ],
            design.TaskBusinessUnit: [
                {"task_id": task.id, "unit_id": unit, "ordinal": j} for j, unit in enumerate(dict.fromkeys(task.toward))
            ],
            design.TaskCompetency: [
                {"task_id": task.id, "competency_id": competency, "level": level, "ordinal": j}
                for j, (competency, level) in enumerate(task.competencies.items())
            ],
        },
        {"task_id": task.id},
    )


def dependency_rows(dependency: Dependency) -> EntityRows:
    return EntityRows(design.Dependency, DEPENDENCY.row(dependency))


def competency_rows(competency: Competency) -> EntityRows:
    return EntityRows(
        design.Competency,
        COMPETENCY.row(competency),
        {
            design.CompetencyRequirement: [
                {"competency_id": competency.id, "unit_id": unit, "level": level, "ordinal": j}
                for j, (unit, level) in enumerate(competency.required.items())
            ]
        },
        {"competency_id": competency.id},
    )


def touchpoint_rows(touchpoint: Touchpoint) -> EntityRows:
    return EntityRows(
        design.Touchpoint,
        TOUCHPOINT.row(touchpoint),
        {
            design.TouchpointContributor: [
                {"touchpoint_id": touchpoint.id, "unit_id": unit, "ordinal": j}
                for j, unit in enumerate(dict.fromkeys(touchpoint.contributors))
            ]
        },
        {"touchpoint_id": touchpoint.id},
    )


def period_rows(period: Period) -> EntityRows:
    return EntityRows(goals.Period, PERIOD.row(period))


def goal_rows(goal: Goal, *, people: Collection[str]) -> EntityRows:
    """The goal and its links (contributions, tasks); its key results are entities of their own."""
    return EntityRows(
        goals.Goal,
        GOAL.row(goal, people=people),
        {
            goals.GoalContribution: [
                {**CONTRIBUTION.row(c, key=goal.id), "ordinal": j} for j, c in enumerate(goal.contributes_to)
            ],
            goals.GoalTask: [{"goal_id": goal.id, "task_id": task, "ordinal": j} for j, task in enumerate(goal.tasks)],
        },
        {"goal_id": goal.id},
    )


def measurement_row(owner_column: str, owner_id: str, measurement: Measurement) -> Row:
    return MEASUREMENTS[owner_column].row(measurement, key=owner_id)


def check_in_row(key_result_id: str, check_in: CheckIn, *, ordinal: int) -> Row:
    return {**CHECK_IN.row(check_in, key=key_result_id), "ordinal": ordinal}


def key_result_rows(kr: KeyResult, *, goal_id: str) -> EntityRows:
    """The key result with its measurements and check-ins (which an edit of the key result keeps)."""
    return EntityRows(
        goals.KeyResult,
        KEY_RESULT.row(kr, key=goal_id),
        {
            goals.Measurement: [{**measurement_row("key_result_id", kr.id, x), "version": 1} for x in kr.measurements],
            goals.CheckIn: [check_in_row(kr.id, c, ordinal=k) for k, c in enumerate(kr.check_ins)],
        },
        {"key_result_id": kr.id},
    )


def kpi_rows(kpi: KPI, *, people: Collection[str]) -> EntityRows:
    return EntityRows(
        goals.KPI,
        KPI_COLUMNS.row(kpi, people=people),
        {goals.KPIMeasurement: [measurement_row("kpi_id", kpi.id, x) for x in kpi.measurements]},
        {"kpi_id": kpi.id},
    )
