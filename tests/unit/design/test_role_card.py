"""The role card of a unit: its job, what changes for it and who its neighbours are."""

from __future__ import annotations

import pytest

from lodestar.design.analysis import role_card
from lodestar.lib.errors import NotFound
from lodestar.lib.model import Competency, Dependency, Location, Touchpoint
from tests.unit.design.build import model, person, task, unit


def test_an_unknown_unit_is_not_found() -> None:
    with pytest.raises(NotFound, match="no unit 'nowhere'"):
        role_card(model(), "nowhere")


def test_a_unit_without_tasks_has_an_empty_card_with_its_purpose() -> None:
    m = model(unit("idle", purpose="Wait."))
    card = role_card(m, "idle")
    assert card.purpose == "Wait."
    assert card.parent is not None and card.parent.id == "ms"
    assert card.mission == "We help."
    assert card.leads_or_does == [] and card.supports == [] and card.changes == []
    assert card.central_or_decentral is None
    assert card.depends_on == [] and card.depended_on_by == [] and card.neighbours == []


def test_the_mission_shows_only_within_the_missions_scope() -> None:
    m = model(unit("it", "adjacent", parent="company"))
    assert role_card(m, "it").mission is None


def test_tasks_split_into_r_or_a_and_only_c_or_i_and_changes_are_ordered() -> None:
    m = model(
        unit("mkt", lead="ann", location="hq"),
        unit("it", "adjacent", parent="company"),
        locations=[Location("hq", "Head office")],
        people=[person("ann", "mkt")],
        tasks=[
            task("fairs", "drop", responsible=["mkt"]),
            task("web", "new", responsible=["mkt"], accountable="mkt", consulted=["it"]),
            task("press", "keep", accountable="mkt", responsible=["ms"]),
            task("crm", "expand", responsible=["it"], consulted=["mkt"], informed=["mkt"]),
            task("abm", "reduce", "decentral", responsible=["mkt"]),
        ],
    )
    card = role_card(m, "mkt")
    assert [(item.task.id, item.label) for item in card.leads_or_does] == [
        ("fairs", "R"),
        ("web", "R/A"),
        ("press", "A"),
        ("abm", "R"),
    ]
    assert [(item.task.id, item.letters) for item in card.supports] == [("crm", "CI")]
    assert [item.task.id for item in card.changes] == ["web", "abm", "fairs"]
    assert (card.delivery.central, card.delivery.decentral) == (1, 1)
    assert card.central_or_decentral == "mixed"
    assert card.lead is not None and card.lead.id == "ann"
    assert card.location_name == "Head office"


def test_dependencies_touchpoints_gaps_and_neighbours_of_a_unit() -> None:
    m = model(
        unit("mkt"),
        unit("sales"),
        unit("it", "adjacent", parent="company"),
        *(unit(u) for u in ("a", "b", "c")),
        dependencies=[
            Dependency("mkt", "it", "tracking", "data", 1, 3),
            *(Dependency(u, "it", "x", "data", 1, 3) for u in ("a", "b", "c")),
            Dependency("sales", "mkt", "leads", "information", 2, 3),
        ],
        touchpoints=[
            Touchpoint("web", "Web", "consideration", "web", owner="mkt", contributors=["it", "mkt"]),
            Touchpoint("visit", "Visit", "purchase", "field_sales", owner="sales", contributors=["mkt"]),
        ],
        competencies=[Competency("seo", "SEO", required={"mkt": 3, "sales": 1})],
        tasks=[task("leads", responsible=["mkt", "sales"], accountable="sales")],
    )
    card = role_card(m, "mkt")
    assert [(d.other, d.hotspot) for d in card.depends_on] == [("it", True)]
    assert [d.other for d in card.depended_on_by] == ["sales"]
    assert not card.hotspot and role_card(m, "it").hotspot
    assert [tp.id for tp in card.owns] == ["web"]
    assert [tp.id for tp in card.contributes_to] == ["visit"]
    assert [gap.subject for gap in card.gaps] == ["competency:seo@mkt"]
    assert [(n.unit.id, n.links) for n in card.neighbours] == [("sales", 3), ("it", 2)]
