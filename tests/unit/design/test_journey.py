"""The customer journey: touchpoints by stage, with owner, contributors and KPI status."""

from __future__ import annotations

from datetime import date

from lodestar.design.analysis import journey
from lodestar.lib.model import KPI, Measurement, Touchpoint
from lodestar.scoring.report import score_model
from tests.unit.design.build import empty_model, model, unit

AS_OF = date(2026, 6, 30)


def kpi(id: str, touchpoint: str | None, value: float | None) -> KPI:
    measurements = [] if value is None else [Measurement(date(2026, 6, 1), value)]
    return KPI(
        id=id, name=id, owner="ms", better="higher", green=80, red=50, touchpoint=touchpoint, measurements=measurements
    )


def test_an_empty_model_has_six_empty_stages() -> None:
    m = empty_model()
    stages = journey(m, score_model(m, AS_OF)).stages
    assert [s.stage for s in stages] == ["awareness", "consideration", "purchase", "onboarding", "usage", "loyalty"]
    assert all(s.touchpoints == [] for s in stages)


def test_touchpoints_sit_in_their_stage_with_owner_contributors_and_kpis() -> None:
    m = model(
        unit("web"),
        unit("it", "adjacent", parent="company"),
        touchpoints=[
            Touchpoint("shop", "Web shop", "purchase", "web", owner="web", contributors=["it"]),
            Touchpoint("fair", "Fair", "awareness", "trade_fair", owner="ms"),
        ],
        kpis=[kpi("conversion", "shop", 90), kpi("uptime", "shop", 40), kpi("general", None, 10)],
    )
    result = journey(m, score_model(m, AS_OF))
    shop = result.stages[2].touchpoints[0]
    assert shop.owner is not None and shop.owner.id == "web"
    assert [u.id for u in shop.contributors] == ["it"]
    assert [(k.kpi.id, k.status) for k in shop.kpis] == [("conversion", "green"), ("uptime", "red")]
    assert shop.status == "red"
    fair = result.stages[0].touchpoints[0]
    assert fair.kpis == [] and fair.status is None
    assert [tp.touchpoint.id for tp in result.touchpoints] == ["fair", "shop"]


def test_a_touchpoint_whose_kpis_have_no_value_shows_no_data() -> None:
    m = model(touchpoints=[Touchpoint("t", "T", "usage", "web", owner="ms")], kpis=[kpi("k", "t", None)])
    assert journey(m, score_model(m, AS_OF)).stages[4].touchpoints[0].status == "no_data"


def test_a_yellow_kpi_outweighs_a_green_one() -> None:
    m = model(
        touchpoints=[Touchpoint("t", "T", "loyalty", "email", owner="ms")],
        kpis=[kpi("good", "t", 90), kpi("middling", "t", 60), kpi("unknown", "t", None)],
    )
    assert journey(m, score_model(m, AS_OF)).stages[5].touchpoints[0].status == "yellow"
