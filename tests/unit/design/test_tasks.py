"""The task catalog: RACI matrix, central/decentral split, change overview and filters."""

from __future__ import annotations

from lodestar.design.analysis import change_overview, delivery_split, filter_tasks, raci_matrix
from lodestar.design.tasks import NO_ACCOUNTABLE, NO_RESPONSIBLE
from lodestar.lib.model import Goal, Location
from tests.unit.design.build import empty_model, model, task, unit


def test_raci_matrix_of_an_empty_model_has_no_rows_and_no_columns() -> None:
    matrix = raci_matrix(empty_model())
    assert matrix.rows == []
    assert matrix.units == []
    assert matrix.flagged == []


def test_raci_matrix_gives_each_unit_its_letters_in_raci_order() -> None:
    m = model(
        unit("mkt"),
        unit("it", "adjacent", parent="company"),
        tasks=[task("web", responsible=["mkt"], accountable="mkt", consulted=["it"], informed=["ms"])],
    )
    row = raci_matrix(m).rows[0]
    assert row.letters == {"mkt": "RA", "it": "C", "ms": "I"}
    assert row.cell("mkt") == "R/A"
    assert row.cell("company") == ""
    assert not row.flagged


def test_raci_matrix_columns_are_the_units_named_in_model_order() -> None:
    m = model(
        unit("mkt"),
        unit("sales"),
        unit("unused"),
        tasks=[task("a", responsible=["sales"], accountable="ms"), task("b", responsible=["mkt"], accountable="mkt")],
    )
    assert [u.id for u in raci_matrix(m).units] == ["ms", "mkt", "sales"]


def test_a_task_without_accountable_is_flagged() -> None:
    m = model(unit("mkt"), tasks=[task("orphan", responsible=["mkt"])])
    row = raci_matrix(m).rows[0]
    assert row.problems == (NO_ACCOUNTABLE,)
    assert raci_matrix(m).flagged == [row]


def test_a_task_without_responsible_is_flagged_even_with_an_accountable() -> None:
    m = model(unit("mkt"), tasks=[task("nobody-does-it", accountable="mkt")])
    assert raci_matrix(m).rows[0].problems == (NO_RESPONSIBLE,)


def test_a_task_with_neither_r_nor_a_has_both_problems_and_no_columns() -> None:
    m = model(tasks=[task("floating")])
    matrix = raci_matrix(m)
    assert matrix.rows[0].problems == (NO_ACCOUNTABLE, NO_RESPONSIBLE)
    assert matrix.units == []


def test_raci_matrix_can_be_narrowed_to_some_tasks() -> None:
    m = model(
        unit("mkt"),
        unit("sales"),
        tasks=[
            task("a", responsible=["mkt"], accountable="mkt"),
            task("b", responsible=["sales"], accountable="sales"),
        ],
    )
    matrix = raci_matrix(m, tasks=filter_tasks(m, unit="sales"))
    assert [row.task.id for row in matrix.rows] == ["b"]
    assert [u.id for u in matrix.units] == ["sales"]


def test_filter_tasks_combines_every_filter() -> None:
    m = model(
        unit("mkt"),
        unit("bu", "business_unit", parent="company"),
        locations=[Location("hq", "HQ")],
        tasks=[
            task("a", "new", "central", responsible=["mkt"], locations=["hq"], toward=["bu"]),
            task("b", "new", "decentral", responsible=["mkt"], locations=["hq"]),
            task("c", "keep", "central", consulted=["mkt"]),
        ],
    )
    assert [t.id for t in filter_tasks(m, change="new")] == ["a", "b"]
    assert [t.id for t in filter_tasks(m, delivery="central")] == ["a", "c"]
    assert [t.id for t in filter_tasks(m, unit="mkt")] == ["a", "b", "c"]
    assert [t.id for t in filter_tasks(m, location="hq", toward="bu")] == ["a"]
    assert filter_tasks(m, change="drop") == []


def test_delivery_split_counts_per_location_and_per_responsible_unit() -> None:
    m = model(
        unit("mkt"),
        unit("north", "team", parent="mkt"),
        locations=[Location("hq", "HQ"), Location("port", "Port office"), Location("empty", "Empty")],
        tasks=[
            task("brand", delivery="central", responsible=["mkt"], locations=["hq"]),
            task("visits", delivery="decentral", responsible=["north", "mkt"], locations=["hq", "port"]),
            task("media", delivery="external", responsible=["mkt"]),
        ],
    )
    split = delivery_split(m)
    assert (split.total.central, split.total.decentral, split.total.external) == (1, 1, 1)
    by_location = {row.key: row for row in split.by_location}
    assert list(by_location) == ["hq", "port", None]
    assert (by_location["hq"].counts.central, by_location["hq"].counts.decentral) == (1, 1)
    assert by_location["port"].counts.decentral == 1
    assert by_location[None].name == "no location given"
    assert by_location[None].counts.external == 1
    by_unit = {row.key: row.counts for row in split.by_unit}
    assert by_unit["mkt"].total == 3
    assert by_unit["north"].prevailing == "decentral"
    assert by_unit["mkt"].prevailing == "mixed"


def test_delivery_split_leaves_out_tasks_being_dropped() -> None:
    m = model(unit("mkt"), tasks=[task("catalogue", "drop", responsible=["mkt"]), task("web", responsible=["mkt"])])
    split = delivery_split(m)
    assert split.total.total == 1
    assert split.by_unit[0].tasks == ("web",)


def test_delivery_counts_share_is_zero_without_tasks() -> None:
    split = delivery_split(empty_model())
    assert split.total.share("central") == 0.0
    assert split.total.prevailing is None
    assert split.by_location == [] and split.by_unit == []


def test_change_overview_lists_all_five_changes_with_the_goals_that_list_each_task() -> None:
    m = model(
        unit("mkt"),
        tasks=[task("abm", "new"), task("crm", "new"), task("catalogue", "drop"), task("fairs", "reduce")],
        goals=[
            Goal(id="g1", title="G1", owner="ms", period="p", tasks=["abm", "catalogue", "abm"]),
            Goal(id="g2", title="G2", owner="ms", period="p", tasks=["abm"]),
        ],
    )
    overview = change_overview(m)
    assert [group.change for group in overview.groups] == ["new", "expand", "keep", "reduce", "drop"]
    new = overview.group("new").items
    assert [goal.id for goal in new[0].goals] == ["g1", "g2"]
    assert not new[0].unplanned
    assert new[1].unplanned
    assert overview.group("drop").items[0].pursued_though_dropped
    assert not overview.group("reduce").items[0].unplanned
    assert overview.group("expand").items == []
