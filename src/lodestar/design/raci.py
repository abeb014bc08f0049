"""Who holds which RACI letter for a task."""

from __future__ import annotations

from lodestar.lib.model import Task

# Letters in RACI order; a unit may hold several for one task (often R and A).
RACI_LETTERS = ("R", "A", "C", "I")


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
