"""What the adopt page shows: the plan of adopting a scenario, or why it cannot be adopted now.

The plan is `scenarios.service.plan_adoption`'s, the one `lodestar scenarios adopt --dry-run`
prints, shown as the import page shows a plan (`web/plans.py`, `web/_plan.html`).
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext

from lodestar.lib.model import Model
from lodestar.modelfile.reader import InvalidModel
from lodestar.scenarios.service import Adoption
from lodestar.web.issues import issue_text
from lodestar.web.plans import counted, plan_context, summary

# Where an issue is: `scenarios[2].remove_units[0]` is in the stored model's third scenario.
_SCENARIO_PATH = re.compile(r"scenarios\[(\d+)\]")


def _headline(adoption: Adoption) -> str:
    # The plan always removes the scenario adopted; a scenario without changes changes nothing else.
    if all(change.collection == "scenarios" for change in adoption.plan.changes):
        return gettext("Adopting changes nothing in the base; the scenario is only removed from the list.")
    return gettext("What changes in the base: %(summary)s.") % {"summary": summary(adoption.plan)}


def _warnings(adoption: Adoption) -> list[str]:
    removed = [counted(count, name) for name, count in adoption.plan.removes().items() if count]
    if not removed:
        return []
    return [gettext("Warning: adopting removes %(records)s.") % {"records": ", ".join(removed)}]


def adoption_context(adoption: Adoption) -> dict[str, Any]:
    """The plan, the goals that lose task references (each with its title), and the scenarios that stay."""
    titles = {goal.id: goal.title for goal in adoption.model.goals}
    return {
        **plan_context(adoption.plan, replaces_the_model=False),
        "headline": _headline(adoption),
        "warnings": _warnings(adoption),
        "scenario": adoption.scenario,
        "lost": [{"goal": goal, "title": titles.get(goal, goal), "task": task} for goal, task in adoption.lost_tasks],
        "others": adoption.model.scenarios,
        "others_named": ", ".join(gettext("“%(name)s”") % {"name": other.name} for other in adoption.model.scenarios),
        "revision": adoption.revision or "",
        "refused": False,
    }


def refusal_context(stored: Model, scenario_id: str, error: InvalidModel) -> dict[str, Any]:
    """Each issue that refuses the adoption, with the name of the scenario whose path it has."""
    scenarios = stored.scenarios
    scenario = next((s for s in scenarios if s.id == scenario_id), None)
    issues = []
    for path, message in error.issues:
        found = _SCENARIO_PATH.match(path)
        index = int(found[1]) if found else -1
        named = scenarios[index] if 0 <= index < len(scenarios) else None
        issues.append(
            {
                "path": path,
                "message": issue_text(message),
                "scenario": named,
                "this": named is not None and named.id == scenario_id,
            }
        )
    return {
        "scenario": scenario,
        "issues": issues,
        "refused": True,
        "others": [s for s in scenarios if s.id != scenario_id],
    }
