"""What the pages and the API do with metrics: the catalog, one metric's values, refresh now, last refresh.

The metrics file is the configured one (`LODESTAR_METRICS_FILE`). The warehouse engine (ibis)
is imported inside the functions: it takes half a second to import, and pages that never
touch a metric should not wait for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_admin
from lodestar.lib.clock import today
from lodestar.lib.errors import Invalid, NotFound
from lodestar.metrics.buckets import bucket_last_day, bucket_start, next_bucket_start
from lodestar.metrics.configuration import NotConfigured, metrics_file
from lodestar.metrics.definitions import GRAINS, Binding, parse_binding
from lodestar.metrics.errors import BindingError, MetricsError, MetricsFileError
from lodestar.metrics.runs import RefreshRunSummary
from lodestar.metrics.runs import last_refresh as latest_refresh

if TYPE_CHECKING:
    from lodestar.metrics.catalog import CatalogEntry
    from lodestar.metrics.engine import LoadedMetrics
    from lodestar.metrics.refresh import RefreshReport

PREVIEW_MONTHS = 12
MAX_DIMENSION_VALUES = 100


@dataclass(frozen=True)
class Catalog:
    """The configured metrics file, checked against its warehouse, with every metric and what is bound to it."""

    path: Path
    engine: str
    entries: list[CatalogEntry]
    unresolved: list[str]
    sources: dict[str, str | None]


@dataclass(frozen=True)
class DimensionChoice:
    """A dimension a metric can be sliced by, its values in the warehouse and the one chosen ('' for all)."""

    name: str
    values: list[str]
    selected: str = ""
    truncated: bool = False


@dataclass(frozen=True)
class PreviewPoint:
    """One bucket of a preview: its first and last day, its value (None: no value), and whether it is complete."""

    start: date
    end: date
    value: float | None
    complete: bool


@dataclass(frozen=True)
class MetricPreview:
    """A metric's values per bucket of `grain` over the last twelve months up to `as_of`, in one slice."""

    entry: CatalogEntry
    grain: str
    where: dict[str, str]
    as_of: date
    points: list[PreviewPoint] = field(default_factory=list)
    dimensions: list[DimensionChoice] = field(default_factory=list)


def catalog() -> Catalog:
    """Return the catalog of the configured metrics file, read without reaching the warehouse.

    The page that shows it answers in the time of the other pages: whether the warehouse has
    the tables and columns the file names is what a refresh finds out, and the refresh panel
    shows what the last one found. Reads the bound key results and KPIs in two queries, however
    many metrics there are. Raises NotConfigured or MetricsFileError (every problem of the file,
    a local table file that does not exist among them).
    """
    from lodestar.metrics.catalog import catalog_entries
    from lodestar.metrics.loader import read_unchanged
    from lodestar.metrics.warehouse import missing_table_files

    path = metrics_file()
    definitions, problems = read_unchanged(path)
    problems.extend(missing_table_files(definitions))
    if problems:
        raise MetricsFileError(path, problems)
    entries, unresolved = catalog_entries(definitions)
    return Catalog(
        path=path,
        engine=definitions.warehouse.engine,
        entries=entries,
        unresolved=unresolved,
        sources={source_id: source.description for source_id, source in definitions.sources.items()},
    )


def catalog_document() -> dict[str, Any]:
    """Return the catalog as `lodestar metrics list --format json` prints it, without reaching the warehouse.

    Raises NotConfigured or MetricsFileError.
    """
    from lodestar.metrics.catalog import catalog_json, list_metrics

    return catalog_json(*list_metrics(definitions_path=metrics_file()))


