"""A small organization for the e-mail tests: who gets reminded of what as of `AS_OF`."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from lodestar.modelfile.validate import validate_document
from lodestar.store.service import import_model

AS_OF = date(2026, 3, 5)  # a Thursday: the weekly cycle (Mondays) began on 2026-03-02
BASE_URL = "https://goals.example.com"
SENDER = "Goals <goals@example.com>"

MODEL: dict[str, Any] = {
    "lodestar": 1,
    "organization": {"name": "Example Valves Ltd"},
    "units": [
        {"id": "company", "name": "Example Valves Ltd", "kind": "company"},
        {"id": "ms", "name": "Marketing & Sales", "kind": "area", "parent": "company", "lead": "max"},
    ],
    "people": [
        {"id": "lea", "name": "Lea Brandt", "unit": "ms", "email": "lea@example.com"},
        {"id": "max", "name": "Max Ortiz", "unit": "ms", "email": "max@example.com"},
        {"id": "quiet", "name": "Quinn Stille", "unit": "ms", "email": "quiet@example.com", "reminders": False},
        {"id": "nomail", "name": "Nia Offline", "unit": "ms"},
    ],
    "mission": {"statement": "Make choosing us easy.", "scope": "ms"},
    "periods": [{"id": "fy2026", "start": "2026-01-01", "end": "2026-12-31"}],
    "goals": [
        {
            "id": "more-leads",
            "title": "More qualified leads",
            "owner": "lea",
            "period": "fy2026",
            "key_results": [
                {
                    "id": "web-mqls",
                    "title": "Marketing-qualified leads per month",
                    "unit": "leads",
                    "baseline": 100,
                    "target": 300,
                    "measurements": [{"date": "2026-02-28", "value": 140}],
                }
            ],
        },
        {
            "id": "faster-quotes",
            "title": "Quotes within a day",
            "owner": "ms",
            "period": "fy2026",
            "key_results": [{"id": "quote-days", "title": "Days to quote", "baseline": 5, "target": 1}],
        },
        {
            "id": "press",
            "title": "Be in the trade press",
            "owner": "quiet",
            "period": "fy2026",
            "key_results": [{"id": "articles", "title": "Articles", "baseline": 0, "target": 6}],
        },
        {
            "id": "offline",
            "title": "Visit every plant",
            "owner": "nomail",
            "period": "fy2026",
            "key_results": [{"id": "visits", "title": "Plant visits", "baseline": 0, "target": 40}],
        },
    ],
}


def import_document(document: dict[str, Any] | None = None) -> None:
    import_model(model=validate_document(copy.deepcopy(document or MODEL)))
