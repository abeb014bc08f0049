"""The model index: the unit tree, owners, people below a unit and the competency levels units need."""

from __future__ import annotations

from datetime import date

from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Competency, Dependency, Goal, Period, VisionAnswer
from tests.unit.design.build import model, person, task, unit


def tree() -> ModelIndex:
    return ModelIndex(
        model(
            unit("sales"),
            unit("north", "team", parent="sales"),
            unit("south", "team", parent="sales"),
            unit("finance"),
            people=[person("ann", "sales"), person("cy", "south"), person("bo", "north"), person("di", "finance")],
        )
    )


def test_the_subtree_of_a_unit_holds_it_and_every_unit_below() -> None:
    index = tree()
    assert index.below("sales") == {"sales", "north", "south"}
    assert index.below("north") == {"north"}
    assert index.below("company") == {"company", "ms", "sales", "north", "south", "finance"}


def test_the_depth_counts_the_parents_of_a_unit() -> None:
    index = tree()
    assert [index.depth(u) for u in ("company", "ms", "sales", "north")] == [0, 1, 2, 3]


def test_an_owner_name_is_the_unit_or_person_name_or_the_id_itself() -> None:
    index = tree()
    assert (index.name("north"), index.name("bo"), index.name("nobody"), index.name(None)) == (
        "North",
        "Bo",
        "nobody",
        "",
    )


def test_the_unit_of_an_owner_is_the_unit_itself_or_the_persons_unit() -> None:
    index = tree()
    assert (index.owner_unit("sales"), index.owner_unit("cy"), index.owner_unit("nobody")) == ("sales", "south", None)


def test_people_below_a_unit_come_in_model_order_and_people_in_it_only_its_own() -> None:
    index = tree()
    assert [p.id for p in index.people_below("sales")] == ["ann", "cy", "bo"]
    assert [p.id for p in index.people_in("sales")] == ["ann"]


def test_the_owners_below_a_unit_are_its_units_and_their_people() -> None:
    assert tree().owners_below("sales") == {"sales", "north", "south", "ann", "cy", "bo"}


def test_a_requirement_is_the_highest_of_catalog_and_tasks_not_being_dropped() -> None:
    index = ModelIndex(
        model(
            unit("mkt"),
            competencies=[Competency("seo", "SEO", required={"mkt": 2})],
            tasks=[
                task("content", responsible=["mkt", "mkt"], competencies={"seo": 4, "crm": 1}),
                task("print", "drop", responsible=["mkt"], competencies={"seo": 5}),
            ],
        )
    )
    requirement = index.requirements[("mkt", "seo")]
    assert (requirement.level, requirement.catalog_level) == (4, 2)
    assert [(t.task.id, t.level) for t in requirement.tasks] == [("content", 4)]
    assert list(index.requirements) == [("mkt", "seo"), ("mkt", "crm")]
    assert index.requirements[("mkt", "crm")].catalog_level is None


def test_the_best_level_counts_the_people_below_the_unit() -> None:
    index = ModelIndex(
        model(
            unit("sales"),
            unit("north", "team", parent="sales"),
            people=[person("ann", "sales", selling=2), person("bo", "north", selling=4)],
        )
    )
    assert (index.best_level("sales", "selling"), index.best_level("north", "selling")) == (4, 4)
    assert index.best_level("sales", "sql") == 0


def test_current_goals_are_those_whose_period_contains_the_day_both_ends_included() -> None:
    index = ModelIndex(
        model(
            periods=[
                Period("h1", date(2026, 1, 1), date(2026, 6, 30)),
                Period("h2", date(2026, 7, 1), date(2026, 12, 31)),
            ],
            goals=[Goal("a", "A", "ms", "h1"), Goal("b", "B", "ms", "h2")],
        )
    )
    assert [goal.id for goal in index.current_goals(date(2026, 6, 30))] == ["a"]
    assert [goal.id for goal in index.current_goals(date(2026, 7, 1))] == ["b"]
    assert index.current_goals(date(2027, 1, 1)) == []


def test_agreed_questions_are_those_agreed_for_the_missions_scope() -> None:
    index = ModelIndex(
        model(
            unit("sales"),
            vision=[
                VisionAnswer("mission", "agreed"),
                VisionAnswer("tasks", "agreed", scope="sales"),
                VisionAnswer("goals", "draft"),
                VisionAnswer("division", "agreed", scope="ms", toward="sales"),
            ],
        )
    )
    assert index.agreed_questions == {"mission", "division"}


def test_the_dependencies_of_a_unit_are_those_on_either_side_each_once() -> None:
    first, second = Dependency("a", "b", "leads", "data", 2, 3), Dependency("b", "b", "plans", "data", 1, 1)
    index = ModelIndex(model(unit("a"), unit("b"), dependencies=[first, second]))
    assert index.dependencies_by_unit == {"a": [first], "b": [first, second]}
