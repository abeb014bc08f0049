"""The dependency network: units and adjacent areas, interfaces with their intensity now and in the target."""

from __future__ import annotations

from dataclasses import dataclass

from lodestar.checks.rules import HOTSPOT_DEPENDENCIES, HOTSPOT_INTENSITY
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Dependency, Model

OUTSIDE_KINDS = ("adjacent", "external")


@dataclass(frozen=True, slots=True)
class NetworkNode:
    id: str
    name: str
    kind: str
    dependencies: int  # how many dependencies the unit takes part in
    strong_in_target: int  # how many of them reach the hotspot intensity in the target
    intensity_now: int  # the sum of the intensities of its dependencies
    intensity_target: int

    @property
    def outside(self) -> bool:
        """An adjacent area or an external provider rather than a marketing & sales unit."""
        return self.kind in OUTSIDE_KINDS

    @property
    def hotspot(self) -> bool:
        """The rule of LS010: 4 or more dependencies of target intensity 3 or more."""
        return self.strong_in_target >= HOTSPOT_DEPENDENCIES


@dataclass(frozen=True, slots=True)
class NetworkEdge:
    dependency: Dependency

    @property
    def source(self) -> str:
        """The unit that depends (`from`)."""
        return self.dependency.from_unit

    @property
    def target_unit(self) -> str:
        """The unit depended on (`to`)."""
        return self.dependency.to_unit

    @property
    def now(self) -> int:
        return self.dependency.now

    @property
    def target(self) -> int:
        return self.dependency.target

    @property
    def change(self) -> int:
        """Target minus now: positive where the interface intensifies."""
        return self.dependency.target - self.dependency.now

    def intensity(self, state: str) -> int:
        """The intensity 'now' or in the 'target'."""
        return self.dependency.now if state == "now" else self.dependency.target


@dataclass(frozen=True, slots=True)
class DependencyNetwork:
    nodes: list[NetworkNode]  # every unit taking part in a dependency, in model order
    edges: list[NetworkEdge]  # in model order

    @property
    def hotspots(self) -> list[NetworkNode]:
        return [node for node in self.nodes if node.hotspot]

    def node(self, unit_id: str) -> NetworkNode:
        return next(node for node in self.nodes if node.id == unit_id)

    def edges_by_change(self) -> list[NetworkEdge]:
        """Strongest intensification first, then the strongest reduction; ties by target intensity."""
        return sorted(self.edges, key=lambda edge: (-edge.change, -edge.target))


def dependency_network(model: Model) -> DependencyNetwork:
    """Nodes and edges of the dependency network, with hotspots by the same rule as LS010."""
    index = ModelIndex(model)
    involved = index.dependencies_by_unit
    order = index.unit_order
    nodes = []
    for unit_id in sorted(involved, key=lambda u: order.get(u, len(order))):
        dependencies = involved[unit_id]
        unit = index.units.get(unit_id)
        nodes.append(
            NetworkNode(
                id=unit_id,
                name=unit.name if unit else unit_id,
                kind=unit.kind if unit else "unknown",
                dependencies=len(dependencies),
                strong_in_target=sum(1 for d in dependencies if d.target >= HOTSPOT_INTENSITY),
                intensity_now=sum(d.now for d in dependencies),
                intensity_target=sum(d.target for d in dependencies),
            )
        )
    return DependencyNetwork(nodes=nodes, edges=[NetworkEdge(dependency) for dependency in model.dependencies])
