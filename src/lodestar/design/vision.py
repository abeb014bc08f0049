"""Vision readiness: the eight questions per scope and business unit, and what the model already says."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lodestar.design.competencies import competency_gaps
from lodestar.design.network import dependency_network
from lodestar.design.tasks import CHANGE_LABELS, change_overview, delivery_split
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Model, VisionAnswer
from lodestar.lib.vocabulary import VISION_QUESTIONS
from lodestar.lib.wording import gettext_noop
from lodestar.scoring.roles import score_roles

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
class EvidenceItem:
    text: str
    subject: str | None = None  # like a finding subject: unit:<id>, task:<id>, competency:<id>@<unit>


@dataclass(frozen=True, slots=True)
class Evidence:
    question: str
    summary: str
    items: tuple[EvidenceItem, ...] = ()
    concern: bool = False  # the model shows something still to settle


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
        evidence=_evidence(model, index, scope, as_of),
    )


def _evidence(model: Model, index: ModelIndex, scope: str | None, as_of: date | None) -> dict[str, Evidence]:
    return {
        "mission": _mission_evidence(model, index),
        "role_change": _role_change_evidence(model, index),
        "tasks": _tasks_evidence(model),
        "business_units": _business_units_evidence(model),
        "division": _division_evidence(model),
        "cooperation": _cooperation_evidence(model),
        "goals": _goals_evidence(model, index, scope, as_of),
        "competencies": _competencies_evidence(model),
    }


def _mission_evidence(model: Model, index: ModelIndex) -> Evidence:
    mission = model.mission
    if mission is None:
        return Evidence("mission", "The model holds no mission yet.", concern=True)
    adopted = f", adopted {mission.adopted.isoformat()}" if mission.adopted else ""
    principles = f" with {len(mission.principles)} principle(s)" if mission.principles else ""
    return Evidence("mission", f"A mission for {index.name(mission.scope)}{adopted}{principles}.")


def _role_change_evidence(model: Model, index: ModelIndex) -> Evidence:
    scores = score_roles(model)
    if not scores:
        return Evidence("role_change", "No role profile describes the role as-is and in the target.", concern=True)
    items = tuple(
        EvidenceItem(
            f"{index.name(s.unit)}{' toward ' + index.name(s.toward) if s.toward else ''}: "
            f"{s.as_is.archetype.replace('_', ' ')} → {s.target.archetype.replace('_', ' ')}",
            f"unit:{s.unit}",
        )
        for s in scores
    )
    return Evidence("role_change", f"{len(scores)} role profile(s), as-is and target.", items)


def _tasks_evidence(model: Model) -> Evidence:
    overview = change_overview(model)
    unplanned = [item for group in overview.groups for item in group.items if item.unplanned]
    dropped_pursued = [item for item in overview.group("drop").items if item.pursued_though_dropped]
    counts = ", ".join(
        f"{len(g.items)} {CHANGE_LABELS[g.change]}" for g in overview.groups if g.items and g.change != "keep"
    )
    items = tuple(
        EvidenceItem(f"{item.task.name} ({item.task.change}): no goal lists it", f"task:{item.task.id}")
        for item in unplanned
    ) + tuple(
        EvidenceItem(f"{item.task.name}: dropped, yet {len(item.goals)} goal(s) list it", f"task:{item.task.id}")
        for item in dropped_pursued
    )
    if not model.tasks:
        return Evidence("tasks", "The task catalog is empty.", concern=True)
    summary = f"Changes in the catalog: {counts}." if counts else "No task is added, expanded, reduced or dropped."
    if unplanned:
        summary += f" {len(unplanned)} new or expanded task(s) no goal lists."
    return Evidence("tasks", summary, items, concern=bool(items))


def _business_units_evidence(model: Model) -> Evidence:
    toward = {profile.toward for profile in model.role_profiles}
    business_units = [unit for unit in model.units if unit.kind == "business_unit"]
    if not business_units:
        return Evidence("business_units", "The model has no business units.")
    missing = [unit for unit in business_units if not unit.is_core and unit.id not in toward]
    own = [unit for unit in business_units if unit.id in toward]
    summary = f"{len(own)} of {len(business_units)} business unit(s) have a role profile of their own."
    items = tuple(
        EvidenceItem(f"{unit.name}: outside the core business, no role profile toward it", f"unit:{unit.id}")
        for unit in missing
    )
    return Evidence("business_units", summary, items, concern=bool(missing))


def _division_evidence(model: Model) -> Evidence:
    split = delivery_split(model)
    if not split.total.total:
        return Evidence("division", "No task says yet whether it is done centrally or decentrally.", concern=True)
    total = split.total
    items = tuple(
        EvidenceItem(
            f"{row.name}: {row.counts.central} central, {row.counts.decentral} decentral, "
            f"{row.counts.external} external",
            None if row.key is None else f"location:{row.key}",
        )
        for row in split.by_location
    )
    return Evidence(
        "division",
        f"Of {total.total} task(s) kept, {total.central} central, {total.decentral} decentral, "
        f"{total.external} external.",
        items,
    )


def _cooperation_evidence(model: Model) -> Evidence:
    network = dependency_network(model)
    if not network.edges:
        return Evidence("cooperation", "No dependencies are recorded.", concern=True)
    rising = sum(1 for edge in network.edges if edge.change > 0)
    hotspots = network.hotspots
    items = tuple(
        EvidenceItem(
            f"{node.name}: {node.strong_in_target} dependencies of target intensity 3 or more", f"unit:{node.id}"
        )
        for node in hotspots
    )
    summary = f"{len(network.edges)} dependencies, {rising} intensifying; {len(hotspots)} hotspot(s)."
    return Evidence("cooperation", summary, items, concern=bool(hotspots))


def _goals_evidence(model: Model, index: ModelIndex, scope: str | None, as_of: date | None) -> Evidence:
    goals = model.goals if as_of is None else index.current_goals(as_of)
    owning: set[str] = set()
    for goal in goals:
        unit_id = index.owner_unit(goal.owner)
        if unit_id is not None:
            owning.add(unit_id)
    served = set(owning)
    for goal in goals:
        for task_id in goal.tasks:
            task = index.tasks.get(task_id)
            if task is not None:
                served.update(task.toward)
    in_scope = index.below(scope) if scope else frozenset()
    business_units = [
        unit
        for unit in model.units
        if unit.kind == "business_unit" and unit.id not in served and not (index.below(unit.id) & owning)
    ]
    units = [unit for unit in model.units if unit.kind in ("department", "team") and unit.id in in_scope]
    without = [unit for unit in units if unit.id not in owning]
    items = tuple(
        EvidenceItem(f"{unit.name} (business unit): no goal owned by it or serving it", f"unit:{unit.id}")
        for unit in business_units
    ) + tuple(EvidenceItem(f"{unit.name}: owns no goal", f"unit:{unit.id}") for unit in without)
    key_results = [kr for goal in goals for kr in goal.key_results]
    measured = sum(1 for kr in key_results if kr.measurements or kr.metric is not None)
    when = f" in periods containing {as_of.isoformat()}" if as_of else ""
    summary = (
        f"{len(goals)} goal(s){when} with {len(key_results)} key result(s), {measured} measured or bound to a metric; "
        f"{len(units) - len(without)} of {len(units)} department(s) and team(s) own a goal."
    )
    return Evidence("goals", summary, items, concern=bool(items) or not goals)


def _competencies_evidence(model: Model) -> Evidence:
    gaps = competency_gaps(model)
    if not model.competencies:
        return Evidence("competencies", "The competency catalog is empty.", concern=True)
    items = tuple(
        EvidenceItem(
            f"{gap.unit.name} needs {gap.competency.name} at level {gap.required}; the best has {gap.best}",
            gap.subject,
        )
        for gap in gaps
    )
    summary = f"{len(gaps)} open competency gap(s)." if gaps else "Every required level is reached."
    return Evidence("competencies", summary, items, concern=bool(gaps))
