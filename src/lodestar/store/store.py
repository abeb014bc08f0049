"""Write a validated Model into the database, replacing what was stored (one transaction).

Rows come from the one mapping per entity (`rows.py`) and go in with one prepared INSERT per
table (`executemany`), because the ORM's per-object work would dominate the import of a large
organization.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from django.db import connection, models

from lodestar.design import models as design
from lodestar.goals import models as goals
from lodestar.lib.model import Model
from lodestar.org import models as org
from lodestar.purpose import models as purpose
from lodestar.scenarios import models as scenarios
from lodestar.store.columns import Row
from lodestar.store.rows import (
    EntityRows,
    competency_rows,
    dependency_rows,
    goal_rows,
    key_result_rows,
    kpi_rows,
    location_rows,
    mission_rows,
    organization_rows,
    period_rows,
    person_rows,
    role_profile_rows,
    task_rows,
    touchpoint_rows,
    unit_rows,
    vision_answer_rows,
)
from lodestar.store.scenarios import scenario_rows
from lodestar.store.surveys import SURVEY_TABLES_IN_DELETE_ORDER, kept_state, survey_rows

BATCH = 5000

# Children before parents, so that deleting in this order never strands a reference.
TABLES_IN_DELETE_ORDER: tuple[type[models.Model], ...] = (
    scenarios.Scenario,
    *SURVEY_TABLES_IN_DELETE_ORDER,
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


def _adapter(field: Any) -> Callable[[Any], Any] | None:
    """How a Python value of `field` goes into a raw INSERT (None: as it is)."""
    if isinstance(field, models.JSONField):
        return _json
    if isinstance(field, models.DateField):
        return _date
    return None


def insert_rows(model: type[models.Model], rows: Sequence[Row]) -> int:
    """INSERT rows (mappings of column attnames, all with the same keys) into the model's table."""
    if not rows:
        return 0
    columns = list(rows[0])
    quote = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in columns]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(str(field.column)) for field in fields),  # type: ignore[union-attr]
        ", ".join(["%s"] * len(columns)),
    )
    adapters = [(index, adapt) for index, field in enumerate(fields) if (adapt := _adapter(field))]
    values = itemgetter(*columns)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            batch = [values(row) for row in rows[start : start + BATCH]]
            if adapters:
                batch = [_adapted(row, adapters) for row in batch]
            cursor.executemany(sql, batch)
    return len(rows)


def _adapted(row: tuple[Any, ...], adapters: list[tuple[int, Callable[[Any], Any]]]) -> tuple[Any, ...]:
    values = list(row)
    for index, adapt in adapters:
        values[index] = adapt(values[index])
    return tuple(values)


def delete_all() -> None:
    """Remove every stored model row (not users, tokens or the audit log)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in TABLES_IN_DELETE_ORDER:
            cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")


def write_model(model: Model, *, versions: dict[tuple[str, str], int] | None = None) -> None:
    """Replace the stored model with `model`. Call inside a transaction.

    `versions` holds the version of each entity by (collection, id), as the plan names them;
    an entity not in it starts at 1. The surveys' hand-closings and answer tokens carry over
    (`store.surveys.KeptState`).
    """
    kept = kept_state()
    delete_all()
    known = versions or {}

    def version(collection: str, key: str) -> int:
        return known.get((collection, key), 1)

    people = {person.id for person in model.people}
    tables: dict[type[models.Model], list[Row]] = defaultdict(list)

    def add(entity: EntityRows, **store: Any) -> None:
        tables[entity.table].append({**entity.row, **store} if store else entity.row)
        for table, rows in entity.relations.items():
            tables[table].extend(rows)

    add(organization_rows(model.organization))
    for i, location in enumerate(model.locations):
        add(location_rows(location), ordinal=i)
    for i, unit in enumerate(model.units):
        add(unit_rows(unit), version=version("units", unit.id), ordinal=i)
    for i, person in enumerate(model.people):
        add(person_rows(person), ordinal=i)
    if model.mission is not None:
        add(mission_rows(model.mission), version=version("mission", "mission"))
    for i, profile in enumerate(model.role_profiles):
        add(role_profile_rows(profile), version=1, ordinal=i)
    for i, answer in enumerate(model.vision):
        add(vision_answer_rows(answer, people=people), version=1, ordinal=i)
    for i, competency in enumerate(model.competencies):
        add(competency_rows(competency), version=version("competencies", competency.id), ordinal=i)
    for i, task in enumerate(model.tasks):
        add(task_rows(task), version=version("tasks", task.id), ordinal=i)
    for i, dependency in enumerate(model.dependencies):
        add(dependency_rows(dependency), version=1, ordinal=i)
    for i, touchpoint in enumerate(model.touchpoints):
        add(touchpoint_rows(touchpoint), version=version("touchpoints", touchpoint.id), ordinal=i)
    for i, period in enumerate(model.periods):
        add(period_rows(period), ordinal=i)
    for i, goal in enumerate(model.goals):
        add(goal_rows(goal, people=people), version=version("goals", goal.id), ordinal=i)
        for j, kr in enumerate(goal.key_results):
            add(key_result_rows(kr, goal_id=goal.id), version=version("key_results", kr.id), ordinal=j)
    for i, kpi in enumerate(model.kpis):
        add(kpi_rows(kpi, people=people), ordinal=i)
    for i, scenario in enumerate(model.scenarios):
        add(scenario_rows(scenario), version=version("scenarios", scenario.id), ordinal=i)
    for i, survey in enumerate(model.surveys):
        for table, rows in survey_rows(survey, ordinal=i, version=version("surveys", survey.id), kept=kept).items():
            tables[table].extend(rows)
    for table in reversed(TABLES_IN_DELETE_ORDER):
        insert_rows(table, tables[table])
