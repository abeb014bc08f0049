"""The organization report of the demo, as PDF and as HTML: its sections, figures, charts and pages."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.utils import translation
from pypdf import PdfReader

from lodestar.checks.rules import run_checks
from lodestar.design.analysis import vision_readiness
from lodestar.i18n.words import finding_text, status_label
from lodestar.lib.model import Model
from lodestar.reports.content import organization_report
from lodestar.reports.service import render_organization_html, render_organization_pdf
from tests.integration.reports.conftest import AS_OF, pdf_lines, pdf_pages

SECTIONS = (
    "1 Purpose and principles",
    "2 Role of marketing & sales",
    "3 Vision readiness",
    "4 Target organization",
    "5 Responsibilities (RACI)",
    "6 Dependencies",
    "7 Competencies",
    "8 Goal system",
    "9 Leadership review",
    "10 Health check",
)


@pytest.fixture(scope="module")
def pdf(demo_file_model: Model) -> bytes:
    """Rendered once for the module; a test below shows the stored model renders to the same bytes."""
    return render_organization_pdf(model=demo_file_model, as_of=AS_OF)


@pytest.fixture(scope="module")
def pages(pdf: bytes) -> list[str]:
    return pdf_pages(pdf)


@pytest.fixture(scope="module")
def starts(pdf: bytes) -> dict[str, int]:
    """The page index each section starts on: the first page with its heading as a line of its own."""
    lines = pdf_lines(pdf)
    return {heading: next(i for i, page in enumerate(lines) if heading in page) for heading in SECTIONS}


def section(pages: list[str], starts: dict[str, int], heading: str) -> str:
    """The text of a section, from its first page up to the page before the next section starts."""
    following = [starts[h] for h in SECTIONS if starts[h] > starts[heading]]
    return " ".join(pages[starts[heading] : min(following, default=len(pages))])


def test_the_pdf_is_a_multi_page_document_with_a_cover_and_every_section_in_order(
    pdf: bytes, pages: list[str], starts: dict[str, int]
) -> None:
    assert pdf.startswith(b"%PDF-")
    assert 12 <= len(pages) <= 18
    assert "ORGANIZATION REPORT" in pages[0]
    assert "Altwerk Fluidtechnik GmbH" in pages[0]
    assert "as of 2026-06-30" in pages[0]
    order = [starts[heading] for heading in SECTIONS]
    assert order == sorted(order)
    assert order[0] == 1


def test_the_cover_shows_the_mission_and_key_figures(demo_file_model: Model, pages: list[str]) -> None:
    cover = pages[0]
    assert "plant engineers and operators" in cover
    assert f"{vision_readiness(demo_file_model).share_agreed:.0%}".replace("%", " %") in cover
    assert "vision agreed" in cover
    for label in ("units", "people", "tasks", "goals", "key results", "findings"):
        assert label in cover


def test_the_role_section_draws_a_radar_per_profile_with_its_archetypes(
    pages: list[str], starts: dict[str, int]
) -> None:
    role = section(pages, starts, "2 Role of marketing & sales")
    assert role.count("Customer experience") >= 3  # a spoke label in each of the three radar charts
    assert "As-is: service provider" in role
    assert "Target: senior counselor" in role
    assert "Target: marketing master" in role
    assert "outside the core business, no profile of its own" in role


def test_vision_readiness_shows_the_share_agreed_and_the_evidence(
    demo_file_model: Model, pages: list[str], starts: dict[str, int]
) -> None:
    vision = section(pages, starts, "3 Vision readiness")
    share = vision_readiness(demo_file_model).share_agreed
    assert 0 < share < 1
    assert f"{round(share * 100)} % of the eight questions have an agreed answer for Marketing & Sales" in vision
    assert "IT: 4 dependencies of target intensity 3 or more" in vision
    assert "Field Service & Spare Parts: outside the core business" in vision
    assert "Pricing & Sales Operations needs Pricing analytics and price setting at level 4" in vision
    assert "Toward Valves & Actuation, draft:" in vision


def test_the_target_organization_shows_units_delivery_and_changes(pages: list[str], starts: dict[str, int]) -> None:
    organization = section(pages, starts, "4 Target organization")
    assert "Key Account Management" in organization
    assert "17 central, 3 decentral, 2 external" in organization
    assert "Per location" in organization and "Per responsible unit" in organization
    assert "Untargeted cold calling from purchased address lists" in organization  # a dropped task


def test_the_raci_matrix_has_a_landscape_page_and_flags_the_task_without_accountable(
    pdf: bytes, pages: list[str], starts: dict[str, int]
) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    index = starts["5 Responsibilities (RACI)"]
    box = reader.pages[index].mediabox
    assert box.width > box.height
    assert "no accountable unit (A)" in pages[index]
    assert "Media planning and buying" in pages[index]  # every task on the one page
    following = reader.pages[index + 1].mediabox
    assert following.width < following.height


def test_dependencies_name_the_hotspot_and_the_network_legend(pages: list[str], starts: dict[str, int]) -> None:
    page = section(pages, starts, "6 Dependencies")
    assert "Hotspots: IT (4)" in page
    assert "intensifies" in page and "weakens" in page
    assert "Nordlicht Media (media agency)" in page


def test_competency_gaps_name_the_tasks_causing_them(pages: list[str], starts: dict[str, int]) -> None:
    page = section(pages, starts, "7 Competencies")
    assert "Competency gaps" in page
    assert "Lead nurturing and marketing automation (4)" in page


def test_the_goal_system_shows_every_current_goal_with_its_status(
    demo_file_model: Model, pages: list[str], starts: dict[str, int]
) -> None:
    goals = section(pages, starts, "8 Goal system")
    selection = organization_report(demo_file_model, AS_OF).goals
    assert len(selection.lines) >= 20
    assert len({line.score.status for line in selection.lines}) >= 2
    for line in selection.lines:
        shown = "–" if line.score.progress is None else f"{round(line.score.progress * 100)} %"
        assert f"{line.period.id} {shown} {status_label(line.score.status)}" in goals
    assert "Grow order intake in the core business profitably" in goals
    assert selection.left_out > 1
    assert f"{selection.left_out} goals of other periods are not shown" in goals
    assert "Relationship NPS" in goals  # the KPIs


def test_the_health_check_lists_every_finding_with_its_hint(
    demo_file_model: Model, pages: list[str], starts: dict[str, int]
) -> None:
    check = section(pages, starts, "10 Health check")
    findings = run_checks(demo_file_model, AS_OF)
    assert {"LS006", "LS009", "LS010"} <= {finding.code for finding in findings}
    for finding in findings:
        assert finding.code in check
        with translation.override("en"):
            assert " ".join(finding_text(finding).split()) in check
    assert "Name exactly one accountable unit for the task." in check


def test_every_page_but_the_cover_has_a_running_head_and_a_page_number(pages: list[str]) -> None:
    for number, text in enumerate(pages[1:], start=2):
        assert "Altwerk Fluidtechnik GmbH · Organization report" in text
        assert f"Page {number}" in text


def test_the_stored_demo_renders_to_the_same_pdf_as_its_model_file(demo: Model, pdf: bytes) -> None:
    assert render_organization_pdf(model=demo, as_of=AS_OF) == pdf


def test_another_date_gives_another_report(demo_file_model: Model, pages: list[str]) -> None:
    later = pdf_pages(render_organization_pdf(model=demo_file_model, as_of=AS_OF.replace(month=12)))
    assert "as of 2026-12-30" in later[0]
    assert later != pages


def test_the_html_report_has_every_section_and_inline_svg_charts(demo: Model) -> None:
    html = render_organization_html(model=demo, as_of=AS_OF)
    assert html.startswith("<!doctype html>")
    ids = ("purpose", "role", "vision", "organization", "raci", "dependencies", "competencies", "goals", "health-check")
    for section_id in ids:
        assert f'<section class="panel" id="{section_id}">' in html
    assert html.count('<svg class="chart radar"') == 3
    assert html.count('<svg class="chart network"') == 2  # the target picture and, folded, today's
    assert html.count('<svg class="chart delivery"') == 2
    assert html.count('<svg class="bar"') >= 40  # a progress bar per goal, and the readiness bar
    assert 'role="img"' in html and "<title>Decision rights of Marketing &amp; Sales" in html


def test_the_html_report_needs_nothing_from_outside(demo: Model) -> None:
    html = render_organization_html(model=demo, as_of=AS_OF)
    assert "<style>" in html
    assert "<link" not in html and "<script" not in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "url(" not in html


def test_the_leadership_review_section_compares_the_scope_with_a_week_earlier(
    demo_file_model: Model, pages: list[str], starts: dict[str, int]
) -> None:
    review = section(pages, starts, "9 Leadership review")
    expected = organization_report(demo_file_model, AS_OF).review
    assert expected is not None and expected.period is not None
    assert f"compared with {(AS_OF - timedelta(days=7)).isoformat()}" in review
    assert len(expected.goals) > 1
    assert f"the {len(expected.goals)} goals of period {expected.period.id}" in review
    for heading in ("Changed status this week", "Low confidence", "Check-ins due per team"):
        assert heading in review
    for change in expected.status_changes:
        assert change.goal.title[:30] in review
    html = render_organization_html(model=demo_file_model, as_of=AS_OF)
    assert '<section class="panel" id="review">' in html
    assert "9 Leadership review" in html
