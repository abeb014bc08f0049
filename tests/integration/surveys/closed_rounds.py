"""Two closed rounds on the cast's organization, imported from a model file: "spring" and, after it, "autumn".

autumn (min_group 5): Marketing answers six times, Sales twice (a group too small to show).
  web    designed ms:    Marketing 4× ms, 2× mkt; Sales 2× ms          -> 6/8 overall
  leads  designed sales: Marketing 5× mkt, 1× don't know; Sales 2× sales -> 2/8, most say Marketing
  fairs  designed sales: Marketing 3× sales (too few for its cell); Sales 2× sales -> 5/5
spring (min_group 5), asking web, leads and a task the model no longer has: Marketing five times.
  web    2× ms, 3× mkt -> 40 %;  leads 5× sales -> 100 %
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from lodestar.lib import clock
from tests.integration.accounts.cast import MODEL, import_document
from tests.integration.surveys.rounds import TASKS


def _response(unit: str, day: str, clarity: dict[str, int], answers: list[tuple[str, str, Any]]) -> dict[str, Any]:
    return {
        "unit": unit,
        "date": day,
        "clarity": clarity,
        "answers": [{"task": task, "accountable": a, "responsible": r} for task, a, r in answers],
    }


def _autumn(opens: str, closes: str) -> dict[str, Any]:
    web = ["ms"] * 4 + ["mkt"] * 2
    leads = ["mkt"] * 5 + ["dont_know"]
    responses = []
    for i in range(6):
        answers: list[tuple[str, str, Any]] = [("web", web[i], ["mkt"]), ("leads", leads[i], ["mkt"])]
        if i < 3:
            answers.append(("fairs", "sales", ["sales"]))
        responses.append(_response("mkt", closes, {"own_role": 4, "neighbours": 2, "mission": 3}, answers))
    for _ in range(2):
        answers = [("web", "ms", ["mkt"]), ("leads", "sales", ["mkt", "sales"]), ("fairs", "sales", ["sales"])]
        responses.append(_response("sales", closes, {"own_role": 5, "neighbours": 5, "mission": 5}, answers))
    return {
        "id": "autumn",
        "name": "Role clarity autumn",
        "opens": opens,
        "closes": closes,
        "audience": ["ms"],
        "participants": [f"p{n:02d}" for n in range(len(responses))],
        "responses": responses,
    }


def _spring(opens: str, closes: str) -> dict[str, Any]:
    web = ["ms"] * 2 + ["mkt"] * 3
    responses = [
        _response(
            "mkt",
            closes,
            {"own_role": 3, "neighbours": 2, "mission": 3},
            [("web", web[i], ["mkt"]), ("leads", "sales", "dont_know"), ("oldtask", "mkt", ["mkt"])],
        )
        for i in range(5)
    ]
    return {
        "id": "spring",
        "name": "Role clarity spring",
        "opens": opens,
        "closes": closes,
        "audience": ["ms"],
        "tasks": ["web", "leads", "oldtask"],
        "participants": [f"q{n:02d}" for n in range(len(responses))],
        "responses": responses,
    }


def closed_rounds_document(*, previous: bool = True, **more: Any) -> dict[str, Any]:
    """The cast's model with the tasks and the rounds; `more` replaces top-level keys (kpis, say)."""
    today = clock.today()

    def day(days_ago: int) -> str:
        return (today - timedelta(days=days_ago)).isoformat()

    surveys = [_spring(day(200), day(180))] if previous else []
    surveys.append(_autumn(day(40), day(20)))
    return {**MODEL, "tasks": TASKS, "surveys": surveys, **more}


def with_closed_rounds(*, previous: bool = True, **more: Any) -> None:
    import_document(closed_rounds_document(previous=previous, **more))