def preview_window(as_of: date, grain: str) -> tuple[date, date]:
    """Return [start, end): the buckets of `grain` of the twelve months up to and including `as_of`'s bucket."""
    month = as_of.year * 12 + as_of.month - 1 - (PREVIEW_MONTHS - 1)
    start = bucket_start(date(month // 12, month % 12 + 1, 1), grain)
    return start, next_bucket_start(bucket_start(as_of, grain), grain)


def preview(*, metric_id: str, as_of: date, grain: str = "month", where: dict[str, str] | None = None) -> MetricPreview:
    """Return a metric's values per bucket over the last twelve months, sliced by `where`, and its dimensions' values.

    Raises NotConfigured, Invalid (an unknown grain or dimension), NotFound (no such metric),
    MetricsFileError or EngineError.
    """
    from lodestar.metrics.catalog import catalog_entries
    from lodestar.metrics.engine import load, values

    if grain not in GRAINS:
        raise Invalid("unknown grain", [("grain", f"expected one of {', '.join(GRAINS)}, got {grain[:40]!r}")])
    slice_ = dict(where or {})
    with load(metrics_file()) as loaded:
        definitions = loaded.definitions
        if metric_id not in definitions.metrics:
            raise NotFound(f"no metric {metric_id!r} in {definitions.path.name}")
        dimensions = definitions.dimensions(metric_id)
        unknown = [name for name in slice_ if name not in dimensions]
        if unknown:
            offered = ", ".join(dimensions) or "none"
            raise Invalid(
                "unknown dimension",
                [(name, f"{metric_id} cannot be sliced by {name!r} (its dimensions: {offered})") for name in unknown],
            )
        start, end = preview_window(as_of, grain)
        rows = values(loaded, metric_id, grain=grain, start=start, end=end, where=slice_)
        choices = [
            DimensionChoice(name, found, slice_.get(name, ""), truncated)
            for name, (found, truncated) in _dimension_values(loaded, metric_id, dimensions).items()
        ]
    entries, _ = catalog_entries(definitions)
    entry = next(entry for entry in entries if entry.id == metric_id)
    points = [
        PreviewPoint(
            row.period, bucket_last_day(row.period, grain), row.value, bucket_last_day(row.period, grain) < as_of
        )
        for row in rows
    ]
    return MetricPreview(entry=entry, grain=grain, where=slice_, as_of=as_of, points=points, dimensions=choices)


def _dimension_values(loaded: LoadedMetrics, metric_id: str, names: list[str]) -> dict[str, tuple[list[str], bool]]:
    """Return the distinct values of each dimension over the rows of the metric's sources (source filters applied)."""
    from lodestar.metrics.compiler import dimension_value, source_predicates

    definitions = loaded.definitions
    found: dict[str, set[str]] = {name: set() for name in names}
    for source_id in definitions.source_ids(metric_id):
        source = definitions.sources[source_id]
        table = loaded.connection.table(source)
        predicates = source_predicates(source, table, time=source.time, where={}, start=None, end=None)
        rows = table.filter(*predicates) if predicates else table
        for name in names:
            value = dimension_value(source, rows, name)
            query = rows.select(value=value).filter(value.notnull()).distinct().order_by("value")
            found[name].update(
                str(row["value"]) for row in loaded.connection.execute(query.limit(MAX_DIMENSION_VALUES + 1))
            )
    return {
        name: (sorted(seen)[:MAX_DIMENSION_VALUES], len(seen) > MAX_DIMENSION_VALUES) for name, seen in found.items()
    }


def refresh_now(*, actor: Actor, as_of: date | None = None) -> RefreshReport:
    """Refresh every bound key result and KPI from the configured metrics file, as `lodestar metrics refresh` does.

    `as_of` defaults to today (`lodestar.lib.clock`). Raises PermissionDenied (only admins refresh),
    NotConfigured, MetricsFileError, EngineError or RefreshError; nothing is written then.
    """
    from lodestar.metrics.refresh import refresh

    require_admin(actor, what="refresh metrics")
    return refresh(as_of=as_of or today(), definitions_path=metrics_file(), actor=actor)


def last_refresh() -> RefreshRunSummary | None:
    """Return when metrics were last refreshed and as of which date, or None if never."""
    return latest_refresh()


def binding_of(raw: object) -> Binding | None:
    """Return a stored key result's or KPI's metric binding with its defaults, or None if there is none."""
    if raw is None:
        return None
    try:
        return parse_binding(raw)
    except BindingError:
        return None


def metric_choices() -> list[CatalogEntry]:
    """Return the metrics of the configured file to offer in a form, or none when there is no usable file.

    Reads the file without reaching the warehouse; a missing or bad file is reported elsewhere
    (the catalog page), so here it only means there is nothing to offer.
    """
    from lodestar.metrics.catalog import list_metrics
    from lodestar.metrics.errors import MetricsError

    try:
        entries, _ = list_metrics(definitions_path=metrics_file())
    except (NotConfigured, MetricsError):
        return []
    return entries


def problems_of(error: MetricsError) -> list[str]:
    """Return what went wrong as lines: every problem of a bad file, every unfitting binding, or the engine's error."""
    from lodestar.metrics.refresh import RefreshError

    if isinstance(error, MetricsFileError):
        return error.lines()
    if isinstance(error, RefreshError):
        return list(error.lines)
    return str(error).splitlines() or [type(error).__name__]


def refresh_json(report: RefreshReport) -> dict[str, Any]:
    """Return what a refresh did as JSON: counts, the items refreshed, the bindings that failed and the values entered by hand it kept."""
    from lodestar.metrics.refresh import report_json

    return report_json(report)
