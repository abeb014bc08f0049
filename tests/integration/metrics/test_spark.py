"""The `pyspark` engine for real: the demo's metrics on a local Spark (`local[2]`) give DuckDB's numbers.

PySpark (`lodestar[spark]`) and Java must be installed; under CI their absence is a failure, elsewhere
a skip. One Spark session serves the whole module: the engine keeps it for the process.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from lodestar.metrics import spark, warehouse
from lodestar.metrics.engine import load, values
from lodestar.metrics.errors import MetricsFileError
from tests.conftest import RunLodestar

SPARK_URL = "local[2]"
START, END = date(2025, 7, 1), date(2026, 7, 1)


@pytest.fixture(scope="module")
def spark_session() -> object:
    """The process's local Spark session, started once for the module."""
    missing = []
    try:
        import pyspark  # noqa: F401 - only whether it is installed
    except ModuleNotFoundError:
        missing.append("PySpark (pip install 'lodestar[spark]')")
    if shutil.which("java") is None:
        missing.append("Java (apt-get install openjdk-17-jre-headless)")
    if missing:
        message = f"{' and '.join(missing)} missing: the Spark engine cannot be tested"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return spark.session(SPARK_URL)


@pytest.fixture
def spark_metrics(spark_session: object, demo_warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo's metrics file with `engine: pyspark` and `url: ${SPARK_URL}`, its tables the same files."""
    monkeypatch.setenv("SPARK_URL", SPARK_URL)
    text = demo_warehouse.read_text(encoding="utf-8")
    assert "  engine: duckdb\n" in text
    path = demo_warehouse.with_name("spark-metrics.yaml")
    path.write_text(text.replace("  engine: duckdb\n", "  engine: pyspark\n  url: ${SPARK_URL}\n"), encoding="utf-8")
    return path


def every_value(path: Path, grain: str) -> dict[str, list[tuple[date, float | None]]]:
    with load(path) as loaded:
        assert loaded.definitions.warehouse.engine in ("duckdb", "pyspark")
        return {
            metric_id: [(v.period, v.value) for v in values(loaded, metric_id, grain=grain, start=START, end=END)]
            for metric_id in loaded.definitions.metrics
        }


@pytest.mark.parametrize("grain", ["month", "week"])
def test_every_demo_metric_on_local_spark_equals_duckdb(spark_metrics: Path, demo_warehouse: Path, grain: str) -> None:
    opened = warehouse.OPENED["pyspark"]
    on_spark = every_value(spark_metrics, grain)
    on_duckdb = every_value(demo_warehouse, grain)
    assert warehouse.OPENED["pyspark"] == opened + 1
    assert set(on_spark) == set(on_duckdb) and len(on_spark) > 20
    for metric_id, expected in on_duckdb.items():
        got = on_spark[metric_id]
        assert [period for period, _ in got] == [period for period, _ in expected], metric_id
        assert [value is None for _, value in got] == [value is None for _, value in expected], metric_id
        numbers = [(value, other) for (_, value), (_, other) in zip(got, expected, strict=True) if other is not None]
        assert [value for value, _ in numbers] == pytest.approx([other for _, other in numbers], rel=1e-9), metric_id
    assert any(value for series in on_spark.values() for _, value in series)


def test_a_slice_on_local_spark_equals_duckdb(spark_metrics: Path, demo_warehouse: Path) -> None:
    def sliced(path: Path) -> list[float | None]:
        with load(path) as loaded:
            found = values(loaded, "mqls", grain="quarter", start=START, end=END, where={"channel": "web"})
        return [v.value for v in found]

    assert sliced(spark_metrics) == sliced(demo_warehouse)
    assert any(sliced(spark_metrics))


@pytest.mark.parametrize("args", [("mqls",), ("win_rate", "--grain", "quarter"), ("mqls", "--where", "channel=web")])
def test_metrics_values_prints_the_same_rows_on_spark_as_on_duckdb(
    lodestar: RunLodestar, spark_metrics: Path, demo_warehouse: Path, args: tuple[str, ...]
) -> None:
    window = ("--from", START.isoformat(), "--to", END.isoformat())
    on_spark = lodestar("metrics", "--metrics", str(spark_metrics), "values", *args, *window)
    on_duckdb = lodestar("metrics", "--metrics", str(demo_warehouse), "values", *args, *window)
    assert (on_spark.code, on_duckdb.code) == (0, 0), on_spark.err
    assert on_spark.out == on_duckdb.out
    assert len(on_spark.out.splitlines()) >= 4


def test_a_missing_table_file_is_reported_on_spark_as_on_duckdb(spark_metrics: Path, tmp_path: Path) -> None:
    text = spark_metrics.read_text(encoding="utf-8").replace("leads.parquet", str(tmp_path / "gone.parquet"))
    path = spark_metrics.with_name("spark-missing.yaml")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MetricsFileError) as error:
        load(path).close()
    assert any("warehouse.tables.leads: file not found" in line for line in error.value.lines())
