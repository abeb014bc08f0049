"""Look-ups over a model that every design analysis needs: units by id, names, the tree below a unit."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from lodestar.lib.model import Model, Person, Task, Unit

# Letters in RACI order; a unit may hold several for one task (often R and A).
RACI_LETTERS = ("R", "A", "C", "I")


class ModelIndex:
    """Read-only look-ups built once per analysis."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.units: dict[str, Unit] = {unit.id: unit for unit in model.units}
        self.people: dict[str, Person] = {person.id: person for person in model.people}
        self.tasks: dict[str, Task] = {task.id: task for task in model.tasks}
        self._below: dict[str, frozenset[str]] = {}

    @cached_property
    def children(self) -> dict[str, list[str]]:
        children: dict[str, list[str]] = defaultdict(list)
        for unit in self.model.units:
            if unit.parent is not None:
                children[unit.parent].append(unit.id)
        return children

    @cached_property
    def unit_order(self) -> dict[str, int]:
        return {unit.id: position for position, unit in enumerate(self.model.units)}

    def below(self, unit_id: str) -> frozenset[str]:
        """`unit_id` and every unit below it."""
        if unit_id not in self._below:
            found, pending = {unit_id}, [unit_id]
            while pending:
                for child in self.children.get(pending.pop(), ()):
                    if child not in found:
                        found.add(child)
                        pending.append(child)
            self._below[unit_id] = frozenset(found)
        return self._below[unit_id]

    def name(self, owner: str | None) -> str:
        """The name of a unit or person; the id itself when it names neither."""
        if owner is None:
            return ""
        if owner in self.units:
            return self.units[owner].name
        if owner in self.people:
            return self.people[owner].name
        return owner

    def owner_unit(self, owner: str) -> str | None:
        """The unit an owner stands for: the unit itself, or a person's unit."""
        if owner in self.units:
            return owner
        person = self.people.get(owner)
        return person.unit if person else None

    def depth(self, unit_id: str) -> int:
        """How many parents a unit has (the root: 0)."""
        depth, seen = 0, {unit_id}
        parent = self.units[unit_id].parent if unit_id in self.units else None
        while parent is not None and parent not in seen:
            seen.add(parent)
            depth += 1
            parent = self.units[parent].parent if parent in self.units else None
        return depth

    def in_tree_order(self) -> list[Unit]:
        """Every unit, each under its parent, siblings in model order (depth first from the root)."""
        ordered: list[Unit] = []
        placed: set[str] = set()
        roots = [unit.id for unit in self.model.units if unit.parent is None or unit.parent not in self.units]
        pending = list(reversed(roots))
        while pending:
            unit_id = pending.pop()
            if unit_id in placed:
                continue
            placed.add(unit_id)
            ordered.append(self.units[unit_id])
            pending.extend(reversed(self.children.get(unit_id, [])))
        ordered.extend(unit for unit in self.model.units if unit.id not in placed)
        return ordered


def raci_letters(task: Task, unit_id: str) -> str:
    """The letters a unit holds for a task, in RACI order ('' for none)."""
    held = (
        unit_id in task.responsible,
        task.accountable == unit_id,
        unit_id in task.consulted,
        unit_id in task.informed,
    )
    return "".join(letter for letter, has in zip(RACI_LETTERS, held, strict=True) if has)


def raci_units(task: Task) -> list[str]:
    """Every unit named in a task's RACI, in the order R, A, C, I, each once."""
    named = [*task.responsible, *([task.accountable] if task.accountable else []), *task.consulted, *task.informed]
    return list(dict.fromkeys(named))
