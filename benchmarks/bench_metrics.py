"""Refresh of the demo's bound key results over a generated extract, against hand-written DuckDB SQL.

Generates (once, cached under benchmarks/.data/) a demo warehouse extract of N leads, creates
the demo's periods, goals and bound key results (their bindings taken from `demo_document`) in
a scratch SQLite database, and times `lodestar.metrics.refresh.refresh` (load and check the
metrics file, compile, query, write) against hand-written DuckDB SQL that computes the same
numbers over the same Parquet files: one query per distinct binding and period, as the refresh
runs them. Both run in this process; the best of --repeat runs is kept. The script fails if
any number or date differs (beyond 1e-12 relative, the noise of parallel floating-point sums),
not on time.

Run: .venv/bin/python benchmarks/bench_metrics.py [--leads 10000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / ".data"
TODAY = date(2026, 5, 15)
AS_OF = date(2026, 5, 14)
GOAL = 1.3
LEADS = "NOT is_test"

# Dimension expressions per source, as the demo metrics file defines them.
DIMENSIONS: dict[str, dict[str, str]] = {
    "leads": {"channel": "lower(channel)", "business_unit": "business_unit", "team": "owner_team"},
    "spend": {"channel": "lower(channel)", "business_unit": "business_unit"},
    "touchpoints": {"channel": "lower(channel)", "business_unit": "business_unit", "event_type": "event_type"},
    "orders": {
        "business_unit": "business_unit",
        "sales_channel": "sales_channel",
        "team": "owner_team",
        "product_line": "product_line",
        "assortment": "CASE WHEN is_standard THEN 'standard' ELSE 'engineered' END",
    },
}


@dataclass(frozen=True)
class Window:
    """What one binding asks for over one period: its slice, buckets and time range [start, end)."""

    where: tuple[tuple[str, str], ...]
    grain: str
    start: date
    end: date

    def slice(self, source: str) -> str:
        return "".join(f" AND {DIMENSIONS[source][name]} = '{value}'" for name, value in self.where)

    def between(self, column: str) -> str:
        return f"{column} >= TIMESTAMP '{self.start}' AND {column} < TIMESTAMP '{self.end}'"

    def bucket(self, column: str) -> str:
        return f"date_trunc('{self.grain}', {column})::DATE"


# --- hand-written per-bucket aggregates, one scan of a source each ---------------------------


def first_seen(w: Window, time: str, conditions: dict[str, str]) -> str:
    """Distinct leads per bucket, each lead counted once, in the bucket where it first qualifies."""
    firsts = ", ".join(f"min({time}) FILTER (WHERE {condition}) AS {name}" for name, condition in conditions.items())
    unions = " UNION ALL ".join(
        f"SELECT {w.bucket(name)} AS bucket, "
        + ", ".join(f"{1 if other == name else 0} AS {other}" for other in conditions)
        + f" FROM firsts WHERE {name} IS NOT NULL"
        for name in conditions
    )
    sums = ", ".join(f"sum({name}) AS {name}" for name in conditions)
    return f"""
        SELECT bucket, {sums} FROM (
          WITH firsts AS (
            SELECT {firsts} FROM leads
            WHERE {LEADS} AND {time} IS NOT NULL AND {w.between(time)}{w.slice("leads")} GROUP BY lead_id)
          {unions}) AS counted GROUP BY bucket"""


def leads_average(w: Window) -> str:
    return f"""
        SELECT {w.bucket("mql_at")} AS bucket, sum(first_response_hours) AS hours,
               count(first_response_hours) AS answered
        FROM leads WHERE {LEADS} AND mql_at IS NOT NULL AND {w.between("mql_at")}{w.slice("leads")} GROUP BY 1"""


def spend(w: Window) -> str:
    return f"""
        SELECT {w.bucket("spend_date")} AS bucket, sum(amount) AS spend FROM spend
        WHERE spend_date >= DATE '{w.start}' AND spend_date < DATE '{w.end}'{w.slice("spend")} GROUP BY 1"""


def touchpoints(w: Window, counts: dict[str, str]) -> str:
    columns = ", ".join(f"count(*) FILTER (WHERE {condition}) AS {name}" for name, condition in counts.items())
    return f"""
        SELECT {w.bucket("occurred_at")} AS bucket, {columns} FROM touchpoints
        WHERE {w.between("occurred_at")}{w.slice("touchpoints")} GROUP BY 1"""


def orders(w: Window, columns: dict[str, str]) -> str:
    selected = ", ".join(f"{expression} AS {name}" for name, expression in columns.items())
    return f"""
        SELECT {w.bucket("ordered_at")} AS bucket, {selected} FROM orders
        WHERE {w.between("ordered_at")}{w.slice("orders")} GROUP BY 1"""


INTAKE = "sum(realized_amount)"
WEBSHOP = "sales_channel = 'webshop'"


@dataclass(frozen=True)
class HandWritten:
    """A metric by hand: per-bucket parts (SQL -> columns), and its value from the parts' sums."""

    parts: Callable[[Window], list[tuple[str, tuple[str, ...]]]]
    value: str


