"""The demo organization with two scenarios that differ in instructive ways, for the compare page and the report."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from lodestar.demo.organization import demo_document

AS_OF = date(2026, 6, 30)


def _task(document: dict[str, Any], task_id: str, **changes: Any) -> dict[str, Any]:
    (task,) = [t for t in document["tasks"] if t["id"] == task_id]
    return {**copy.deepcopy(task), **changes}


def _renamed(value: Any, old: str, new: str) -> Any:
    """`value` with every mention of unit `old` made `new` (a list naming both names `new` once)."""
    if isinstance(value, str):
        return new if value == old else value
    if isinstance(value, list):
        items = [_renamed(item, old, new) for item in value]
        if all(isinstance(item, str) for item in items):
            return list(dict.fromkeys(items))
        return items
    if isinstance(value, dict):
        renamed: dict[str, Any] = {}
        for key, item in value.items():
            renamed.setdefault(new if key == old else key, _renamed(item, old, new))
        return renamed
    return value


def with_scenarios(as_of: date = AS_OF) -> dict[str, Any]:
    """The demo with `hub` (web operations merged into a digital hub that buys media in-house, SEO dropped)
    and `bu-teams` (a digital team in each business unit, the customer data platform given up)."""
    document = demo_document(as_of)
    web_ops = [p["id"] for p in document["people"] if p["unit"] == "web-ops"]
    hub_tasks = [
        _task(document, t["id"], delivery="central")
        if t["id"] == "programmatic-advertising"
        else _task(document, t["id"], change="drop")
        if t["id"] == "seo-content"
        else copy.deepcopy(t)
        for t in document["tasks"]
    ]
    bu_tasks = [copy.deepcopy(t) for t in document["tasks"] if t["id"] != "customer-data-platform"]
    for task in bu_tasks:
        if task["id"] in ("marketing-automation", "seo-content"):
            task["delivery"] = "decentral"
            task["responsible"] = ["digital-pumps", "digital-valves"]
    document["scenarios"] = [
        {
            "id": "hub",
            "name": "A central digital hub",
            "description": "Web operations join the digital department; media is bought in-house.",
            "remove_units": ["web-ops"],
            "moves": [{"person": person, "unit": "digital"} for person in web_ops],
            "replace": {
                "tasks": _renamed(hub_tasks, "web-ops", "digital"),
                **{
                    section: _renamed(document[section], "web-ops", "digital")
                    for section in ("dependencies", "competencies", "touchpoints")
                },
            },
        },
        {
            "id": "bu-teams",
            "name": "Digital teams in the business units",
            "units": [
                {"id": "digital-pumps", "name": "Digital Pumps", "kind": "team", "parent": "bu-pumps"},
                {"id": "digital-valves", "name": "Digital Valves", "kind": "team", "parent": "bu-valves"},
            ],
            "replace": {"tasks": bu_tasks},
        },
    ]
    return document
