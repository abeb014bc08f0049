"""Role comparison: as-is and target scores per profile, and the role toward each business unit."""

from __future__ import annotations

from lodestar.design.analysis import role_comparison
from lodestar.lib.model import RoleProfile, RoleState
from lodestar.lib.vocabulary import DECISION_AREAS
from lodestar.scoring.roles import ARCHETYPE_MEANINGS
from tests.unit.design.build import empty_model, model, unit

SERVICE = RoleState(
    {
        "channels": "execute",
        "communication": "advise",
        "customer_experience": "execute",
        "customer_data": "execute",
        "budget": "execute",
    },
    "defined",
)
GROWTH = RoleState(dict.fromkeys(DECISION_AREAS, "lead"), "integrated")


def test_an_empty_model_has_no_profiles_and_no_business_units() -> None:
    comparison = role_comparison(empty_model())
    assert comparison.profiles == [] and comparison.business_units == [] and comparison.flagged == []


def test_each_profile_has_scores_archetypes_and_meanings() -> None:
    m = model(role_profiles=[RoleProfile(unit="ms", as_is=SERVICE, target=GROWTH)])
    profile = role_comparison(m).profiles[0]
    assert profile.as_is.archetype == "service_provider"
    assert profile.target.archetype == "growth_champion"
    assert profile.as_is_meaning == ARCHETYPE_MEANINGS["service_provider"]
    assert profile.change("strategy") == 4
    assert profile.change("sales_alignment") == 2
    assert profile.sales_alignment == ("defined", "integrated")
    assert "strategy" in profile.gaining and len(profile.gaining) == 8
    assert profile.label == "Ms (general)"


def test_a_business_unit_gets_its_own_profile_or_else_the_general_one() -> None:
    m = model(
        unit("pumps", "business_unit", parent="company"),
        unit("valves", "business_unit", parent="company"),
        role_profiles=[
            RoleProfile(unit="ms", as_is=SERVICE, target=SERVICE),
            RoleProfile(unit="ms", as_is=SERVICE, target=GROWTH, toward="pumps"),
        ],
    )
    rows = {row.business_unit.id: row for row in role_comparison(m).business_units}
    pumps, valves = rows["pumps"].roles[0], rows["valves"].roles[0]
    assert pumps.own and pumps.comparison is not None and pumps.comparison.target.archetype == "growth_champion"
    assert not valves.own and valves.comparison is not None and valves.comparison.profile.toward is None
    assert pumps.comparison.label == "Ms toward Pumps"


def test_non_core_business_units_without_a_profile_of_their_own_are_flagged() -> None:
    m = model(
        unit("core", "business_unit", parent="company"),
        unit("service", "business_unit", parent="company", core=False),
        unit("covered", "business_unit", parent="company", core=False),
        role_profiles=[RoleProfile(unit="ms", as_is=SERVICE, target=SERVICE, toward="covered")],
    )
    comparison = role_comparison(m)
    assert [unit.id for unit in comparison.flagged] == ["service"]
    rows = {row.business_unit.id: row for row in comparison.business_units}
    assert rows["core"].core and not rows["core"].flagged
    assert rows["service"].roles[0].comparison is None


def test_a_role_per_unit_with_profiles_appears_side_by_side() -> None:
    m = model(
        unit("sales"),
        unit("pumps", "business_unit", parent="company"),
        role_profiles=[
            RoleProfile(unit="ms", as_is=SERVICE, target=GROWTH),
            RoleProfile(unit="sales", as_is=SERVICE, target=SERVICE, toward="pumps"),
        ],
    )
    roles = role_comparison(m).business_units[0].roles
    assert [(role.unit, role.own) for role in roles] == [("ms", False), ("sales", True)]
