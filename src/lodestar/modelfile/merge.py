"""A three-way import: the file's changes since its export, on top of the store's changes since.

`base` is the state the file was exported from, `store` is what is stored now, `file` is the
file. Per entity: what only one side changed takes that side's version; what both changed
alike is no question; what both changed differently is a conflict (with `force`, the file's
version). Measurements and check-ins are records, not configuration: those the store recorded
since the export are kept, and those the file adds are added. An entity the file removes while
the store recorded on it since is a conflict too, so that no record goes without a word.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lodestar.lib.model import Model
from lodestar.modelfile.export import to_document
from lodestar.modelfile.plan import (
    COLLECTION_ORDER,
    RECORD_FIELDS,
    SINGLETONS,
    Clash,
    Indexed,
    entity_path,
    indexed,
    plural,
    record_key,
    shown,
)

Entity = dict[str, Any]


@dataclass(slots=True)
class Merged:
    """The combined model as a format-1 document, the conflicts found, and what was kept of the store's."""

    document: dict[str, Any]
    conflicts: list[Clash] = field(default_factory=list)
    kept: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class _Merge:
    force: bool
    conflicts: list[Clash] = field(default_factory=list)
    kept: Counter[str] = field(default_factory=Counter)

    def entity(
        self, collection: str, key: str, base: Entity | None, store: Entity | None, file: Entity | None
    ) -> Entity | None:
        """The merged entity, or None when it is gone."""
        path = entity_path(collection, key)
        records = RECORD_FIELDS.get(collection, ())
        if store is None:
            if file is None or file == base:  # gone on both sides, or removed in the store only
                self.kept["entities"] += file is not None
                return None
            if base is None:  # added by the file
                return file
            self.clash(path, "the store removed it since the export, the file changes it")
            return file if self.force else None
        if file is None:
            if store == base:  # the file removes it
                return None
            if base is None:  # added in the store since the export
                self.kept["entities"] += 1
                return store
            self.clash(path, f"the file removes it, the store {_since(base, store, records)} since the export")
            return None if self.force else store
        body = self.body(
            path, None if base is None else _body(base, records), _body(store, records), _body(file, records)
        )
        if body is None:
            return store
        for name in records:
            merged = self.records(path, name, (base or {}).get(name, []), store.get(name, []), file.get(name, []))
            if merged:
                body[name] = merged
        return body

    def body(self, path: str, base: Entity | None, store: Entity, file: Entity) -> Entity | None:
        """The entity without its records; None when the store's is kept for a conflict."""
        if store in (base, file):
            return dict(file)
        if file == base:
            self.kept["entities"] += 1
            return dict(store)
        for name in sorted(set(store) | set(file)):
            if store.get(name) != file.get(name):
                self.clash(
                    f"{path}.{name}", f"the store has {shown(store.get(name))}, the file has {shown(file.get(name))}"
                )
        return dict(file) if self.force else None

    def records(
        self, path: str, name: str, base: list[Entity], store: list[Entity], file: list[Entity]
    ) -> list[Entity]:
        if name == "measurements":
            return self.measurements(path, base, store, file)
        # Check-ins are known by what they say: the store's new ones join, the ones it removed go.
        base_count, store_count, file_count = (Counter(map(record_key, x)) for x in (base, store, file))
        added, removed = store_count - base_count, base_count - store_count
        joined = _taking(store, added - (file_count - base_count))
        self.kept[name] += len(joined)
        leaving = {id(record) for record in _taking(file, removed)}
        kept_of_file = [record for record in file if id(record) not in leaving]
        return sorted([*kept_of_file, *joined], key=lambda record: record["date"])

    def measurements(self, path: str, base: list[Entity], store: list[Entity], file: list[Entity]) -> list[Entity]:
        """One measurement per date, merged like an entity of its own."""
        by_date = [{m["date"]: m for m in records} for records in (base, store, file)]
        merged = []
        for day in sorted(by_date[0].keys() | by_date[1].keys() | by_date[2].keys()):
            was, now, filed = (records.get(day) for records in by_date)
            if now in (was, filed):
                chosen = filed
            elif filed == was:
                chosen = now
                self.kept["measurements"] += 1 if now is not None else 0
            else:
                where = f"{path}.measurements[{day.isoformat() if isinstance(day, date) else day}]"
                self.clash(where, f"the store has {shown(_value(now))}, the file has {shown(_value(filed))}")
                chosen = filed if self.force else now
            if chosen is not None:
                merged.append(chosen)
        return merged

    def clash(self, path: str, message: str) -> None:
        self.conflicts.append(Clash(path, message))


