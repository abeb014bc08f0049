"""A plan as the pages show it (the import, a restore point, a roll-over): for `web/_plan.html`.

The page says the plan in the reader's language; `lodestar plan` and `import` print the same in
English (`modelfile/plan_text.py`). The paths and values of the model file stay as the file has them.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, ngettext

from lodestar.modelfile.plan import Change, Plan, RecordChange
from lodestar.store.restore import COUNTED

PLAN_SHOWN = 300  # changes listed on the page; the counts cover all of them


def counted(count: int, name: str) -> str:
    """`3 measurements`, `1 check-in`, `5 units`: a count of what a model or a plan holds."""
    words = {
        "units": ngettext("%(count)s unit", "%(count)s units", count),
        "people": ngettext("%(count)s person", "%(count)s people", count),
        "goals": ngettext("%(count)s goal", "%(count)s goals", count),
        "key_results": ngettext("%(count)s key result", "%(count)s key results", count),
        "measurements": ngettext("%(count)s measurement", "%(count)s measurements", count),
        "check_ins": ngettext("%(count)s check-in", "%(count)s check-ins", count),
        "entities": ngettext("%(count)s entity changed there", "%(count)s entities changed there", count),
    }
    return words[name] % {"count": count}


def describe_counts(counts: dict[str, int]) -> str:
    """What a restore point holds: `5 units, 4 people, 1 check-in`."""
    return ", ".join(counted(counts.get(name, 0), name) for name in COUNTED)


def _listed(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return gettext("%(first)s and %(last)s") % {"first": ", ".join(parts[:-1]), "last": parts[-1]}


def summary(plan: Plan) -> str:
    """`2 to add, 1 to change, 0 to remove`."""
    return gettext("%(add)s to add, %(change)s to change, %(remove)s to remove") % {
        "add": plan.count("add"),
        "change": plan.count("change"),
        "remove": plan.count("remove"),
    }


def headline(plan: Plan) -> str:
    if not plan.empty:
        return gettext("Plan: %(summary)s.") % {"summary": summary(plan)}
    if plan.based and plan.kept:
        return gettext("No changes: the store already has every change the file made since its export.")
    return gettext("No changes: the stored model already equals the file.")


def notes(plan: Plan) -> list[str]:
    """What the reader of a plan must know first: whose base it is, what is kept of the store's."""
    found: list[str] = []
    if plan.revision is not None and not plan.based:
        found.append(gettext("The store did not export this file's revision: it is imported as a file without one."))
    if plan.based and plan.kept:
        parts = [
            counted(plan.kept[name], name) for name in ("entities", "measurements", "check_ins") if plan.kept.get(name)
        ]
        if parts:
            found.append(gettext("Kept from the store since the file's export: %(kept)s.") % {"kept": ", ".join(parts)})
    return found


def warnings(plan: Plan) -> list[str]:
    """The records the import removes: measurements and check-ins, with their entities or alone."""
    removed = [counted(count, name) for name, count in plan.removes().items() if count]
    if not removed:
        return []
    return [gettext("Warning: this import removes %(records)s.") % {"records": _listed(removed)}]


def conflicts_heading(plan: Plan) -> str:
    if plan.forced:
        return gettext("Conflicts, settled for the file (forced):")
    return gettext(
        "Conflicts: changed in the store since the file's export, and differently in the file. "
        "The import is refused unless forced, and then the file wins:"
    )


def _record_line(record: RecordChange) -> str:
    parts = [gettext("%(count)s added") % {"count": record.added}] if record.added else []
    parts += [gettext("%(count)s removed") % {"count": record.removed}] if record.removed else []
    return f"{record.path}.{record.field}: {', '.join(parts)}"


def _change(change: Change) -> dict[str, Any]:
    return {
        "action": change.action,
        "path": change.path,
        "lines": [detail.text for detail in change.details] + [_record_line(r) for r in change.records],
        "records": bool(change.records),
        "removed_records": ", ".join(counted(r.removed, r.field) for r in change.records),
    }


def plan_context(plan: Plan, *, replaces_the_model: bool = True) -> dict[str, Any]:
    """What the page shows of a plan: its headline, notes, conflicts and changes, field by field.

    `replaces_the_model`: the plan is that of a whole file, so entities missing from it are removed
    (an import); a roll-over only adds.
    """
    return {
        "plan": plan,
        "headline": headline(plan),
        "notes": notes(plan),
        "warnings": warnings(plan),
        "conflicts_heading": conflicts_heading(plan) if plan.conflicts else "",
        "changes": [_change(change) for change in plan.changes[:PLAN_SHOWN]],
        "left_out": max(0, len(plan.changes) - PLAN_SHOWN),
        "removes_missing": replaces_the_model and not plan.empty and not plan.based,
    }
