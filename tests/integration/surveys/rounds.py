"""Survey rounds on the cast's organization: tasks to ask about and an open round for Marketing & Sales."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from lodestar.accounts.actor import command_line_actor
from lodestar.lib import clock
from lodestar.surveys.services import create_survey
from tests.integration.accounts.cast import MODEL, import_document

TASKS = [
    {
        "id": "web",
        "name": "Web analytics",
        "change": "new",
        "delivery": "central",
        "responsible": ["mkt"],
        "accountable": "ms",
    },
    {
        "id": "leads",
        "name": "Lead handover",
        "change": "keep",
        "delivery": "central",
        "responsible": ["mkt", "sales"],
        "accountable": "sales",
    },
    {
        "id": "fairs",
        "name": "Trade fairs",
        "change": "keep",
        "delivery": "central",
        "responsible": ["sales"],
        "accountable": "sales",
    },
]


def with_tasks() -> None:
    import_document({**MODEL, "tasks": TASKS})


def open_round(survey_id: str = "now", **more: Any) -> str:
    today = clock.today()
    document = {
        "id": survey_id,
        "name": "Role clarity now",
        "opens": (today - timedelta(days=3)).isoformat(),
        "closes": (today + timedelta(days=10)).isoformat(),
        "audience": ["ms"],
        **more,
    }
    return create_survey(actor=command_line_actor(), document=document).id


ANSWER = {
    "clarity": {"own_role": 4, "neighbours": 2, "mission": 5},
    "answers": [
        {"task": "web", "accountable": "mkt", "responsible": ["mkt"]},
        {"task": "leads", "accountable": "dont_know", "responsible": "dont_know"},
    ],
}
