"""An entity's own columns, declared once, for both directions: its row, and the entity built back from rows.

A declaration (`Columns`) lists the dataclass fields stored in the entity's own table, each
with its column attname (or, for a field stored in several columns, how it is split and
joined). The writer derives the row from it; the loader derives the SELECT and the
constructor. The dataclass's other fields are its relations (passed to `build` by the loader,
keyed by the entity's id) or what the store keeps (`row`, `version`: read, never written).

Both directions run once per stored row on the hot paths (`lodestar import`, and every load
of the model), so each declaration compiles its row function and its builder once, as
`dataclasses` compiles `__init__`: plain attribute reads and one positional call per row, no
per-row loop over the declaration.

Adding a field to an entity is one more `column(...)` in its declaration (`rows.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import MISSING, dataclass, field, fields
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from django.db import models

from lodestar.store.select import select_rows

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Row = dict[str, Any]
Entity = TypeVar("Entity", bound="DataclassInstance")
_NOTHING: Mapping[Any, Any] = {}


@dataclass(frozen=True, slots=True)
class Column:
    """One dataclass field and the columns it is stored in.

    `encode(value, people)` gives the columns' values (`people`: the person ids, for an owner
    that may be a unit or a person); `decode(*values)` the field's value. Without them the
    field is its one column, as it is.
    """

    field: str
    attnames: tuple[str, ...]
    encode: Callable[[Any, Collection[str]], Row] | None = None
    decode: Callable[..., Any] | None = None


def column(name: str, attname: str | None = None) -> Column:
    """A field stored as it is in one column (named like the field unless `attname` says otherwise)."""
    return Column(name, (attname or name,))


def ref(name: str) -> Column:
    """A field naming another entity: the foreign key's attname."""
    return column(name, f"{name}_id")


def owner_columns(owner: str | None, people: Collection[str]) -> Row:
    """owner_unit / owner_person for an owner id (units and people share one namespace)."""
    person = owner is not None and owner in people
    return {"owner_unit_id": None if person else owner, "owner_person_id": owner if person else None}


def _either(unit: str | None, person: str | None) -> str | None:
    return unit or person


OWNER = Column("owner", ("owner_unit_id", "owner_person_id"), owner_columns, _either)
VERSION = column("version")
ROW_ID = column("row", "id")  # for an entity without an id of its own


@dataclass(frozen=True)
class Columns(Generic[Entity]):
    """The declaration of an entity's own row in `table`; `key`: a column naming the entity's parent."""

    entity: type[Entity]
    table: type[models.Model]
    own: tuple[Column, ...]
    stored: tuple[Column, ...] = ()
    key: str | None = None
    order: tuple[str, ...] = ("ordinal",)
    _row: Callable[..., Row] = field(init=False, repr=False)
    _build: Callable[..., Any] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        declared = [c.field for c in (*self.own, *self.stored)]
        known = {f.name for f in fields(self.entity)}
        if unknown := [name for name in declared if name not in known]:
            raise TypeError(f"{self.entity.__name__} has no field {', '.join(unknown)}")
        object.__setattr__(self, "_row", _compile_row(self))
        object.__setattr__(self, "_build", _compile_build(self))

    @property
    def attnames(self) -> tuple[str, ...]:
        """The columns the loader selects, in order: the key, the own columns, the stored ones."""
        own = [name for c in (*self.own, *self.stored) for name in c.attnames]
        return (self.key, *own) if self.key else tuple(own)

    def row(self, entity: Entity, *, people: Collection[str] = (), key: Any = None) -> Row:
        """The entity's own row (column attnames to values), with the parent's `key` when the table has one."""
        return self._row(entity, people, key)

    def select(self) -> list[tuple[Any, ...]]:
        return select_rows(self.table, *self.attnames, order=self.order)

    def build(self, rows: list[tuple[Any, ...]], **relations: Mapping[Any, Any]) -> list[Entity]:
        """The entities of `rows` (as `select` gives them), each with its relations looked up by its id."""
        return cast("list[Entity]", self._build(rows, **relations))

    def build_grouped(self, rows: list[tuple[Any, ...]], **relations: Mapping[Any, Any]) -> dict[Any, list[Entity]]:
        """The entities of `rows` by their parent's key, in row order."""
        return cast("dict[Any, list[Entity]]", self._build(rows, **relations))

    def load(self, **relations: Mapping[Any, Any]) -> list[Entity]:
        return self.build(self.select(), **relations)


