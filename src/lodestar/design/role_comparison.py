"""The role of marketing & sales as-is and in the target, per profile and toward each business unit."""

from __future__ import annotations

from dataclasses import dataclass

from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Model, RoleProfile, Unit
from lodestar.lib.vocabulary import DECISION_AREAS, SALES_ALIGNMENTS
from lodestar.scoring.roles import ARCHETYPE_MEANINGS, RoleScores, score_state


@dataclass(frozen=True, slots=True)
class ProfileComparison:
    profile: RoleProfile
    unit_name: str
    toward_name: str | None
    as_is: RoleScores
    target: RoleScores

    @property
    def label(self) -> str:
        return f"{self.unit_name} toward {self.toward_name}" if self.toward_name else f"{self.unit_name} (general)"

    @property
    def as_is_meaning(self) -> str:
        return ARCHETYPE_MEANINGS[self.as_is.archetype]

    @property
    def target_meaning(self) -> str:
        return ARCHETYPE_MEANINGS[self.target.archetype]

    @property
    def sales_alignment(self) -> tuple[str, str]:
        """The sales-alignment stage as-is and in the target."""
        return self.profile.as_is.sales_alignment, self.profile.target.sales_alignment

    def change(self, area: str) -> int:
        """Target minus as-is score of a decision area (or `sales_alignment`)."""
        return self.target.scores[area] - self.as_is.scores[area]

    @property
    def gaining(self) -> list[str]:
        """Decision areas whose score rises toward the target."""
        return [area for area in DECISION_AREAS if self.change(area) > 0]


@dataclass(frozen=True, slots=True)
class BusinessUnitRole:
    """The role one unit plays toward one business unit."""

    unit: str
    unit_name: str
    comparison: ProfileComparison | None  # the profile toward it, else the unit's general one, else None
    own: bool  # the comparison is a profile toward this business unit


@dataclass(frozen=True, slots=True)
class BusinessUnitRoles:
    business_unit: Unit
    roles: list[BusinessUnitRole]  # one per unit that has any role profile, in model order
    flagged: bool  # outside the core business and no profile toward it (LS012)

    @property
    def core(self) -> bool:
        return self.business_unit.is_core


@dataclass(frozen=True, slots=True)
class RoleComparison:
    profiles: list[ProfileComparison]  # in model order
    business_units: list[BusinessUnitRoles]  # every business unit, in model order

    @property
    def flagged(self) -> list[Unit]:
        return [row.business_unit for row in self.business_units if row.flagged]


def compare_profile(profile: RoleProfile, index: ModelIndex) -> ProfileComparison:
    return ProfileComparison(
        profile=profile,
        unit_name=index.name(profile.unit),
        toward_name=index.name(profile.toward) if profile.toward else None,
        as_is=score_state(profile.as_is),
        target=score_state(profile.target),
    )


def role_comparison(model: Model) -> RoleComparison:
    """Scores and nearest archetypes per profile, and the role toward each business unit side by side."""
    index = ModelIndex(model)
    profiles = [compare_profile(profile, index) for profile in model.role_profiles]
    by_key = {(c.profile.unit, c.profile.toward): c for c in profiles}
    units = list(dict.fromkeys(profile.unit for profile in model.role_profiles))
    served = {profile.toward for profile in model.role_profiles}
    rows = []
    for business_unit in model.units:
        if business_unit.kind != "business_unit":
            continue
        roles = []
        for unit_id in units:
            own = by_key.get((unit_id, business_unit.id))
            roles.append(
                BusinessUnitRole(
                    unit=unit_id,
                    unit_name=index.name(unit_id),
                    comparison=own or by_key.get((unit_id, None)),
                    own=own is not None,
                )
            )
        rows.append(
            BusinessUnitRoles(
                business_unit=business_unit,
                roles=roles,
                flagged=not business_unit.is_core and business_unit.id not in served,
            )
        )
    return RoleComparison(profiles=profiles, business_units=rows)


def alignment_stage(name: str) -> int:
    """The sales-alignment stage scored 0-3."""
    return SALES_ALIGNMENTS.index(name)
