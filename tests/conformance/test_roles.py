"""Role profile scores and nearest archetypes (spec: Role profiles)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conformance.builders import (
    DECISION_AREAS,
    DECISION_RIGHTS,
    SALES_ALIGNMENTS,
    decision_rights,
    organization,
    role_profile,
    unit,
)
from tests.conformance.conftest import RolesOf

ARCHETYPES = {
    "service_provider": (0, 0, 0, 1, 2, 1, 1, 1),
    "brand_builder": (2, 1, 1, 2, 4, 2, 1, 2),
    "best_practice_advisor": (2, 2, 1, 2, 3, 2, 2, 2),
    "senior_counselor": (3, 2, 2, 2, 3, 3, 2, 2),
    "marketing_master": (3, 3, 3, 3, 4, 3, 3, 3),
    "growth_champion": (4, 4, 4, 4, 4, 4, 4, 4),
}


def side(scores: tuple[int, ...], alignment: str = "defined") -> dict[str, Any]:
    return {"decision_rights": decision_rights(scores), "sales_alignment": alignment}


def only_profile(roles: RolesOf, as_is: dict[str, Any], target: dict[str, Any] | None = None) -> dict[str, Any]:
    result = roles(organization(role_profiles=[role_profile(as_is=as_is, target=target or as_is)]))
    assert len(result["role_profiles"]) == 1
    profile: dict[str, Any] = result["role_profiles"][0]
    return profile


@pytest.mark.parametrize("name", list(ARCHETYPES))
def test_a_profile_equal_to_an_archetype_is_nearest_to_it(roles: RolesOf, name: str) -> None:
    profile = only_profile(roles, side(ARCHETYPES[name]))

    assert profile["as_is"]["archetype"] == name
    assert profile["target"]["archetype"] == name


@pytest.mark.parametrize("score", range(5))
def test_decision_rights_score_0_to_4_in_the_spec_order(roles: RolesOf, score: int) -> None:
    profile = only_profile(
        roles, {"decision_rights": {"pricing": DECISION_RIGHTS[score]}, "sales_alignment": "defined"}
    )

    assert profile["as_is"]["scores"]["pricing"] == score


@pytest.mark.parametrize("score", range(4))
def test_sales_alignment_scores_0_to_3_in_the_spec_order(roles: RolesOf, score: int) -> None:
    profile = only_profile(roles, {"decision_rights": {"pricing": "lead"}, "sales_alignment": SALES_ALIGNMENTS[score]})

    assert profile["as_is"]["scores"]["sales_alignment"] == score


def test_a_missing_decision_area_scores_0(roles: RolesOf) -> None:
    profile = only_profile(roles, {"decision_rights": {"budget": "lead"}, "sales_alignment": "integrated"})

    assert profile["as_is"]["scores"] == dict.fromkeys(DECISION_AREAS, 0) | {"budget": 4, "sales_alignment": 3}


def test_no_decision_rights_at_all_is_nearest_to_the_service_provider(roles: RolesOf) -> None:
    # All zeros: service_provider at squared distance 8, brand_builder 35.
    profile = only_profile(roles, {"decision_rights": {}, "sales_alignment": "undefined"})

    assert profile["as_is"]["archetype"] == "service_provider"


def test_as_is_and_target_are_matched_separately(roles: RolesOf) -> None:
    profile = only_profile(roles, side(ARCHETYPES["brand_builder"]), side(ARCHETYPES["marketing_master"], "integrated"))

    assert profile["as_is"]["archetype"] == "brand_builder"
    assert profile["target"]["archetype"] == "marketing_master"
    assert profile["as_is"]["scores"]["sales_alignment"] == 1
    assert profile["target"]["scores"]["sales_alignment"] == 3


def test_a_profile_near_but_not_on_an_archetype_takes_the_nearest(roles: RolesOf) -> None:
    # (3,3,3,3,3,3,3,3): marketing_master at 1, senior_counselor 5, growth_champion 8.
    profile = only_profile(roles, side((3, 3, 3, 3, 3, 3, 3, 3)))

    assert profile["as_is"]["archetype"] == "marketing_master"


def test_sales_alignment_does_not_affect_the_archetype(roles: RolesOf) -> None:
    low = only_profile(roles, side(ARCHETYPES["senior_counselor"], "undefined"))

    assert low["as_is"]["archetype"] == "senior_counselor"


@pytest.mark.parametrize(
    ("scores", "first", "second"),
    [
        ((2, 4, 0, 0, 0, 0, 0, 1), "service_provider", "best_practice_advisor"),
        ((4, 0, 0, 0, 1, 3, 0, 1), "brand_builder", "senior_counselor"),
        ((0, 0, 4, 0, 4, 3, 4, 4), "senior_counselor", "marketing_master"),
    ],
)
def test_a_tie_goes_to_the_archetype_listed_first(
    roles: RolesOf, scores: tuple[int, ...], first: str, second: str
) -> None:
    def squared(name: str) -> int:
        return sum((a - b) ** 2 for a, b in zip(scores, ARCHETYPES[name], strict=True))

    # The tie is real: both are at the same, smallest distance.
    assert squared(first) == squared(second) == min(squared(name) for name in ARCHETYPES)

    assert only_profile(roles, side(scores))["as_is"]["archetype"] == first


def test_a_profile_toward_a_business_unit_names_it_and_one_for_all_has_toward_null(roles: RolesOf) -> None:
    document = organization(
        units=[unit("bu-a", "business_unit", parent="company")],
        role_profiles=[
            role_profile(as_is=side(ARCHETYPES["brand_builder"])),
            role_profile(toward="bu-a", as_is=side(ARCHETYPES["growth_champion"])),
        ],
    )
    profiles = {profile["toward"]: profile for profile in roles(document)["role_profiles"]}

    assert set(profiles) == {None, "bu-a"}
    assert profiles[None]["unit"] == "ms"
    assert profiles[None]["as_is"]["archetype"] == "brand_builder"
    assert profiles["bu-a"]["unit"] == "ms"
    assert profiles["bu-a"]["as_is"]["archetype"] == "growth_champion"


def test_every_role_profile_of_the_model_is_listed(roles: RolesOf) -> None:
    document = organization(
        units=[unit("mkt", "department"), unit("sales", "department")],
        role_profiles=[role_profile("ms"), role_profile("mkt"), role_profile("sales")],
    )

    assert sorted(profile["unit"] for profile in roles(document)["role_profiles"]) == ["mkt", "ms", "sales"]


def test_a_model_without_role_profiles_lists_none(roles: RolesOf) -> None:
    assert roles(organization()) == {"role_profiles": []}
