"""A plan as the pages show it (the import, a restore point, a roll-over): for `web/_plan.html`."""

from __future__ import annotations

from typing import Any

from lodestar.modelfile.plan import Plan
from lodestar.modelfile.plan_text import conflicts_heading, headline, notes, warnings

PLAN_SHOWN = 300  # changes listed on the page; the counts cover all of them


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
        "changes": plan.changes[:PLAN_SHOWN],
        "left_out": max(0, len(plan.changes) - PLAN_SHOWN),
        "removes_missing": replaces_the_model and not plan.empty and not plan.based,
    }