def part(sql: str, *columns: str) -> tuple[str, tuple[str, ...]]:
    return sql, columns


def mql_share(condition: str) -> HandWritten:
    """A ratio of MQLs: those meeting a condition among all, both by the date they qualified."""
    return HandWritten(
        lambda w: [part(first_seen(w, "mql_at", {"mqls": "TRUE", "hits": condition}), "mqls", "hits")],
        "100.0 * hits / NULLIF(mqls, 0)",
    )


HAND_WRITTEN: dict[str, HandWritten] = {
    "leads": HandWritten(lambda w: [part(first_seen(w, "created_at", {"leads": "TRUE"}), "leads")], "leads"),
    "mqls": HandWritten(lambda w: [part(first_seen(w, "mql_at", {"mqls": "TRUE"}), "mqls")], "mqls"),
    "sqls": HandWritten(lambda w: [part(first_seen(w, "sql_at", {"sqls": "TRUE"}), "sqls")], "sqls"),
    "mql_to_sql_rate": mql_share("sql_at IS NOT NULL"),
    "nurtured_share": mql_share("nurtured"),
    "fast_response_share": mql_share("first_response_hours <= 4"),
    "win_rate": HandWritten(
        lambda w: [part(first_seen(w, "sql_at", {"sqls": "TRUE", "won": "won_at IS NOT NULL"}), "sqls", "won")],
        "100.0 * won / NULLIF(sqls, 0)",
    ),
    "lead_response_hours": HandWritten(
        lambda w: [part(leads_average(w), "hours", "answered")], "hours / NULLIF(answered, 0)"
    ),
    "cost_per_mql": HandWritten(
        lambda w: [part(spend(w), "spend"), part(first_seen(w, "mql_at", {"mqls": "TRUE"}), "mqls")],
        "spend / NULLIF(mqls, 0)",
    ),
    "fair_cost_per_contact": HandWritten(
        lambda w: [
            part(spend(w), "spend"),
            part(touchpoints(w, {"contacts": "event_type = 'trade_fair_contact'"}), "contacts"),
        ],
        "spend / NULLIF(contacts, 0)",
    ),
    "organic_sessions": HandWritten(
        lambda w: [
            part(touchpoints(w, {"organic": "event_type = 'web_session' AND lower(channel) = 'organic'"}), "organic")
        ],
        "organic",
    ),
    "content_downloads": HandWritten(
        lambda w: [part(touchpoints(w, {"downloads": "event_type = 'download'"}), "downloads")], "downloads"
    ),
    "order_intake": HandWritten(lambda w: [part(orders(w, {"intake": INTAKE}), "intake")], "intake"),
    "gross_margin": HandWritten(
        lambda w: [part(orders(w, {"intake": INTAKE, "cost": "sum(cost_amount)"}), "intake", "cost")],
        "100 * (intake - cost) / NULLIF(intake, 0)",
    ),
    "average_discount": HandWritten(
        lambda w: [part(orders(w, {"intake": INTAKE, "list": "sum(list_amount)"}), "intake", "list")],
        "round(100 * (1 - intake / NULLIF(list, 0)), 2)",
    ),
    "digital_order_share": HandWritten(
        lambda w: [
            part(orders(w, {"webshop": f"count(*) FILTER (WHERE {WEBSHOP})", "lines": "count(*)"}), "webshop", "lines")
        ],
        "100.0 * webshop / NULLIF(lines, 0)",
    ),
    "webshop_revenue_share": HandWritten(
        lambda w: [
            part(
                orders(w, {"webshop": f"sum(realized_amount) FILTER (WHERE {WEBSHOP})", "intake": INTAKE}),
                "webshop",
                "intake",
            )
        ],
        "100.0 * webshop / NULLIF(intake, 0)",
    ),
    "webshop_conversion": HandWritten(
        lambda w: [
            part(orders(w, {"webshop": f"count(*) FILTER (WHERE {WEBSHOP})"}), "webshop"),
            part(touchpoints(w, {"sessions": "event_type = 'webshop_session'"}), "sessions"),
        ],
        "100.0 * webshop / NULLIF(sessions, 0)",
    ),
}


