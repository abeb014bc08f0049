"""Adopting a scenario: its model becomes the stored base, in one transaction, the base kept as a restore point.

The other scenarios stay, as changes to the new base; if one of them is no longer valid, the
adoption is refused with its errors and nothing is written. Goals that list tasks the
scenario no longer has lose those references, and the plan lists each.

A page shows the plan first and adopts on a second request: the plan carries the revision of the
model it was made from, and the adoption is refused (a Conflict) when the stored model has moved
on since, so that what is written is what was shown. Adoptions take turns on the revision's row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.db import transaction

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_editor
from lodestar.lib.errors import Conflict
from lodestar.lib.gc_pause import gc_paused
from lodestar.lib.model import Model
from lodestar.lib.scenario import Scenario
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.modelfile.plan import Plan, plan_changes
from lodestar.modelfile.reader import InvalidModel
from lodestar.modelfile.scenario_checks import check_scenarios, scenario_issues
from lodestar.modelfile.scenario_document import scenario_document
from lodestar.modelfile.scenario_model import form
from lodestar.modelfile.validate import validate_document
from lodestar.scenarios.compare import chosen
from lodestar.store.load import load_model
from lodestar.store.models import ModelRevision
from lodestar.store.restore import keep_restore_point
from lodestar.store.service import _versions
from lodestar.store.store import write_model


@dataclass(frozen=True, slots=True)
class Adoption:
    """What adopting a scenario writes: the new base (with the other scenarios) and the plan from the stored one."""

    scenario: Scenario
    model: Model
    plan: Plan
    lost_tasks: list[tuple[str, str]]  # (goal, task): references the new base no longer has
    revision: str | None = None  # the token of the stored model's revision the plan was made from

    def lost_lines(self) -> list[str]:
        return [
            f"goals[{goal}].tasks: loses {task!r} (the scenario has no such task)" for goal, task in self.lost_tasks
        ]

    def as_json(self) -> dict[str, object]:
        return {
            "scenario": self.scenario.id,
            "plan": self.plan.as_json(),
            "lost_tasks": [{"goal": goal, "task": task} for goal, task in self.lost_tasks],
        }


def _adoption(stored: Model, scenario_id: str) -> Adoption:
    """The adoption of one scenario of `stored`. Raises UnknownScenario, or InvalidModel with every error."""
    ((index, scenario),) = chosen(stored, [scenario_id])
    prefix = f"scenarios[{index}]"
    issues = scenario_issues(stored, scenario, prefix=prefix, validate=validate_document)
    if issues:
        raise InvalidModel(issues)
    formed = form(stored, scenario, path=prefix)
    model = formed.model
    others = [(i, other) for i, other in enumerate(stored.scenarios) if other.id != scenario.id]
    model.scenarios = [other for _, other in others]
    model.surveys = stored.surveys  # surveys are no part of a scenario's model: they stay as they are
    issues = check_scenarios(model, others, known=[], validate=validate_document)
    if issues:
        raise InvalidModel(issues)
    return Adoption(scenario=scenario, model=model, plan=plan_changes(stored, model), lost_tasks=formed.lost_tasks)


def _revision(*, hold: bool = False) -> str | None:
    """The token of the stored model's revision; with `hold`, its row is locked until the transaction ends."""
    rows = ModelRevision.objects.select_for_update() if hold else ModelRevision.objects.all()
    return rows.values_list("token", flat=True).first()


def plan_adoption(*, scenario_id: str) -> Adoption:
    """What adopting the scenario would change; writes nothing. Raises UnknownScenario or InvalidModel."""
    with gc_paused():
        revision = _revision()  # read first: a write after it moves it, and the adoption is refused
        return replace(_adoption(load_model(), scenario_id), revision=revision)


def adopt_scenario(*, actor: Actor, scenario_id: str, revision: str | None = None) -> Adoption:
    """Make the scenario's model the stored base, in one transaction; audited, with a restore point.

    `revision`: that of the plan shown (`plan_adoption`); when the stored model has moved on since,
    the adoption is refused with a Conflict. Raises UnknownScenario, InvalidModel, PermissionDenied.
    """
    require_editor(actor, what="adopt scenarios")
    with gc_paused(), transaction.atomic():
        now = _revision(hold=True)  # a second adoption waits here, then sees the model the first wrote
        if revision is not None and now != revision:
            raise Conflict(
                Wording.of(
                    gettext_noop(
                        "the stored model changed since the plan of scenario %(id)s was made; "
                        "look at the plan as it is now, then adopt again"
                    ),
                    id=repr(scenario_id),
                )
            )
        stored = load_model()
        adoption = _adoption(stored, scenario_id)
        keep_restore_point(actor=actor, reason=f"before adopting scenario {scenario_id}", model=stored)
        write_model(adoption.model, versions=_versions(adoption.plan))
        plan = adoption.plan
        audit.record(
            actor=actor,
            action="scenario.adopt",
            subject=f"scenario:{scenario_id}",
            before={"scenario": scenario_document(adoption.scenario)},
            after={
                "plan": {"add": plan.count("add"), "change": plan.count("change"), "remove": plan.count("remove")},
                "lost_tasks": [{"goal": goal, "task": task} for goal, task in adoption.lost_tasks],
            },
        )
    return adoption
