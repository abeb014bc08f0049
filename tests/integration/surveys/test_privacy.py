"""Privacy of the role-clarity survey: nothing links a person to their answer, and no small group is shown.

Several people answer, through the API and through the page. Then every audit entry written
since, the API's reads of the round and its results, the export's order and the figures of a
group below `min_group` (API, command, report, task page) are inspected.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.db.models import Max
from django.test import Client

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.models import AuditEntry, User
from lodestar.accounts.services import create_user
from lodestar.lib import clock
from lodestar.surveys import models as tables
from tests.conftest import run_lodestar
from tests.integration.accounts.cast import MODEL, PASSWORD, ApiAs, BrowserAs, Cast, import_document
from tests.integration.surveys.rounds import TASKS, open_round

# Two more people in Marketing and one more in Sales, so that several people answer on the page.
MORE_PEOPLE = [
    {"id": "lou", "name": "Lou Tanaka", "unit": "mkt", "email": "lou.tanaka@example.com"},
    {"id": "max", "name": "Max Okafor", "unit": "mkt", "email": "max.okafor@example.com"},
    {"id": "eve", "name": "Eve Lindqvist", "unit": "sales", "email": "eve.lindqvist@example.com"},
]
# Who answers, with a distinct answer each: Marketing four times, Sales twice.
ANSWERS: dict[str, dict[str, Any]] = {
    "sam": {"clarity": {"own_role": 5, "neighbours": 4}, "answers": [{"task": "web", "accountable": "ms"}]},
    "ana": {"clarity": {"own_role": 5}, "answers": [{"task": "web", "accountable": "mkt", "responsible": ["mkt"]}]},
    "lou": {"clarity": {"own_role": 4, "mission": 3}, "answers": [{"task": "web", "accountable": "dont_know"}]},
    "max": {"clarity": {"own_role": 4}, "answers": [{"task": "leads", "accountable": "sales"}]},
    "kim": {"clarity": {"own_role": 1}, "answers": [{"task": "fairs", "accountable": "sales"}]},
    "eve": {"clarity": {"own_role": 2}, "answers": [{"task": "fairs", "accountable": "mkt"}]},
}
ON_THE_PAGE = ("ana", "lou", "max", "eve")
NAMES = {"sam": "Sam Lee", "ana": "Ana Ruiz", "kim": "Kim Berg"} | {p["id"]: p["name"] for p in MORE_PEOPLE}


@pytest.fixture
def people(cast: Cast) -> dict[str, Client]:
    """The cast's organization with three more people, each signed in on a client of their own."""
    import_document({**MODEL, "people": [*MODEL["people"], *MORE_PEOPLE], "tasks": TASKS})
    for person in MORE_PEOPLE:
        create_user(
            actor=command_line_actor(), email=person["email"], role="member", password=PASSWORD, person_id=person["id"]
        )
    clients = {}
    for name in ON_THE_PAGE:
        client = Client()
        user = cast.users[name] if name in cast.users else User.objects.get(email__iexact=_email(name))
        client.force_login(user)
        clients[name] = client
    return clients


def _email(person: str) -> str:
    return next(p["email"] for p in MORE_PEOPLE if p["id"] == person)


def form(answer: dict[str, Any]) -> dict[str, Any]:
    """An answer as the page's form sends it."""
    fields: dict[str, Any] = {f"clarity-{q}": str(v) for q, v in answer.get("clarity", {}).items()}
    for item in answer.get("answers", []):
        if "accountable" in item:
            fields[f"accountable-{item['task']}"] = item["accountable"]
        if "responsible" in item:
            fields[f"responsible-{item['task']}"] = item["responsible"]
    return fields


def answer(survey_id: str, who: str, api_as: ApiAs, people: dict[str, Client]) -> None:
    if who in people:
        sent = people[who].post(f"/surveys/{survey_id}/answer", form(ANSWERS[who]))
    else:
        sent = api_as(who).post(f"/surveys/{survey_id}/responses", ANSWERS[who])
    assert sent.status_code in (200, 201), (who, sent.status_code)


def identities(person: str) -> list[str]:
    """What would name a person: the id, the name and the e-mail address."""
    emails = [_email(person)] if person not in ("sam", "ana", "kim") else [f"{person}@example.com"]
    return [person, NAMES[person], *emails]


def walk(value: Any) -> list[dict[str, Any]]:
    """Every mapping inside a JSON value."""
    if isinstance(value, dict):
        return [value, *(m for item in value.values() for m in walk(item))]
    if isinstance(value, list):
        return [m for item in value for m in walk(item)]
    return []


