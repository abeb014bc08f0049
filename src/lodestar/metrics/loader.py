"""Read a metrics file (format 1): keys, types, references and expressions, every problem at once.

This step needs no engine; `lodestar.metrics.validation` then checks columns against the tables.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import yaml

from lodestar.lib.vocabulary import ID_PATTERN
from lodestar.metrics.definitions import (
    AGGREGATIONS,
    ENGINES,
    DerivedMetric,
    Expression,
    Metric,
    MetricsDefinitions,
    RatioMetric,
    SimpleMetric,
    Source,
    Warehouse,
)
from lodestar.metrics.errors import MetricsFileError, Problem
from lodestar.metrics.file_reader import FileReader, UniqueKeyLoader, kind_of, quote
from lodestar.scoring.survey_metrics import SURVEY_METRIC_PREFIX, is_survey_metric

DIMENSION = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
COLUMN = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]{0,127}$")
TABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]{0,127}(\.[A-Za-z_][A-Za-z0-9_$-]{0,127}){0,2}$")
ENV_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
SECRET_PARAMETERS = {"password", "passwd", "pwd", "secret", "token", "private_key", "key", "credentials"}
TOP_KEYS = ("lodestar_metrics", "warehouse", "sources", "metrics")
WAREHOUSE_KEYS = ("engine", "tables", "url")
SOURCE_KEYS = ("table", "time", "dimensions", "filter", "columns", "description")
METRIC_KEYS = {
    "simple": ("type", "source", "agg", "expr", "time", "filter", "unit", "description"),
    "ratio": ("type", "numerator", "denominator", "unit", "description"),
    "derived": ("type", "inputs", "expr", "unit", "description"),
}
MAX_FILE_BYTES = 8 * 1024 * 1024
# The engines that read CSV and Parquet files named under warehouse.tables (Spark as temporary views).
FILE_ENGINES = ("duckdb", "pyspark")


def _warehouse(reader: FileReader, value: Any, base: Path) -> Warehouse:
    if value is None:
        return Warehouse()
    data = reader.mapping(value, "warehouse", WAREHOUSE_KEYS)
    if data is None:
        return Warehouse()
    engine = data.get("engine", "duckdb")
    if engine not in ENGINES:
        reader.problem("warehouse.engine", f"unknown engine {engine!r} (one of: {', '.join(ENGINES)})")
        engine = "duckdb"
    tables: dict[str, Path] = {}
    if "tables" in data:
        if engine not in FILE_ENGINES:
            reader.problem(
                "warehouse.tables", f"tables name files for the {' and '.join(FILE_ENGINES)} engines only, not {engine}"
            )
        elif not isinstance(data["tables"], dict):
            reader.problem(
                "warehouse.tables", f"expected a mapping of table name to file, got {kind_of(data['tables'])}"
            )
        else:
            for name, file in reader.named(data["tables"], "warehouse.tables", DIMENSION).items():
                text = reader.string(file, f"warehouse.tables.{name}")
                if text is not None:
                    tables[name] = (base / text).resolve() if not Path(text).is_absolute() else Path(text)
    url = reader.optional_string(data, "url", "warehouse")
    if url is not None:
        if engine == "duckdb":
            reader.problem(
                "warehouse.url", "the duckdb engine reads the files under `tables`; url is for other engines"
            )
        else:
            _check_url_has_no_secret(reader, url)
    elif engine != "duckdb":
        reader.problem("warehouse.url", f"the {engine} engine needs a url, e.g. url: ${{WAREHOUSE_URL}}")
    return Warehouse(engine=engine, tables=tables, url=url)


def _check_url_has_no_secret(reader: FileReader, url: str) -> None:
    literal = ENV_REFERENCE.sub("", url)
    if "$" in literal:
        reader.problem("warehouse.url", "write environment variables as ${NAME}")
    try:
        parts = urlsplit(literal)
        password = parts.password
    except ValueError:
        return
    if password:
        reader.problem("warehouse.url", "the url holds a password: take it from an environment variable, ${NAME}")
    for key, value in parse_qsl(parts.query):
        if key.lower() in SECRET_PARAMETERS and value:
            reader.problem("warehouse.url", f"the url holds a secret ({key}): take it from an environment variable")


def _sources(reader: FileReader, value: Any) -> dict[str, Source]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        reader.problem("sources", f"expected a mapping of source id to source, got {kind_of(value)}")
        return {}
    sources: dict[str, Source] = {}
    for source_id, raw in reader.named(value, "sources", ID_PATTERN).items():
        location = f"sources.{source_id}"
        data = reader.mapping(raw, location, SOURCE_KEYS)
        if data is None:
            continue
        count = len(reader.problems)
        for key in ("table", "time"):
            if key not in data:
                reader.problem(f"{location}.{key}", "required")
        table = reader.string(data["table"], f"{location}.table", pattern=TABLE) if "table" in data else None
        time = reader.string(data["time"], f"{location}.time", pattern=COLUMN) if "time" in data else None
        dimensions: dict[str, Expression] = {}
        if "dimensions" in data:
            if not isinstance(data["dimensions"], dict):
                reader.problem(f"{location}.dimensions", f"expected a mapping, got {kind_of(data['dimensions'])}")
            else:
                for name, text in reader.named(data["dimensions"], f"{location}.dimensions", DIMENSION).items():
                    expression = reader.expression(text, f"{location}.dimensions.{name}")
                    if expression is not None:
                        dimensions[name] = expression
        filter_ = reader.expression(data["filter"], f"{location}.filter") if "filter" in data else None
        columns = _columns(reader, data.get("columns"), f"{location}.columns") if "columns" in data else None
        description = reader.optional_string(data, "description", location)
        if len(reader.problems) == count and table is not None and time is not None:
            sources[source_id] = Source(source_id, table, time, dimensions, filter_, columns, description)
    return sources


def _columns(reader: FileReader, value: Any, location: str) -> dict[str, str] | None:
    """Read an optional declared schema `{column: type}` used to compile SQL without connecting."""
    import ibis.expr.datatypes as dt

    if not isinstance(value, dict):
        reader.problem(location, f"expected a mapping of column to type, got {kind_of(value)}")
        return None
    columns: dict[str, str] = {}
    for name, type_name in value.items():
        if not isinstance(name, str) or not COLUMN.match(name):
            reader.problem(f"{location}.{name}", f"{name!r} is not a valid column name")
            continue
        if not isinstance(type_name, str):
            reader.problem(f"{location}.{name}", f"expected a type name, got {kind_of(type_name)}")
            continue
        try:
            dt.dtype(type_name)
        except Exception:
            reader.problem(
                f"{location}.{name}", f"unknown type {type_name!r} (e.g. string, int64, float64, date, timestamp)"
            )
            continue
        columns[name] = type_name
    return columns


def _metric(
    reader: FileReader, metric_id: str, raw: Any, sources: Mapping[str, Source], known: set[str]
) -> Metric | None:
    location = f"metrics.{metric_id}"
    if is_survey_metric(metric_id):
        reader.problem(location, f"ids starting with {SURVEY_METRIC_PREFIX!r} are the built-in survey metrics")
        return None
    if not isinstance(raw, dict):
        reader.problem(location, f"expected a mapping, got {kind_of(raw)}")
        return None
    kind = raw.get("type")
    if kind not in METRIC_KEYS:
        reader.problem(f"{location}.type", f"expected one of simple, ratio, derived, got {kind!r}")
        return None
    data = reader.mapping(raw, location, METRIC_KEYS[kind])
    if data is None:
        return None
    count = len(reader.problems)
    unit = reader.optional_string(data, "unit", location)
    description = reader.optional_string(data, "description", location)
    metric: Metric | None = None
    if kind == "simple":
        metric = _simple(reader, metric_id=metric_id, data=data, sources=sources, unit=unit, description=description)
    elif kind == "ratio":
        for key in ("numerator", "denominator"):
            if key not in data:
                reader.problem(f"{location}.{key}", "required")
        numerator = (
            reader.string(data.get("numerator"), f"{location}.numerator", pattern=ID_PATTERN)
            if "numerator" in data
            else None
        )
        denominator = (
            reader.string(data.get("denominator"), f"{location}.denominator", pattern=ID_PATTERN)
            if "denominator" in data
            else None
        )
        for key, name in (("numerator", numerator), ("denominator", denominator)):
            if name is not None and name not in known:
                reader.problem(f"{location}.{key}", f"unknown metric {name!r}")
        if numerator is not None and denominator is not None:
            metric = RatioMetric(metric_id, numerator, denominator, unit, description)
    else:
        metric = _derived(reader, metric_id=metric_id, data=data, unit=unit, description=description, known=known)
    return metric if len(reader.problems) == count else None


def _simple(
    reader: FileReader,
    *,
    metric_id: str,
    data: Mapping[str, Any],
    sources: Mapping[str, Source],
    unit: str | None,
    description: str | None,
) -> SimpleMetric | None:
    location = f"metrics.{metric_id}"
    for key in ("source", "agg"):
        if key not in data:
            reader.problem(f"{location}.{key}", "required")
    source_id = reader.string(data["source"], f"{location}.source") if "source" in data else None
    source = None
    if source_id is not None:
        source = sources.get(source_id)
        if source is None:
            reader.problem(f"{location}.source", f"unknown source {source_id!r}")
    agg = data.get("agg")
    if "agg" in data and agg not in AGGREGATIONS:
        reader.problem(f"{location}.agg", f"unknown aggregation {agg!r} (one of: {', '.join(AGGREGATIONS)})")
    expr = None
    if "expr" in data:
        expr = reader.expression(data["expr"], f"{location}.expr")
    elif agg in AGGREGATIONS and agg != "count":
        reader.problem(f"{location}.expr", f"required for agg {agg} (only count may omit it)")
    time = reader.string(data["time"], f"{location}.time", pattern=COLUMN) if "time" in data else None
    filter_ = reader.expression(data["filter"], f"{location}.filter") if "filter" in data else None
    if source is None or agg not in AGGREGATIONS:
        return None
    return SimpleMetric(metric_id, source.id, str(agg), expr, time or source.time, filter_, unit, description)


def _derived(
    reader: FileReader,
    *,
    metric_id: str,
    data: Mapping[str, Any],
    unit: str | None,
    description: str | None,
    known: set[str],
) -> DerivedMetric | None:
    location = f"metrics.{metric_id}"
    for key in ("inputs", "expr"):
        if key not in data:
            reader.problem(f"{location}.{key}", "required")
    inputs: list[str] = []
    if "inputs" in data:
        raw = data["inputs"]
        if not isinstance(raw, list) or not raw:
            reader.problem(f"{location}.inputs", f"expected a non-empty list of metric ids, got {kind_of(raw)}")
        else:
            for index, item in enumerate(raw):
                name = reader.string(item, f"{location}.inputs[{index}]", pattern=ID_PATTERN)
                if name is not None:
                    if name in inputs:
                        reader.problem(f"{location}.inputs[{index}]", f"{name!r} is listed twice")
                    elif name not in known:
                        reader.problem(f"{location}.inputs[{index}]", f"unknown metric {name!r}")
                    inputs.append(name)
    expr = reader.expression(data["expr"], f"{location}.expr") if "expr" in data else None
    if expr is None:
        return None
    for column in sorted(expr.columns - set(inputs)):
        reader.problem(f"{location}.expr", f"{column!r} is not one of the inputs {inputs} in {quote(expr.text)}")
    return DerivedMetric(metric_id, tuple(inputs), expr, unit, description)


def _check_cycles(reader: FileReader, metrics: dict[str, Metric]) -> None:
    """Refuse metrics that refer to each other in a cycle; drop metrics that cannot be computed."""
    state: dict[str, int] = {}
    in_cycle: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        if state.get(name) == 2 or name not in metrics:
            return
        if state.get(name) == 1:
            cycle = [*trail[trail.index(name) :], name]
            if name not in in_cycle:
                reader.problem(f"metrics.{name}", f"metrics refer to each other in a cycle: {' -> '.join(cycle)}")
                in_cycle.update(cycle)
            return
        state[name] = 1
        metric = metrics[name]
        if not isinstance(metric, SimpleMetric):
            for child in metric.inputs:
                visit(child, [*trail, name])
        state[name] = 2

    for name in list(metrics):
        visit(name, [])
    # A metric that reaches an unknown or cyclic metric cannot be computed: drop it.
    broken = set(in_cycle)
    changed = True
    while changed:
        changed = False
        for metric in metrics.values():
            if metric.id in broken or isinstance(metric, SimpleMetric):
                continue
            if any(name not in metrics or name in broken for name in metric.inputs):
                broken.add(metric.id)
                changed = True
    for name in broken:
        metrics.pop(name, None)


def read_partial(path: Path) -> tuple[MetricsDefinitions, list[Problem]]:
    """Read what can be read of a metrics file, with every problem found; invalid items are left out."""
    reader = FileReader(path)
    empty = MetricsDefinitions(path=path, warehouse=Warehouse(), sources={}, metrics={})
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return empty, [Problem("file", f"larger than {MAX_FILE_BYTES} bytes")]
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return empty, [Problem("file", "not found")]
    except IsADirectoryError:
        return empty, [Problem("file", "is a directory, not a metrics file")]
    except (OSError, UnicodeDecodeError) as error:
        return empty, [Problem("file", f"cannot be read: {error}")]
    try:
        document = yaml.load(text, Loader=UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        return empty, [Problem("file", f"not valid YAML: {' '.join(str(error).split())}")]
    data = reader.mapping(document, "", TOP_KEYS) if isinstance(document, dict) else None
    if data is None:
        return empty, [Problem("file", f"expected a mapping with lodestar_metrics: 1, got {kind_of(document)}")]
    version = data.get("lodestar_metrics")
    if "lodestar_metrics" not in data:
        reader.problem("lodestar_metrics", "required: the format version, lodestar_metrics: 1")
    elif version != 1 or isinstance(version, bool):
        reader.problem("lodestar_metrics", f"unsupported format version {version!r} (expected 1)")
    warehouse = _warehouse(reader, data.get("warehouse"), path.parent)
    sources = _sources(reader, data.get("sources"))
    metrics: dict[str, Metric] = {}
    raw_metrics = data.get("metrics")
    if raw_metrics is not None and not isinstance(raw_metrics, dict):
        reader.problem("metrics", f"expected a mapping of metric id to metric, got {kind_of(raw_metrics)}")
    elif raw_metrics:
        known = {key for key in raw_metrics if isinstance(key, str)}
        for metric_id, raw in reader.named(raw_metrics, "metrics", ID_PATTERN).items():
            metric = _metric(reader, metric_id, raw, sources, known)
            if metric is not None:
                metrics[metric_id] = metric
        _check_cycles(reader, metrics)
    if warehouse.engine == "duckdb":
        for name, source in sources.items():
            if source.table not in warehouse.tables:
                reader.problem(
                    f"sources.{name}.table",
                    f"unknown table {source.table!r}: list it under warehouse.tables with its file",
                )
    definitions = MetricsDefinitions(path=path, warehouse=warehouse, sources=sources, metrics=metrics)
    return definitions, reader.problems


# The files read by read_unchanged, with the size and modification time they had then.
_READ: dict[Path, tuple[tuple[int, int], MetricsDefinitions, list[Problem]]] = {}


def read_unchanged(path: Path) -> tuple[MetricsDefinitions, list[Problem]]:
    """`read_partial`, answered from the last read while the file keeps its size and modification time.

    The catalog page reads the file on every request; parsing and checking it is most of its time.
    """
    try:
        stat = path.stat()
    except OSError:
        return read_partial(path)
    key = (stat.st_mtime_ns, stat.st_size)
    cached = _READ.get(path)
    if cached is not None and cached[0] == key:
        return cached[1], list(cached[2])
    definitions, problems = read_partial(path)
    _READ[path] = (key, definitions, list(problems))
    return definitions, problems


def read_definitions(path: Path) -> MetricsDefinitions:
    """Read a metrics file without touching any engine; raises MetricsFileError with every problem."""
    definitions, problems = read_partial(path)
    if problems:
        raise MetricsFileError(path, problems)
    return definitions
