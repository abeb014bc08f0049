"""The role-clarity survey as plain values: a round, its participants and its anonymous responses.

A response carries the respondent's unit, never the person; `participants` says who answered,
never what. The reader keeps both in the canonical order (participants by id, responses by unit,
date and content), so that no order links a person to an answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

DONT_KNOW = "dont_know"
CLARITY_QUESTIONS = ("own_role", "neighbours", "mission")
CLARITY_LOW, CLARITY_HIGH = 1, 5
DEFAULT_MIN_GROUP = 5
# LS016 fires below this share of answers naming the designed accountable.
AGREEMENT_THRESHOLD = 0.5


@dataclass(slots=True)
class SurveyAnswer:
    """One task's answers in one response; None: the question was skipped.

    `accountable` is a unit id or DONT_KNOW; `responsible` a list of unit ids or DONT_KNOW.
    """

    task: str
    accountable: str | None = None
    responsible: list[str] | str | None = None


@dataclass(slots=True)
class SurveyResponse:
    unit: str
    date: date
    clarity: dict[str, int] | None = None  # question -> 1..5; None: the key is absent
    answers: list[SurveyAnswer] | None = None  # None: the key is absent


@dataclass(slots=True)
class Survey:
    id: str
    name: str
    opens: date
    closes: date
    audience: list[str] = field(default_factory=list)
    tasks: list[str] | None = None  # None: every task whose change is not drop
    min_group: int | None = None  # None: DEFAULT_MIN_GROUP
    participants: list[str] = field(default_factory=list)
    responses: list[SurveyResponse] = field(default_factory=list)
    version: int | None = field(default=None, compare=False, repr=False)

    @property
    def group(self) -> int:
        """The smallest group a figure is shown for."""
        return DEFAULT_MIN_GROUP if self.min_group is None else self.min_group


def response_content(response: SurveyResponse) -> str:
    """What a response says, as one text: the last key of the canonical order."""
    clarity = response.clarity
    answers = None if response.answers is None else [[a.task, a.accountable, a.responsible] for a in response.answers]
    return json.dumps([clarity, answers], sort_keys=True)


def response_order(response: SurveyResponse) -> tuple[str, date, str]:
    """Unit, then date, then content: an order that says nothing of who answered when."""
    return (response.unit, response.date, response_content(response))
