"""The reports in German: headings, words, numbers and dates as a German reader writes them."""

from __future__ import annotations

import re

import pytest

from lodestar.checks.rules import run_checks
from lodestar.lib.model import Model
from lodestar.reports.service import render_organization_html, render_organization_pdf, render_unit_pdf
from tests.integration.reports.conftest import AS_OF, pdf_lines, pdf_pages

SECTIONS = (
    "1 Zweck und Grundsätze",
    "2 Rolle von Marketing & Vertrieb",
    "3 Reifegrad der Vision",
    "4 Zielorganisation",
    "5 Verantwortlichkeiten (RACI)",
    "6 Abhängigkeiten",
    "7 Kompetenzen",
    "8 Zielsystem",
    "9 Führungsreview",
    "10 Gesundheitscheck",
)


@pytest.fixture(scope="module")
def pdf(demo_file_model: Model) -> bytes:
    return render_organization_pdf(model=demo_file_model, as_of=AS_OF, language="de")


@pytest.fixture(scope="module")
def pages(pdf: bytes) -> list[str]:
    return pdf_pages(pdf)


def test_the_german_pdf_has_every_section_heading_in_german_and_in_order(pdf: bytes, pages: list[str]) -> None:
    lines = pdf_lines(pdf)
    starts = [next(i for i, page in enumerate(lines) if heading in page) for heading in SECTIONS]
    assert starts == sorted(starts) and starts[0] == 1
    assert "ORGANISATIONSBERICHT" in pages[0]
    assert "Stand 30.06.2026" in pages[0]
    assert "Organization report" not in " ".join(pages)
    for number, text in enumerate(pages[1:], start=2):
        assert f"Seite {number}" in text


def test_the_german_pdf_writes_numbers_and_dates_the_german_way(demo_file_model: Model, pages: list[str]) -> None:
    large = next(kpi for kpi in demo_file_model.kpis if kpi.green is not None and kpi.green >= 10_000)
    assert large.green is not None and large.red is not None
    german = f"{large.green:,.0f} / {large.red:,.0f}".replace(",", ".")
    english = f"{large.green:,.0f} / {large.red:,.0f}"
    text = " ".join(pages)
    assert german in text
    assert english not in text
    assert re.search(r"\b\d{1,3} % ", text)  # a share: whole percent, a space before the sign
    assert "2026-06-30" not in text


def test_the_german_pdf_says_the_findings_hints_statuses_and_archetypes_in_german(
    demo_file_model: Model, pages: list[str]
) -> None:
    text = " ".join(pages)
    accountable = next(f for f in run_checks(demo_file_model, AS_OF) if f.code == "LS006")
    task = dict(accountable.wording.values)["task"]
    assert f"Aufgabe „{task}“ hat keine gesamtverantwortliche Einheit." in text
    assert accountable.message not in text
    assert "Benennen Sie genau eine gesamtverantwortliche Einheit für die Aufgabe." in text
    assert "Ist: Dienstleister" in text  # the radar's legend
    assert re.search(r"(Auf Kurs|Gefährdet|Nicht auf Kurs|Erreicht|Keine Daten)", text)
    assert "Welche Kompetenzen müssen auf- oder ausgebaut werden?" in text


def test_the_german_unit_report_is_one_page_in_german(demo: Model) -> None:
    (page,) = pdf_pages(render_unit_pdf(model=demo, unit_id="crm-data", as_of=AS_OF, language="de"))
    assert "Unsere Aufgabe" in page and "Unsere Nachbarn" in page and "Unsere Ziele" in page
    assert "Bericht der Einheit" in page
    assert "Our job" not in page


def test_the_german_html_report_says_its_language_and_speaks_it(demo_file_model: Model) -> None:
    html = render_organization_html(model=demo_file_model, as_of=AS_OF, language="de")
    assert '<html lang="de">' in html
    assert "<h2>8 Zielsystem</h2>" in html
    assert "Benennen Sie genau eine gesamtverantwortliche Einheit für die Aufgabe." in html
    assert "Goal system" not in html


def test_the_language_is_the_reports_own_and_english_stays_the_default(demo_file_model: Model, pdf: bytes) -> None:
    english = pdf_pages(render_organization_pdf(model=demo_file_model, as_of=AS_OF))
    assert "ORGANIZATION REPORT" in english[0]
    assert render_organization_pdf(model=demo_file_model, as_of=AS_OF, language="de") == pdf
