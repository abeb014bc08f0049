"""The compare page of the demo with two scenarios, at a desktop's and a phone's width, in English and German:
axe-core's serious findings none, nothing wider than the window but the table's own scroll box, the charts
drawn within the window, and no English word on the German page outside the organization's own texts."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Axe, Visit
from tests.browser.untranslated import english_on_page, model_texts
from tests.integration.accounts.cast import import_document
from tests.integration.scenarios.demo_scenarios import with_scenarios

PAGE = "/scenarios/compare/?ids=hub,bu-teams&as_of=2026-06-30"


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_compare_page_reads_at_every_width(visit: Visit, axe: Axe, width: int, language: str) -> None:
    document = with_scenarios()
    import_document(document)
    visit.page.set_viewport_size({"width": width, "height": 900})
    visit.sign_in("viewer@example.com")
    visit.page.set_extra_http_headers({"Accept-Language": language})

    visit.page.goto(PAGE)

    assert visit.page.evaluate("document.documentElement.lang") == language
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= width
    charts = visit.page.locator(".compare-charts svg[role=img]")
    assert charts.count() == 3
    for i in range(3):
        box = charts.nth(i).bounding_box()
        assert box is not None and box["width"] > 200 and box["x"] + box["width"] <= width
    assert axe.violations(visit.page) == []
    if language == "de":
        assert english_on_page(visit.page, model_texts(document)) == []
    assert visit.console_errors == []
