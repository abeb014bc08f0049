"""The parent picker's choices: the goals of the owner's unit and the units above it first, then the rest."""

from __future__ import annotations

from datetime import date

from lodestar.goals.parent_choices import parent_choices
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Goal, Model, Organization, Period, Person, Unit

MODEL = Model(
    organization=Organization(name="Example"),
    units=[
        Unit(id="company", name="Company", kind="company"),
        Unit(id="ms", name="Marketing & Sales", kind="area", parent="company"),
        Unit(id="mkt", name="Marketing", kind="department", parent="ms"),
        Unit(id="sales", name="Sales", kind="department", parent="ms"),
    ],
    people=[Person(id="ana", name="Ana", unit="mkt")],
    periods=[
        Period(id="fy2026", start=date(2026, 1, 1), end=date(2026, 12, 31)),
        Period(id="q3-2026", start=date(2026, 7, 1), end=date(2026, 9, 30)),
        Period(id="fy2025", start=date(2025, 1, 1), end=date(2025, 12, 31)),
    ],
    goals=[
        Goal(id="sales-q3", title="Close more deals", owner="sales", period="q3-2026"),
        Goal(id="old-company", title="Grow (last year)", owner="company", period="fy2025"),
        Goal(id="company-growth", title="Grow the business", owner="company", period="fy2026"),
        Goal(id="more-leads", title="More qualified leads", owner="ms", period="fy2026"),
        Goal(id="mkt-q3", title="Campaigns for the autumn fair", owner="mkt", period="q3-2026"),
        Goal(id="mkt-year", title="Measure every campaign", owner="mkt", period="fy2026"),
        Goal(id="ana-own", title="Ana's own leads", owner="ana", period="q3-2026"),
    ],
)
INDEX = ModelIndex(MODEL)


def _ids(
    *, owner: str | None, period: str | None, query: str = "", exclude: frozenset[str] = frozenset(), limit: int = 20
) -> list[tuple[str, bool]]:
    choices = parent_choices(INDEX, owner=owner, period=period, query=query, exclude=exclude, limit=limit)
    return [(choice.goal.id, choice.likely) for choice in choices]


def test_the_owners_unit_and_the_units_above_it_come_first_nearest_unit_and_own_period_first() -> None:
    assert _ids(owner="mkt", period="q3-2026") == [
        ("mkt-q3", True),
        ("mkt-year", True),
        ("more-leads", True),
        ("company-growth", True),
        ("sales-q3", False),
        ("old-company", False),
        ("ana-own", False),
    ]


def test_a_persons_goal_looks_up_from_their_unit() -> None:
    assert [goal for goal, likely in _ids(owner="ana", period="fy2026") if likely] == [
        "mkt-year",
        "more-leads",
        "company-growth",
    ]


def test_a_period_that_does_not_enclose_the_goals_own_is_not_among_the_likely_ones() -> None:
    likely = [goal for goal, likely in _ids(owner="sales", period="fy2026") if likely]
    assert likely == ["more-leads", "company-growth"]  # sales-q3 is shorter than fy2026


def test_without_owner_and_period_every_goal_comes_in_model_order() -> None:
    assert _ids(owner=None, period=None) == [(goal.id, False) for goal in MODEL.goals]


def test_a_search_matches_title_or_id_ignoring_case_and_keeps_the_order() -> None:
    assert _ids(owner="mkt", period="q3-2026", query="CAMPAIGN") == [("mkt-q3", True), ("mkt-year", True)]
    assert _ids(owner="mkt", period="q3-2026", query="sales-") == [("sales-q3", False)]


def test_the_goal_itself_is_left_out_and_the_list_is_limited() -> None:
    found = _ids(owner="mkt", period="q3-2026", exclude=frozenset({"mkt-q3"}), limit=2)
    assert found == [("mkt-year", True), ("more-leads", True)]
