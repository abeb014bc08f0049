"""LS016 on every surface: the CLI, the health-check page (in the page's language), the API and the report;
and a group below min_group shows no figure in the report either."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader

from lodestar.lib import clock
from tests.conftest import run_lodestar
from tests.integration.accounts.cast import MODEL, ApiAs, BrowserAs, Cast, import_document
from tests.integration.surveys.rounds import TASKS


@pytest.fixture
def disputed(cast: Cast) -> None:
    """A closed round in which two of three answers miss web analytics' accountable unit (ms)."""
    day = clock.today() - timedelta(days=5)
    responses = [
        {"unit": "mkt", "date": day.isoformat(), "answers": [{"task": "web", "accountable": unit}]}
        for unit in ("mkt", "ms", "dont_know")
    ]
    survey = {
        "id": "r1",
        "name": "First round",
        "opens": (day - timedelta(days=3)).isoformat(),
        "closes": day.isoformat(),
        "audience": ["ms"],
        "min_group": 3,
        "participants": ["p1", "p2", "p3"],
        "responses": responses,
    }
    import_document({**MODEL, "tasks": TASKS, "surveys": [survey]})


def test_the_command_reports_ls016(disputed: None) -> None:
    run = run_lodestar("check")
    assert "task:web: Task 'Web analytics': only 33% of the answers in survey 'First round'" in run.out


def test_the_health_check_page_says_ls016_in_german(disputed: None, browser_as: BrowserAs) -> None:
    page = browser_as("viewer").get("/health-check/", headers={"Accept-Language": "de"}).content.decode()

    assert "Aufgabe „Web analytics“: nur 33 % der Antworten in der Umfrage „First round“" in page
    assert "Machen Sie die gesamtverantwortliche Einheit der Aufgabe bekannt" in page


def test_the_api_reports_ls016_in_english(disputed: None, api_as: ApiAs) -> None:
    findings = api_as("viewer").get("/check").json()["findings"]
    assert [f["subject"] for f in findings if f["code"] == "LS016"] == ["task:web"]


def test_the_report_names_ls016(disputed: None, browser_as: BrowserAs) -> None:
    pdf = browser_as("viewer").get("/reports/organization.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "LS016" in text or "Web analytics" in text


def test_the_tasks_page_shows_the_latest_agreement_next_to_the_raci(disputed: None, browser_as: BrowserAs) -> None:
    page = browser_as("viewer").get("/tasks/").content.decode()
    german = browser_as("viewer").get("/tasks/", headers={"Accept-Language": "de"}).content.decode()

    row = page[page.index('id="task-web"') :].split("</th>")[0]
    assert "33" in row and "name this accountable unit (First round)" in row
    assert "nennen diese gesamtverantwortliche Einheit (First round)" in german
