"""What a scenario changes, in one line for `lodestar scenarios list`."""

from __future__ import annotations

from lodestar.lib.scenario import Scenario


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def scenario_summary(scenario: Scenario) -> str:
    parts = []
    if scenario.units:
        parts.append(_count(len(scenario.units), "unit", "units") + " replaced or added")
    if scenario.remove_units:
        parts.append(_count(len(scenario.remove_units), "unit", "units") + " removed")
    if scenario.people:
        parts.append(_count(len(scenario.people), "person", "people") + " replaced or added")
    if scenario.remove_people:
        parts.append(_count(len(scenario.remove_people), "person", "people") + " removed")
    if scenario.moves:
        parts.append(_count(len(scenario.moves), "move", "moves"))
    named = scenario.replace.named()
    if named:
        parts.append("replaces " + ", ".join(named))
    return "; ".join(parts) if parts else "no changes"
