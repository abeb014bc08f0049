"""The forms of the design workspace: fields per entity, and form posts turned into model-file documents.

One generic form template shows any entity's fields; the readers of the import check what is
posted, and each issue is shown next to the field its path names (`responsible[1]` under
Responsible, `as_is.decision_rights.pricing` under that select).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext, pgettext

from lodestar.i18n.terms import choices as term_choices
from lodestar.i18n.terms import term
from lodestar.lib.limits import FIRST_DAY, LAST_DAY, NAME_MAX, TEXT_MAX
from lodestar.lib.model import Model
from lodestar.lib.vocabulary import (
    DECISION_AREAS,
    DECISION_LEVELS,
    DEPENDENCY_KINDS,
    JOURNEY_STAGES,
    SALES_ALIGNMENTS,
    TASK_CHANGES,
    TASK_DELIVERIES,
    VISION_QUESTIONS,
    VISION_STATUSES,
)
from lodestar.web.form_values import integer
from lodestar.web.formatting import num

Choices = list[tuple[str, str]]


@dataclass
class Field:
    """One input: `kind` is text, textarea, select, multi, integer, date, lines or levels."""

    name: str
    label: str
    kind: str = "text"
    choices: Choices = field(default_factory=list)
    required: bool = False
    help: str = ""
    value: Any = ""
    error: str = ""
    blank: str = "—"  # the empty choice of an optional select
    levels: tuple[int, int] = (1, 5)

    @property
    def max_length(self) -> int | None:
        """The characters the reader allows: an id, a name or a text (a line of `lines`)."""
        if self.name == "id":
            return 64
        return {"text": NAME_MAX, "textarea": TEXT_MAX}.get(self.kind)

    @property
    def limit_hint(self) -> str:
        if not self.max_length:
            return ""
        return gettext("At most %(count)s characters.") % {"count": num(self.max_length)}

    @property
    def first_day(self) -> str:
        return FIRST_DAY.isoformat()

    @property
    def last_day(self) -> str:
        return LAST_DAY.isoformat()

    @property
    def dom_id(self) -> str:
        return "f-" + self.name.replace(".", "-").replace("_", "-")

    @property
    def selected(self) -> set[str]:
        return set(self.value) if isinstance(self.value, list | tuple | set) else set()

    @property
    def level_rows(self) -> list[tuple[str, str, Any]]:
        values = self.value if isinstance(self.value, dict) else {}
        return [(key, label, values.get(key, "")) for key, label in self.choices]

    @property
    def text(self) -> str:
        if self.kind == "lines" and isinstance(self.value, list):
            return "\n".join(str(line) for line in self.value)
        return "" if self.value is None else str(self.value)


def _units(model: Model) -> Choices:
    return [(u.id, u.name) for u in model.units]


def _business_units(model: Model) -> Choices:
    return [(u.id, u.name) for u in model.units if u.kind == "business_unit"]


def _id_field() -> Field:
    return Field("id", gettext("Id"), required=True, help=gettext("Lower-case letters, digits, “.”, “_” and “-”."))


def mission_fields(model: Model) -> list[Field]:
    return [
        Field(
            "statement",
            gettext("Mission statement"),
            "textarea",
            required=True,
            help=gettext("The purpose of marketing & sales, in a few sentences."),
        ),
        Field(
            "scope",
            gettext("Scope"),
            "select",
            _units(model),
            required=True,
            help=gettext("The unit the mission belongs to."),
        ),
        Field("adopted", gettext("Adopted on"), "date"),
        Field("principles", gettext("Principles"), "lines", help=gettext("One per line.")),
    ]


def vision_fields(model: Model) -> list[Field]:
    owners = _units(model) + [(p.id, p.name) for p in model.people]
    return [
        Field(
            "question", gettext("Question"), "select", term_choices("vision_question", VISION_QUESTIONS), required=True
        ),
        Field("scope", gettext("Scope"), "select", _units(model), blank=gettext("The mission's scope")),
        Field(
            "toward",
            gettext("Toward business unit"),
            "select",
            _business_units(model),
            blank=gettext("All business units"),
        ),
        Field("status", gettext("Status"), "select", term_choices("vision_status", VISION_STATUSES), required=True),
        Field("answer", pgettext("noun", "Answer"), "textarea"),
        Field("owner", gettext("Owner"), "select", owners),
    ]


def role_profile_fields(model: Model) -> list[Field]:
    fields = [
        Field("unit", gettext("Unit"), "select", _units(model), required=True),
        Field(
            "toward",
            gettext("Toward business unit"),
            "select",
            _business_units(model),
            blank=gettext("All business units"),
        ),
        Field("horizon", gettext("Target year"), "integer"),
    ]
    levels = term_choices("decision_level", DECISION_LEVELS)
    for state, label in (("as_is", pgettext("state", "As-is")), ("target", pgettext("state", "Target"))):
        fields += [
            Field(
                f"{state}.decision_rights.{area}",
                f"{label}: {term('decision_area', area)}",
                "select",
                levels,
                required=True,
            )
            for area in DECISION_AREAS
        ]
        fields.append(
            Field(
                f"{state}.sales_alignment",
                f"{label}: {term('decision_area', 'sales_alignment')}",
                "select",
                term_choices("sales_alignment", SALES_ALIGNMENTS),
                required=True,
            )
        )
    fields.append(Field("rationale", gettext("Rationale"), "textarea"))
    return fields


def task_fields(model: Model) -> list[Field]:
    units = _units(model)
    return [
        _id_field(),
        Field("name", gettext("Name"), required=True),
        Field("change", pgettext("task", "Change"), "select", term_choices("task_change", TASK_CHANGES), required=True),
        Field("delivery", gettext("Delivery"), "select", term_choices("task_delivery", TASK_DELIVERIES), required=True),
        Field("responsible", gettext("Responsible (R)"), "multi", units),
        Field("accountable", gettext("Accountable (A)"), "select", units),
        Field("consulted", gettext("Consulted (C)"), "multi", units),
        Field("informed", gettext("Informed (I)"), "multi", units),
        Field("locations", gettext("Locations"), "multi", [(x.id, x.name) for x in model.locations]),
        Field("toward", gettext("Serves business units"), "multi", _business_units(model)),
        Field(
            "competencies",
            gettext("Competencies it needs (level 1–5)"),
            "levels",
            [(c.id, c.name) for c in model.competencies],
        ),
    ]


def dependency_fields(model: Model) -> list[Field]:
    units = _units(model)
    return [
        Field("from", gettext("Depends (from)"), "select", units, required=True),
        Field("to", gettext("On (to)"), "select", units, required=True),
        Field("about", pgettext("dependency", "About"), required=True),
        Field("kind", gettext("Kind"), "select", term_choices("dependency_kind", DEPENDENCY_KINDS), required=True),
        Field("now", gettext("Intensity now (0–5)"), "integer", required=True),
        Field("target", gettext("Intensity in the target (0–5)"), "integer", required=True),
    ]


def competency_fields(model: Model) -> list[Field]:
    return [
        _id_field(),
        Field("name", gettext("Name"), required=True),
        Field("category", gettext("Category")),
        Field("required", gettext("Level each unit requires (1–5)"), "levels", _units(model)),
    ]


def touchpoint_fields(model: Model) -> list[Field]:
    units = _units(model)
    return [
        _id_field(),
        Field("name", gettext("Name"), required=True),
        Field(
            "stage", gettext("Journey stage"), "select", term_choices("journey_stage", JOURNEY_STAGES), required=True
        ),
        Field(
            "channel",
            gettext("Channel"),
            required=True,
            help=gettext("Free text, e.g. web, email, trade_fair, field_sales."),
        ),
        Field("owner", gettext("Owner"), "select", units, required=True),
        Field("contributors", gettext("Contributors"), "multi", units),
    ]


FIELDS: dict[str, Callable[[Model], list[Field]]] = {
    "mission": mission_fields,
    "vision": vision_fields,
    "role_profile": role_profile_fields,
    "task": task_fields,
    "dependency": dependency_fields,
    "competency": competency_fields,
    "touchpoint": touchpoint_fields,
}


def _lookup(document: dict[str, Any], name: str) -> Any:
    value: Any = document
    for part in name.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _put(document: dict[str, Any], name: str, value: Any) -> None:
    *parents, last = name.split(".")
    target = document
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value


def document_of(fields: list[Field], data: QueryDict, *, with_id: bool) -> dict[str, Any]:
    """The posted fields as a document; on an edit, a cleared optional field is None (removed)."""
    document: dict[str, Any] = {}
    for f in fields:
        if f.name == "id" and not with_id:
            continue
        value: Any
        if f.kind == "multi":
            value = [v for v in data.getlist(f.name) if v]
        elif f.kind == "levels":
            value = {key: integer(text) for key, _ in f.choices if (text := data.get(f"{f.name}.{key}", "").strip())}
            value = value or None
        elif f.kind == "lines":
            value = [line.strip() for line in data.get(f.name, "").splitlines() if line.strip()] or None
        elif f.kind == "integer":
            text = data.get(f.name, "").strip()
            value = integer(text) if text else None
        else:
            value = data.get(f.name, "").strip() or None
        if ".decision_rights." in f.name and value in (None, "none"):
            continue  # a missing area means none, as in the model file
        if value is None and with_id:
            continue
        _put(document, f.name, value)
    for state in ("as_is", "target"):
        if isinstance(document.get(state), dict):
            document[state].setdefault("decision_rights", {})
    return document


def filled(fields: list[Field], values: dict[str, Any], errors: dict[str, str]) -> tuple[list[Field], list[str]]:
    """The fields with their values and errors; errors no field claims are returned apart."""
    names = sorted((f.name for f in fields), key=len, reverse=True)
    claimed: dict[str, list[str]] = {}
    general: list[str] = []
    for path, message in errors.items():
        owner = next((n for n in names if path == n or path.startswith((f"{n}.", f"{n}["))), None)
        if owner is None:
            general.append(f"{path}: {message}" if path else message)
        else:
            claimed.setdefault(owner, []).append(
                message if path == owner else f"{path[len(owner) :].lstrip('.')}: {message}"
            )
    for f in fields:
        value = _lookup(values, f.name)
        if ".decision_rights." in f.name and value is None:
            value = "none"
        f.value = value if value is not None else ([] if f.kind == "multi" else "")
        f.error = "; ".join(claimed.get(f.name, []))
    return fields, general
