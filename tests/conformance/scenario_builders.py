"""A base organization for the scenario tests, written from the spec alone, and a scenario builder."""

from __future__ import annotations

from typing import Any

from tests.conformance.builders import dependency, goal, key_result, organization, person, role_profile, task, unit

Doc = dict[str, Any]

ALL_LEAD = dict.fromkeys(
    ("strategy", "product", "pricing", "channels", "communication", "customer_experience", "customer_data", "budget"),
    "lead",
)


def base(**sections: Any) -> Doc:
    """Units company > ms > mkt > web, ms > sales, company > bu, it, agency; tasks t1-t5 (t4 dropped); it is a hotspot."""
    document = organization(
        units=[
            unit("mkt", "department"),
            unit("web", "team", parent="mkt"),
            unit("sales", "department"),
            unit("bu", "business_unit", parent="company"),
            unit("it", "adjacent", parent="company"),
            unit("agency", "external", parent="company"),
        ],
        people=[person("p1", "mkt", c1=2), person("p2", "mkt"), person("p3", "sales"), person("p4", "web")],
        tasks=[
            task("t1", responsible=("mkt",), accountable="mkt"),
            task("t2", responsible=("sales",), accountable="sales", delivery="decentral"),
            task("t3", responsible=("agency",), accountable="mkt", delivery="external"),
            task("t4", change="drop", responsible=("mkt",), accountable="mkt"),
            task("t5", responsible=(), accountable=None),
        ],
        dependencies=[
            dependency("mkt", "it", 3),
            dependency("sales", "it", 4),
            dependency("web", "it", 5),
            dependency("agency", "it", 3),
            dependency("mkt", "agency", 2),
        ],
        competencies=[{"id": "c1", "name": "C1", "required": {"mkt": 3}}],
        role_profiles=[
            role_profile("ms", target={"decision_rights": ALL_LEAD, "sales_alignment": "integrated"}),
            role_profile("ms", toward="bu"),
        ],
        goals=[
            goal("g1", key_result("k1"), owner="ms", tasks=["t4"]),
            goal("g2", key_result("k2"), owner="mkt", tasks=["t1"]),
            goal("g3", key_result("k3"), owner="p3", tasks=["t2"]),
        ],
    )
    document.update(sections)
    return document


def scenario(id: str = "s", **changes: Any) -> Doc:
    return {"id": id, "name": f"Scenario {id}", **changes}
