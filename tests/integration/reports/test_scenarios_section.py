"""The report's scenarios section: there for the scenarios named (PDF and HTML, English and German), absent
otherwise, and `lodestar report --scenarios` refusing an unknown id with exit code 2."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lodestar.lib.model import Model
from lodestar.reports.service import render_organization_html, render_organization_pdf
from lodestar.scenarios.compare import UnknownScenario
from lodestar.store.load import load_model
from tests.conftest import Run
from tests.integration.accounts.cast import import_document
from tests.integration.reports.conftest import AS_OF, pdf_pages
from tests.integration.scenarios.demo_scenarios import with_scenarios


@pytest.fixture
def model(db: None) -> Model:
    import_document(with_scenarios(AS_OF))
    return load_model()


def test_the_pdf_has_the_section_for_the_scenarios_named_after_the_health_check(model: Model) -> None:
    pages = pdf_pages(render_organization_pdf(model=model, as_of=AS_OF, scenarios=["hub"]))

    assert "Scenarios compared" in pages[0]  # the contents on the cover
    (first,) = [i for i, page in enumerate(pages) if "The figures of lodestar scenarios compare" in page]
    assert any("Health check" in page for page in pages[:first])
    section = " ".join(pages[first:])
    assert "A central digital hub" in section
    assert "Digital teams in the business units" not in section
    assert "digital 6 (+3); web-ops – (no longer); others as in the base" in section
    assert "Search engine optimisation and technical application content (seo-content): dropped in this" in section
    assert "owner passed from Marketing Ops & Web to Digital Marketing" in section


def test_without_scenarios_the_report_has_no_such_section(model: Model) -> None:
    pages = pdf_pages(render_organization_pdf(model=model, as_of=AS_OF))
    html = render_organization_html(model=model, as_of=AS_OF)

    assert not any("Scenarios compared" in page for page in pages)
    assert 'id="scenarios"' not in html and "Scenarios compared" not in html


def test_the_html_report_has_the_section_with_its_charts_in_german(model: Model) -> None:
    html = render_organization_html(model=model, as_of=AS_OF, language="de", scenarios=["bu-teams", "hub"])

    section = html[html.index('<section class="panel" id="scenarios">') :]
    assert '<a href="#scenarios">Szenarien im Vergleich</a>' in html
    assert "<h2>Szenarien im Vergleich</h2>" in section
    # the scenarios in file order, whatever the order asked
    assert section.index("A central digital hub") < section.index("Digital teams in the business units")
    assert section.count('<svg class="chart compare"') == 3
    assert "in diesem Szenario nicht mehr vorhanden" in section
    assert '<td class="changed"><strong>' in section


def test_an_unknown_scenario_is_refused_by_the_service(model: Model) -> None:
    with pytest.raises(UnknownScenario):
        render_organization_pdf(model=model, as_of=AS_OF, scenarios=["hub", "nowhere"])


def test_the_command_writes_the_section_and_says_so(model: Model, lodestar: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    run = lodestar("report", "--as-of", AS_OF.isoformat(), "--scenarios", "hub,bu-teams", "--out", str(out))

    assert run.code == 0, run.err
    assert "organization report with the scenarios hub, bu-teams as of 2026-06-30" in run.out
    assert 'id="scenarios"' in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--scenarios", "hub,nowhere"], "error: unknown scenario 'nowhere'"),
        (["--scenarios", "hub,,"], "give scenario ids separated by commas, none empty"),
        (["--scenarios", "hub", "--unit", "digital"], "the unit report has no scenarios section"),
    ],
)
def test_the_command_refuses_in_one_line_with_exit_code_2_and_writes_nothing(
    model: Model, lodestar: Callable[..., Run], tmp_path: Path, arguments: list[str], message: str
) -> None:
    out = tmp_path / "report.pdf"
    run = lodestar("report", *arguments, "--out", str(out))

    assert run.code == 2
    assert message in run.err
    assert len(run.err.strip().splitlines()) == 1
    assert not out.exists()
