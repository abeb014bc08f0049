"""The cast's organization with a target organization: tasks, dependencies, competencies, touchpoints, vision."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.integration.accounts.cast import MODEL, api_as, browser_as, cast, import_document  # noqa: F401 - fixtures

DESIGN_MODEL: dict[str, Any] = copy.deepcopy(MODEL)
DESIGN_MODEL["units"] += [
    {"id": "bu-valves", "name": "Valves", "kind": "business_unit", "parent": "company"},
    {"id": "bu-service", "name": "Field service", "kind": "business_unit", "parent": "company", "core": False},
    {"id": "agency", "name": "Media agency", "kind": "external", "parent": "company"},
]
DESIGN_MODEL["locations"] = [{"id": "hq", "name": "Head office"}, {"id": "north", "name": "North branch"}]
DESIGN_MODEL["people"][1]["competencies"] = {"web-analytics": 2}
DESIGN_MODEL["role_profiles"] = [
    {
        "unit": "ms",
        "horizon": 2028,
        "as_is": {"decision_rights": {"communication": "execute", "channels": "advise"}, "sales_alignment": "defined"},
        "target": {
            "decision_rights": {"strategy": "co_decide", "communication": "lead", "customer_data": "lead"},
            "sales_alignment": "aligned",
        },
    },
]
DESIGN_MODEL["vision"] = [
    {"question": "mission", "status": "agreed", "answer": "Adopted in January.", "owner": "jo"},
    {"question": "tasks", "status": "draft", "answer": "Analytics comes in, print goes out."},
]
DESIGN_MODEL["tasks"] = [
    {
        "id": "web-analytics",
        "name": "Web analytics",
        "change": "new",
        "delivery": "central",
        "responsible": ["mkt"],
        "accountable": "ms",
        "consulted": ["it"],
        "locations": ["hq"],
        "competencies": {"web-analytics": 3},
    },
    {
        "id": "print-ads",
        "name": "Print advertising",
        "change": "drop",
        "delivery": "external",
        "responsible": ["agency"],
        "accountable": "mkt",
    },
    {
        "id": "field-visits",
        "name": "Field visits",
        "change": "keep",
        "delivery": "decentral",
        "responsible": ["sales"],
        "locations": ["north"],
        "toward": ["bu-valves"],
    },
]
DESIGN_MODEL["dependencies"] = [
    {"from": "mkt", "to": "it", "about": "Tracking data", "kind": "data", "now": 1, "target": 3},
    {"from": "sales", "to": "mkt", "about": "Qualified leads", "kind": "service", "now": 2, "target": 4},
]
DESIGN_MODEL["competencies"] = [
    {"id": "web-analytics", "name": "Web analytics", "category": "digital"},
    {"id": "negotiation", "name": "Negotiation", "category": "sales", "required": {"sales": 3}},
]
DESIGN_MODEL["touchpoints"] = [
    {
        "id": "website",
        "name": "Website",
        "stage": "consideration",
        "channel": "web",
        "owner": "mkt",
        "contributors": ["it"],
    },
    {"id": "trade-fair", "name": "Trade fair", "stage": "awareness", "channel": "trade_fair", "owner": "sales"},
]
DESIGN_MODEL["kpis"][0]["touchpoint"] = "website"


@pytest.fixture
def org(db: None) -> dict[str, Any]:
    """The cast's organization with its target organization, imported."""
    import_document(DESIGN_MODEL)
    return DESIGN_MODEL


def rows() -> dict[str, str]:
    """The row ids of the imported vision answers, role profiles and dependencies (sequences differ per database)."""
    from lodestar.design.models import Dependency
    from lodestar.purpose.models import RoleProfile, VisionAnswer

    found: dict[str, str] = {}
    for name, model in (("answer", VisionAnswer), ("profile", RoleProfile), ("dependency", Dependency)):
        for index, pk in enumerate(model.objects.order_by("ordinal", "id").values_list("id", flat=True), start=1):
            found[f"{name}{index}"] = str(pk)
    return found
