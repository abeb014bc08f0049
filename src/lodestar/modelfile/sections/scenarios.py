"""Section reader for `scenarios`: each scenario's own text, read with the readers of the sections it holds.

A scenario's units, people and replaced sections have the full shape of the model's; they are
read by the same readers, and every error is reported at the scenario's path
(`scenarios[1].replace.tasks[3].name`). Whether the scenario's model is valid is checked once
its text is read (`modelfile/scenario_checks.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lodestar.lib.scenario import BASE_ID, REPLACEABLE, Move, Replacement, Scenario
from lodestar.modelfile.reader import Issue, Reader
from lodestar.modelfile.sections.common import Indexed
from lodestar.modelfile.sections.design import read_competencies, read_dependencies, read_tasks, read_touchpoints
from lodestar.modelfile.sections.org import read_people, read_role_profiles, read_units

SCENARIO_KEYS = frozenset(
    {"id", "name", "description", "units", "remove_units", "people", "remove_people", "moves", "replace"}
)
MOVE_KEYS = frozenset({"person", "unit"})
REPLACE_KEYS = frozenset(REPLACEABLE)

SectionReader = Callable[[Reader, Any], Indexed]
SECTION_READERS: dict[str, SectionReader] = {
    "units": read_units,
    "people": read_people,
    "tasks": read_tasks,
    "dependencies": read_dependencies,
    "competencies": read_competencies,
    "touchpoints": read_touchpoints,
    "role_profiles": read_role_profiles,
}


def read_section(r: Reader, section: str, value: Any, path: str) -> Indexed:
    """A section written inside a scenario, read as the model's own, its errors moved under `path`."""
    inner = Reader()
    entries = SECTION_READERS[section](inner, value)
    for issue in inner.issues:
        r.issues.append(Issue(path + issue.path[len(section) :], issue.message))
    return entries


def _unique_ids(r: Reader, entries: Indexed, path: str, first: dict[str, str]) -> list[Any]:
    kept: list[Any] = []
    for index, entity in entries:
        if entity.id in first:
            r.error(f"{path}[{index}].id", f"duplicate id {entity.id!r} (first at {first[entity.id]})")
            continue
        first[entity.id] = f"{path}[{index}]"
        kept.append(entity)
    return kept


def _moves(r: Reader, value: Any, path: str) -> list[Move]:
    moves: list[Move] = []
    first: dict[str, int] = {}
    for j, item in enumerate(r.items(value, path)):
        move_path = f"{path}[{j}]"
        d = r.mapping(item, move_path, allowed=MOVE_KEYS, required=("person", "unit"))
        if d is None:
            continue
        person = r.ref(d["person"], f"{move_path}.person")
        unit = r.ref(d["unit"], f"{move_path}.unit")
        if person is None or unit is None:
            continue
        if person in first:
            r.error(f"{move_path}.person", f"{person!r} is moved twice (first at {path}[{first[person]}])")
            continue
        first[person] = j
        moves.append(Move(person=person, unit=unit))
    return moves


def _replacement(r: Reader, value: Any, path: str) -> Replacement:
    replacement = Replacement()
    if value is None:
        return replacement
    d = r.mapping(value, path, allowed=REPLACE_KEYS)
    if d is None:
        return replacement
    for section in REPLACEABLE:
        if section not in d:
            continue
        raw = d[section]
        if type(raw) is not list:
            r.error(f"{path}.{section}", "expected a complete list of the section (it may be empty: [])")
            continue
        entries = read_section(r, section, raw, f"{path}.{section}")
        setattr(replacement, section, [entity for _, entity in entries])
    return replacement


def read_scenarios(r: Reader, value: Any) -> Indexed:
    result: Indexed = []
    seen: dict[str, str] = {}
    for i, item in enumerate(r.items(value, "scenarios")):
        path = f"scenarios[{i}]"
        d = r.mapping(item, path, allowed=SCENARIO_KEYS, required=("id", "name"))
        if d is None:
            continue
        ident = r.ident(d["id"], f"{path}.id")
        if ident == BASE_ID:
            r.error(f"{path}.id", f"{BASE_ID!r} is reserved: it names the model itself in a comparison")
            ident = None
        elif ident is not None and ident in seen:
            r.error(f"{path}.id", f"duplicate id {ident!r} (first at {seen[ident]})")
            ident = None
        elif ident is not None:
            seen[ident] = path
        name = r.text(d["name"], f"{path}.name")
        description = r.text(d.get("description"), f"{path}.description", optional=True, long=True)
        owners: dict[str, str] = {}
        units = _unique_ids(r, read_section(r, "units", d.get("units"), f"{path}.units"), f"{path}.units", owners)
        people = _unique_ids(r, read_section(r, "people", d.get("people"), f"{path}.people"), f"{path}.people", owners)
        scenario = Scenario(
            id=ident or "",
            name=name or "",
            description=description,
            units=units,
            remove_units=r.refs(d.get("remove_units"), f"{path}.remove_units"),
            people=people,
            remove_people=r.refs(d.get("remove_people"), f"{path}.remove_people"),
            moves=_moves(r, d.get("moves"), f"{path}.moves"),
            replace=_replacement(r, d.get("replace"), f"{path}.replace"),
        )
        if ident and name:
            result.append((i, scenario))
    return result
