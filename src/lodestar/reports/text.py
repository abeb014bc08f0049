"""Words and numbers as the reports print them."""

from __future__ import annotations

from lodestar.lib.limits import NAME_MAX
from lodestar.lib.model import Unit

QUESTION_SHORT = {
    "mission": "Mission",
    "role_change": "Role change",
    "tasks": "Tasks",
    "business_units": "Business units",
    "division": "Division",
    "cooperation": "Cooperation",
    "goals": "Goals",
    "competencies": "Competencies",
}
# Column heads of the vision matrix in the PDF, hyphenated to fit a narrow column.
QUESTION_HEADS = QUESTION_SHORT | {"cooperation": "Cooper-<br/>ation", "competencies": "Compe-<br/>tencies"}
KIND_LABELS = {
    "company": "company",
    "business_unit": "business unit",
    "area": "area",
    "department": "department",
    "team": "team",
    "adjacent": "adjacent area",
    "external": "external provider",
}


def clipped(name: str) -> str:
    """A name as a table cell shows it: at most NAME_MAX characters (one stored before the limit is cut)."""
    return name if len(name) <= NAME_MAX else name[: NAME_MAX - 1] + "…"


def figure(value: float | str) -> str:
    """A number for people: thousands grouped, at most two decimals, no trailing zeros."""
    if isinstance(value, str):
        return value
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share:.0%}"


def unit_kind(unit: Unit) -> str:
    label = KIND_LABELS.get(unit.kind, unit.kind)
    if unit.kind == "business_unit" and not unit.is_core:
        return f"{label}, not core"
    return label
