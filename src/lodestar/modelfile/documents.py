"""Each entity as its format-1 document: keys in the spec's order, absent values left out.

The one spelling of an entity in the file's format, used by the export and the plan, the
audit log and the API. Dates stay `date` objects; a JSON surface turns them into ISO text in
its encoder (Django's and ninja's both do), so that the YAML export keeps unquoted dates.
"""

from __future__ import annotations

from typing import Any

from lodestar.lib.model import (
    KPI,
    Cadence,
    CheckIn,
    Closing,
    Competency,
    Contribution,
    Dependency,
    Goal,
    KeyResult,
    Location,
    Measurement,
    MetricBinding,
    Mission,
    Organization,
    Period,
    Person,
    RoleProfile,
    RoleState,
    Task,
    Touchpoint,
    Unit,
    VisionAnswer,
)
from lodestar.lib.vocabulary import DECISION_AREAS


def number(value: float | None) -> int | float | None:
    """40.0 is written as 40; the value is the same on the way back."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


def compact(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A mapping of the pairs whose value is present (None and empty collections left out)."""
    return {key: value for key, value in pairs if value is not None and value not in ([], {})}


def organization_document(organization: Organization) -> dict[str, Any]:
    return compact(
        [("name", organization.name), ("industry", organization.industry), ("currency", organization.currency)]
    )


def location_document(location: Location) -> dict[str, Any]:
    return {"id": location.id, "name": location.name}


def unit_document(unit: Unit) -> dict[str, Any]:
    return compact(
        [
            ("id", unit.id),
            ("name", unit.name),
            ("kind", unit.kind),
            ("parent", unit.parent),
            ("location", unit.location),
            ("lead", unit.lead),
            ("core", unit.core),
            ("purpose", unit.purpose),
            ("cadence", cadence_document(unit.cadence) if unit.cadence else None),
        ]
    )


def cadence_document(cadence: Cadence) -> dict[str, Any]:
    return {"every": cadence.every, "day": cadence.day}


def person_document(person: Person) -> dict[str, Any]:
    return compact(
        [
            ("id", person.id),
            ("name", person.name),
            ("unit", person.unit),
            ("email", person.email),
            ("position", person.position),
            ("competencies", dict(person.competencies)),
            ("reminders", person.reminders),
        ]
    )


def mission_document(mission: Mission) -> dict[str, Any]:
    return compact(
        [
            ("statement", mission.statement),
            ("scope", mission.scope),
            ("adopted", mission.adopted),
            ("principles", list(mission.principles)),
        ]
    )


def _role_state(state: RoleState) -> dict[str, Any]:
    rights = {area: state.decision_rights[area] for area in DECISION_AREAS if area in state.decision_rights}
    return {"decision_rights": rights, "sales_alignment": state.sales_alignment}


def role_profile_document(profile: RoleProfile) -> dict[str, Any]:
    return compact(
        [
            ("unit", profile.unit),
            ("toward", profile.toward),
            ("horizon", profile.horizon),
            ("as_is", _role_state(profile.as_is)),
            ("target", _role_state(profile.target)),
            ("rationale", profile.rationale),
        ]
    )


def vision_answer_document(answer: VisionAnswer) -> dict[str, Any]:
    return compact(
        [
            ("question", answer.question),
            ("scope", answer.scope),
            ("toward", answer.toward),
            ("status", answer.status),
            ("answer", answer.answer),
            ("owner", answer.owner),
        ]
    )


def task_document(task: Task) -> dict[str, Any]:
    # `responsible` is written even when empty: the spec makes it a required list.
    return {
        **compact([("id", task.id), ("name", task.name), ("change", task.change), ("delivery", task.delivery)]),
        "responsible": list(task.responsible),
        **compact(
            [
                ("accountable", task.accountable),
                ("consulted", list(task.consulted)),
                ("informed", list(task.informed)),
                ("locations", list(task.locations)),
                ("toward", list(task.toward)),
                ("competencies", dict(task.competencies)),
            ]
        ),
    }


