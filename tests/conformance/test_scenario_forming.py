"""How a scenario's model is formed (replace, add, remove units and people, moves, replaced sections), seen
through `lodestar scenarios adopt`: the exported model afterwards is the scenario's model."""

from __future__ import annotations

from tests.conformance.builders import dependency, task
from tests.conformance.scenario_builders import base, scenario
from tests.conformance.scenario_fixtures import Adopt


def _ids(document: dict, section: str) -> list[str]:  # type: ignore[type-arg]
    return [entry["id"] for entry in document.get(section, [])]


def _one(document: dict, section: str, ident: str) -> dict:  # type: ignore[type-arg]
    return next(entry for entry in document[section] if entry["id"] == ident)


def test_a_unit_with_an_existing_id_replaces_that_unit_in_its_place(adopted: Adopt) -> None:
    renamed = {"id": "sales", "name": "Sales & Service", "kind": "department", "parent": "ms"}
    model = adopted(base(scenarios=[scenario(units=[renamed])]), "s")

    assert _ids(model, "units") == _ids(base(), "units")
    assert _one(model, "units", "sales")["name"] == "Sales & Service"


def test_a_unit_with_a_new_id_is_added_at_the_end(adopted: Adopt) -> None:
    model = adopted(
        base(scenarios=[scenario(units=[{"id": "hub", "name": "Hub", "kind": "team", "parent": "ms"}])]), "s"
    )

    assert _ids(model, "units") == [*_ids(base(), "units"), "hub"]


def test_people_are_replaced_in_place_or_added_as_planned_hires(adopted: Adopt) -> None:
    people = [{"id": "p2", "name": "P2 Renamed", "unit": "sales"}, {"id": "hire", "name": "Hire", "unit": "web"}]
    model = adopted(base(scenarios=[scenario(people=people)]), "s")

    assert _ids(model, "people") == ["p1", "p2", "p3", "p4", "hire"]
    assert _one(model, "people", "p2") == {"id": "p2", "name": "P2 Renamed", "unit": "sales"}


def test_a_move_puts_the_person_in_the_unit(adopted: Adopt) -> None:
    model = adopted(base(scenarios=[scenario(moves=[{"person": "p1", "unit": "sales"}])]), "s")

    assert _one(model, "people", "p1")["unit"] == "sales"


def test_a_removed_persons_goals_pass_to_their_unit_after_the_moves(adopted: Adopt) -> None:
    leaving = scenario(moves=[{"person": "p3", "unit": "mkt"}], remove_people=["p3"])
    model = adopted(base(scenarios=[leaving]), "s")

    assert "p3" not in _ids(model, "people")
    assert _one(model, "goals", "g3")["owner"] == "mkt"


def test_key_results_owned_by_a_removed_person_lose_their_owner(adopted: Adopt) -> None:
    document = base(scenarios=[scenario(remove_people=["p2"])])
    document["goals"][1]["key_results"][0]["owner"] = "p2"
    model = adopted(document, "s")

    assert "owner" not in _one(model, "goals", "g2")["key_results"][0]


def test_a_removed_units_goals_pass_to_the_nearest_remaining_ancestor(adopted: Adopt) -> None:
    document = base()
    document["goals"][1]["owner"] = "web"
    removing = scenario(
        remove_units=["web", "mkt"],
        moves=[{"person": "p1", "unit": "sales"}, {"person": "p2", "unit": "sales"}, {"person": "p4", "unit": "sales"}],
        replace={
            "tasks": [task("t2", responsible=("sales",), accountable="sales")],
            "dependencies": [dependency("sales", "it", 4)],
            "competencies": [{"id": "c1", "name": "C1"}],
        },
    )
    document["scenarios"] = [removing]
    model = adopted(document, "s")

    assert "web" not in _ids(model, "units") and "mkt" not in _ids(model, "units")
    assert _one(model, "goals", "g2")["owner"] == "ms"


def test_a_replaced_section_is_replaced_wholesale_and_the_others_stay(adopted: Adopt) -> None:
    tasks = [task("t1", responsible=("mkt",), accountable="mkt"), task("t9", responsible=("web",))]
    model = adopted(base(scenarios=[scenario(replace={"tasks": tasks})]), "s")

    assert _ids(model, "tasks") == ["t1", "t9"]
    assert model["dependencies"] == base()["dependencies"]
    assert model["competencies"] == base()["competencies"]


def test_an_empty_replacement_leaves_the_section_empty(adopted: Adopt) -> None:
    model = adopted(base(scenarios=[scenario(replace={"dependencies": []})]), "s")

    assert model.get("dependencies", []) == []
    assert _ids(model, "tasks") == _ids(base(), "tasks")


def test_goals_lose_the_tasks_the_scenario_no_longer_has(adopted: Adopt) -> None:
    model = adopted(base(scenarios=[scenario(replace={"tasks": [task("t2", responsible=("sales",))]})]), "s")

    assert "tasks" not in _one(model, "goals", "g1")
    assert _one(model, "goals", "g3")["tasks"] == ["t2"]
