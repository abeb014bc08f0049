"""What an import would add, change and remove, per entity."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from lodestar.lib.model import Model
from lodestar.modelfile.export import to_document

SINGLETONS = ("organization", "mission")
COLLECTION_ORDER = (
    "organization",
    "locations",
    "units",
    "people",
    "mission",
    "role_profiles",
    "vision",
    "tasks",
    "dependencies",
    "competencies",
    "touchpoints",
    "periods",
    "goals",
    "key_results",
    "kpis",
)


@dataclass(frozen=True, slots=True)
class Change:
    collection: str
    key: str
    action: str  # "add", "change" or "remove"
    fields: tuple[str, ...] = ()


@dataclass(slots=True)
class Plan:
    changes: list[Change] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for change in self.changes if change.action == action)

    @property
    def empty(self) -> bool:
        return not self.changes

    def summary(self) -> str:
        return f"{self.count('add')} to add, {self.count('change')} to change, {self.count('remove')} to remove"

    def changed_keys(self, collection: str) -> set[str]:
        return {c.key for c in self.changes if c.collection == collection and c.action == "change"}

    def as_json(self) -> dict[str, Any]:
        return {
            "add": self.count("add"),
            "change": self.count("change"),
            "remove": self.count("remove"),
            "changes": [
                {"collection": c.collection, "id": c.key, "action": c.action, "fields": list(c.fields)}
                for c in self.changes
            ],
        }


def _entity_key(collection: str, entity: dict[str, Any], index: int) -> str:
    if collection == "role_profiles":
        return f"{entity['unit']}→{entity.get('toward') or '*'}"
    if collection == "vision":
        return f"{entity['question']}@{entity.get('scope') or '*'}→{entity.get('toward') or '*'}"
    if collection == "dependencies":
        return f"{entity['from']}→{entity['to']}: {entity['about']}"
    return str(entity.get("id", index))


def _nth(key: str, taken: dict[str, Any] | set[str]) -> str:
    """`key #2`, `key #3`, ... for the second and later entities sharing a natural key."""
    number = 2
    while f"{key} #{number}" in taken:
        number += 1
    return f"{key} #{number}"


def _indexed(document: dict[str, Any]) -> dict[str, dict[str, dict[str, Any]]]:
    """Each collection as key -> entity; key results are their own collection."""
    result: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for collection in COLLECTION_ORDER:
        if collection in SINGLETONS:
            if collection in document:
                result[collection][collection] = document[collection]
            continue
        if collection == "key_results":
            continue
        for index, raw in enumerate(document.get(collection, [])):
            entity = dict(raw)
            if collection == "goals":
                for kr in entity.pop("key_results", []):
                    result["key_results"][kr["id"]] = {**kr, "goal": entity["id"]}
            key = _entity_key(collection, entity, index)
            if key in result[collection]:  # two entities with the same natural key (dependencies)
                key = _nth(key, result[collection])
            result[collection][key] = entity
    return result


def plan_changes(old: Model | None, new: Model) -> Plan:
    """The changes that turn `old` (None: an empty database) into `new`."""
    before = _indexed(to_document(old)) if old is not None else {}
    after = _indexed(to_document(new))
    plan = Plan()
    for collection in COLLECTION_ORDER:
        was, will = before.get(collection, {}), after.get(collection, {})
        for key, entity in will.items():
            if key not in was:
                plan.changes.append(Change(collection, key, "add"))
            elif was[key] != entity:
                fields = sorted(k for k in set(entity) | set(was[key]) if entity.get(k) != was[key].get(k))
                plan.changes.append(Change(collection, key, "change", tuple(fields)))
        for key in was:
            if key not in will:
                plan.changes.append(Change(collection, key, "remove"))
    return plan


def plan_additions(new: Model) -> Plan:
    """The plan for an empty database: everything is added (cheaper than diffing against nothing)."""
    plan = Plan()
    add = plan.changes.append
    add(Change("organization", "organization", "add"))
    singles: list[tuple[str, list[Any]]] = [
        ("locations", new.locations),
        ("units", new.units),
        ("people", new.people),
    ]
    for collection, entities in singles:
        for entity in entities:
            add(Change(collection, entity.id, "add"))
    if new.mission is not None:
        add(Change("mission", "mission", "add"))
    for profile in new.role_profiles:
        add(Change("role_profiles", f"{profile.unit}→{profile.toward or '*'}", "add"))
    for answer in new.vision:
        add(Change("vision", f"{answer.question}@{answer.scope or '*'}→{answer.toward or '*'}", "add"))
    for task in new.tasks:
        add(Change("tasks", task.id, "add"))
    dependency_keys: set[str] = set()
    for dependency in new.dependencies:
        key = f"{dependency.from_unit}→{dependency.to_unit}: {dependency.about}"
        key = _nth(key, dependency_keys) if key in dependency_keys else key
        dependency_keys.add(key)
        add(Change("dependencies", key, "add"))
    rest: list[tuple[str, list[Any]]] = [
        ("competencies", new.competencies),
        ("touchpoints", new.touchpoints),
        ("periods", new.periods),
        ("goals", new.goals),
    ]
    for collection, entities in rest:
        for entity in entities:
            add(Change(collection, entity.id, "add"))
    for goal in new.goals:
        for kr in goal.key_results:
            add(Change("key_results", kr.id, "add"))
    for kpi in new.kpis:
        add(Change("kpis", kpi.id, "add"))
    return plan


def render_plan(plan: Plan) -> str:
    """The plan as text, grouped by collection: + add, ~ change (fields), - remove."""
    if plan.empty:
        return "No changes: the stored model already equals the file."
    lines = [f"Plan: {plan.summary()}."]
    current = None
    marks = {"add": "+", "change": "~", "remove": "-"}
    for change in plan.changes:
        if change.collection != current:
            current = change.collection
            lines.append(f"\n{current}:")
        detail = f"  ({', '.join(change.fields)})" if change.fields else ""
        lines.append(f"  {marks[change.action]} {change.key}{detail}")
    return "\n".join(lines)