def _taking(records: list[Entity], wanted: Counter[str]) -> list[Entity]:
    """As many of `records` of each kind as `wanted` counts, in their order."""
    left = Counter(wanted)
    taken = []
    for record in records:
        key = record_key(record)
        if left[key] > 0:
            left[key] -= 1
            taken.append(record)
    return taken


def _body(entity: Entity, names: tuple[str, ...]) -> Entity:
    return {key: value for key, value in entity.items() if key not in names}


def _value(measurement: Entity | None) -> Any:
    return None if measurement is None else {key: value for key, value in measurement.items() if key != "date"}


def _since(base: Entity, store: Entity, records: tuple[str, ...]) -> str:
    """What the store did to an entity since the export: `changed it`, `has 1 check-in recorded`."""
    parts = ["changed it"] if _body(base, records) != _body(store, records) else []
    for name in records:
        new = (Counter(map(record_key, store.get(name, []))) - Counter(map(record_key, base.get(name, [])))).total()
        if new:
            parts.append(f"has {plural(new, name)} recorded")
    return " and ".join(parts) or "changed it"


def _ordered(result: dict[str, Entity], file_keys: list[str], store_keys: list[str]) -> list[str]:
    """The file's order; what only the store has goes after the entity it follows in the store."""
    order = [key for key in file_keys if key in result]
    placed = set(order)
    for index, key in enumerate(store_keys):
        if key not in result or key in placed:
            continue
        before = next((store_keys[j] for j in range(index - 1, -1, -1) if store_keys[j] in placed), None)
        order.insert(0 if before is None else order.index(before) + 1, key)
        placed.add(key)
    return order


def _document(merged: Indexed) -> dict[str, Any]:
    """The merged collections as a format-1 document, key results back inside their goals."""
    document: dict[str, Any] = {"lodestar": 1}
    key_results: dict[str, list[Entity]] = {}
    for kr in merged.get("key_results", {}).values():
        key_results.setdefault(kr["goal"], []).append({key: value for key, value in kr.items() if key != "goal"})
    for collection in COLLECTION_ORDER:
        entities = merged.get(collection, {})
        if collection == "key_results":
            continue
        if collection in SINGLETONS:
            if collection in entities:
                document[collection] = entities[collection]
            continue
        values = list(entities.values())
        if collection == "goals":
            values = [
                {**goal, "key_results": key_results[goal["id"]]} if goal["id"] in key_results else goal
                for goal in values
            ]
        if values or collection == "units":
            document[collection] = values
    return document


def merge_models(*, base: Model, store: Model, file: Model, force: bool = False) -> Merged:
    """Combine the file's changes since `base` with the store's; see the module's docstring."""
    was, now, filed = (indexed(to_document(model)) for model in (base, store, file))
    work = _Merge(force=force)
    merged: Indexed = {}
    for collection in COLLECTION_ORDER:
        old, current, new = was.get(collection, {}), now.get(collection, {}), filed.get(collection, {})
        result: dict[str, Entity] = {}
        for key in [
            *new,
            *(key for key in current if key not in new),
            *(key for key in old if key not in new and key not in current),
        ]:
            entity = work.entity(collection, key, old.get(key), current.get(key), new.get(key))
            if entity is not None:
                result[key] = entity
        merged[collection] = {key: result[key] for key in _ordered(result, list(new), list(current))}
    goals = merged.get("goals", {})
    for key, kr in list(merged.get("key_results", {}).items()):
        if kr["goal"] not in goals:  # its goal is gone on the other side
            work.clash(
                entity_path("key_results", key), f"its goal {kr['goal']!r} is removed on one side, the other keeps it"
            )
            del merged["key_results"][key]
    return Merged(document=_document(merged), conflicts=work.conflicts, kept={k: v for k, v in work.kept.items() if v})