def hand_written_sql(metric: str, w: Window, *, cumulative: bool) -> str:
    """The whole query of one binding: parts joined by bucket, summed to date when cumulative."""
    parts = HAND_WRITTEN[metric].parts(w)
    ctes = ", ".join(f"p{index} AS ({sql})" for index, (sql, _) in enumerate(parts))
    buckets = " UNION ".join(f"SELECT bucket FROM p{index}" for index in range(len(parts)))
    joins = " ".join(f"LEFT JOIN p{index} USING (bucket)" for index in range(len(parts)))
    columns = [(index, column) for index, (_, names) in enumerate(parts) for column in names]
    if cumulative:
        sums = ", ".join(f"sum(coalesce(p{i}.{c}, 0)) OVER (ORDER BY bucket) AS {c}" for i, c in columns)
    else:
        sums = ", ".join(f"coalesce(p{i}.{c}, 0) AS {c}" for i, c in columns)
    return f"""
        WITH {ctes}, buckets AS ({buckets}),
        summed AS (SELECT bucket, {sums} FROM buckets {joins})
        SELECT bucket, {HAND_WRITTEN[metric].value} FROM summed ORDER BY bucket"""


# --- the demo's bindings and what a refresh dates its values on ------------------------------


@dataclass(frozen=True)
class Bound:
    """A bound key result of the demo and its goal's period."""

    id: str
    goal: str
    period: str
    start: date
    end: date
    binding: dict[str, Any]

    @property
    def key(self) -> tuple[str, str, str, str, date, date]:
        b = self.binding
        where = repr(sorted(b.get("where", {}).items()))
        return b["id"], where, b.get("window", "period_to_date"), b.get("grain", "month"), self.start, self.end


def demo_bound_key_results() -> list[Bound]:
    """The demo's key results that are bound to a metric, as `demo_document` plans them."""
    from lodestar.demo.organization import demo_document

    document = demo_document(AS_OF)
    periods = {period["id"]: (period["start"], period["end"]) for period in document["periods"]}
    bound = []
    for goal in document["goals"]:
        for key_result in goal.get("key_results", []):
            if "metric" in key_result:
                raw = key_result["metric"]
                binding = {"id": raw} if isinstance(raw, str) else dict(raw)
                start, end = periods[goal["period"]]
                bound.append(Bound(key_result["id"], goal["id"], goal["period"], start, end, binding))
    return bound