def test_no_audit_entry_or_api_answer_links_anyone_to_their_answer(api_as: ApiAs, people: dict[str, Client]) -> None:
    survey_id = open_round(min_group=1)
    since = AuditEntry.objects.aggregate(last=Max("id"))["last"] or 0
    for who in ANSWERS:
        answer(survey_id, who, api_as, people)
    answer(survey_id, "sam", api_as, people)  # again: replaces
    answer(survey_id, "lou", api_as, people)

    entries = list(AuditEntry.objects.filter(id__gt=since).order_by("id"))
    assert [(e.action, e.actor) for e in entries] == [("survey.answer", "a participant")] * (len(ANSWERS) + 2)
    written = [json.dumps([e.actor, e.subject, e.before, e.after]) for e in entries]
    tokens = list(tables.SurveyResponse.objects.values_list("token", flat=True))
    for who in ANSWERS:
        for identity in identities(who):
            assert not any(identity in text for text in written), identity
    reads = [api_as("editor").get(path) for path in ("/surveys", f"/surveys/{survey_id}")]
    results = api_as("editor").get(f"/surveys/{survey_id}/results")
    for read in [*reads, results]:
        assert read.status_code == 200
        text = read.content.decode()
        assert not any(token and token in text for token in tokens)
        for who in ANSWERS:
            assert not any(f'"{identity}"' in text for identity in identities(who)), (who, text)
    for mapping in walk([read.json() for read in reads]) + walk(results.json()):
        assert not {"person", "participant", "by", "token", "email"} & set(mapping), mapping
    assert results.json()["responses"] == len(ANSWERS)


def exported_survey(survey_id: str) -> dict[str, Any]:
    run = run_lodestar("export")
    assert run.code == 0, run.err
    found: dict[str, Any] = next(s for s in yaml.safe_load(run.out)["surveys"] if s["id"] == survey_id)
    return found


def test_the_export_orders_participants_and_responses_whatever_the_order_of_answering(
    api_as: ApiAs, people: dict[str, Client]
) -> None:
    forward, backward = open_round("forward"), open_round("backward")
    order = list(ANSWERS)  # neither by id nor by unit
    for who in order:
        answer(forward, who, api_as, people)
    for who in reversed(order):
        answer(backward, who, api_as, people)

    one, other = exported_survey(forward), exported_survey(backward)

    assert one["participants"] == sorted(ANSWERS) == other["participants"]
    assert one["responses"] == other["responses"]
    units = [response["unit"] for response in one["responses"]]
    assert units == ["mkt"] * 4 + ["sales"] * 2
    contents = [json.dumps([r.get("clarity"), r.get("answers")], sort_keys=True) for r in one["responses"]]
    assert contents[:4] == sorted(contents[:4]) and contents[4:] == sorted(contents[4:])
    rows = list(tables.SurveyResponse.objects.filter(survey_id=backward).order_by("pk").values_list("ordinal"))
    assert rows == [(n,) for n in range(len(ANSWERS))]


@pytest.fixture
def small_sales(api_as: ApiAs, people: dict[str, Client]) -> str:
    """A round closing today, min_group 3: four answers from Marketing, two (own role 1 and 2) from Sales."""
    today = clock.today()
    survey_id = open_round("small", min_group=3, closes=today.isoformat())
    for who in ANSWERS:
        answer(survey_id, who, api_as, people)
    return survey_id


def test_a_group_below_min_group_shows_no_figure_in_the_api_or_the_command(api_as: ApiAs, small_sales: str) -> None:
    found = api_as("viewer").get(f"/surveys/{small_sales}/results")
    printed = run_lodestar("survey", "results", small_sales)
    as_json = run_lodestar("survey", "results", small_sales, "--format", "json")

    units = {unit["unit"]: unit for unit in found.json()["units"]}
    assert units["sales"] == {"unit": "sales", "responses": 2, "clarity": None, "accountable_agreement": None}
    assert units["mkt"]["clarity"]["own_role"] == 4.5
    # Sales' own-role mean would be 1.5, its accountable agreement 50%.
    assert "1.5" not in found.content.decode() and "1.5" not in as_json.out
    (sales_line,) = [line for line in printed.out.splitlines() if line.strip().startswith("Sales:")]
    assert "1.50" not in sales_line and "50%" not in sales_line
    assert "1.50" not in printed.out


def test_a_group_below_min_group_shows_no_figure_in_the_report(small_sales: str, tmp_path: Path) -> None:
    for language, too_few, would_be in (("en", "too few answers", "1.5"), ("de", "zu wenige Antworten", "1,5")):
        path = tmp_path / f"report-{language}.html"
        run = run_lodestar("report", "--out", str(path), "--language", language)
        assert run.code == 0, run.err
        html = path.read_text(encoding="utf-8")
        section = html[html.index('id="survey"') :].split("</section>")[0]
        (sales_row,) = [row for row in section.split("<tr>") if row.startswith("<td>Sales</td>")]
        assert too_few in sales_row
        assert would_be not in section
        assert "Marketing" in section and ("4.5" in section or "4,5" in section)


def test_the_task_page_shows_no_agreement_from_fewer_answers_than_min_group(
    api_as: ApiAs, people: dict[str, Client], browser_as: BrowserAs
) -> None:
    today = clock.today()
    survey_id = open_round("few", min_group=3, closes=today.isoformat())
    for who in ("sam", "ana"):  # two answers for web analytics
        answer(survey_id, who, api_as, people)

    page = browser_as("viewer").get("/tasks/").content.decode()

    row = page[page.index('id="task-web"') :].split("</th>")[0]
    assert "name this accountable unit" not in row
