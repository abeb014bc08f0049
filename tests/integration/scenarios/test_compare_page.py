"""The compare page on the demo with two scenarios: every figure links to what it counts, the differences
are said in words and numbers, the charts have text alternatives, the goals affected come with their tasks,
and the report with the scenarios shown is one link away."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.integration.accounts.cast import BrowserAs, import_document
from tests.integration.reports.conftest import pdf_pages
from tests.integration.scenarios.demo_scenarios import with_scenarios

PAGE = "/scenarios/compare/?ids=hub,bu-teams"


@pytest.fixture
def viewer(browser_as: BrowserAs) -> Client:
    import_document(with_scenarios())
    return browser_as("viewer")


def row(text: str, row_id: str) -> list[str]:
    """The cells of one row of the compare table, as markup."""
    found = re.search(rf'<tr id="{row_id}">(.*?)</tr>', text, re.S)
    assert found is not None, row_id
    return re.findall(r"<td[^>]*>(.*?)</td>", found[1], re.S)


def section(text: str, ident: str) -> str:
    """The markup of the <section> labelled by `ident`."""
    start = text.index(f'aria-labelledby="{ident}"')
    return text[start : text.index("</section>", start)]


def test_each_figure_links_to_what_it_counts_in_its_column(viewer: Client) -> None:
    text = viewer.get(PAGE).content.decode()

    base, hub, teams = row(text, "figure-without_accountable")
    assert 'href="/tasks/?task=dynamic-pricing#task-dynamic-pricing"' in base
    assert 'href="/tasks/?task=dynamic-pricing&amp;scenario=hub#task-dynamic-pricing"' in hub
    assert 'href="/tasks/?task=dynamic-pricing&amp;scenario=bu-teams#task-dynamic-pricing"' in teams
    assert 'href="/tasks/?scenario=hub&amp;delivery=external#raci"' in row(text, "figure-tasks-external")[1]
    assert 'href="/tasks/?scenario=hub&amp;unit=digital#raci"' in row(text, "figure-accountable_load")[1]
    assert 'href="/dependencies/?scenario=hub#table"' in row(text, "figure-interfaces")[1]
    assert (
        'href="/competencies/?scenario=bu-teams#gap-marketing-automation-digital-pumps"'
        in (row(text, "figure-competency_gaps")[2])
    )
    assert 'href="/units/digital/?scenario=hub"' in row(text, "figure-headcount")[1]
    assert 'href="/goals/digital-demand/"' in row(text, "figure-goals_affected")[1]
    assert 'href="/roles/?scenario=bu-teams"' in row(text, "figure-target_archetypes")[2]


def test_the_base_findings_link_to_the_health_check_and_a_scenarios_to_its_list_on_the_page(viewer: Client) -> None:
    text = viewer.get(PAGE).content.decode()

    base, hub, _ = row(text, "figure-findings")
    assert 'href="/health-check/?rule=LS002"' in base
    assert 'href="#findings-hub-LS008"' in hub
    listed = text[text.index('id="findings-hub-LS008"') :]
    assert "<summary><code>LS008</code>" in listed[:400]


def test_a_link_keeps_the_date_the_page_is_shown_for(viewer: Client) -> None:
    text = viewer.get(PAGE + "&as_of=2026-06-30").content.decode()

    assert 'href="/tasks/?task=dynamic-pricing&amp;scenario=hub&amp;as_of=2026-06-30#task-dynamic-pricing"' in text
    assert 'href="/health-check/?rule=LS002&amp;as_of=2026-06-30"' in text


def test_a_difference_is_said_in_words_and_numbers_not_in_colour_alone(viewer: Client) -> None:
    text = viewer.get(PAGE).content.decode()

    base, hub, teams = row(text, "figure-tasks-external")
    assert "changed" not in base
    assert '<strong class="changed-mark">changed</strong>' in hub and '<span class="delta">(-1)</span>' in hub
    assert "changed" not in teams
    # a unit the scenario adds is marked new, one it removes is listed as no longer there
    assert 'digital-pumps</code></a> <span class="tag new-mark">new</span>' in row(text, "figure-competency_gaps")[2]
    gone = row(text, "figure-headcount")[1]
    assert "no longer:" in gone and "<s><code>web-ops</code></s>" in gone
    assert '<span class="delta">(+3)</span>' in gone  # digital gains the three people of web operations


def test_the_charts_are_drawn_with_their_figures_as_text(viewer: Client) -> None:
    text = viewer.get(PAGE).content.decode()

    charts = re.findall(r'<figure class="panel" id="(chart-[a-z]+)"><svg [^>]*role="img" aria-label="([^"]*)"', text)
    assert [ident for ident, _ in charts] == ["chart-delivery", "chart-accountable", "chart-interfaces"]
    labels = dict(charts)
    assert "A central digital hub: 17 central, 3 decentral, 1 external (total 21)" in labels["chart-delivery"]
    assert (
        "Digital Marketing: Base 2, A central digital hub 3, Digital teams in the business units 2"
        in (labels["chart-interfaces"])
    )
    assert "units with the same figure in each column" in labels["chart-accountable"]
    assert text.count("<figcaption>") == 3


def test_the_goals_a_scenario_affects_come_with_the_tasks_concerned_and_the_owner_passed_on(viewer: Client) -> None:
    text = viewer.get(PAGE).content.decode()

    hub = section(text, "affected-hub")
    demand = hub[hub.index('id="affected-hub-digital-demand"') : hub.index('id="affected-hub-nurture-and-convert"')]
    assert "<code>seo-content</code>: dropped in this scenario" in demand
    assert 'href="/tasks/?task=seo-content&amp;scenario=hub#task-seo-content"' in demand
    assert "programmatic-advertising" not in demand  # listed by the goal, but not why it is affected
    assert "owner passed from Marketing Ops &amp; Web to Digital Marketing" in hub
    teams = section(text, "affected-bu-teams")
    assert "<code>customer-data-platform</code>: no longer in this scenario" in teams
    assert (
        'href="/tasks/?task=customer-data-platform#task-customer-data-platform"' in teams
    )  # shown where it still is: in the base


def test_the_page_links_to_the_report_with_the_scenarios_shown(viewer: Client) -> None:
    text = viewer.get(PAGE + "&as_of=2026-06-30").content.decode()
    href = re.search(r'<a class="button" href="([^"]*)">Report with these scenarios \(PDF\)</a>', text)
    assert href is not None
    assert href[1] == "/reports/organization.pdf?scenarios=hub%2Cbu-teams&amp;as_of=2026-06-30"

    response = viewer.get(href[1].replace("&amp;", "&"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pages = pdf_pages(response.content)
    (compared,) = [page for page in pages if page.startswith("Altwerk") and "Scenarios compared" in page[:200]]
    assert "A central digital hub" in compared and "Digital teams in the business units" in compared


def test_the_web_report_refuses_an_unknown_scenario_and_too_many(viewer: Client) -> None:
    unknown = viewer.get("/reports/organization.pdf?scenarios=hub,nowhere")
    too_many = viewer.get("/reports/organization.pdf?scenarios=" + ",".join(["hub"] * 5))

    assert unknown.status_code == 404
    assert "There is no scenario nowhere in the model." in unknown.content.decode()
    assert too_many.status_code == 400


def test_the_page_is_in_german(viewer: Client) -> None:
    text = viewer.get(PAGE, headers={"Accept-Language": "de-DE,de;q=0.9"}).content.decode()

    assert "Bericht mit diesen Szenarien (PDF)" in text
    assert "in diesem Szenario entfallen" in text
    assert "Verantwortung ging von Marketing Ops &amp; Web an Digital Marketing über" in text
    assert "Befunde des Gesundheitschecks in jedem Szenario" in text
