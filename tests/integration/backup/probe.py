"""A look into the database of LODESTAR_DATABASE_URL from outside the test process, through Lodestar itself.

`python -m tests.integration.backup.probe write` reads `{"token": …, "date": …}` on stdin and makes
ordinary edits through the JSON API with that token: a goal's title, a measurement and a check-in
on that date, and the mission, each of which writes the audit log (and the mission its history).

`python -m tests.integration.backup.probe read` reads `{"passwords": {email: password}, "tokens":
[…]}` on stdin and prints, as JSON: every row of every table of Lodestar's apps (through the ORM,
ordered by primary key, times to the microsecond), the exported model file, and for each user and
token the status codes of a web sign-in and of an API call. The rows are read before the sign-ins
and API calls, which update `last_login` and a token's `last_used`.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date, datetime, time
from typing import Any


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    raise TypeError(f"{type(value).__name__} is not JSON")


def every_row() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table of Lodestar's apps, by model label, ordered by primary key."""
    from django.apps import apps

    from lodestar.backup.tables import NOT_BACKED_UP

    rows: dict[str, list[dict[str, Any]]] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("lodestar."):
            continue
        for model in config.get_models(include_auto_created=True):
            if model._meta.label_lower in NOT_BACKED_UP:  # the model's revision: each database draws its own
                continue
            rows[model._meta.label_lower] = list(model._base_manager.order_by("pk").values())
    return rows


def _sign_ins(passwords: dict[str, str]) -> dict[str, list[int]]:
    from django.test import Client

    answers: dict[str, list[int]] = {}
    for email, password in passwords.items():
        client = Client()
        wrong = client.post("/sign-in", {"email": email, "password": password + "-wrong"}).status_code
        right = client.post("/sign-in", {"email": email, "password": password})
        dashboard = client.get("/").status_code
        answers[email] = [wrong, right.status_code, dashboard]
    return answers


def _api(token: str) -> Any:
    from django.test import Client

    return Client(headers={"Authorization": f"Bearer {token}"})


def read(request: dict[str, Any]) -> dict[str, Any]:
    from lodestar.store.service import export_model

    found = {"tables": every_row(), "export": export_model()}
    found["sign_ins"] = _sign_ins(request["passwords"])
    found["tokens"] = {token: _api(token).get("/api/v1/goals").status_code for token in request["tokens"]}
    return found


def write(request: dict[str, Any]) -> dict[str, Any]:
    api = _api(request["token"])
    answers: dict[str, int] = {}

    def send(method: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
        response = getattr(api, method)(f"/api/v1{path}", data=json.dumps(body), content_type="application/json")
        answers[f"{method} {path}"] = response.status_code
        document: dict[str, Any] = response.json()
        return document

    goal = api.get("/api/v1/goals/grow-core-revenue").json()
    send("patch", f"/goals/{goal['id']}", {"title": f"{goal['title']} (moved)", "version": goal["version"]})
    key_result = goal["key_results"][0]["id"]
    send("post", f"/key-results/{key_result}/measurements", {"date": request["date"], "value": 41.5})
    send(
        "post", f"/key-results/{key_result}/check-ins", {"date": request["date"], "confidence": 6, "note": "Ünïcödé ✓"}
    )
    mission = api.get("/api/v1/mission").json()
    send("patch", "/mission", {"statement": f"{mission['statement']} Moved.", "version": mission["version"]})
    return answers


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")
    django.setup()
    action = {"read": read, "write": write}[sys.argv[1]]
    json.dump(action(json.load(sys.stdin)), sys.stdout, default=_plain)