def last_day(bucket: date, grain: str) -> date:
    if grain == "week":
        return bucket + timedelta(days=6)
    months = 1 if grain == "month" else 3
    index = bucket.year * 12 + bucket.month - 1 + months
    return date(index // 12, index % 12 + 1, 1) - timedelta(days=1)


def dated(rows: list[tuple[date, Any]], item: Bound) -> dict[date, float]:
    """Date each bucket's value as the spec says: the bucket's last day, or as_of for the open bucket."""
    grain = item.binding.get("grain", "month")
    cumulative = item.binding.get("window", "period_to_date") == "period_to_date"
    until = min(AS_OF, item.end)
    result: dict[date, float] = {}
    for bucket, value in rows:
        if value is None:
            continue
        last = last_day(bucket, grain)
        if last <= until:
            result[last] = float(value)
        elif cumulative and bucket <= until < last and until == AS_OF:
            result[AS_OF] = float(value)
    return result


def window_for(item: Bound) -> Window:
    cumulative = item.binding.get("window", "period_to_date") == "period_to_date"
    end = min(AS_OF, item.end) + timedelta(days=1)
    if not cumulative:
        end = item.start
        while last_day(end, item.binding.get("grain", "month")) <= min(AS_OF, item.end):
            end = last_day(end, item.binding.get("grain", "month")) + timedelta(days=1)
    where = tuple(sorted(item.binding.get("where", {}).items()))
    return Window(where, item.binding.get("grain", "month"), item.start, end)


# --- the two sides -----------------------------------------------------------------------


def prepare(leads: int) -> Path:
    """Generate (or reuse) the extract and its metrics file; return the metrics file."""
    from lodestar.metrics import demo_warehouse

    generator = hashlib.sha256(Path(demo_warehouse.__file__).read_bytes()).hexdigest()[:10]
    directory = DATA / f"extract-{leads}-{generator}"
    marker = directory / "complete"
    if not marker.exists():
        print(f"generating an extract of {leads:,} leads in {directory} ...", flush=True)
        started = time.perf_counter()
        demo_warehouse.generate(directory=directory, today=TODAY, leads=leads, events_per_lead=0.2)
        marker.write_text("ok\n")
        print(f"  generated in {time.perf_counter() - started:.1f}s", flush=True)
    path = directory / "metrics.yaml"
    path.write_text(demo_warehouse.demo_metrics_text(), encoding="utf-8")
    return path


def setup_database(folder: Path, bound: list[Bound]) -> None:
    os.environ["LODESTAR_DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from lodestar.goals.models import Goal, KeyResult, Period

    for item in bound:
        period, _ = Period.objects.get_or_create(id=item.period, defaults={"start": item.start, "end": item.end})
        goal, _ = Goal.objects.get_or_create(id=item.goal, defaults={"title": item.goal, "period": period})
        KeyResult.objects.create(id=item.id, goal=goal, title=item.id, metric=item.binding)


def run_refresh(metrics_file: Path, bound: list[Bound]) -> dict[str, dict[date, float]]:
    from lodestar.goals.models import Measurement
    from lodestar.metrics.refresh import refresh

    refresh(as_of=AS_OF, definitions_path=metrics_file)
    stored: dict[str, dict[date, float]] = {item.id: {} for item in bound}
    for measurement in Measurement.objects.all():
        stored[measurement.key_result_id][measurement.date] = measurement.value
    return stored


def run_hand_written(metrics_file: Path, bound: list[Bound]) -> dict[str, dict[date, float]]:
    import duckdb

    folder = metrics_file.parent
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    for view, file in (
        ("leads", "leads"),
        ("spend", "campaign_spend"),
        ("touchpoints", "touchpoints"),
        ("orders", "orders"),
    ):
        connection.execute(f"CREATE VIEW {view} AS SELECT * FROM read_parquet('{folder / file}.parquet')")
    computed: dict[tuple[Any, ...], dict[date, float]] = {}
    results: dict[str, dict[date, float]] = {}
    for item in bound:
        if item.key not in computed:
            if item.start > AS_OF:
                computed[item.key] = {}
            else:
                cumulative = item.binding.get("window", "period_to_date") == "period_to_date"
                sql = hand_written_sql(item.binding["id"], window_for(item), cumulative=cumulative)
                computed[item.key] = dated(connection.execute(sql).fetchall(), item)
        results[item.id] = computed[item.key]
    connection.close()
    return results


def timed(
    function: Callable[[Path, list[Bound]], dict[str, dict[date, float]]], metrics_file: Path, bound: list[Bound]
) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function(metrics_file, bound)
    return time.perf_counter() - started, result


def compare(ours: dict[str, dict[date, float]], theirs: dict[str, dict[date, float]]) -> float:
    """Fail unless both sides give the same dates and values; return the largest relative difference."""
    largest = 0.0
    for key_result_id, hand in theirs.items():
        mine = ours[key_result_id]
        if sorted(mine) != sorted(hand):
            sys.exit(f"FAIL {key_result_id}: dates differ: refresh {sorted(mine)} vs hand-written {sorted(hand)}")
        for day, value in hand.items():
            if not math.isclose(mine[day], value, rel_tol=1e-12, abs_tol=0.0):
                sys.exit(f"FAIL {key_result_id} {day}: refresh {mine[day]!r} vs hand-written {value!r}")
            if value:
                largest = max(largest, abs(mine[day] - value) / abs(value))
    return largest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--leads", type=int, default=10_000_000, help="leads in the extract (default 10,000,000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side (the best is kept)")
    args, _ = parser.parse_known_args()
    sys.path.insert(0, str(ROOT / "src"))
    bound = demo_bound_key_results()
    missing = sorted({item.binding["id"] for item in bound} - set(HAND_WRITTEN))
    if missing:
        sys.exit(f"FAIL: no hand-written SQL for the demo's metrics {', '.join(missing)}")
    metrics_file = prepare(args.leads)
    with tempfile.TemporaryDirectory() as folder:
        setup_database(Path(folder), bound)
        ours_times, theirs_times = [], []
        ours: dict[str, dict[date, float]] = {}
        theirs: dict[str, dict[date, float]] = {}
        for _ in range(args.repeat):
            elapsed, theirs = timed(run_hand_written, metrics_file, bound)
            theirs_times.append(elapsed)
            elapsed, ours = timed(run_refresh, metrics_file, bound)
            ours_times.append(elapsed)
        largest = compare(ours, theirs)
    measurements = sum(len(values) for values in ours.values())
    queries = len({item.key for item in bound if item.start <= AS_OF})
    ratio = min(ours_times) / min(theirs_times)
    print(
        f"leads: {args.leads:,}; the demo's bound key results: {len(bound)} "
        f"({queries} distinct bindings and periods started by {AS_OF}); measurements: {measurements}"
    )
    print(f"refresh (lodestar):      best {min(ours_times):.3f}s of {[round(t, 3) for t in ours_times]}")
    print(f"hand-written DuckDB SQL: best {min(theirs_times):.3f}s of {[round(t, 3) for t in theirs_times]}")
    print(
        f"ratio: {ratio:.2f}x (goal: at most {GOAL}x); same numbers (largest relative difference {largest:.1e}, allowed 1e-12)"
    )


if __name__ == "__main__":
    main()
