"""Restore points: the whole model, kept before every change of the whole model.

Every service that replaces or rewrites the model as a whole (an import, a restore, a goal
roll-over, a scenario's adoption) calls `keep_restore_point` inside its transaction, before it
writes. The last KEPT restore points are kept; `lodestar restore` and the admin import page
list them and return to one (`store.service.restore_model`).
"""

from __future__ import annotations

from django.utils import timezone

from lodestar.accounts.actor import Actor
from lodestar.lib.model import Model
from lodestar.modelfile.export import export_text
from lodestar.store.load import NoModel, load_model
from lodestar.store.models import RestorePoint

KEPT = 50
COUNTED = ("units", "people", "goals", "key_results", "measurements", "check_ins")
COUNT_WORDS = {
    "units": ("unit", "units"),
    "people": ("person", "people"),
    "goals": ("goal", "goals"),
    "key_results": ("key result", "key results"),
    "measurements": ("measurement", "measurements"),
    "check_ins": ("check-in", "check-ins"),
}


def model_counts(model: Model) -> dict[str, int]:
    """What a model holds, for a person choosing a restore point; measurements of key results and KPIs."""
    key_results = [kr for goal in model.goals for kr in goal.key_results]
    return {
        "units": len(model.units),
        "people": len(model.people),
        "goals": len(model.goals),
        "key_results": len(key_results),
        "measurements": sum(len(kr.measurements) for kr in key_results) + sum(len(k.measurements) for k in model.kpis),
        "check_ins": sum(len(kr.check_ins) for kr in key_results),
    }


def describe_counts(counts: dict[str, int]) -> str:
    """`5 units, 4 people, 1 check-in`."""
    words = [(counts.get(name, 0), COUNT_WORDS[name]) for name in COUNTED]
    return ", ".join(f"{count} {one if count == 1 else many}" for count, (one, many) in words)


def keep_restore_point(*, actor: Actor, reason: str, model: Model | None = None) -> RestorePoint | None:
    """Keep the stored model (or `model`, the stored one already loaded) as a restore point.

    Call it inside the transaction that then changes the model. Only the last KEPT are kept.
    Returns None when no model is stored: there is nothing to return to.
    """
    if model is None:
        try:
            model = load_model()
        except NoModel:
            return None
    point = RestorePoint.objects.create(
        at=timezone.now(),
        reason=reason[:200],
        actor=actor.label,
        surface=actor.surface,
        counts=model_counts(model),
        text=export_text(model),
    )
    oldest_kept = RestorePoint.objects.order_by("-id").values_list("id", flat=True)[KEPT - 1 : KEPT].first()
    if oldest_kept is not None:
        RestorePoint.objects.filter(id__lt=oldest_kept).delete()
    return point


def list_restore_points() -> list[RestorePoint]:
    """The restore points kept, newest first (without their model text)."""
    return list(RestorePoint.objects.defer("text").order_by("-id"))
