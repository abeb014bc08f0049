"""`lodestar report`: PDF or HTML by the file name, the unit report, and exit code 2 when it cannot run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, Run
from tests.integration.reports.conftest import pdf_pages

TODAY = "2026-06-30"


@pytest.fixture
def demo_loaded(lodestar: Callable[..., Run], tmp_path: Path) -> Callable[..., Run]:
    assert lodestar("demo", "--today", TODAY, "--data", str(tmp_path / "demo-data")).code == 0
    return lodestar


@pytest.fixture
def example_loaded(lodestar: Callable[..., Run]) -> Callable[..., Run]:
    """The spec's small example: quicker to import where the content does not matter."""
    assert lodestar("import", str(EXAMPLE)).code == 0
    return lodestar


def test_it_writes_the_organization_report_as_pdf(demo_loaded: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "organization.pdf"
    run = demo_loaded("report", "--as-of", TODAY, "--out", str(out))
    assert run.code == 0, run.err
    assert f"Wrote the organization report as of {TODAY} to {out}" in run.out
    pages = pdf_pages(out.read_bytes())
    assert len(pages) > 10
    assert "as of 2026-06-30" in pages[0]


def test_it_writes_html_when_the_file_name_says_so(example_loaded: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "Organization.HTML"
    run = example_loaded("report", "--as-of", TODAY, "--out", str(out))
    assert run.code == 0, run.err
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "<svg" in html


def test_it_writes_a_one_page_unit_report(example_loaded: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "mkt.pdf"
    run = example_loaded("report", "--unit", "mkt", "--as-of", TODAY, "--out", str(out))
    assert run.code == 0, run.err
    assert "unit report of mkt" in run.out
    (page,) = pdf_pages(out.read_bytes())
    assert "Marketing" in page and "Web analytics" in page


def test_an_unknown_unit_exits_with_2_and_writes_nothing(example_loaded: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "nowhere.pdf"
    run = example_loaded("report", "--unit", "nowhere", "--out", str(out))
    assert run.code == 2
    assert "no unit 'nowhere'" in run.err
    assert not out.exists()


@pytest.mark.parametrize("name", ["report.docx", "report", "report.pdf.txt"])
def test_a_file_name_without_pdf_or_html_exits_with_2(
    example_loaded: Callable[..., Run], tmp_path: Path, name: str
) -> None:
    run = example_loaded("report", "--out", str(tmp_path / name))
    assert run.code == 2
    assert "must end in .pdf or .html" in run.err
    assert not (tmp_path / name).exists()


def test_without_an_imported_model_it_exits_with_2(lodestar: Callable[..., Run], tmp_path: Path) -> None:
    run = lodestar("report", "--out", str(tmp_path / "r.pdf"))
    assert run.code == 2
    assert "no model has been imported yet" in run.err


def test_without_out_or_with_a_bad_date_it_exits_with_2(example_loaded: Callable[..., Run], tmp_path: Path) -> None:
    assert example_loaded("report").code == 2
    run = example_loaded("report", "--as-of", "30.06.2026", "--out", str(tmp_path / "r.pdf"))
    assert run.code == 2
    assert "is not a date" in run.err


def test_an_unwritable_path_exits_with_2(example_loaded: Callable[..., Run], tmp_path: Path) -> None:
    run = example_loaded("report", "--out", str(tmp_path / "missing" / "r.pdf"))
    assert run.code == 2
    assert "cannot write" in run.err


def test_it_writes_the_report_in_the_language_asked_for_and_speaks_english_itself(
    example_loaded: Callable[..., Run], tmp_path: Path
) -> None:
    out = tmp_path / "mkt.pdf"
    run = example_loaded("report", "--unit", "mkt", "--as-of", TODAY, "--language", "de", "--out", str(out))
    assert run.code == 0, run.err
    assert f"Wrote the unit report of mkt as of {TODAY} to {out}" in run.out
    (page,) = pdf_pages(out.read_bytes())
    assert "Unsere Aufgabe" in page and "Stand 30.06.2026" in page


def test_an_unknown_language_exits_with_2(example_loaded: Callable[..., Run], tmp_path: Path) -> None:
    run = example_loaded("report", "--language", "fr", "--out", str(tmp_path / "r.pdf"))
    assert run.code == 2
    assert "invalid choice: 'fr'" in run.err
