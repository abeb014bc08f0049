"""The one-page unit report: the role card and the unit's goals."""

from __future__ import annotations

import re

import pytest

from lodestar.lib.errors import NotFound
from lodestar.lib.model import Model
from lodestar.reports.service import render_unit_html, render_unit_pdf
from tests.integration.reports.conftest import AS_OF, pdf_pages


@pytest.mark.parametrize("unit", ["ms", "crm-data", "customer-service", "sales", "it", "altwerk", "agency"])
def test_the_unit_report_is_one_page(demo: Model, unit: str) -> None:
    assert len(pdf_pages(render_unit_pdf(model=demo, unit_id=unit, as_of=AS_OF))) == 1


def test_the_unit_report_answers_what_our_job_is_and_who_our_neighbours_are(demo: Model) -> None:
    (page,) = pdf_pages(render_unit_pdf(model=demo, unit_id="crm-data", as_of=AS_OF))
    assert "CRM & Data" in page
    assert "Provide one trusted view of every customer" in page
    assert "Derived from Marketing & Sales" in page
    assert "Customer data platform and single customer view" in page
    assert "R/A" in page  # accountable and responsible for CRM data quality management
    assert "IT: Hosting and integration of CRM and customer data platform (data, 2 → 4)" in page
    assert "Relationship NPS survey (loyalty)" in page
    assert "Give everyone one trusted record per customer" in page  # its goal, with its status
    assert re.search(r"fy2026 \d+ % (On track|At risk|Off track|Achieved|No data)", page)


def test_the_unit_report_names_its_competency_gaps_and_findings(demo: Model) -> None:
    (page,) = pdf_pages(render_unit_pdf(model=demo, unit_id="pricing-ops", as_of=AS_OF))
    assert "Pricing analytics and price setting: needs 4, best 3" in page
    assert "LS009" in page


def test_a_unit_without_tasks_or_goals_still_gets_its_page(demo: Model) -> None:
    (page,) = pdf_pages(render_unit_pdf(model=demo, unit_id="logistics", as_of=AS_OF))
    assert "The unit is responsible or accountable for no task." in page
    assert "The unit and its people own no goal." in page


def test_an_unknown_unit_is_not_found(demo: Model) -> None:
    with pytest.raises(NotFound, match="no unit 'nowhere'"):
        render_unit_pdf(model=demo, unit_id="nowhere", as_of=AS_OF)
    with pytest.raises(NotFound):
        render_unit_html(model=demo, unit_id="nowhere", as_of=AS_OF)


def test_the_unit_html_has_the_role_card_and_goal_bars(demo: Model) -> None:
    html = render_unit_html(model=demo, unit_id="crm-data", as_of=AS_OF)
    assert '<section class="panel" id="role-card">' in html
    assert "What is our job and who are our neighbours" in html
    assert html.count('<svg class="bar"') == 3
    assert "<td>expanded</td>" in html
