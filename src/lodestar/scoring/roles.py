"""Role profile scores and the nearest built-in archetype."""

from __future__ import annotations

import math
from dataclasses import dataclass

from lodestar.lib.model import Model, RoleState
from lodestar.lib.vocabulary import DECISION_AREAS, DECISION_LEVELS, SALES_ALIGNMENTS
from lodestar.lib.wording import gettext_noop

# The published marketing-organization profiles, in tie-breaking order.
ARCHETYPES: dict[str, tuple[int, ...]] = {
    "service_provider": (0, 0, 0, 1, 2, 1, 1, 1),
    "brand_builder": (2, 1, 1, 2, 4, 2, 1, 2),
    "best_practice_advisor": (2, 2, 1, 2, 3, 2, 2, 2),
    "senior_counselor": (3, 2, 2, 2, 3, 3, 2, 2),
    "marketing_master": (3, 3, 3, 3, 4, 3, 3, 3),
    "growth_champion": (4, 4, 4, 4, 4, 4, 4, 4),
}
# Their names and meanings in English; pages and reports translate them (lodestar.i18n.words).
ARCHETYPE_NAMES = {
    "service_provider": gettext_noop("service provider"),
    "brand_builder": gettext_noop("brand builder"),
    "best_practice_advisor": gettext_noop("best practice advisor"),
    "senior_counselor": gettext_noop("senior counselor"),
    "marketing_master": gettext_noop("marketing master"),
    "growth_champion": gettext_noop("growth champion"),
}
ARCHETYPE_MEANINGS = {
    "service_provider": gettext_noop(
        "Executes communication on request; others decide what to sell, to whom and at which price."
    ),
    "brand_builder": gettext_noop("Leads communication and the brand; advises on the rest of the marketing mix."),
    "best_practice_advisor": gettext_noop(
        "Sets standards and advises business units across the mix; decides little itself."
    ),
    "senior_counselor": gettext_noop("Co-decides strategy and customer experience; a trusted counsel to management."),
    "marketing_master": gettext_noop("Co-decides the whole marketing mix, pricing and customer data included."),
    "growth_champion": gettext_noop(
        "Leads growth: strategy, product, pricing, channels and customer data in one hand."
    ),
}


@dataclass(frozen=True, slots=True)
class RoleScores:
    scores: dict[str, int]
    archetype: str


@dataclass(frozen=True, slots=True)
class RoleProfileScores:
    unit: str
    toward: str | None
    as_is: RoleScores
    target: RoleScores


def decision_scores(state: RoleState) -> tuple[int, ...]:
    """The eight decision areas scored 0-4 in spec order; a missing area is `none`."""
    return tuple(DECISION_LEVELS.index(state.decision_rights.get(area, "none")) for area in DECISION_AREAS)


def nearest_archetype(scores: tuple[int, ...]) -> str:
    """The archetype at the smallest Euclidean distance; ties go to the earlier one in the table."""
    best_name, best_distance = "", math.inf
    for name, vector in ARCHETYPES.items():
        distance = math.dist(scores, vector)
        if distance < best_distance - 1e-12:
            best_name, best_distance = name, distance
    return best_name


def score_state(state: RoleState) -> RoleScores:
    vector = decision_scores(state)
    scores = dict(zip(DECISION_AREAS, vector, strict=True))
    scores["sales_alignment"] = SALES_ALIGNMENTS.index(state.sales_alignment)
    return RoleScores(scores=scores, archetype=nearest_archetype(vector))


def score_roles(model: Model) -> list[RoleProfileScores]:
    """Scores and nearest archetypes of every role profile, in model order."""
    return [
        RoleProfileScores(
            unit=profile.unit,
            toward=profile.toward,
            as_is=score_state(profile.as_is),
            target=score_state(profile.target),
        )
        for profile in model.role_profiles
    ]


def roles_json(profiles: list[RoleProfileScores]) -> dict[str, object]:
    """The spec's JSON for `lodestar roles --format json`."""
    return {
        "role_profiles": [
            {
                "unit": p.unit,
                "toward": p.toward,
                "as_is": {"scores": p.as_is.scores, "archetype": p.as_is.archetype},
                "target": {"scores": p.target.scores, "archetype": p.target.archetype},
            }
            for p in profiles
        ]
    }
