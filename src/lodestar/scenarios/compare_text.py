"""`lodestar scenarios compare` as a readable table: one row per figure, one column per model."""

from __future__ import annotations

from datetime import date
from typing import Any

from lodestar.scenarios.compare import Compared

LISTS = (
    ("without_accountable", "tasks without accountable"),
    ("without_responsible", "tasks without responsible"),
    ("hotspots", "dependency hotspots"),
    ("competency_gaps", "competency gaps"),
    ("goals_affected", "goals affected"),
)
MAPPINGS = (
    ("accountable_load", "accountable load"),
    ("interfaces", "interfaces (target >= 3)"),
    ("headcount", "headcount"),
    ("target_archetypes", "target archetype"),
)


def _rows(columns: list[Compared]) -> list[tuple[str, list[str]]]:
    def each(value: Any) -> list[str]:
        return [str(value(column.figures)) for column in columns]

    rows: list[tuple[str, list[str]]] = [
        ("tasks (not dropped)", each(lambda f: f["tasks"]["total"])),
        ("  central", each(lambda f: f["tasks"]["central"])),
        ("  decentral", each(lambda f: f["tasks"]["decentral"])),
        ("  external", each(lambda f: f["tasks"]["external"])),
        ("units (departments, teams)", each(lambda f: f["units"])),
        ("max accountable load", each(lambda f: f["max_accountable_load"])),
    ]
    for key, label in LISTS:
        rows.append((label, each(lambda f, key=key: len(f[key]))))
    codes = sorted({code for column in columns for code in column.figures["findings"]})
    rows.append(("findings", each(lambda f: sum(f["findings"].values()))))
    rows.extend((f"  {code}", each(lambda f, code=code: f["findings"].get(code, 0))) for code in codes)
    for key, label in MAPPINGS:
        names = sorted({name for column in columns for name in column.figures[key]})
        rows.append((label, ["" for _ in columns]))
        rows.extend((f"  {name}", each(lambda f, key=key, name=name: f[key].get(name, "-"))) for name in names)
    return rows


def render_comparison(as_of: date, columns: list[Compared]) -> str:
    """The figures side by side, a `*` where a scenario differs from the base; then the ids behind each list."""
    rows = _rows(columns)
    heads = [column.id for column in columns]
    first = max(len("figure"), *(len(label) for label, _ in rows))
    widths = [max(len(head), *(len(values[i]) + 1 for _, values in rows)) for i, head in enumerate(heads)]

    def line(label: str, values: list[str]) -> str:
        cells = [
            (value + ("*" if i and value != values[0] and value else "")).rjust(width)
            for i, (value, width) in enumerate(zip(values, widths, strict=True))
        ]
        return "  ".join([label.ljust(first), *cells]).rstrip()

    out = [f"Scenarios compared as of {as_of.isoformat()} (* differs from base)", ""]
    out.append("  ".join(["figure".ljust(first), *(head.rjust(w) for head, w in zip(heads, widths, strict=True))]))
    out.extend(line(label, values) for label, values in rows)
    for column in columns:
        listed = [(label, column.figures[key]) for key, label in LISTS if column.figures[key]]
        if not listed:
            continue
        out += ["", f"{column.id}: {column.name}" if column.id != column.name else column.id]
        out.extend(f"  {label}: {', '.join(ids)}" for label, ids in listed)
    return "\n".join(out)