def dependency_document(dependency: Dependency) -> dict[str, Any]:
    return {
        "from": dependency.from_unit,
        "to": dependency.to_unit,
        "about": dependency.about,
        "kind": dependency.kind,
        "now": dependency.now,
        "target": dependency.target,
    }


def competency_document(competency: Competency) -> dict[str, Any]:
    return compact(
        [
            ("id", competency.id),
            ("name", competency.name),
            ("category", competency.category),
            ("required", dict(competency.required)),
        ]
    )


def touchpoint_document(touchpoint: Touchpoint) -> dict[str, Any]:
    return compact(
        [
            ("id", touchpoint.id),
            ("name", touchpoint.name),
            ("stage", touchpoint.stage),
            ("channel", touchpoint.channel),
            ("owner", touchpoint.owner),
            ("contributors", list(touchpoint.contributors)),
        ]
    )


def period_document(period: Period) -> dict[str, Any]:
    return {"id": period.id, "start": period.start, "end": period.end}


def contribution_document(contribution: Contribution) -> dict[str, Any]:
    """`proposed` is written only where it is set: a file without it means links that count."""
    return compact(
        [
            ("goal", contribution.goal),
            ("weight", number(contribution.weight)),
            ("proposed", True if contribution.proposed else None),
        ]
    )


def goal_document(goal: Goal, *, key_results: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The goal's own keys; the key results' documents only when given (the whole file has them)."""
    return compact(
        [
            ("id", goal.id),
            ("title", goal.title),
            ("owner", goal.owner),
            ("period", goal.period),
            ("contributes_to", [contribution_document(c) for c in goal.contributes_to]),
            ("tasks", list(goal.tasks)),
            ("key_results", key_results),
            ("description", goal.description),
            ("closed", closing_document(goal.closed) if goal.closed else None),
            ("carried_from", goal.carried_from),
        ]
    )


def closing_document(closing: Closing) -> dict[str, Any]:
    return compact([("date", closing.date), ("score", number(closing.score)), ("note", closing.note)])


def canonical_metric(binding: MetricBinding | None) -> MetricBinding | None:
    """A binding with its slice in name order, as the file writes it whatever the database kept."""
    if binding is None or isinstance(binding, str):
        return binding
    where = binding.get("where")
    ordered_where = dict(sorted(where.items())) if isinstance(where, dict) else where
    return compact(
        [
            ("id", binding.get("id")),
            ("where", ordered_where),
            ("window", binding.get("window")),
            ("grain", binding.get("grain")),
        ]
    )


def key_result_document(kr: KeyResult) -> dict[str, Any]:
    """The key result's own keys, without measurements and check-ins; the binding as given."""
    return compact(
        [
            ("id", kr.id),
            ("title", kr.title),
            ("unit", kr.unit),
            ("baseline", number(kr.baseline)),
            ("target", number(kr.target)),
            ("direction", kr.direction),
            ("range", [number(kr.range[0]), number(kr.range[1])] if kr.range else None),
            ("weight", number(kr.weight)),
            ("metric", kr.metric),
            ("owner", kr.owner),
        ]
    )


def measurement_document(measurement: Measurement) -> dict[str, Any]:
    return compact([("date", measurement.date), ("value", number(measurement.value)), ("source", measurement.source)])


def check_in_document(check_in: CheckIn) -> dict[str, Any]:
    return compact(
        [
            ("date", check_in.date),
            ("by", check_in.by),
            ("confidence", check_in.confidence),
            ("note", check_in.note),
        ]
    )


def kpi_document(kpi: KPI) -> dict[str, Any]:
    return compact(
        [
            ("id", kpi.id),
            ("name", kpi.name),
            ("owner", kpi.owner),
            ("unit", kpi.unit),
            ("touchpoint", kpi.touchpoint),
            ("better", kpi.better),
            ("green", number(kpi.green)),
            ("red", number(kpi.red)),
            ("metric", canonical_metric(kpi.metric)),
            ("measurements", [measurement_document(x) for x in sorted(kpi.measurements, key=lambda x: x.date)]),
        ]
    )
