"""The dependency network: nodes, edges, intensity change and hotspots (the rule of LS010)."""

from __future__ import annotations

from lodestar.design.analysis import dependency_network
from lodestar.lib.model import Dependency
from tests.unit.design.build import empty_model, model, unit


def dep(source: str, target: str, now: int, goal: int) -> Dependency:
    return Dependency(
        from_unit=source, to_unit=target, about=f"{source} on {target}", kind="data", now=now, target=goal
    )


def test_an_empty_model_has_an_empty_network() -> None:
    network = dependency_network(empty_model())
    assert network.nodes == [] and network.edges == [] and network.hotspots == []


def test_nodes_are_the_units_taking_part_in_model_order_with_their_intensities() -> None:
    m = model(
        unit("mkt"),
        unit("idle"),
        unit("it", "adjacent", parent="company"),
        unit("agency", "external", parent="company"),
        dependencies=[dep("mkt", "it", 1, 3), dep("mkt", "agency", 2, 1)],
    )
    network = dependency_network(m)
    assert [node.id for node in network.nodes] == ["mkt", "it", "agency"]
    mkt = network.node("mkt")
    assert (mkt.dependencies, mkt.intensity_now, mkt.intensity_target, mkt.strong_in_target) == (2, 3, 4, 1)
    assert not mkt.outside
    assert network.node("it").outside and network.node("agency").outside


def test_edges_carry_now_target_and_change_and_sort_by_change() -> None:
    m = model(unit("a"), unit("b"), dependencies=[dep("a", "b", 3, 1), dep("b", "a", 1, 4), dep("a", "ms", 2, 2)])
    network = dependency_network(m)
    assert [edge.change for edge in network.edges] == [-2, 3, 0]
    assert [edge.change for edge in network.edges_by_change()] == [3, 0, -2]
    edge = network.edges[1]
    assert (edge.source, edge.target_unit, edge.intensity("now"), edge.intensity("target")) == ("b", "a", 1, 4)


def test_four_dependencies_of_target_intensity_three_make_a_hotspot() -> None:
    m = model(
        *(unit(u) for u in ("a", "b", "c", "d")),
        unit("it", "adjacent", parent="company"),
        dependencies=[dep(u, "it", 0, 3) for u in ("a", "b", "c", "d")],
    )
    assert [node.id for node in dependency_network(m).hotspots] == ["it"]


def test_three_strong_and_one_weak_dependency_make_no_hotspot() -> None:
    m = model(
        *(unit(u) for u in ("a", "b", "c", "d")),
        unit("it", "adjacent", parent="company"),
        dependencies=[*(dep(u, "it", 5, 3) for u in ("a", "b", "c")), dep("d", "it", 5, 2)],
    )
    network = dependency_network(m)
    assert network.hotspots == []
    assert network.node("it").strong_in_target == 3


def test_a_unit_depending_on_itself_counts_once() -> None:
    m = model(unit("a"), dependencies=[dep("a", "a", 1, 4)])
    network = dependency_network(m)
    assert [(node.id, node.dependencies) for node in network.nodes] == [("a", 1)]
