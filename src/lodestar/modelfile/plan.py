"""What an import would add, change and remove: per entity, field by field, with the records it removes."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
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
    "scenarios",
    "surveys",
)
# The records an entity holds: measurements and check-ins are what happened, not configuration.
RECORD_FIELDS = {"key_results": ("measurements", "check_ins"), "kpis": ("measurements",)}
RECORD_WORDS = {"measurements": ("measurement", "measurements"), "check_ins": ("check-in", "check-ins")}
SHOWN_LENGTH = 60  # longer values are cut for display

Indexed = dict[str, dict[str, dict[str, Any]]]


def plural(count: int, field_name: str) -> str:
    one, many = RECORD_WORDS[field_name]
    return f"{count} {one if count == 1 else many}"


def _plain(value: Any) -> Any:
    """The value with dates as ISO text, for JSON."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def shown(value: Any) -> str:
    """A value as the plan shows it: quoted text, bare numbers and dates, (none) when absent; long ones cut."""
    if value is None:
        return "(none)"
    if isinstance(value, str):
        text = value if len(value) <= SHOWN_LENGTH else value[: SHOWN_LENGTH - 1] + "…"
        return json.dumps(text, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    text = json.dumps(_plain(value), ensure_ascii=False, separators=(", ", ": "))
    return text if len(text) <= SHOWN_LENGTH else text[: SHOWN_LENGTH - 1] + "…"


def entity_path(collection: str, key: str) -> str:
    """`goals[more-leads]`; a singleton is its collection (`organization`)."""
    return collection if collection in SINGLETONS else f"{collection}[{key}]"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of one entity: `goals[more-leads].title: "A" → "B"` (None: absent)."""

    path: str
    before: Any
    after: Any

    @property
    def text(self) -> str:
        return f"{self.path}: {shown(self.before)} → {shown(self.after)}"


@dataclass(frozen=True, slots=True)
class RecordChange:
    """The measurements or check-ins of one entity that an import adds and removes."""

    path: str
    field: str  # "measurements" or "check_ins"
    added: int
    removed: int

    @property
    def text(self) -> str:
        parts = [f"{self.added} added"] if self.added else []
        parts += [f"{self.removed} removed"] if self.removed else []
        return f"{self.path}.{self.field}: {', '.join(parts)}"


@dataclass(frozen=True, slots=True)
class Clash:
    """A conflict: something changed in the store since the file's export, and differently in the file."""

    path: str
    message: str

    @property
    def text(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class Change:
    collection: str
    key: str
    action: str  # "add", "change" or "remove"
    fields: tuple[str, ...] = ()
    details: tuple[FieldChange, ...] = ()
    records: tuple[RecordChange, ...] = ()

    @property
    def path(self) -> str:
        return entity_path(self.collection, self.key)

    @property
    def removed_records(self) -> str:
        """`2 measurements, 1 check-in`: what goes with a removed entity."""
        return ", ".join(plural(record.removed, record.field) for record in self.records)

    @property
    def lines(self) -> list[str]:
        """What changes, one line per field (a removed entity: the records that go with it)."""
        if self.action == "remove" and self.records:
            return [f"{self.key}  (with {self.removed_records})"]
        if self.action != "change":
            return [self.key]
        return [detail.text for detail in self.details] + [record.text for record in self.records]


@dataclass(slots=True)
class Plan:
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Clash] = field(default_factory=list)
    forced: bool = False  # the conflicts are settled for the file
    revision: str | None = None  # the file's revision
    based: bool = False  # the revision is one the store exported: a three-way import
    kept: dict[str, int] = field(default_factory=dict)  # what the store changed since, kept: entities, records

    def count(self, action: str) -> int:
        return sum(1 for change in self.changes if change.action == action)

    @property
    def empty(self) -> bool:
        return not self.changes

    @property
    def refused(self) -> bool:
        return bool(self.conflicts) and not self.forced

    def summary(self) -> str:
        return f"{self.count('add')} to add, {self.count('change')} to change, {self.count('remove')} to remove"

    def changed_keys(self, collection: str) -> set[str]:
        return {c.key for c in self.changes if c.collection == collection and c.action == "change"}

    def removes(self) -> dict[str, int]:
        """How many measurements and check-ins the import removes (with their entities or on their own)."""
        totals = dict.fromkeys(RECORD_WORDS, 0)
        for change in self.changes:
            for record in change.records:
                totals[record.field] += record.removed
        return totals

    def as_json(self) -> dict[str, Any]:
        def change_json(change: Change) -> dict[str, Any]:
            found: dict[str, Any] = {
                "collection": change.collection,
                "id": change.key,
                "action": change.action,
                "fields": list(change.fields),
            }
            if change.details:
                found["details"] = [
                    {"path": d.path, "before": _plain(d.before), "after": _plain(d.after)} for d in change.details
                ]
            if change.records:
                found["records"] = {r.field: {"added": r.added, "removed": r.removed} for r in change.records}
            return found

        return {
            "add": self.count("add"),
            "change": self.count("change"),
            "remove": self.count("remove"),
            "changes": [change_json(change) for change in self.changes],
            "removes": self.removes(),
            "revision": {"file": self.revision, "known": self.based},
            "kept": self.kept,
            "conflicts": [{"path": clash.path, "message": clash.message} for clash in self.conflicts],
            "forced": self.forced,
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


def indexed(document: dict[str, Any]) -> Indexed:
    """Each collection as key -> entity; key results are their own collection (with their `goal`)."""
    result: Indexed = defaultdict(dict)
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


def record_key(record: dict[str, Any]) -> str:
    """A check-in is known by all it says; two equal ones are two records."""
    return json.dumps(_plain(record), sort_keys=True, ensure_ascii=False)


def _record_changes(
    collection: str, key: str, was: dict[str, Any], will: dict[str, Any]
) -> tuple[list[FieldChange], list[RecordChange]]:
    """Measurements by date (a changed one field by field), check-ins added and removed."""
    path = entity_path(collection, key)
    details: list[FieldChange] = []
    records: list[RecordChange] = []
    for name in RECORD_FIELDS.get(collection, ()):
        before, after = was.get(name, []), will.get(name, [])
        if before == after:
            continue
        if name == "measurements":
            old = {m["date"]: m for m in before}
            new = {m["date"]: m for m in after}
            for day in sorted(old.keys() & new.keys()):
                for part in sorted(set(old[day]) | set(new[day])):
                    if old[day].get(part) != new[day].get(part):
                        where = f"{path}.measurements[{day.isoformat() if isinstance(day, date) else day}].{part}"
                        details.append(FieldChange(where, old[day].get(part), new[day].get(part)))
            added, removed = len(new.keys() - old.keys()), len(old.keys() - new.keys())
        else:
            old_records, new_records = Counter(map(record_key, before)), Counter(map(record_key, after))
            added, removed = (new_records - old_records).total(), (old_records - new_records).total()
        if added or removed:
            records.append(RecordChange(path, name, added, removed))
    return details, records


def _changed(collection: str, key: str, was: dict[str, Any], will: dict[str, Any]) -> Change:
    record_fields = RECORD_FIELDS.get(collection, ())
    names = sorted(k for k in set(will) | set(was) if will.get(k) != was.get(k))
    path = entity_path(collection, key)
    details = [
        FieldChange(f"{path}.{name}", was.get(name), will.get(name)) for name in names if name not in record_fields
    ]
    record_details, records = _record_changes(collection, key, was, will)
    return Change(collection, key, "change", tuple(names), (*details, *record_details), tuple(records))


def _removed(collection: str, key: str, entity: dict[str, Any]) -> Change:
    path = entity_path(collection, key)
    records = tuple(
        RecordChange(path, name, 0, len(entity[name])) for name in RECORD_FIELDS.get(collection, ()) if entity.get(name)
    )
    return Change(collection, key, "remove", records=records)


def plan_changes(old: Model | None, new: Model) -> Plan:
    """The changes that turn `old` (None: an empty database) into `new`."""
    before = indexed(to_document(old)) if old is not None else {}
    after = indexed(to_document(new))
    plan = Plan(revision=new.revision)
    for collection in COLLECTION_ORDER:
        was, will = before.get(collection, {}), after.get(collection, {})
        for key, entity in will.items():
            if key not in was:
                plan.changes.append(Change(collection, key, "add"))
            elif was[key] != entity:
                plan.changes.append(_changed(collection, key, was[key], entity))
        for key in was:
            if key not in will:
                plan.changes.append(_removed(collection, key, was[key]))
    return plan


def plan_additions(new: Model) -> Plan:
    """The plan for an empty database: everything is added (cheaper than diffing against nothing)."""
    plan = Plan(revision=new.revision)
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
    for scenario in new.scenarios:
        add(Change("scenarios", scenario.id, "add"))
    for survey in new.surveys:
        add(Change("surveys", survey.id, "add"))
    return plan
