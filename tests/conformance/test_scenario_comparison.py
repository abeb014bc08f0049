"""`lodestar scenarios compare`: every figure for the base and for a scenario's model, in the order the spec gives."""

from __future__ import annotations

from tests.conformance.builders import day, dependency, task
from tests.conformance.scenario_builders import base, scenario
from tests.conformance.scenario_fixtures import CompareAt
from tests.conftest import RunLodestar, WriteModel

AS_OF = day(10)

# Media buying in-house: the agency's task goes to marketing, the web team takes analytics,
# t4 (dropped) and t5 are gone, and the agency no longer feeds IT.
IN_HOUSE = scenario(
    "in-house",
    replace={
        "tasks": [
            task("t1", responsible=("web",), accountable="web"),
            task("t2", responsible=("sales",), accountable="sales", delivery="decentral"),
            task("t3", responsible=("mkt",), accountable="mkt", competencies={"c1": 4}),
        ],
        "dependencies": [dependency("mkt", "it", 3), dependency("sales", "it", 4), dependency("web", "it", 5)],
    },
    moves=[{"person": "p2", "unit": "web"}],
)


def _by_id(result: dict) -> dict:  # type: ignore[type-arg]
    return {column["id"]: column for column in result["scenarios"]}


def test_the_base_comes_first_and_has_every_figure(compared: CompareAt) -> None:
    result = compared(base(scenarios=[IN_HOUSE]), as_of=AS_OF)

    assert [column["id"] for column in result["scenarios"]] == ["base", "in-house"]
    assert result["scenarios"][0] == {
        "id": "base",
        "tasks": {"total": 4, "central": 2, "decentral": 1, "external": 1},
        "without_accountable": ["t5"],
        "without_responsible": ["t5"],
        "accountable_load": {"mkt": 2, "sales": 1},
        "max_accountable_load": 2,
        "interfaces": {"agency": 1, "it": 4, "mkt": 1, "sales": 1, "web": 1},
        "hotspots": ["it"],
        "competency_gaps": ["c1@mkt"],
        "headcount": {"mkt": 2, "sales": 1, "web": 1},
        "units": 3,
        "target_archetypes": {"ms": "growth_champion", "ms>bu": "service_provider"},
        "goals_affected": ["g1"],
        "findings": {"LS001": 2, "LS004": 1, "LS006": 1, "LS007": 1, "LS008": 1, "LS009": 1, "LS010": 1},
    }


def test_a_scenario_has_the_figures_of_its_own_model(compared: CompareAt) -> None:
    column = _by_id(compared(base(scenarios=[IN_HOUSE]), as_of=AS_OF))["in-house"]

    assert column["tasks"] == {"total": 3, "central": 2, "decentral": 1, "external": 0}
    assert column["without_accountable"] == []
    assert column["without_responsible"] == []
    assert column["accountable_load"] == {"mkt": 1, "sales": 1, "web": 1}
    assert column["max_accountable_load"] == 1
    assert column["interfaces"] == {"it": 3, "mkt": 1, "sales": 1, "web": 1}
    assert column["hotspots"] == []
    # c1 at 3 for mkt (competencies) and at 4 for mkt (task t3): one finding, as the health check reports it
    assert column["competency_gaps"] == ["c1@mkt"]
    assert column["headcount"] == {"mkt": 1, "sales": 1, "web": 2}
    assert column["units"] == 3
    assert column["goals_affected"] == ["g1"]  # lists t4, which the scenario no longer has
    assert column["findings"] == {"LS001": 2, "LS004": 1, "LS009": 1}


def test_a_task_that_is_dropped_in_the_scenario_affects_the_goals_that_list_it(compared: CompareAt) -> None:
    dropping = scenario("drop-t1", replace={"tasks": [task("t1", change="drop", responsible=("mkt",))]})

    column = _by_id(compared(base(scenarios=[dropping]), as_of=AS_OF))["drop-t1"]

    # g2 lists t1 (dropped); g1 and g3 list t4 and t2, which the scenario no longer has
    assert column["goals_affected"] == ["g1", "g2", "g3"]
    assert column["findings"]["LS008"] == 1
    assert column["tasks"] == {"total": 0, "central": 0, "decentral": 0, "external": 0}
    assert column["accountable_load"] == {}
    assert column["max_accountable_load"] == 0


def test_a_goal_whose_owner_passes_to_another_unit_is_affected(compared: CompareAt) -> None:
    leaving = scenario("leaving", remove_people=["p3"])

    column = _by_id(compared(base(scenarios=[leaving]), as_of=AS_OF))["leaving"]

    assert column["goals_affected"] == ["g1", "g3"]
    assert column["headcount"] == {"mkt": 2, "web": 1}


def test_the_units_figure_counts_departments_and_teams_in_the_mission_scope(compared: CompareAt) -> None:
    growing = scenario(
        "growing",
        units=[
            {"id": "crm", "name": "CRM", "kind": "team", "parent": "sales"},
            {"id": "ops", "name": "Ops", "kind": "department", "parent": "company"},
            {"id": "field", "name": "Field", "kind": "area", "parent": "ms"},
        ],
    )

    column = _by_id(compared(base(scenarios=[growing]), as_of=AS_OF))["growing"]

    assert column["units"] == 4


def test_the_units_figure_counts_the_whole_tree_without_a_mission(compared: CompareAt) -> None:
    document = base(
        scenarios=[scenario("x", units=[{"id": "ops", "name": "Ops", "kind": "team", "parent": "company"}])]
    )
    del document["mission"]

    result = _by_id(compared(document, as_of=AS_OF))

    assert result["base"]["units"] == 3
    assert result["x"]["units"] == 4


def test_a_target_archetype_follows_the_replaced_role_profiles(compared: CompareAt) -> None:
    profiles = [
        {
            "unit": "mkt",
            "as_is": {"decision_rights": {}, "sales_alignment": "defined"},
            "target": {
                "decision_rights": {"communication": "lead", "strategy": "co_decide"},
                "sales_alignment": "aligned",
            },
        }
    ]
    column = _by_id(compared(base(scenarios=[scenario("roles", replace={"role_profiles": profiles})]), as_of=AS_OF))

    assert column["roles"]["target_archetypes"] == {"mkt": "brand_builder"}


def test_named_scenarios_come_in_file_order_whatever_the_order_of_the_arguments(compared: CompareAt) -> None:
    document = base(scenarios=[scenario("a"), scenario("b"), scenario("c")])

    result = compared(document, "c", "a", as_of=AS_OF)

    assert [column["id"] for column in result["scenarios"]] == ["base", "a", "c"]


def test_an_unknown_scenario_id_is_an_error(lodestar: RunLodestar, write_model: WriteModel) -> None:
    assert lodestar("import", str(write_model(base(scenarios=[scenario("a")])))).code == 0

    run = lodestar("scenarios", "compare", "a", "nope", "--format", "json")

    assert run.code == 2
    assert "nope" in run.err


def test_the_text_comparison_is_a_table_with_a_column_per_model(lodestar: RunLodestar, write_model: WriteModel) -> None:
    assert lodestar("import", str(write_model(base(scenarios=[IN_HOUSE])))).code == 0

    run = lodestar("scenarios", "compare", "--as-of", AS_OF.isoformat())

    assert run.code == 0
    header = next(line for line in run.out.splitlines() if line.startswith("figure"))
    assert header.split() == ["figure", "base", "in-house"]
    tasks_row = next(line for line in run.out.splitlines() if line.startswith("tasks (not dropped)"))
    assert tasks_row.split()[-2:] == ["4", "3*"]
