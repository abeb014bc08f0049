"""Competency heat map and gaps: required from the catalog and from tasks, best available in the unit or below."""

from __future__ import annotations

from lodestar.design.analysis import competency_gaps, competency_heatmap, people_competencies
from lodestar.lib.model import Competency
from tests.unit.design.build import empty_model, model, person, task, unit


def test_an_empty_model_has_no_rows_and_no_gaps() -> None:
    heatmap = competency_heatmap(empty_model())
    assert heatmap.units == [] and heatmap.cells == {} and heatmap.gaps == []
    assert competency_gaps(empty_model()) == []


def test_the_required_level_is_the_highest_of_catalog_and_tasks() -> None:
    m = model(
        unit("mkt"),
        competencies=[Competency("seo", "SEO", required={"mkt": 2}), Competency("crm", "CRM")],
        tasks=[task("content", responsible=["mkt"], competencies={"seo": 4}), task("x", competencies={"seo": 5})],
    )
    cell = competency_heatmap(m).cell("mkt", "seo")
    assert cell.required == 4
    assert cell.catalog_level == 2
    assert [(t.task.id, t.level) for t in cell.tasks] == [("content", 4)]
    assert competency_heatmap(m).cell("mkt", "crm").required == 0


def test_tasks_being_dropped_require_nothing() -> None:
    m = model(
        unit("mkt"),
        competencies=[Competency("print", "Print")],
        tasks=[task("catalogue", "drop", responsible=["mkt"], competencies={"print": 5})],
    )
    heatmap = competency_heatmap(m)
    assert heatmap.units == []
    assert competency_gaps(m) == []


def test_people_below_the_unit_count_toward_its_best_level() -> None:
    m = model(
        unit("sales"),
        unit("north", "team", parent="sales"),
        people=[person("ann", "sales", selling=2), person("bo", "north", selling=4), person("cy", "north", selling=4)],
        competencies=[Competency("selling", "Selling", required={"sales": 4, "north": 3})],
    )
    heatmap = competency_heatmap(m)
    cell = heatmap.cell("sales", "selling")
    assert (cell.best, cell.gap, cell.best_people) == (4, 0, ("bo", "cy"))
    assert heatmap.gaps == []


def test_a_unit_without_people_has_best_zero_and_the_whole_level_as_gap() -> None:
    m = model(unit("data"), competencies=[Competency("sql", "SQL", required={"data": 3})])
    gaps = competency_gaps(m)
    assert [(g.unit.id, g.competency.id, g.required, g.best, g.gap) for g in gaps] == [("data", "sql", 3, 0, 3)]
    assert gaps[0].subject == "competency:sql@data"
    assert competency_heatmap(m).cell("data", "sql").best_people == ()


def test_gaps_come_largest_first_with_the_tasks_causing_them() -> None:
    m = model(
        unit("a"),
        unit("b"),
        people=[person("p", "a", sql=2)],
        competencies=[Competency("sql", "SQL")],
        tasks=[task("report", responsible=["a", "b"], competencies={"sql": 3})],
    )
    gaps = competency_gaps(m)
    assert [(g.unit.id, g.gap) for g in gaps] == [("b", 3), ("a", 1)]
    assert [t.task.id for t in gaps[0].tasks] == ["report"]
    assert gaps[0].catalog_level is None


def test_people_competencies_lists_people_with_levels_and_can_narrow_to_a_unit() -> None:
    m = model(
        unit("sales"),
        unit("north", "team", parent="sales"),
        unit("mkt"),
        people=[person("ann", "north", selling=2), person("bo", "mkt", seo=3), person("cy", "sales")],
        competencies=[Competency("selling", "Selling"), Competency("seo", "SEO")],
    )
    everyone = people_competencies(m)
    assert [p.id for p in everyone.people] == ["ann", "bo"]
    assert everyone.level(everyone.people[0], "selling") == 2
    assert everyone.level(everyone.people[0], "seo") is None
    assert [p.id for p in people_competencies(m, unit="sales").people] == ["ann"]
