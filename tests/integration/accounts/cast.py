"""A small organization and a cast of users in every role, shared by the accounts, API and web tests.

Who may change what (members by ownership):
  admin, editor   everything
  sam  (member)   leads Marketing: its goals and its people's goals (mkt-analytics, ana-campaigns)
  ana  (member)   her own goal and her unit's (ana-campaigns, mkt-analytics)
  kim  (member)   leads Sales (sales-pipeline)
  viewer, unlinked (a member with no person)   nothing
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import pytest
from django.test import Client
from pytest_django import Settings

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.models import User
from lodestar.accounts.services import create_user
from lodestar.accounts.tokens import create_token
from lodestar.modelfile.validate import validate_document
from lodestar.store.service import import_model

if TYPE_CHECKING:
    from tests.conftest import TestResponse

AS_OF = date(2026, 7, 1)
PASSWORD = "correct horse battery"

MODEL: dict[str, Any] = {
    "lodestar": 1,
    "organization": {"name": "Example Valves Ltd"},
    "units": [
        {"id": "company", "name": "Example Valves Ltd", "kind": "company"},
        {"id": "ms", "name": "Marketing & Sales", "kind": "area", "parent": "company", "lead": "jo"},
        {"id": "mkt", "name": "Marketing", "kind": "department", "parent": "ms", "lead": "sam"},
        {"id": "sales", "name": "Sales", "kind": "department", "parent": "ms", "lead": "kim"},
        {"id": "it", "name": "IT", "kind": "adjacent", "parent": "company"},
    ],
    "people": [
        {"id": "jo", "name": "Jo Park", "unit": "ms", "email": "jo@example.com"},
        {"id": "sam", "name": "Sam Lee", "unit": "mkt"},
        {"id": "ana", "name": "Ana Ruiz", "unit": "mkt", "email": "ana@example.com"},
        {"id": "kim", "name": "Kim Berg", "unit": "sales"},
    ],
    "mission": {
        "scope": "ms",
        "statement": "We make every plant engineer's first choice an easy one.",
        "principles": ["Measure what matters", "Decide with sales"],
    },
    "periods": [{"id": "fy2026", "start": "2026-01-01", "end": "2026-12-31"}],
    "goals": [
        {
            "id": "more-leads",
            "title": "More qualified leads from the web",
            "owner": "ms",
            "period": "fy2026",
            "key_results": [
                {
                    "id": "web-mqls",
                    "title": "Marketing-qualified leads per quarter",
                    "unit": "leads",
                    "baseline": 120,
                    "target": 300,
                    "measurements": [{"date": "2026-03-31", "value": 150}, {"date": "2026-06-30", "value": 210}],
                    "check_ins": [{"date": "2026-06-30", "by": "jo", "confidence": 6, "note": "Webinars started."}],
                }
            ],
        },
        {
            "id": "mkt-analytics",
            "title": "Measure every campaign",
            "owner": "mkt",
            "period": "fy2026",
            "contributes_to": [{"goal": "more-leads", "weight": 2}],
            "key_results": [
                {"id": "tracked-share", "title": "Campaigns with tracking", "unit": "%", "baseline": 20, "target": 90}
            ],
        },
        {
            "id": "sales-pipeline",
            "title": "A pipeline sales trusts",
            "owner": "sales",
            "period": "fy2026",
            "contributes_to": [{"goal": "more-leads"}],
            "key_results": [{"id": "accepted-leads", "title": "Leads accepted by sales", "baseline": 10, "target": 60}],
        },
        {
            "id": "ana-campaigns",
            "title": "Three tracked campaigns",
            "owner": "ana",
            "period": "fy2026",
            "contributes_to": [{"goal": "mkt-analytics"}, {"goal": "sales-pipeline", "weight": 0.5}],
            "key_results": [{"id": "campaigns", "title": "Tracked campaigns", "baseline": 0, "target": 3}],
        },
    ],
    "kpis": [
        {
            "id": "web-visits",
            "name": "Web visits",
            "owner": "mkt",
            "better": "higher",
            "green": 1000,
            "red": 500,
            "measurements": [{"date": "2026-06-01", "value": 800}],
        },
    ],
}


def import_document(document: dict[str, Any]) -> None:
    import_model(model=validate_document(copy.deepcopy(document)))


@dataclass
class Cast:
    """The users, by part they play; `token[name]` is their API token."""

    users: dict[str, User] = field(default_factory=dict)
    token: dict[str, str] = field(default_factory=dict)

    def __getattr__(self, name: str) -> User:
        try:
            user: User = self.__dict__["users"][name]
            return user
        except KeyError:
            raise AttributeError(name) from None


ROLES_OF_CAST = {
    "admin": ("admin", None),
    "editor": ("editor", None),
    "sam": ("member", "sam"),
    "ana": ("member", None),  # linked by her email
    "kim": ("member", "kim"),
    "viewer": ("viewer", None),
    "unlinked": ("member", None),
}


@pytest.fixture
def org(db: None) -> dict[str, Any]:
    """The small organization, imported."""
    import_document(MODEL)
    return MODEL


@pytest.fixture
def cast(org: dict[str, Any], settings: Settings) -> Cast:
    # Argon2 is deliberately slow; tests that are not about hashing use a fast hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    actor = command_line_actor()
    result = Cast()
    for name, (role, person) in ROLES_OF_CAST.items():
        user = create_user(actor=actor, email=f"{name}@example.com", role=role, password=PASSWORD, person_id=person)
        result.users[name] = user
        result.token[name] = create_token(actor=actor, email=user.email)[1]
    return result


class Api:
    """Calls the JSON API as one user (or anonymously)."""

    def __init__(self, token: str | None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path: str, **params: Any) -> TestResponse:
        return self.client.get(f"/api/v1{path}", params, headers=self.headers)

    def send(self, method: str, path: str, body: Any = None, *, raw: str | bytes | None = None) -> TestResponse:
        data = raw if raw is not None else json.dumps(body)
        call: Callable[..., TestResponse] = getattr(self.client, method)
        return call(f"/api/v1{path}", data=data, content_type="application/json", headers=self.headers)

    def post(self, path: str, body: Any = None, **kw: Any) -> TestResponse:
        return self.send("post", path, body, **kw)

    def patch(self, path: str, body: Any = None, **kw: Any) -> TestResponse:
        return self.send("patch", path, body, **kw)

    def delete(self, path: str) -> TestResponse:
        return self.client.delete(f"/api/v1{path}", headers=self.headers)


ApiAs = Callable[[str | None], Api]
BrowserAs = Callable[[str | None], Client]


@pytest.fixture
def api_as(cast: Cast) -> ApiAs:
    """`api_as("sam")` calls the API with Sam's token; `api_as(None)` without one."""
    return lambda name: Api(cast.token[name] if name else None)


@pytest.fixture
def browser_as(cast: Cast) -> BrowserAs:
    """`browser_as("sam")` is a Django test client signed in as Sam."""

    def signed_in(name: str | None) -> Client:
        client = Client()
        if name:
            client.force_login(cast.users[name])
        return client

    return signed_in
