"""How many of a survey round's invited people have answered, per unit of its audience: counts, never names.

Invited are the people now in a unit and the units below it; answered are the responses whose
unit (the respondent's unit when answering) is that unit or one below it. Responses carry no
person, so the counts say how many answered in a unit, never who said what.
"""

from __future__ import annotations

from dataclasses import dataclass

from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Model, Unit
from lodestar.lib.surveys import Survey


@dataclass(frozen=True, slots=True)
class UnitParticipation:
    unit: Unit
    depth: int  # below the audience unit it belongs to (0: an audience unit)
    invited: int
    answered: int


@dataclass(frozen=True, slots=True)
class Participation:
    units: list[UnitParticipation]  # the audience units and the units below them, in tree order
    invited: int
    answered: int
    # Responses from units now outside the audience (moved or gone since they answered).
    elsewhere: int

    @property
    def rate(self) -> float | None:
        return self.answered / self.invited if self.invited else None


def participation(survey: Survey, model: Model) -> Participation:
    """The round's invited and answered counts per unit of its audience, and overall."""
    index = ModelIndex(model)
    audience = [unit for unit in survey.audience if unit in index.units]
    covered: set[str] = set()
    for unit_id in audience:
        covered |= index.below(unit_id)
    people: dict[str, int] = {}
    for person in model.people:
        people[person.unit] = people.get(person.unit, 0) + 1
    answers: dict[str, int] = {}
    for response in survey.responses:
        answers[response.unit] = answers.get(response.unit, 0) + 1
    tops = {unit_id: index.depth(unit_id) for unit_id in audience}
    rows: list[UnitParticipation] = []
    top_depth = 0
    for unit in index.in_tree_order():
        if unit.id not in covered:
            continue
        if unit.id in tops:
            top_depth = tops[unit.id]
        below = index.below(unit.id)
        rows.append(
            UnitParticipation(
                unit=unit,
                depth=max(index.depth(unit.id) - top_depth, 0),
                invited=sum(people.get(unit_id, 0) for unit_id in below),
                answered=sum(answers.get(unit_id, 0) for unit_id in below),
            )
        )
    inside = sum(count for unit_id, count in answers.items() if unit_id in covered)
    return Participation(
        units=rows,
        invited=sum(people.get(unit_id, 0) for unit_id in covered),
        answered=len(survey.responses),
        elsewhere=len(survey.responses) - inside,
    )
