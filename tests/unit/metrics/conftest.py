"""Fixtures for the metrics tests: a small warehouse of CSV files and metrics files written from dicts."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

LEADS_CSV = """lead_id,created_at,mql_at,sql_at,channel,business_unit,owner_team,score,is_test
1,2026-01-03 10:00:00,2026-01-05 10:00:00,2026-02-01 00:00:00,Web,bu-pumps,sales-north,10,false
2,2026-01-10 10:00:00,2026-01-31 23:59:59,,web,bu-valves,sales-north,20,false
3,2026-02-03 10:00:00,2026-02-05 10:00:00,2026-02-10 00:00:00,Email,bu-pumps,sales-south,30,false
4,2026-02-03 10:00:00,2026-02-05 10:00:00,,Web,bu-pumps,sales-south,40,true
5,2026-03-03 10:00:00,,,Web,bu-pumps,sales-south,50,false
3,2026-03-04 10:00:00,2026-03-05 10:00:00,,Email,bu-pumps,sales-south,60,false
"""
SPEND_CSV = """spend_date,channel,business_unit,amount
2026-01-02,web,bu-pumps,100.50
2026-01-20,email,bu-pumps,50.00
2026-02-01,web,bu-valves,70.00
"""

BASE_DOCUMENT: dict[str, Any] = {
    "lodestar_metrics": 1,
    "warehouse": {"engine": "duckdb", "tables": {"leads": "data/leads.csv", "spend": "data/spend.csv"}},
    "sources": {
        "leads": {
            "table": "leads",
            "time": "created_at",
            "dimensions": {"channel": "lower(channel)", "business_unit": "business_unit", "team": "owner_team"},
            "filter": "NOT is_test",
        },
        "spend": {
            "table": "spend",
            "time": "spend_date",
            "dimensions": {"channel": "lower(channel)", "business_unit": "business_unit"},
        },
    },
    "metrics": {
        "mqls": {
            "type": "simple",
            "source": "leads",
            "agg": "count_distinct",
            "expr": "lead_id",
            "time": "mql_at",
            "filter": "mql_at IS NOT NULL",
            "unit": "leads",
        },
        "sqls_from_mqls": {
            "type": "simple",
            "source": "leads",
            "agg": "count_distinct",
            "expr": "lead_id",
            "time": "mql_at",
            "filter": "mql_at IS NOT NULL AND sql_at IS NOT NULL",
        },
        "mql_to_sql_rate": {"type": "ratio", "numerator": "sqls_from_mqls", "denominator": "mqls", "unit": "%"},
        "spend": {"type": "simple", "source": "spend", "agg": "sum", "expr": "amount", "unit": "EUR"},
        "cost_per_mql": {"type": "derived", "inputs": ["spend", "mqls"], "expr": "spend / NULLIF(mqls, 0)"},
        "avg_score": {"type": "simple", "source": "leads", "agg": "avg", "expr": "score"},
        "leads": {"type": "simple", "source": "leads", "agg": "count"},
    },
}


@pytest.fixture
def small_warehouse(tmp_path: Path) -> Path:
    """A directory with `data/leads.csv` and `data/spend.csv`; metrics files go beside `data/`."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "leads.csv").write_text(LEADS_CSV, encoding="utf-8")
    (data / "spend.csv").write_text(SPEND_CSV, encoding="utf-8")
    return tmp_path


@pytest.fixture
def base_document() -> dict[str, Any]:
    """A valid metrics document over the small warehouse (a fresh copy per test)."""
    return copy.deepcopy(BASE_DOCUMENT)


@pytest.fixture
def write_metrics(small_warehouse: Path) -> Callable[..., Path]:
    """`write_metrics(document_or_text)` writes `metrics.yaml` beside the small warehouse."""

    def write(document: dict[str, Any] | str, name: str = "metrics.yaml") -> Path:
        path = small_warehouse / name
        text = document if isinstance(document, str) else yaml.safe_dump(document, sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write
