"""Whether each scenario's model is valid, every error at the scenario's path.

Where the scenario's own text is at fault, the error is at its path
(`scenarios[1].replace.tasks[3].responsible[0]: unknown unit 'markting'`); a removed unit or
person that something still names is reported at the removal
(`scenarios[0].remove_units[0]: unit 'north' is still referenced by people[4].unit`); where a
base record becomes invalid in the scenario, at `scenarios[i]`, followed by the record's path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lodestar.lib.model import Model
from lodestar.lib.scenario import Scenario
from lodestar.modelfile.export import to_document
from lodestar.modelfile.reader import InvalidModel, Issue
from lodestar.modelfile.scenario_model import Formed, form

Validator = Callable[[Any], Model]

_RECORD = re.compile(r"^([a-z_]+)\[(\d+)\](.*)$")
_UNKNOWN = re.compile(r"^unknown (unit|person|unit or person) '([^']*)'$")


def _origin(formed: Formed, path: str) -> tuple[str, bool]:
    """Where the entry at `path` of the scenario's model was written, and whether in the scenario."""
    match = _RECORD.match(path)
    if match is None:
        return path, False
    section, index, rest = match.group(1), int(match.group(2)), match.group(3)
    if section == "people" and index in formed.moved and (rest == ".unit"):
        return formed.moved[index], True
    origins = formed.origins.get(section)
    if origins is None or index >= len(origins):
        return path, False
    where = origins[index]
    return where + rest, not where.startswith(section)


def _removal(scenario: Scenario, message: str, prefix: str) -> tuple[str, str] | None:
    """The removal a message about an unknown unit or person is due to: (its path, what it removed)."""
    match = _UNKNOWN.match(message)
    if match is None:
        return None
    kind, ident = match.group(1), match.group(2)
    if kind != "person" and ident in scenario.remove_units:
        return f"{prefix}.remove_units[{scenario.remove_units.index(ident)}]", f"unit {ident!r}"
    if kind != "unit" and ident in scenario.remove_people:
        return f"{prefix}.remove_people[{scenario.remove_people.index(ident)}]", f"person {ident!r}"
    return None


def _own_references(base: Model, scenario: Scenario, prefix: str) -> list[Issue]:
    """The removals and moves name what the base (with the scenario's additions) has."""
    issues: list[Issue] = []
    units = {unit.id for unit in base.units}
    people = {person.id for person in base.people}
    for k, unit_id in enumerate(scenario.remove_units):
        if unit_id not in units:
            issues.append(Issue(f"{prefix}.remove_units[{k}]", f"unknown unit {unit_id!r}"))
    for k, person_id in enumerate(scenario.remove_people):
        if person_id not in people:
            issues.append(Issue(f"{prefix}.remove_people[{k}]", f"unknown person {person_id!r}"))
    known = people | {person.id for person in scenario.people}
    for k, move in enumerate(scenario.moves):
        if move.person not in known:
            issues.append(Issue(f"{prefix}.moves[{k}].person", f"unknown person {move.person!r}"))
    return issues


def scenario_issues(base: Model, scenario: Scenario, *, prefix: str, validate: Validator) -> list[Issue]:
    """Every error of one scenario against `base` (which is valid); [] when its model is valid."""
    issues = _own_references(base, scenario, prefix)
    if issues:
        return issues
    formed = form(base, scenario, path=prefix)
    try:
        validate(to_document(formed.model))
    except InvalidModel as error:
        found: list[Issue] = []
        for issue in error.found:
            where, own = _origin(formed, issue.path)
            removal = _removal(scenario, issue.message, prefix)
            if removal is not None:
                removal_path, what = removal
                found.append(Issue(removal_path, f"{what} is still referenced by {where}"))
            elif own:
                found.append(Issue(where, issue.message))
            else:
                found.append(Issue(prefix, f"{where}: {issue.message}" if where else issue.message))
        return list(dict.fromkeys(found))
    return []


def within_scenarios(path: str) -> bool:
    return path == "scenarios" or path.startswith(("scenarios.", "scenarios["))


def _within(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith((f"{prefix}.", f"{prefix}:"))


def check_scenarios(
    base: Model, scenarios: list[tuple[int, Scenario]], *, known: list[Issue], validate: Validator
) -> list[Issue]:
    """The errors of every scenario, each against the same base; one whose text has `known` errors is not formed."""
    issues: list[Issue] = []
    for index, scenario in scenarios:
        prefix = f"scenarios[{index}]"
        if any(_within(issue.path, prefix) for issue in known):
            continue
        issues.extend(scenario_issues(base, scenario, prefix=prefix, validate=validate))
    return issues
