"""The health check and the report downloads speak the page's language; the API's findings stay English."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.integration.accounts.cast import ApiAs, BrowserAs

GERMAN = {"Accept-Language": "de"}


def test_the_health_check_says_findings_and_hints_in_german(browser_as: BrowserAs) -> None:
    page = browser_as("viewer").get("/health-check/", {"as_of": "2026-07-01"}, headers=GERMAN).content.decode()

    assert "Erfassen Sie einen Messwert, oder binden Sie das Schlüsselergebnis an eine Kennzahl." in page
    assert "Schlüsselergebnis „Campaigns with tracking“ hat keinen Messwert in fy2026" in page
    assert "obwohl mehr als 25 % des Zeitraums vergangen sind." in page
    assert "Die Visionsfrage „Rollenwandel“ hat für ms keine vereinbarte Antwort." in page
    assert "Record a measurement" not in page


def test_the_health_check_speaks_english_without_a_choice(browser_as: BrowserAs) -> None:
    page = browser_as("viewer").get("/health-check/", {"as_of": "2026-07-01"}).content.decode()

    assert "Record a measurement, or bind the key result to a metric." in page
    assert "Key result &#x27;Campaigns with tracking&#x27; has no measurement in fy2026" in page
    assert "The vision question &#x27;Role change&#x27; has no agreed answer for ms." in page


def test_the_api_says_the_findings_in_english_whatever_the_browser_asks(api_as: ApiAs) -> None:
    api = api_as("viewer")
    answer = api.client.get("/api/v1/check", {"as_of": "2026-07-01"}, headers={**api.headers, **GERMAN})
    findings = answer.json()["findings"]

    messages = {finding["subject"]: finding["message"] for finding in findings}
    assert messages["question:role_change"] == "The vision question 'role_change' has no agreed answer for ms."


def test_the_report_download_is_in_the_language_of_the_page(browser_as: BrowserAs) -> None:
    client = browser_as("viewer")

    german = client.get("/reports/organization.pdf", {"as_of": "2026-07-01"}, headers=GERMAN)
    english = client.get("/reports/organization.pdf", {"as_of": "2026-07-01"})

    assert "ORGANISATIONSBERICHT" in PdfReader(io.BytesIO(german.content)).pages[0].extract_text()
    assert "ORGANIZATION REPORT" in PdfReader(io.BytesIO(english.content)).pages[0].extract_text()
