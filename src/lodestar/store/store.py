"""Write a validated Model into the database, replacing what was stored (one transaction).

Rows go in with one prepared INSERT per table (`executemany`), because the ORM's per-object
work would dominate the import of a large organization.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, models

from lodestar.design import models as design
from lodestar.goals import models as goals
from lodestar.lib.model import Model
from lodestar.org import models as org
from lodestar.purpose import models as purpose

BATCH = 5000

# Children before parents, so that deleting in this order never strands a reference.
TABLES_IN_DELETE_ORDER: tuple[type[models.Model], ...] = (
    goals.KPIMeasurement,
    goals.KPI,
    goals.CheckIn,
    goals.Measurement,
    goals.KeyResult,
    goals.GoalTask,
    goals.GoalContribution,
    goals.Goal,
    goals.Period,
    design.TouchpointContributor,
    design.Touchpoint,
    design.Dependency,
    design.TaskCompetency,
    design.TaskBusinessUnit,
    design.TaskLocation,
    design.TaskAssignment,
    design.Task,
    org.PersonCompetency,
    design.CompetencyRequirement,
    design.Competency,
    purpose.VisionAnswer,
    purpose.RoleProfile,
    purpose.Mission,
    org.Person,
    org.Unit,
    org.Location,
    org.Organization,
)


def _date(value: Any) -> Any:
    return connection.ops.adapt_datefield_value(value)


def _json(value: Any) -> Any:
    if value is None:
        return None
    if connection.vendor == "postgresql":
        return connection.ops.adapt_json_value(value, None)
    return json.dumps(value, sort_keys=True)


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """INSERT rows (tuples in `columns` order) into the model's table; returns how many."""
    quote = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in columns]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(str(field.column)) for field in fields),  # type: ignore[union-attr]
        ", ".join(["%s"] * len(columns)),
    )
    total = 0
    batch: list[Sequence[Any]] = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                total += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            total += len(batch)
    return total


