"""Words, numbers and sentences as the reports print them, in the report's language.

The PDF and the HTML report share the sentences built here; numbers come from `lodestar.i18n.numbers`.
"""

from __future__ import annotations

from datetime import date

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy, ngettext, pgettext_lazy

from lodestar.design.analysis import CompetencyGap
from lodestar.design.vision import VisionRow
from lodestar.i18n import numbers
from lodestar.i18n.numbers import count
from lodestar.i18n.terms import term
from lodestar.lib.limits import NAME_MAX
from lodestar.lib.model import Unit
from lodestar.reports.content import OrganizationReport

NOTHING = "–"
# The organization report's sections, numbered from 1.
SECTIONS: tuple[Promise, ...] = (
    gettext_lazy("Purpose and principles"),
    gettext_lazy("Role of marketing & sales"),
    gettext_lazy("Vision readiness"),
    gettext_lazy("Target organization"),
    gettext_lazy("Responsibilities (RACI)"),
    gettext_lazy("Dependencies"),
    gettext_lazy("Competencies"),
    gettext_lazy("Goal system"),
    gettext_lazy("Leadership review"),
    gettext_lazy("Health check"),
    gettext_lazy("Role clarity survey"),
)
# Column heads of the vision matrix in the PDF, hyphenated (-<br/>) to fit a narrow column.
QUESTION_HEADS: dict[str, Promise] = {
    "mission": pgettext_lazy("vision matrix head", "Mission"),
    "role_change": pgettext_lazy("vision matrix head", "Role change"),
    "tasks": pgettext_lazy("vision matrix head", "Tasks"),
    "business_units": pgettext_lazy("vision matrix head", "Business units"),
    "division": pgettext_lazy("vision matrix head", "Division"),
    "cooperation": pgettext_lazy("vision matrix head", "Cooper-<br/>ation"),
    "goals": pgettext_lazy("vision matrix head", "Goals"),
    "competencies": pgettext_lazy("vision matrix head", "Compe-<br/>tencies"),
}


def day(value: date) -> str:
    """A date as the report's language writes it short: 2026-06-30, 30.06.2026."""
    return date_format(value, "SHORT_DATE_FORMAT")


def heading(number: int) -> str:
    """A section's numbered heading: `8 Goal system`."""
    return f"{number} {SECTIONS[number - 1]}"


def clipped(name: str) -> str:
    """A name as a table cell shows it: at most NAME_MAX characters (one stored before the limit is cut)."""
    return name if len(name) <= NAME_MAX else name[: NAME_MAX - 1] + "…"


def figure(value: float | str) -> str:
    """A number for people: thousands grouped, at most two decimals, no trailing zeros."""
    return value if isinstance(value, str) else numbers.figure(value)


def percent(share: float | None) -> str:
    return NOTHING if share is None else numbers.percent(share)


def current_value(value: float | None, unit: str | None) -> str:
    """A KPI's current value with its unit, or a dash without one."""
    return NOTHING if value is None else numbers.quantity(value, unit)


def unit_kind(unit: Unit) -> str:
    label = term("unit_kind", unit.kind)
    if unit.kind == "business_unit" and not unit.is_core:
        return gettext("%(kind)s, not core") % {"kind": label}
    return label


def delivery_note(report: OrganizationReport) -> str:
    total = report.delivery.total
    return ngettext(
        "Of %(count)s task kept (tasks being dropped left out): %(central)s central, %(decentral)s decentral, "
        "%(external)s external.",
        "Of %(count)s tasks kept (tasks being dropped left out): %(central)s central, %(decentral)s decentral, "
        "%(external)s external.",
        total.total,
    ) % {
        "count": count(total.total),
        "central": total.central,
        "decentral": total.decentral,
        "external": total.external,
    }


def kept_note(report: OrganizationReport) -> str:
    kept = len(report.changes.group("keep").items)
    return ngettext("%(count)s task is kept as it is.", "%(count)s tasks are kept as they are.", kept) % {
        "count": count(kept)
    }


def raci_legend() -> str:
    return gettext(
        "R responsible, A accountable, C consulted, I informed. Rows marked red lack exactly one accountable unit "
        "or a responsible one."
    )


def heatmap_legend() -> str:
    """The heat map's legend, with one word in bold (the HTML report says the same)."""
    return gettext(
        "Per unit the required level (from the catalog and the tasks it is responsible for) against the best "
        "level of its people, the units below included: <strong>required</strong>/best; green where it is "
        "reached, red where it is not, grey the levels present where nothing is required."
    )


def gap_causes(gap: CompetencyGap) -> str:
    """What requires the level a unit lacks: the catalog and the tasks, each with the level it asks for."""
    causes = [f"{t.task.name} ({t.level})" for t in gap.tasks]
    if gap.catalog_level:
        causes.insert(0, gettext("the catalog (%(level)s)") % {"level": gap.catalog_level})
    return "; ".join(causes)


def vision_row_label(row: VisionRow) -> str:
    """A row of the vision matrix: the scope, or the scope toward a business unit."""
    if row.toward_name:
        return gettext("%(scope)s toward %(unit)s") % {"scope": row.scope_name, "unit": row.toward_name}
    return row.scope_name


def goals_note(report: OrganizationReport) -> str:
    """What the goal table shows, and which goals it leaves out."""
    selection = report.goals
    note = gettext(
        "Goals whose period contains %(day)s, each under the goal it contributes to; the bar shows the progress, "
        "the tick the progress expected by now."
    ) % {"day": day(report.as_of)}
    if selection.left_out:
        note += " " + ngettext(
            "%(count)s goal of other periods is not shown.",
            "%(count)s goals of other periods are not shown.",
            selection.left_out,
        ) % {"count": count(selection.left_out)}
    if selection.deeper:
        note += " " + ngettext(
            "%(count)s goal further down the tree is left out here: see the unit reports.",
            "%(count)s goals further down the tree are left out here: see the unit reports.",
            selection.deeper,
        ) % {"count": count(selection.deeper)}
    return note


def review_note(report: OrganizationReport) -> str:
    """Whose goals the leadership review compares, of which period, with which day."""
    review = report.review
    assert review is not None and review.period is not None
    return ngettext(
        "%(unit)s and every unit below it: the %(count)s goal of period %(period)s as of %(day)s, "
        "compared with %(before)s.",
        "%(unit)s and every unit below it: the %(count)s goals of period %(period)s as of %(day)s, "
        "compared with %(before)s.",
        len(review.goals),
    ) % {
        "unit": report.name(review.unit),
        "count": count(len(review.goals)),
        "period": review.period.id,
        "day": day(review.as_of),
        "before": day(review.week_before),
    }
