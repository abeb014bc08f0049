"""The column declarations: the row an entity is written as is the row it is built back from."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from lodestar.demo.service import demo_model
from lodestar.goals import models as goals
from lodestar.lib.model import Measurement, Model, Task
from lodestar.store import rows
from lodestar.store.columns import Columns, column

STORED = {"version": 7, "row": 42}


def _entities(model: Model) -> list[tuple[Columns[Any], Any, Any]]:
    """(declaration, entity, parent key) for one entity of each declared kind in the demo."""
    goal = model.goals[0]
    kpi = next(k for k in model.kpis if k.measurements)
    kr = next(kr for g in model.goals for kr in g.key_results if kr.measurements and kr.check_ins and kr.range)
    assert model.mission is not None
    return [
        (rows.ORGANIZATION, model.organization, None),
        (rows.LOCATION, model.locations[0], None),
        (rows.UNIT, model.units[1], None),
        (rows.PERSON, model.people[0], None),
        (rows.MISSION, model.mission, None),
        (rows.ROLE_PROFILE, model.role_profiles[0], None),
        (rows.VISION_ANSWER, next(v for v in model.vision if v.owner in {p.id for p in model.people}), None),
        (rows.TASK, model.tasks[0], None),
        (rows.DEPENDENCY, model.dependencies[0], None),
        (rows.COMPETENCY, model.competencies[0], None),
        (rows.TOUCHPOINT, model.touchpoints[0], None),
        (rows.PERIOD, model.periods[0], None),
        (rows.GOAL, goal, None),
        (rows.CONTRIBUTION, next(c for g in model.goals for c in g.contributes_to if c.weight is not None), goal.id),
        (rows.KEY_RESULT, kr, goal.id),
        (rows.KPI_COLUMNS, kpi, None),
        (rows.MEASUREMENTS["key_result_id"], kr.measurements[0], kr.id),
        (rows.MEASUREMENTS["kpi_id"], kpi.measurements[0], kpi.id),
        (rows.CHECK_IN, kr.check_ins[0], kr.id),
    ]


def _selected(declaration: Columns[Any], row: dict[str, Any]) -> tuple[Any, ...]:
    """The row as the loader's SELECT gives it back."""
    stored = {name: STORED[c.field] for c in declaration.stored for name in c.attnames}
    return tuple(row[name] if name in row else stored[name] for name in declaration.attnames)


def test_every_declared_entity_is_built_back_from_its_own_row() -> None:
    model = demo_model(today=date(2026, 12, 1))
    people = {person.id for person in model.people}
    for declaration, entity, key in _entities(model):
        row = declaration.row(entity, people=people, key=key)
        built = declaration.build_grouped([_selected(declaration, row)]) if key else None
        [rebuilt] = built[key] if built is not None else declaration.build([_selected(declaration, row)])
        for c in declaration.own:
            assert getattr(rebuilt, c.field) == getattr(entity, c.field), (declaration.entity.__name__, c.field)
        for c in declaration.stored:
            assert getattr(rebuilt, c.field) == STORED[c.field]


def test_a_row_holds_the_declared_columns_and_the_parent_key() -> None:
    kr_measurement = Measurement(date(2026, 1, 5), 3.5)
    row = rows.MEASUREMENTS["key_result_id"].row(kr_measurement, key="kr1")
    assert row == {"key_result_id": "kr1", "date": date(2026, 1, 5), "value": 3.5, "source": ""}


def test_relations_are_looked_up_by_the_entity_id_and_default_to_empty() -> None:
    selected = [("t1", "One", "new", "central", "u1", 1), ("t2", "Two", "new", "central", None, 3)]
    built = rows.TASK.build(selected, responsible={"t2": ["u2"]}, competencies={"t1": {"c": 2}})
    assert built == [
        Task("t1", "One", "new", "central", accountable="u1", competencies={"c": 2}),
        Task("t2", "Two", "new", "central", responsible=["u2"]),
    ]
    assert [task.version for task in built] == [1, 3]
    assert built[0].responsible is not built[1].consulted


def test_rows_with_a_key_are_grouped_by_it_in_order() -> None:
    selected = [
        ("kpi1", date(2026, 1, 1), 1.0, ""),
        ("kpi1", date(2026, 2, 1), 2.0, "x"),
        ("kpi2", date(2026, 1, 1), 5.0, ""),
    ]
    grouped = rows.MEASUREMENTS["kpi_id"].build_grouped(selected)
    assert grouped == {
        "kpi1": [Measurement(date(2026, 1, 1), 1.0), Measurement(date(2026, 2, 1), 2.0, "x")],
        "kpi2": [Measurement(date(2026, 1, 1), 5.0)],
    }


def test_a_key_results_measurements_are_built_with_their_row_and_version() -> None:
    selected = [("kr1", date(2026, 1, 1), 1.0, "", 7, 1), ("kr1", date(2026, 2, 1), 2.0, "x", 9, 3)]
    [first, second] = rows.MEASUREMENTS["key_result_id"].build_grouped(selected)["kr1"]
    assert (first.row, first.version) == (7, 1)
    assert (second.source, second.row, second.version) == ("x", 9, 3)


def test_a_declaration_naming_a_field_the_entity_lacks_is_refused() -> None:
    with pytest.raises(TypeError, match="Measurement has no field note"):
        Columns(Measurement, goals.Measurement, (column("date"), column("value"), column("note")))


def test_a_keyed_declaration_must_be_ordered_by_its_key() -> None:
    with pytest.raises(TypeError, match="ordered by it first"):
        Columns(Measurement, goals.Measurement, (column("date"), column("value")), key="key_result_id")
