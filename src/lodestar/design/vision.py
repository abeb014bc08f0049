"""Vision readiness: the eight questions per scope and business unit, and what the model already says."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lodestar.design.evidence import Evidence, EvidenceItem, vision_evidence
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Model, VisionAnswer
from lodestar.lib.vocabulary import VISION_QUESTIONS
from lodestar.lib.wording import gettext_noop

__all__ = ["QUESTION_TEXTS", "Evidence", "EvidenceItem", "VisionReadiness", "vision_readiness"]

# In English; pages and reports translate them (lodestar.i18n.words.question_text).
QUESTION_TEXTS = {
    "mission": gettext_noop("Is there a clearly formulated sales or marketing mission?"),
    "role_change": gettext_noop("How should the role of marketing and sales change in the next few years?"),
    "tasks": gettext_noop("Which tasks will be added, which ones dropped?"),
    "business_units": gettext_noop(
        "Is the role the same toward all business units, including those outside the core business?"
    ),
    "division": gettext_noop(
        "How is the new role divided among units and locations; what is done centrally, what decentrally?"
    ),
    "cooperation": gettext_noop(
        "With which adjacent areas does cooperation intensify, and where do dependencies build up?"
    ),
    "goals": gettext_noop("Which goals are derived, and how is their achievement measured?"),
    "competencies": gettext_noop("Which competencies must be established or expanded?"),
}
UNANSWERED = "unanswered"


@dataclass(frozen=True, slots=True)
class VisionCell:
    question: str
    answer: VisionAnswer | None

    @property
    def status(self) -> str:
        """open, draft, agreed, or 'unanswered' where no answer is recorded."""
        return self.answer.status if self.answer else UNANSWERED


@dataclass(frozen=True, slots=True)
class VisionRow:
    scope: str
    scope_name: str
    toward: str | None
    toward_name: str | None
    cells: list[VisionCell]  # one per question, in question order

    @property
    def label(self) -> str:
        return f"{self.scope_name} toward {self.toward_name}" if self.toward_name else self.scope_name


@dataclass(frozen=True, slots=True)
class VisionReadiness:
    scope: str | None  # the mission's scope (the root unit without a mission)
    questions: tuple[str, ...]
    rows: list[VisionRow]  # the mission's scope first, then each business unit, then other scopes
    agreed: tuple[str, ...]  # questions with an agreed answer for the scope (any toward)
    evidence: dict[str, Evidence]

    @property
    def share_agreed(self) -> float:
        """The readiness figure: the share of the eight questions agreed for the scope, as LS011 judges."""
        return len(self.agreed) / len(self.questions)

    def question_text(self, question: str) -> str:
        return QUESTION_TEXTS[question]


def vision_readiness(model: Model, *, as_of: date | None = None) -> VisionReadiness:
    """The questions × scopes matrix with status, answer and owner, the readiness and the evidence.

    `as_of` narrows the goals evidence to goals whose period contains that day, as LS004 does;
    without it any goal counts.
    """
    index = ModelIndex(model)
    scope = model.mission_scope()
    answers: dict[tuple[str, str | None, str | None], VisionAnswer] = {}
    for answer in model.vision:
        answers[(answer.question, answer.scope or scope, answer.toward)] = answer

    keys: list[tuple[str | None, str | None]] = [(scope, None)]
    keys += [(scope, unit.id) for unit in model.units if unit.kind == "business_unit"]
    for _, answer_scope, toward in answers:
        if (answer_scope, toward) not in keys:
            keys.append((answer_scope, toward))
    rows = [
        VisionRow(
            scope=row_scope or "",
            scope_name=index.name(row_scope),
            toward=toward,
            toward_name=index.name(toward) if toward else None,
            cells=[VisionCell(question=q, answer=answers.get((q, row_scope, toward))) for q in VISION_QUESTIONS],
        )
        for row_scope, toward in keys
        if row_scope is not None
    ]
    agreed = tuple(q for q in VISION_QUESTIONS if q in index.agreed_questions)
    return VisionReadiness(
        scope=scope,
        questions=VISION_QUESTIONS,
        rows=rows,
        agreed=agreed,
        evidence=vision_evidence(model, index, scope, as_of),
    )
