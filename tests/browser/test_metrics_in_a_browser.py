"""The metric catalog in a real Chromium: a chart of a metric's values, sliced in place."""

import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from huey.consumer import Worker
from playwright.sync_api import expect

from lodestar.jobs.queue import close_queues, queue
from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser


def test_the_catalog_leads_to_a_chart_that_slicing_updates_in_place(visit: Visit, metrics_file: Path) -> None:
    visit.sign_in("viewer@example.com")
    visit.page.get_by_role("link", name="Metrics", exact=True).click()
    expect(visit.page.get_by_role("heading", name="Catalog")).to_be_visible()
    visit.page.get_by_label("As of").fill("2026-07-01")
    visit.page.get_by_role("button", name="Show").click()
    visit.page.get_by_role("link", name="mqls", exact=True).click()
    expect(visit.page).to_have_url(re.compile(r"/metrics/mqls/\?as_of=2026-07-01$"))
    chart = visit.page.locator("#metric-values svg.chart")
    expect(chart).to_be_visible()
    expect(chart.locator("rect.column")).to_have_count(12)
    all_data = chart.get_attribute("aria-label")
    visit.page.get_by_label("channel", exact=True).select_option("web")
    expect(visit.page.locator("#metric-values figcaption")).to_contain_text("channel = web")
    sliced = visit.page.locator("#metric-values svg.chart")
    assert sliced.get_attribute("aria-label") != all_data
    # The slice can be bookmarked, as of the date chosen.
    expect(visit.page).to_have_url(re.compile(r"/metrics/mqls/\?as_of=2026-07-01&channel=web$"))
    expect(visit.page.get_by_label("channel", exact=True)).to_have_value("web")  # the form stays, with the choice
    visit.page.get_by_label("By", exact=True).select_option("quarter")
    expect(visit.page.locator("#metric-values svg.chart rect.column")).to_have_count(5)
    assert visit.console_errors == []
    assert visit.foreign_requests() == []


@pytest.fixture
def start_worker() -> Iterator[Callable[[], None]]:
    """`start_worker()` runs Huey's worker loop in a thread of this process, on the live server's queue."""
    stop = threading.Event()
    threads: list[threading.Thread] = []
    current = queue()
    current.huey.flush()

    def work() -> None:
        worker = Worker(current.huey, stop, default_delay=0.1, max_delay=0.5, backoff=1.15)
        while not stop.is_set():
            worker.loop()
        close_queues()

    def start() -> None:
        threads.append(threading.Thread(target=work, daemon=True))
        threads[-1].start()

    yield start
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    current.huey.flush()
    close_queues()


def test_an_admin_refreshes_from_the_catalog_without_leaving_it(
    visit: Visit, bound: None, start_worker: Callable[[], None]
) -> None:
    visit.sign_in("admin@example.com")
    visit.page.goto("/metrics/")
    visit.page.get_by_role("button", name="Refresh now").click()
    progress = visit.page.locator("#refresh-progress")
    expect(progress).to_contain_text("lodestar worker must be running")
    expect(visit.page.get_by_role("button", name="Refresh now")).to_be_disabled()
    start_worker()
    expect(progress).to_have_attribute("data-status", "done", timeout=60_000)
    expect(visit.page.locator("#refresh-panel [role=status]")).to_contain_text("Refreshed 1 key result and 1 KPI")
    expect(visit.page.locator("#refresh-panel")).to_contain_text("Last refreshed")
    expect(visit.page.locator("#refresh-panel")).to_contain_text("on 2026-06-30: kept 210")
    assert visit.page.url.endswith("/metrics/")
    assert visit.console_errors == []
    assert visit.foreign_requests() == []


def test_the_metric_pages_fit_a_phone(visit: Visit, bound: None) -> None:
    visit.page.set_viewport_size({"width": 390, "height": 844})
    visit.sign_in("admin@example.com")
    for path in ("/metrics/", "/metrics/cost_per_mql/?as_of=2026-07-01", "/key-results/web-mqls/edit"):
        visit.page.goto(path)
        assert visit.page.evaluate("document.documentElement.scrollWidth") <= 390, path
    expect(visit.page.get_by_label("Metric id")).to_have_value("mqls")
