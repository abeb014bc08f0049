"""What the model already says about each vision question: a summary and the items behind it.

Every text is a `Wording` (English with its values), so that a page or a report can say it in the
reader's language (`lodestar.i18n.words.say`); `summary` and `text` are the English.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lodestar.design.competencies import competency_gaps
from lodestar.design.network import dependency_network
from lodestar.design.tasks import CHANGE_LABELS, change_overview, delivery_split
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Model
from lodestar.lib.wording import Listing, Term, Value, Wording, english, gettext_noop
from lodestar.scoring.roles import ARCHETYPE_NAMES, score_roles


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    wording: Wording  # what a page says, in the reader's language (lodestar.i18n.words.say)
    subject: str | None = None  # like a finding subject: unit:<id>, task:<id>, competency:<id>@<unit>

    @property
    def text(self) -> str:
        return self.wording.english()


@dataclass(frozen=True, slots=True)
class Evidence:
    question: str
    said: tuple[Wording, ...]  # the summary's sentences (lodestar.i18n.words.say_all)
    items: tuple[EvidenceItem, ...] = ()
    concern: bool = False  # the model shows something still to settle

    @property
    def summary(self) -> str:
        return english(self.said)


def _said(text: str, **values: Value) -> tuple[Wording, ...]:
    return (Wording.of(text, **values),)


def _archetype(archetype: str) -> Term:
    return Term("archetype", archetype, ARCHETYPE_NAMES.get(archetype, archetype))


def _change(change: str) -> Term:
    return Term("task_change", change, CHANGE_LABELS[change])


def vision_evidence(model: Model, index: ModelIndex, scope: str | None, as_of: date | None) -> dict[str, Evidence]:
    """What the model already says about each of the eight questions."""
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
        return Evidence("mission", _said(gettext_noop("The model holds no mission yet.")), concern=True)
    unit, count = index.name(mission.scope), len(mission.principles)
    if mission.adopted and count:
        said = Wording.ngettext(
            "A mission for %(unit)s, adopted %(day)s, with %(count)s principle.",
            "A mission for %(unit)s, adopted %(day)s, with %(count)s principles.",
            count,
            unit=unit,
            day=mission.adopted,
        )
    elif mission.adopted:
        said = Wording.of(gettext_noop("A mission for %(unit)s, adopted %(day)s."), unit=unit, day=mission.adopted)
    elif count:
        said = Wording.ngettext(
            "A mission for %(unit)s with %(count)s principle.",
            "A mission for %(unit)s with %(count)s principles.",
            count,
            unit=unit,
        )
    else:
        said = Wording.of(gettext_noop("A mission for %(unit)s."), unit=unit)
    return Evidence("mission", (said,))


def _role_change_evidence(model: Model, index: ModelIndex) -> Evidence:
    scores = score_roles(model)
    if not scores:
        empty = _said(gettext_noop("No role profile describes the role as-is and in the target."))
        return Evidence("role_change", empty, concern=True)
    items = tuple(
        EvidenceItem(
            Wording.of(
                gettext_noop("%(unit)s toward %(toward)s: %(as_is)s → %(target)s"),
                unit=index.name(s.unit),
                toward=index.name(s.toward),
                as_is=_archetype(s.as_is.archetype),
                target=_archetype(s.target.archetype),
            )
            if s.toward
            else Wording.of(
                gettext_noop("%(unit)s: %(as_is)s → %(target)s"),
                unit=index.name(s.unit),
                as_is=_archetype(s.as_is.archetype),
                target=_archetype(s.target.archetype),
            ),
            f"unit:{s.unit}",
        )
        for s in scores
    )
    said = Wording.ngettext(
        "%(count)s role profile, as-is and target.", "%(count)s role profiles, as-is and target.", len(scores)
    )
    return Evidence("role_change", (said,), items)


def _tasks_evidence(model: Model) -> Evidence:
    overview = change_overview(model)
    unplanned = [item for group in overview.groups for item in group.items if item.unplanned]
    dropped_pursued = [item for item in overview.group("drop").items if item.pursued_though_dropped]
    counts = Listing(
        tuple(
            Wording.of(gettext_noop("%(count)s %(change)s"), count=len(g.items), change=_change(g.change))
            for g in overview.groups
            if g.items and g.change != "keep"
        )
    )
    items = tuple(
        EvidenceItem(
            Wording.of(
                gettext_noop("%(task)s (%(change)s): no goal lists it"),
                task=item.task.name,
                change=_change(item.task.change),
            ),
            f"task:{item.task.id}",
        )
        for item in unplanned
    ) + tuple(
        EvidenceItem(
            Wording.ngettext(
                "%(task)s: dropped, yet %(count)s goal lists it",
                "%(task)s: dropped, yet %(count)s goals list it",
                len(item.goals),
                task=item.task.name,
            ),
            f"task:{item.task.id}",
        )
        for item in dropped_pursued
    )
    if not model.tasks:
        return Evidence("tasks", _said(gettext_noop("The task catalog is empty.")), concern=True)
    if counts.items:
        said = _said(gettext_noop("Changes in the catalog: %(changes)s."), changes=counts)
    else:
        said = _said(gettext_noop("No task is added, expanded, reduced or dropped."))
    if unplanned:
        said += (
            Wording.ngettext(
                "%(count)s new or expanded task no goal lists.",
                "%(count)s new or expanded tasks no goal lists.",
                len(unplanned),
            ),
        )
    return Evidence("tasks", said, items, concern=bool(items))


def _business_units_evidence(model: Model) -> Evidence:
    toward = {profile.toward for profile in model.role_profiles}
    business_units = [unit for unit in model.units if unit.kind == "business_unit"]
    if not business_units:
        return Evidence("business_units", _said(gettext_noop("The model has no business units.")))
    missing = [unit for unit in business_units if not unit.is_core and unit.id not in toward]
    own = [unit for unit in business_units if unit.id in toward]
    said = Wording.ngettext(
        "%(own)s of %(count)s business unit has a role profile of its own.",
        "%(own)s of %(count)s business units have a role profile of their own.",
        len(business_units),
        own=len(own),
    )
    items = tuple(
        EvidenceItem(
            Wording.of(gettext_noop("%(unit)s: outside the core business, no role profile toward it"), unit=unit.name),
            f"unit:{unit.id}",
        )
        for unit in missing
    )
    return Evidence("business_units", (said,), items, concern=bool(missing))


def _division_evidence(model: Model) -> Evidence:
    split = delivery_split(model)
    if not split.total.total:
        empty = _said(gettext_noop("No task says yet whether it is done centrally or decentrally."))
        return Evidence("division", empty, concern=True)
    total = split.total
    items = tuple(
        EvidenceItem(
            Wording.of(
                gettext_noop("%(location)s: %(central)s central, %(decentral)s decentral, %(external)s external"),
                location=row.name if row.key is not None else Term("location", "", row.name),
                central=row.counts.central,
                decentral=row.counts.decentral,
                external=row.counts.external,
            ),
            None if row.key is None else f"location:{row.key}",
        )
        for row in split.by_location
    )
    said = Wording.ngettext(
        "Of %(count)s task kept, %(central)s central, %(decentral)s decentral, %(external)s external.",
        "Of %(count)s tasks kept, %(central)s central, %(decentral)s decentral, %(external)s external.",
        total.total,
        central=total.central,
        decentral=total.decentral,
        external=total.external,
    )
    return Evidence("division", (said,), items)


def _cooperation_evidence(model: Model) -> Evidence:
    network = dependency_network(model)
    if not network.edges:
        return Evidence("cooperation", _said(gettext_noop("No dependencies are recorded.")), concern=True)
    rising = sum(1 for edge in network.edges if edge.change > 0)
    hotspots = network.hotspots
    items = tuple(
        EvidenceItem(
            Wording.ngettext(
                "%(unit)s: %(count)s dependency of target intensity 3 or more",
                "%(unit)s: %(count)s dependencies of target intensity 3 or more",
                node.strong_in_target,
                unit=node.name,
            ),
            f"unit:{node.id}",
        )
        for node in hotspots
    )
    said = _said(
        gettext_noop("Dependencies: %(count)s, of them intensifying: %(rising)s; hotspots: %(hotspots)s."),
        count=len(network.edges),
        rising=rising,
        hotspots=len(hotspots),
    )
    return Evidence("cooperation", said, items, concern=bool(hotspots))


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
        EvidenceItem(
            Wording.of(gettext_noop("%(unit)s (business unit): no goal owned by it or serving it"), unit=unit.name),
            f"unit:{unit.id}",
        )
        for unit in business_units
    ) + tuple(
        EvidenceItem(Wording.of(gettext_noop("%(unit)s: owns no goal"), unit=unit.name), f"unit:{unit.id}")
        for unit in without
    )
    key_results = [kr for goal in goals for kr in goal.key_results]
    values: dict[str, Value] = {
        "goals": len(goals),
        "key_results": len(key_results),
        "measured": sum(1 for kr in key_results if kr.measurements or kr.metric is not None),
        "owning": len(units) - len(without),
        "units": len(units),
    }
    if as_of is None:
        text = gettext_noop(
            "Goals: %(goals)s; key results: %(key_results)s, measured or bound to a metric: %(measured)s; "
            "departments and teams that own a goal: %(owning)s of %(units)s."
        )
    else:
        values["day"] = as_of
        text = gettext_noop(
            "Goals in periods containing %(day)s: %(goals)s; key results: %(key_results)s, measured or bound to "
            "a metric: %(measured)s; departments and teams that own a goal: %(owning)s of %(units)s."
        )
    return Evidence("goals", _said(text, **values), items, concern=bool(items) or not goals)


def _competencies_evidence(model: Model) -> Evidence:
    gaps = competency_gaps(model)
    if not model.competencies:
        return Evidence("competencies", _said(gettext_noop("The competency catalog is empty.")), concern=True)
    items = tuple(
        EvidenceItem(
            Wording.of(
                gettext_noop("%(unit)s needs %(competency)s at level %(required)s; the best has %(best)s"),
                unit=gap.unit.name,
                competency=gap.competency.name,
                required=gap.required,
                best=gap.best,
            ),
            gap.subject,
        )
        for gap in gaps
    )
    if gaps:
        said = Wording.ngettext("%(count)s open competency gap.", "%(count)s open competency gaps.", len(gaps))
    else:
        said = Wording.of(gettext_noop("Every required level is reached."))
    return Evidence("competencies", (said,), items, concern=bool(gaps))
