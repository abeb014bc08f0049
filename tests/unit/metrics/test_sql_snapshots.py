"""The SQL metrics compile to for each engine, compared with checked-in snapshots.

Regenerate after a deliberate change with LODESTAR_UPDATE_SNAPSHOTS=1 and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from lodestar.metrics.engine import compile_sql
from lodestar.metrics.loader import read_definitions

SNAPSHOTS = Path(__file__).parent / "snapshots"
ENGINES = ("trino", "pyspark", "bigquery", "snowflake", "postgres", "duckdb")
# A remote warehouse whose columns are declared, so SQL compiles without connecting anywhere.
DOCUMENT: dict[str, Any] = {
    "lodestar_metrics": 1,
    "warehouse": {"engine": "trino", "url": "${LODESTAR_SNAPSHOT_WAREHOUSE_URL}"},
    "sources": {
        "leads": {
            "table": "crm.leads",
            "time": "created_at",
            "dimensions": {"channel": "lower(channel)", "business_unit": "business_unit"},
            "filter": "NOT is_test",
            "columns": {
                "lead_id": "int64",
                "created_at": "timestamp",
                "mql_at": "timestamp",
                "sql_at": "timestamp",
                "channel": "string",
                "business_unit": "string",
                "response_hours": "float64",
                "is_test": "boolean",
            },
        },
        "spend": {
            "table": "marketing.campaign_spend",
            "time": "spend_date",
            "dimensions": {"channel": "lower(channel)", "business_unit": "business_unit"},
            "columns": {
                "spend_date": "date",
                "channel": "string",
                "business_unit": "string",
                "amount": "decimal(18, 2)",
            },
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
        "response_hours": {
            "type": "simple",
            "source": "leads",
            "agg": "avg",
            "expr": "round(coalesce(response_hours, 0), 1)",
            "time": "mql_at",
            "filter": "mql_at IS NOT NULL AND lower(channel) IN ('web', 'email')",
        },
    },
}
CASES = [
    ("mqls", "month", {}),
    ("mql_to_sql_rate", "quarter", {}),
    ("cost_per_mql", "month", {"channel": "web"}),
    ("response_hours", "week", {"business_unit": "pumps"}),
]


@pytest.fixture(scope="module")
def definitions(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("snapshots") / "metrics.yaml"
    path.write_text(yaml.safe_dump(DOCUMENT, sort_keys=False), encoding="utf-8")
    return read_definitions(path)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("metric", "grain", "where"), CASES, ids=[case[0] for case in CASES])
def test_compiled_sql_matches_its_snapshot(
    definitions: Any, engine: str, metric: str, grain: str, where: dict[str, str]
) -> None:
    sql = compile_sql(definitions, metric, engine=engine, grain=grain, where=where)
    snapshot = SNAPSHOTS / f"{metric}.{engine}.sql"
    if os.environ.get("LODESTAR_UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(sql + "\n", encoding="utf-8")
    assert snapshot.exists(), f"missing snapshot {snapshot.name}: run with LODESTAR_UPDATE_SNAPSHOTS=1"
    assert sql + "\n" == snapshot.read_text(encoding="utf-8")


def test_every_engine_gets_its_own_dialect(definitions: Any) -> None:
    bigquery = compile_sql(definitions, "mqls", engine="bigquery", grain="week")
    snowflake = compile_sql(definitions, "mqls", engine="snowflake", grain="week")
    trino = compile_sql(definitions, "mqls", engine="trino", grain="week")
    assert "`crm`.`leads`" in bigquery and "WEEK(MONDAY)" in bigquery
    assert '"crm"."leads"' in snowflake
    assert bigquery != trino != snowflake


def test_a_slice_value_is_a_quoted_literal_not_sql(definitions: Any) -> None:
    sql = compile_sql(definitions, "mqls", engine="postgres", where={"channel": "web' OR 1=1 --"})
    assert "'web'' OR 1=1 --'" in sql
    assert sql.count(";") == 1


def test_sql_compiles_for_a_remote_engine_without_declared_columns(tmp_path: Path) -> None:
    document = {
        "lodestar_metrics": 1,
        "warehouse": {"engine": "snowflake", "url": "${LODESTAR_SNAPSHOT_WAREHOUSE_URL}"},
        "sources": {"leads": {"table": "crm.leads", "time": "created_at", "filter": "NOT is_test"}},
        "metrics": {"pipeline": {"type": "simple", "source": "leads", "agg": "sum", "expr": "amount * 1.19"}},
    }
    path = tmp_path / "metrics.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    sql = compile_sql(read_definitions(path), "pipeline", engine="snowflake")
    assert 'SUM("t1"."amount" * 1.19)' in sql
    assert 'NOT (\n        "t0"."is_test"\n      )' in sql