def delete_all() -> None:
    """Remove every stored model row (not users, tokens or the audit log)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in TABLES_IN_DELETE_ORDER:
            cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")


def _owner(owner: str | None, people: set[str]) -> tuple[str | None, str | None]:
    """(unit id, person id) for an owner that may name either."""
    if owner is None:
        return None, None
    return (None, owner) if owner in people else (owner, None)


def write_model(model: Model, *, versions: dict[str, int] | None = None) -> None:
    """Replace the stored model with `model`. Call inside a transaction."""
    delete_all()
    versions = versions or {}
    people = {person.id for person in model.people}
    o = model.organization
    insert_rows(org.Organization, ("id", "name", "industry", "currency"), [(1, o.name, o.industry, o.currency)])
    insert_rows(org.Location, ("id", "name", "ordinal"), ((x.id, x.name, i) for i, x in enumerate(model.locations)))
    insert_rows(
        org.Unit,
        ("id", "name", "kind", "parent", "location", "lead", "core", "purpose", "ordinal"),
        ((u.id, u.name, u.kind, u.parent, u.location, u.lead, u.core, u.purpose, i) for i, u in enumerate(model.units)),
    )
    insert_rows(
        org.Person,
        ("id", "name", "unit", "email", "position", "ordinal"),
        ((p.id, p.name, p.unit, p.email, p.position, i) for i, p in enumerate(model.people)),
    )
    insert_rows(
        org.PersonCompetency,
        ("person", "competency", "level", "ordinal"),
        ((p.id, c, level, j) for p in model.people for j, (c, level) in enumerate(p.competencies.items())),
    )
    _write_purpose(model, people)
    _write_design(model)
    _write_goals(model, people, versions)


def _write_purpose(model: Model, people: set[str]) -> None:
    mission = model.mission
    if mission is not None:
        insert_rows(
            purpose.Mission,
            ("id", "statement", "scope", "adopted", "principles"),
            [(1, mission.statement, mission.scope, _date(mission.adopted), _json(mission.principles))],
        )
    insert_rows(
        purpose.RoleProfile,
        (
            "unit",
            "toward",
            "horizon",
            "as_is_rights",
            "as_is_alignment",
            "target_rights",
            "target_alignment",
            "rationale",
            "ordinal",
        ),
        (
            (
                r.unit,
                r.toward,
                r.horizon,
                _json(r.as_is.decision_rights),
                r.as_is.sales_alignment,
                _json(r.target.decision_rights),
                r.target.sales_alignment,
                r.rationale,
                i,
            )
            for i, r in enumerate(model.role_profiles)
        ),
    )
    insert_rows(
        purpose.VisionAnswer,
        ("question", "scope", "toward", "status", "answer", "owner_unit", "owner_person", "ordinal"),
        (
            (v.question, v.scope, v.toward, v.status, v.answer, *_owner(v.owner, people), i)
            for i, v in enumerate(model.vision)
        ),
    )


def _write_design(model: Model) -> None:
    insert_rows(
        design.Competency,
        ("id", "name", "category", "ordinal"),
        ((c.id, c.name, c.category, i) for i, c in enumerate(model.competencies)),
    )
    insert_rows(
        design.CompetencyRequirement,
        ("competency", "unit", "level", "ordinal"),
        ((c.id, unit, level, j) for c in model.competencies for j, (unit, level) in enumerate(c.required.items())),
    )
    insert_rows(
        design.Task,
        ("id", "name", "change", "delivery", "accountable", "ordinal"),
        ((t.id, t.name, t.change, t.delivery, t.accountable, i) for i, t in enumerate(model.tasks)),
    )
    insert_rows(
        design.TaskAssignment,
        ("task", "unit", "role", "ordinal"),
        (
            (t.id, unit, role, j)
            for t in model.tasks
            for role, units in (("R", t.responsible), ("C", t.consulted), ("I", t.informed))
            for j, unit in enumerate(units)
        ),
    )
    insert_rows(
        design.TaskLocation,
        ("task", "location", "ordinal"),
        ((t.id, location, j) for t in model.tasks for j, location in enumerate(t.locations)),
    )
    insert_rows(
        design.TaskBusinessUnit,
        ("task", "unit", "ordinal"),
        ((t.id, unit, j) for t in model.tasks for j, unit in enumerate(t.toward)),
    )
    insert_rows(
        design.TaskCompetency,
        ("task", "competency", "level", "ordinal"),
        ((t.id, c, level, j) for t in model.tasks for j, (c, level) in enumerate(t.competencies.items())),
    )
    insert_rows(
        design.Dependency,
        ("from_unit", "to_unit", "about", "kind", "now", "target", "ordinal"),
        ((d.from_unit, d.to_unit, d.about, d.kind, d.now, d.target, i) for i, d in enumerate(model.dependencies)),
    )
    insert_rows(
        design.Touchpoint,
        ("id", "name", "stage", "channel", "owner", "ordinal"),
        ((t.id, t.name, t.stage, t.channel, t.owner, i) for i, t in enumerate(model.touchpoints)),
    )
    insert_rows(
        design.TouchpointContributor,
        ("touchpoint", "unit", "ordinal"),
        ((t.id, unit, j) for t in model.touchpoints for j, unit in enumerate(t.contributors)),
    )


def _write_goals(model: Model, people: set[str], versions: dict[str, int]) -> None:
    insert_rows(
        goals.Period,
        ("id", "start", "end", "ordinal"),
        ((p.id, _date(p.start), _date(p.end), i) for i, p in enumerate(model.periods)),
    )
    insert_rows(
        goals.Goal,
        ("id", "title", "owner_unit", "owner_person", "period", "description", "version", "ordinal"),
        (
            (g.id, g.title, *_owner(g.owner, people), g.period, g.description, versions.get(g.id, 1), i)
            for i, g in enumerate(model.goals)
        ),
    )
    insert_rows(
        goals.GoalContribution,
        ("goal", "parent", "weight", "ordinal"),
        ((g.id, c.goal, c.weight, j) for g in model.goals for j, c in enumerate(g.contributes_to)),
    )
    insert_rows(
        goals.GoalTask,
        ("goal", "task", "ordinal"),
        ((g.id, task, j) for g in model.goals for j, task in enumerate(g.tasks)),
    )
    key_results = [(g.id, j, kr) for g in model.goals for j, kr in enumerate(g.key_results)]
    insert_rows(
        goals.KeyResult,
        (
            "id",
            "goal",
            "title",
            "unit",
            "baseline",
            "target",
            "direction",
            "range_low",
            "range_high",
            "weight",
            "metric",
            "version",
            "ordinal",
        ),
        (
            (
                kr.id,
                goal_id,
                kr.title,
                kr.unit,
                kr.baseline,
                kr.target,
                kr.direction,
                kr.range[0] if kr.range else None,
                kr.range[1] if kr.range else None,
                kr.weight,
                _json(kr.metric),
                versions.get(f"kr:{kr.id}", 1),
                j,
            )
            for goal_id, j, kr in key_results
        ),
    )
    insert_rows(
        goals.Measurement,
        ("key_result", "date", "value", "source"),
        ((kr.id, _date(x.date), x.value, x.source or "") for _, _, kr in key_results for x in kr.measurements),
    )
    insert_rows(
        goals.CheckIn,
        ("key_result", "date", "by", "confidence", "note", "ordinal"),
        (
            (kr.id, _date(c.date), c.by, c.confidence, c.note, k)
            for _, _, kr in key_results
            for k, c in enumerate(kr.check_ins)
        ),
    )
    insert_rows(
        goals.KPI,
        (
            "id",
            "name",
            "owner_unit",
            "owner_person",
            "unit",
            "touchpoint",
            "better",
            "green",
            "red",
            "metric",
            "ordinal",
        ),
        (
            (k.id, k.name, *_owner(k.owner, people), k.unit, k.touchpoint, k.better, k.green, k.red, _json(k.metric), i)
            for i, k in enumerate(model.kpis)
        ),
    )
    insert_rows(
        goals.KPIMeasurement,
        ("kpi", "date", "value", "source"),
        ((k.id, _date(x.date), x.value, x.source or "") for k in model.kpis for x in k.measurements),
    )
