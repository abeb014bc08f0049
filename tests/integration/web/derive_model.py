"""The cast's organization with tasks to derive goals from and a team without a goal."""

from __future__ import annotations

import copy
from typing import Any

from tests.integration.accounts.cast import MODEL

AS_OF = "2026-06-30"


def deriving() -> dict[str, Any]:
    document = copy.deepcopy(MODEL)
    document["units"].append({"id": "web-team", "name": "Web team", "kind": "team", "parent": "mkt"})
    document["tasks"] = [
        {
            "id": "web-analytics",
            "name": "Web analytics",
            "change": "keep",
            "delivery": "central",
            "responsible": ["mkt"],
            "accountable": "mkt",
        },
        {
            "id": "tag-management",
            "name": "tag management",
            "change": "new",
            "delivery": "central",
            "responsible": ["mkt"],
            "accountable": "mkt",
        },
        {
            "id": "dynamic-pricing",
            "name": "dynamic pricing",
            "change": "expand",
            "delivery": "central",
            "responsible": ["sales"],
            "accountable": "sales",
        },
    ]
    goal = next(goal for goal in document["goals"] if goal["id"] == "mkt-analytics")
    goal["tasks"] = ["web-analytics"]
    return document
