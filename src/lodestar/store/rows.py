"""Each entity as its database rows: the one mapping the bulk import and the single edits share.

A mapping gives the entity's own row (column attnames to Python values, without `ordinal` and
`version`, which belong to where the row is written) and the rows of its relations, each of
which carries the entity's key. The import turns them into prepared INSERTs; an edit updates
the own row and replaces the relations.
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

Row = dict[str, Any]
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


def owner_columns(owner: str | None, people: Collection[str]) -> Row:
    """owner_unit / owner_person for an owner id (units and people share one namespace)."""
    person = owner is not None and owner in people
    return {"owner_unit_id": None if person else owner, "owner_person_id": owner if person else None}


def organization_rows(organization: Organization) -> EntityRows:
    return EntityRows(
        org.Organization,
        {
            "id": SINGLETON_ID,
            "name": organization.name,
            "industry": organization.industry,
            "currency": organization.currency,
        },
    )


def location_rows(location: Location) -> EntityRows:
    return EntityRows(org.Location, {"id": location.id, "name": location.name})


def unit_rows(unit: Unit) -> EntityRows:
    return EntityRows(
        org.Unit,
        {
            "id": unit.id,
            "name": unit.name,
            "kind": unit.kind,
            "parent_id": unit.parent,
            "location_id": unit.location,
            "lead_id": unit.lead,
            "core": unit.core,
            "purpose": unit.purpose,
        },
    )


def person_level_row(person_id: str, competency_id: str, level: int, *, ordinal: int) -> Row:
    return {"person_id": person_id, "competency_id": competency_id, "level": level, "ordinal": ordinal}


def person_rows(person: Person) -> EntityRows:
    return EntityRows(
        org.Person,
        {
            "id": person.id,
            "name": person.name,
            "unit_id": person.unit,
            "email": person.email,
            "position": person.position,
        },
        {
            org.PersonCompetency: [
                person_level_row(person.id, competency, level, ordinal=j)
                for j, (competency, level) in enumerate(person.competencies.items())
            ]
        },
        {"person_id": person.id},
    )


def mission_rows(mission: Mission) -> EntityRows:
    return EntityRows(
        purpose.Mission,
        {
            "id": SINGLETON_ID,
            "statement": mission.statement,
            "scope_id": mission.scope,
            "adopted": mission.adopted,
            "principles": list(mission.principles),
        },
    )


def role_profile_rows(profile: RoleProfile) -> EntityRows:
    return EntityRows(
        purpose.RoleProfile,
        {
            "unit_id": profile.unit,
            "toward_id": profile.toward,
            "horizon": profile.horizon,
            "as_is_rights": profile.as_is.decision_rights,
            "as_is_alignment": profile.as_is.sales_alignment,
            "target_rights": profile.target.decision_rights,
            "target_alignment": profile.target.sales_alignment,
            "rationale": profile.rationale,
        },
    )


def vision_answer_rows(answer: VisionAnswer, *, people: Collection[str]) -> EntityRows:
    return EntityRows(
        purpose.VisionAnswer,
        {
            "question": answer.question,
            "scope_id": answer.scope,
            "toward_id": answer.toward,
            "status": answer.status,
            "answer": answer.answer,
            **owner_columns(answer.owner, people),
        },
    )


def task_rows(task: Task) -> EntityRows:
    # dict.fromkeys: a unit named twice in one role is one assignment (the table has one row per pair).
    return EntityRows(
        design.Task,
        {
            "id": task.id,
            "name": task.name,
            "change": task.change,
            "delivery": task.delivery,
            "accountable_id": task.accountable,
        },
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
    return EntityRows(
        design.Dependency,
        {
            "from_unit_id": dependency.from_unit,
            "to_unit_id": dependency.to_unit,
            "about": dependency.about,
            "kind": dependency.kind,
            "now": dependency.now,
            "target": dependency.target,
        },
    )


def competency_rows(competency: Competency) -> EntityRows:
    return EntityRows(
        design.Competency,
        {"id": competency.id, "name": competency.name, "category": competency.category},
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
        {
            "id": touchpoint.id,
            "name": touchpoint.name,
            "stage": touchpoint.stage,
            "channel": touchpoint.channel,
            "owner_id": touchpoint.owner,
        },
        {
            design.TouchpointContributor: [
                {"touchpoint_id": touchpoint.id, "unit_id": unit, "ordinal": j}
                for j, unit in enumerate(dict.fromkeys(touchpoint.contributors))
            ]
        },
        {"touchpoint_id": touchpoint.id},
    )


def period_rows(period: Period) -> EntityRows:
    return EntityRows(goals.Period, {"id": period.id, "start": period.start, "end": period.end})


def goal_rows(goal: Goal, *, people: Collection[str]) -> EntityRows:
    """The goal and its links (contributions, tasks); its key results are entities of their own."""
    return EntityRows(
        goals.Goal,
        {
            "id": goal.id,
            "title": goal.title,
            **owner_columns(goal.owner, people),
            "period_id": goal.period,
            "description": goal.description,
        },
        {
            goals.GoalContribution: [
                {"goal_id": goal.id, "parent_id": c.goal, "weight": c.weight, "ordinal": j}
                for j, c in enumerate(goal.contributes_to)
            ],
            goals.GoalTask: [{"goal_id": goal.id, "task_id": task, "ordinal": j} for j, task in enumerate(goal.tasks)],
        },
        {"goal_id": goal.id},
    )


def measurement_row(owner_column: str, owner_id: str, measurement: Measurement) -> Row:
    return {
        owner_column: owner_id,
        "date": measurement.date,
        "value": measurement.value,
        "source": measurement.source or "",
    }


def check_in_row(key_result_id: str, check_in: CheckIn, *, ordinal: int) -> Row:
    return {
        "key_result_id": key_result_id,
        "date": check_in.date,
        "by_id": check_in.by,
        "confidence": check_in.confidence,
        "note": check_in.note,
        "ordinal": ordinal,
    }


def key_result_rows(kr: KeyResult, *, goal_id: str) -> EntityRows:
    """The key result with its measurements and check-ins (which an edit of the key result keeps)."""
    return EntityRows(
        goals.KeyResult,
        {
            "id": kr.id,
            "goal_id": goal_id,
            "title": kr.title,
            "unit": kr.unit,
            "baseline": kr.baseline,
            "target": kr.target,
            "direction": kr.direction,
            "range_low": kr.range[0] if kr.range else None,
            "range_high": kr.range[1] if kr.range else None,
            "weight": kr.weight,
            "metric": kr.metric,
        },
        {
            goals.Measurement: [measurement_row("key_result_id", kr.id, x) for x in kr.measurements],
            goals.CheckIn: [check_in_row(kr.id, c, ordinal=k) for k, c in enumerate(kr.check_ins)],
        },
        {"key_result_id": kr.id},
    )


def kpi_rows(kpi: KPI, *, people: Collection[str]) -> EntityRows:
    return EntityRows(
        goals.KPI,
        {
            "id": kpi.id,
            "name": kpi.name,
            **owner_columns(kpi.owner, people),
            "unit": kpi.unit,
            "touchpoint_id": kpi.touchpoint,
            "better": kpi.better,
            "green": kpi.green,
            "red": kpi.red,
            "metric": kpi.metric,
        },
        {goals.KPIMeasurement: [measurement_row("kpi_id", kpi.id, x) for x in kpi.measurements]},
        {"kpi_id": kpi.id},
    )
