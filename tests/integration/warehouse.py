"""A small generated demo warehouse, configured as the metrics file, and the cast's key result bound to it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from lodestar.goals.models import KPI, KeyResult
from lodestar.metrics.demo_warehouse import write_demo
from tests.integration.accounts.cast import Cast

AS_OF = date(2026, 7, 1)
LEADS = 2000


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo extract of 2,000 leads seen as of 1 July 2026, written once per test run; its metrics file."""
    return write_demo(directory=tmp_path_factory.mktemp("warehouse"), today=AS_OF, leads=LEADS)


@pytest.fixture
def metrics_file(demo_warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo warehouse's metrics file, configured through LODESTAR_METRICS_FILE."""
    monkeypatch.setenv("LODESTAR_METRICS_FILE", str(demo_warehouse))
    return demo_warehouse


@pytest.fixture
def bound(cast: Cast, metrics_file: Path) -> None:
    """Bind the cast's web-mqls key result to web MQLs and the web-visits KPI to web sessions."""
    KeyResult.objects.filter(id="web-mqls").update(metric={"id": "mqls", "where": {"channel": "web"}})
    KPI.objects.filter(id="web-visits").update(metric="web_sessions")


def write_metrics(directory: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Write a metrics file and configure it."""
    path = directory / "metrics.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("LODESTAR_METRICS_FILE", str(path))
    return path


UNREACHABLE = """lodestar_metrics: 1
warehouse: {engine: postgres, url: "postgresql://nobody@127.0.0.1:1/warehouse"}
sources:
  leads: {table: leads, time: created_at, columns: {lead_id: int64, created_at: timestamp}}
metrics:
  leads: {type: simple, source: leads, agg: count}
"""
INVALID = """lodestar_metrics: 1
metrics:
  mqls: {type: simple, source: nowhere, agg: count}
  rate: {type: ratio, numerator: mqls}
"""


def web_mqls_by_hand(metrics_file: Path, start: date, end: date) -> int:
    """Web MQLs in [start, end), counted with hand-written SQL over the extract."""
    connection = duckdb.connect()
    try:
        [(count,)] = connection.execute(
            "SELECT count(DISTINCT lead_id) FROM read_parquet(?) WHERE NOT is_test AND mql_at IS NOT NULL "
            "AND lower(channel) = 'web' AND mql_at >= ? AND mql_at < ?",
            [str(metrics_file.parent / "leads.parquet"), start, end],
        ).fetchall()
    finally:
        connection.close()
    return int(count)
