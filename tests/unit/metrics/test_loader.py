"""Loading metrics files: a valid file loads; every invalid one is refused with file, metric and text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lodestar.metrics.definitions import DerivedMetric, RatioMetric, SimpleMetric
from lodestar.metrics.engine import load
from lodestar.metrics.errors import EngineError, MetricsFileError
from lodestar.metrics.loader import read_definitions

Mutation = Callable[[dict[str, Any]], None]


def refused(path: Path) -> MetricsFileError:
    with pytest.raises(MetricsFileError) as error:
        load(path).close()
    return error.value


def set_metric(metric_id: str, **fields: Any) -> Mutation:
    def mutate(document: dict[str, Any]) -> None:
        document["metrics"].setdefault(metric_id, {}).update(fields)

    return mutate


def replace_metric(metric_id: str, definition: Any) -> Mutation:
    def mutate(document: dict[str, Any]) -> None:
        document["metrics"][metric_id] = definition

    return mutate


def set_source(source_id: str, **fields: Any) -> Mutation:
    def mutate(document: dict[str, Any]) -> None:
        document["sources"][source_id].update(fields)

    return mutate


def test_a_valid_file_loads_with_every_metric_typed(
    write_metrics: Callable[..., Path], base_document: dict[str, Any]
) -> None:
    with load(write_metrics(base_document)) as loaded:
        metrics = loaded.definitions.metrics
        assert isinstance(metrics["mqls"], SimpleMetric)
        assert metrics["mqls"].time == "mql_at"
        assert isinstance(metrics["mql_to_sql_rate"], RatioMetric)
        assert isinstance(metrics["cost_per_mql"], DerivedMetric)
        assert isinstance(metrics["spend"], SimpleMetric)
        assert metrics["spend"].time == "spend_date"
        assert loaded.definitions.dimensions("cost_per_mql") == ["channel", "business_unit"]


BAD_FILES: list[tuple[str, Mutation, str, str]] = [
    (
        "an injected second statement",
        set_metric("mqls", filter="1; DROP TABLE x"),
        "metrics.mqls.filter",
        "1; DROP TABLE x",
    ),
    (
        "an injection after a valid filter",
        set_metric("mqls", filter="mql_at IS NOT NULL; DELETE FROM leads"),
        "metrics.mqls.filter",
        "DELETE FROM leads",
    ),
    (
        "a subquery",
        set_metric("mqls", expr="(SELECT max(lead_id) FROM leads)"),
        "metrics.mqls.expr",
        "SELECT max(lead_id)",
    ),
    ("an IN subquery", set_metric("mqls", filter="lead_id IN (SELECT 1)"), "metrics.mqls.filter", "IN (SELECT 1)"),
    (
        "a table function",
        set_metric("mqls", expr="read_csv('/etc/passwd')"),
        "metrics.mqls.expr",
        "read_csv('/etc/passwd')",
    ),
    ("an unknown function", set_metric("spend", expr="sqrt(amount)"), "metrics.spend.expr", "sqrt(amount)"),
    ("an aggregate inside expr", set_metric("spend", expr="sum(amount)"), "metrics.spend.expr", "sum(amount)"),
    (
        "a comment smuggling SQL",
        set_metric("mqls", filter="mql_at IS NOT NULL -- ; DROP TABLE x"),
        "metrics.mqls.filter",
        "DROP TABLE x",
    ),
    ("a block comment", set_metric("mqls", expr="lead_id /* x */"), "metrics.mqls.expr", "lead_id /* x */"),
    ("a cast", set_metric("spend", expr="CAST(amount AS INT)"), "metrics.spend.expr", "CAST(amount AS INT)"),
    ("an unknown column in expr", set_metric("mqls", expr="lead_idd"), "metrics.mqls.expr", "lead_idd"),
    (
        "an unknown column in a filter",
        set_metric("mqls", filter="mql_att IS NOT NULL"),
        "metrics.mqls.filter",
        "mql_att",
    ),
    ("an unknown time column", set_metric("mqls", time="qualified_at"), "metrics.mqls.time", "qualified_at"),
    ("a time column that is not a date", set_metric("mqls", time="channel"), "metrics.mqls.time", "channel"),
    (
        "an unknown column in a dimension",
        set_source("leads", dimensions={"region": "lower(region)"}),
        "sources.leads.dimensions.region",
        "lower(region)",
    ),
    ("an unknown source", set_metric("mqls", source="contacts"), "metrics.mqls.source", "contacts"),
    ("an unknown table", set_source("leads", table="contacts"), "sources.leads.table", "contacts"),
    ("an unknown aggregation", set_metric("spend", agg="median"), "metrics.spend.agg", "median"),
    ("a sum over text", set_metric("spend", expr="channel"), "metrics.spend.agg", "channel"),
    ("an average over a boolean", set_metric("avg_score", expr="is_test"), "metrics.avg_score.agg", "is_test"),
    (
        "a missing expr for sum",
        replace_metric("spend", {"type": "simple", "source": "spend", "agg": "sum"}),
        "metrics.spend.expr",
        "sum",
    ),
    (
        "a filter that is not true or false",
        set_metric("mqls", filter="lead_id + 1"),
        "metrics.mqls.filter",
        "lead_id + 1",
    ),
    (
        "an unknown numerator",
        set_metric("mql_to_sql_rate", numerator="sqls"),
        "metrics.mql_to_sql_rate.numerator",
        "sqls",
    ),
    (
        "an unknown derived input",
        set_metric("cost_per_mql", inputs=["spend", "mqlz"]),
        "metrics.cost_per_mql.inputs[1]",
        "mqlz",
    ),
    (
        "a derived expr naming a metric outside its inputs",
        set_metric("cost_per_mql", expr="spend / leads"),
        "metrics.cost_per_mql.expr",
        "leads",
    ),
    (
        "a cycle of derived metrics",
        lambda d: d["metrics"].update(
            {
                "a": {"type": "derived", "inputs": ["b"], "expr": "b + 1"},
                "b": {"type": "derived", "inputs": ["a"], "expr": "a * 2"},
            }
        ),
        "metrics.a",
        "a -> b -> a",
    ),
    (
        "a ratio of itself",
        set_metric("mql_to_sql_rate", numerator="mql_to_sql_rate"),
        "metrics.mql_to_sql_rate",
        "mql_to_sql_rate -> mql_to_sql_rate",
    ),
    (
        "a derived expr with a text function",
        set_metric("cost_per_mql", expr="lower(spend)"),
        "metrics.cost_per_mql.expr",
        "lower(spend)",
    ),
    (
        "a derived expr that is no number",
        set_metric("cost_per_mql", expr="spend > mqls"),
        "metrics.cost_per_mql.expr",
        "spend > mqls",
    ),
    ("an unknown metric key", set_metric("mqls", filters="x"), "metrics.mqls.filters", "unknown key"),
    ("an unknown type", set_metric("mqls", type="window"), "metrics.mqls.type", "window"),
    ("a wrong type for expr", set_metric("spend", expr=["amount"]), "metrics.spend.expr", "['amount']"),
    ("a wrong type for unit", set_metric("spend", unit=5), "metrics.spend.unit", "a number"),
    ("an unknown top-level key", lambda d: d.update(metric={}), "metric", "unknown key"),
    ("an unknown engine", lambda d: d["warehouse"].update(engine="oracle"), "warehouse.engine", "oracle"),
    ("a wrong format version", lambda d: d.update(lodestar_metrics=2), "lodestar_metrics", "2"),
    (
        "a missing table file",
        lambda d: d["warehouse"]["tables"].update(spend="data/missing.csv"),
        "warehouse.tables.spend",
        "missing.csv",
    ),
    ("an invalid metric id", lambda d: d["metrics"].update({"Bad Id": {"type": "simple"}}), "metrics.Bad Id", "Bad Id"),
]


@pytest.mark.parametrize(("case", "mutate", "location", "text"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_a_bad_metrics_file_is_refused_with_file_metric_and_text(
    write_metrics: Callable[..., Path],
    base_document: dict[str, Any],
    case: str,
    mutate: Mutation,
    location: str,
    text: str,
) -> None:
    mutate(base_document)
    path = write_metrics(base_document)
    error = refused(path)
    matching = [line for line in error.lines() if f": {location}" in line]
    assert matching, f"{case}: no problem at {location} in {error.lines()}"
    assert any(str(path) in line and text in line for line in matching), matching


def test_a_remote_url_with_a_password_is_refused(
    write_metrics: Callable[..., Path], base_document: dict[str, Any]
) -> None:
    base_document["warehouse"] = {"engine": "postgres", "url": "postgresql://analyst:hunter2@db.example/warehouse"}
    with pytest.raises(MetricsFileError) as error:
        read_definitions(write_metrics(base_document))
    assert any("warehouse.url" in line and "environment variable" in line for line in error.value.lines())
    assert "hunter2" not in str(error.value)


def test_a_remote_url_without_its_environment_variable_is_one_clear_error(
    write_metrics: Callable[..., Path], base_document: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LODESTAR_TEST_UNSET_URL", raising=False)
    base_document["warehouse"] = {"engine": "postgres", "url": "${LODESTAR_TEST_UNSET_URL}"}
    with pytest.raises(EngineError) as error:
        load(write_metrics(base_document))
    assert str(error.value) == "warehouse.url: environment variable LODESTAR_TEST_UNSET_URL is not set"


def test_every_problem_is_reported_at_once(write_metrics: Callable[..., Path], base_document: dict[str, Any]) -> None:
    set_metric("mqls", filter="1; DROP TABLE x")(base_document)
    set_metric("spend", expr="amount_eur")(base_document)
    set_metric("mql_to_sql_rate", denominator="nope")(base_document)
    error = refused(write_metrics(base_document))
    locations = " ".join(error.lines())
    assert "metrics.mqls.filter" in locations
    assert "metrics.spend.expr" in locations
    assert "metrics.mql_to_sql_rate.denominator" in locations


def test_a_missing_file_is_refused_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    error = refused(path)
    assert error.lines() == [f"{path}: file: not found"]


def test_a_file_that_is_not_yaml_is_refused(write_metrics: Callable[..., Path]) -> None:
    error = refused(write_metrics("lodestar_metrics: 1\nmetrics: {mqls: [unclosed\n"))
    assert "not valid YAML" in error.lines()[0]


def test_a_key_given_twice_is_refused(write_metrics: Callable[..., Path]) -> None:
    error = refused(write_metrics("lodestar_metrics: 1\nmetrics: {}\nmetrics: {}\n"))
    assert "duplicate key 'metrics'" in error.lines()[0]


def test_a_derived_metric_over_a_dropped_input_is_left_out_without_a_second_error(
    write_metrics: Callable[..., Path], base_document: dict[str, Any]
) -> None:
    set_metric("spend", agg="median")(base_document)
    error = refused(write_metrics(base_document))
    assert [line for line in error.lines() if "metrics.cost_per_mql" in line] == []
    assert any("metrics.spend.agg" in line for line in error.lines())


def test_spark_takes_table_files_like_duckdb(
    write_metrics: Callable[..., Path], base_document: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    tables = dict(base_document["warehouse"]["tables"])
    base_document["warehouse"] = {"engine": "pyspark", "url": "${SPARK_URL}", "tables": tables}
    definitions = read_definitions(write_metrics(base_document))
    assert definitions.warehouse.engine == "pyspark"
    assert set(definitions.warehouse.tables) == set(tables)
    assert all(path.is_absolute() for path in definitions.warehouse.tables.values())


def test_other_remote_engines_still_refuse_table_files(
    write_metrics: Callable[..., Path], base_document: dict[str, Any]
) -> None:
    tables = dict(base_document["warehouse"]["tables"])
    base_document["warehouse"] = {"engine": "trino", "url": "${TRINO_URL}", "tables": tables}
    with pytest.raises(MetricsFileError) as error:
        read_definitions(write_metrics(base_document))
    assert any(
        "warehouse.tables" in line and "duckdb and pyspark engines only, not trino" in line
        for line in error.value.lines()
    )