def _compile(source: str, name: str, namespace: dict[str, Any]) -> Callable[..., Any]:
    exec(compile(source, f"<{name}>", "exec"), namespace)  # noqa: S102 - source built from a declaration
    return cast("Callable[..., Any]", namespace[name])


def _compile_row(columns: Columns[Any]) -> Callable[..., Row]:
    namespace: dict[str, Any] = {}
    items = [f"{columns.key!r}: key"] if columns.key else []
    for index, c in enumerate(columns.own):
        if c.encode is None:
            items.append(f"{c.attnames[0]!r}: e.{c.field}")
        else:
            namespace[f"encode{index}"] = c.encode
            items.append(f"**encode{index}(e.{c.field}, people)")
    source = "def row(e, people, key):\n    return {" + ", ".join(items) + "}\n"
    return _compile(source, "row", namespace)


_EMPTY: dict[Any, str] = {list: "[]", dict: "{}"}


def _compile_build(columns: Columns[Any]) -> Callable[..., Any]:
    """The builder: a comprehension (or, with a key, a grouping loop) with one positional call per row.

    The arguments go in the dataclass's field order; a field neither declared nor a relation
    gets its default.
    """
    entity = columns.entity
    namespace: dict[str, Any] = {"Entity": entity, "NOTHING": _NOTHING, "START": object()}
    names = iter(f"c{index}" for index in range(len(columns.attnames)))
    target = [next(names)] if columns.key else []
    value: dict[str, str] = {}
    for index, c in enumerate((*columns.own, *columns.stored)):
        variables = [next(names) for _ in c.attnames]
        target += variables
        if c.decode is None:
            value[c.field] = variables[0]
        else:
            namespace[f"decode{index}"] = c.decode
            value[c.field] = f"decode{index}({', '.join(variables)})"
    relations = []
    arguments = []
    for f in fields(entity):
        if not f.init:
            continue
        if f.name in value:
            arguments.append(value[f.name])
        elif f.default_factory is not MISSING:
            if "id" not in value:
                raise TypeError(f"{entity.__name__} has relations but no id to look them up by")
            relations.append(f.name)
            namespace[f"new_{f.name}"] = f.default_factory
            empty = _EMPTY.get(f.default_factory, f"new_{f.name}()")
            arguments.append(f"{f.name}.get({value['id']}) or {empty}")
        elif f.default is not MISSING:
            namespace[f"default_{f.name}"] = f.default
            arguments.append(f"default_{f.name}")
        else:
            raise TypeError(f"{entity.__name__}.{f.name} is required but neither a column nor a relation")
    call = f"Entity({', '.join(arguments)})"
    unpack = "(" + ", ".join(target) + ",)"
    parameters = "".join(f", {name}=NOTHING" for name in relations)
    if columns.key:
        if columns.order[:1] != (columns.key,):
            raise TypeError(f"{entity.__name__}: rows with a key must be ordered by it first")
        # The rows come ordered by the key, so each group is one run of rows.
        key = target[0]
        body = (
            f"    grouped = {{}}\n    last, current = START, []\n    for {unpack} in rows:\n"
            f"        if {key} != last:\n            current = grouped[{key}] = []\n            last = {key}\n"
            f"        current.append({call})\n    return grouped\n"
        )
    else:
        body = f"    return [{call} for {unpack} in rows]\n"
    return _compile(f"def build(rows{parameters}):\n{body}", "build", namespace)
