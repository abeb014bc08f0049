"""Refresh of bound key results over a generated extract, against hand-written DuckDB SQL.

Generates (once, cached under benchmarks/.data/) a demo warehouse extract of N leads, binds
nine key results to the demo metrics in a scratch SQLite database, and times
`lodestar.metrics.refresh.refresh` (load and check the metrics file, compile, query, write)
against hand-written DuckDB SQL that computes the same numbers over the same Parquet files.
Both run in this process; the best of --repeat runs is kept. The script fails if any number
differs (beyond 1e-12 relative, the noise of parallel floating-point sums), not on time.

Run: .venv/bin/python benchmarks/bench_metrics.py [--leads 10000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / ".data"
TODAY = date(2026, 5, 15)
AS_OF = date(2026, 5, 14)
PERIOD = (date(2026, 1, 1), date(2026, 12, 31))
GOAL = 1.3

BINDINGS: dict[str, Any] = {
    "mqls": "mqls",
    "web-mqls": {"id": "mqls", "where": {"channel": "web"}},
    "sql-conversion": {"id": "mql_to_sql_rate", "grain": "quarter"},
    "cost-per-lead": "cost_per_mql",
    "pumps-won-revenue": {"id": "won_revenue", "window": "bucket", "where": {"business_unit": "bu-pumps"}},
    "lead-response-time": "lead_response_hours",
    "weekly-sqls": {"id": "sqls", "window": "bucket", "grain": "week"},
    "nurtured-share": "nurtured_share",
    "win-rate": {"id": "win_rate", "grain": "quarter"},
}

P = f"TIMESTAMP '{PERIOD[0]} 00:00:00'"
END = f"TIMESTAMP '{AS_OF + timedelta(days=1)} 00:00:00'"
LEADS = "NOT is_test"


def first_seen_sql(grain: str, time: str, conditions: dict[str, str], where: str = "") -> str:
    """Distinct leads to date: each lead counts once, in the bucket where it first qualifies."""
    firsts = ", ".join(f"min({time}) FILTER (WHERE {condition}) AS {name}" for name, condition in conditions.items())
    unions = " UNION ALL ".join(
        f"SELECT date_trunc('{grain}', {name}) AS bucket, "
        + ", ".join(f"{1 if other == name else 0} AS {other}" for other in conditions)
        + f" FROM firsts WHERE {name} IS NOT NULL"
        for name in conditions
    )
    sums = ", ".join(f"sum({name}) AS {name}" for name in conditions)
    return f"""
        WITH firsts AS (
          SELECT {firsts} FROM leads
          WHERE {LEADS} AND {time} IS NOT NULL AND {time} >= {P} AND {time} < {END} {where}
          GROUP BY lead_id),
        per_bucket AS (SELECT bucket, {sums} FROM ({unions}) AS counted GROUP BY bucket)"""


HAND_WRITTEN: dict[str, str] = {
    "mqls": first_seen_sql("month", "mql_at", {"mqls": "TRUE"})
    + " SELECT bucket::DATE, sum(mqls) OVER (ORDER BY bucket) FROM per_bucket",
    "web-mqls": first_seen_sql("month", "mql_at", {"mqls": "TRUE"}, "AND lower(channel) = 'web'")
    + " SELECT bucket::DATE, sum(mqls) OVER (ORDER BY bucket) FROM per_bucket",
    "sql-conversion": first_seen_sql("quarter", "mql_at", {"mqls": "TRUE", "sqls": "sql_at IS NOT NULL"})
    + " SELECT bucket::DATE, sum(sqls) OVER w / NULLIF(sum(mqls) OVER w, 0) * 100 FROM per_bucket"
    " WINDOW w AS (ORDER BY bucket)",
    "cost-per-lead": first_seen_sql("month", "mql_at", {"mqls": "TRUE"})
    + f""",
        spent AS (
          SELECT date_trunc('month', spend_date) AS bucket, sum(amount) AS amount FROM spend
          WHERE spend_date >= DATE '{PERIOD[0]}' AND spend_date < DATE '{AS_OF + timedelta(days=1)}' GROUP BY 1),
        joined AS (
          SELECT coalesce(spent.bucket::DATE, per_bucket.bucket::DATE) AS bucket,
                 coalesce(spent.amount, 0) AS amount, coalesce(per_bucket.mqls, 0) AS mqls
          FROM spent FULL OUTER JOIN per_bucket ON spent.bucket::DATE = per_bucket.bucket::DATE)
        SELECT bucket, sum(amount) OVER w / NULLIF(sum(mqls) OVER w, 0) FROM joined WINDOW w AS (ORDER BY bucket)""",
    "pumps-won-revenue": f"""
        SELECT date_trunc('month', won_at)::DATE, sum(won_amount) FROM leads
        WHERE {LEADS} AND won_at IS NOT NULL AND business_unit = 'bu-pumps'
          AND won_at >= {P} AND won_at < TIMESTAMP '2026-05-01 00:00:00' GROUP BY 1""",
    "lead-response-time": f"""
        SELECT bucket::DATE, sum(total) OVER w / NULLIF(sum(answered) OVER w, 0) FROM (
          SELECT date_trunc('month', mql_at) AS bucket, sum(first_response_hours) AS total,
                 count(first_response_hours) AS answered
          FROM leads WHERE {LEADS} AND mql_at IS NOT NULL AND mql_at >= {P} AND mql_at < {END} GROUP BY 1) AS monthly
        WINDOW w AS (ORDER BY bucket)""",
    "weekly-sqls": f"""
        SELECT date_trunc('week', sql_at)::DATE, count(DISTINCT lead_id) FROM leads
        WHERE {LEADS} AND sql_at IS NOT NULL
          AND sql_at >= TIMESTAMP '2025-12-29 00:00:00' AND sql_at < TIMESTAMP '2026-05-11 00:00:00' GROUP BY 1""",
    "nurtured-share": first_seen_sql("month", "mql_at", {"mqls": "TRUE", "nurtured": "nurtured"})
    + " SELECT bucket::DATE, sum(nurtured) OVER w / NULLIF(sum(mqls) OVER w, 0) * 100 FROM per_bucket"
    " WINDOW w AS (ORDER BY bucket)",
    "win-rate": first_seen_sql("quarter", "sql_at", {"sqls": "TRUE", "won": "won_at IS NOT NULL"})
    + " SELECT bucket::DATE, sum(won) OVER w / NULLIF(sum(sqls) OVER w, 0) * 100 FROM per_bucket"
    " WINDOW w AS (ORDER BY bucket)",
}


def bucket_dates(rows: list[tuple[date, Any]], *, grain: str, window: str) -> dict[date, float]:
    """Date each hand-written bucket value as the spec says: bucket's last day, or as_of for the open bucket."""
    result: dict[date, float] = {}
    for bucket, value in rows:
        if grain == "week":
            last = bucket + timedelta(days=6)
        else:
            months = 1 if grain == "month" else 3
            index = bucket.year * 12 + bucket.month - 1 + months
            last = date(index // 12, index % 12 + 1, 1) - timedelta(days=1)
        if last <= AS_OF and last >= PERIOD[0]:
            result[last] = float(value)
        elif window == "period_to_date" and bucket <= AS_OF < last:
            result[AS_OF] = float(value)
    return result


def prepare(leads: int) -> Path:
    """Generate (or reuse) the extract and its metrics file; return the metrics file."""
    from lodestar.metrics.demo_warehouse import demo_metrics_text, generate

    directory = DATA / f"extract-{leads}"
    marker = directory / "complete"
    if not marker.exists():
        print(f"generating an extract of {leads:,} leads in {directory} ...", flush=True)
        started = time.perf_counter()
        generate(directory=directory, today=TODAY, leads=leads, events_per_lead=0.2)
        marker.write_text("ok\n")
        print(f"  generated in {time.perf_counter() - started:.1f}s", flush=True)
    path = directory / "metrics.yaml"
    path.write_text(demo_metrics_text(), encoding="utf-8")
    return path


def setup_database(folder: Path) -> None:
    os.environ["LODESTAR_DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from lodestar.goals.models import Goal, KeyResult, Period

    period = Period.objects.create(id="fy2026", start=PERIOD[0], end=PERIOD[1])
    goal = Goal.objects.create(id="grow", title="Grow qualified demand", period=period)
    for key_result_id, binding in BINDINGS.items():
        KeyResult.objects.create(id=key_result_id, goal=goal, title=key_result_id, metric=binding)


def run_refresh(metrics_file: Path) -> dict[str, dict[date, float]]:
    from lodestar.goals.models import Measurement
    from lodestar.metrics.refresh import refresh

    refresh(as_of=AS_OF, definitions_path=metrics_file)
    stored: dict[str, dict[date, float]] = {key_result_id: {} for key_result_id in BINDINGS}
    for measurement in Measurement.objects.all():
        stored[measurement.key_result_id][measurement.date] = measurement.value
    return stored


def run_hand_written(metrics_file: Path) -> dict[str, dict[date, float]]:
    import duckdb

    folder = metrics_file.parent
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    for view, file in (("leads", "leads"), ("spend", "campaign_spend")):
        connection.execute(f"CREATE VIEW {view} AS SELECT * FROM read_parquet('{folder / file}.parquet')")
    results: dict[str, dict[date, float]] = {}
    for key_result_id, sql in HAND_WRITTEN.items():
        binding = BINDINGS[key_result_id]
        grain = binding.get("grain", "month") if isinstance(binding, dict) else "month"
        window = binding.get("window", "period_to_date") if isinstance(binding, dict) else "period_to_date"
        rows = connection.execute(sql).fetchall()
        results[key_result_id] = bucket_dates(sorted(rows), grain=grain, window=window)
    connection.close()
    return results


def timed(function: Callable[[Path], dict[str, dict[date, float]]], metrics_file: Path) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function(metrics_file)
    return time.perf_counter() - started, result


def compare(ours: dict[str, dict[date, float]], theirs: dict[str, dict[date, float]]) -> float:
    """Fail unless both sides give the same dates and values; return the largest relative difference."""
    largest = 0.0
    for key_result_id in BINDINGS:
        mine, hand = ours[key_result_id], theirs[key_result_id]
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
    metrics_file = prepare(args.leads)
    with tempfile.TemporaryDirectory() as folder:
        setup_database(Path(folder))
        ours_times, theirs_times = [], []
        ours: dict[str, dict[date, float]] = {}
        theirs: dict[str, dict[date, float]] = {}
        for _ in range(args.repeat):
            elapsed, theirs = timed(run_hand_written, metrics_file)
            theirs_times.append(elapsed)
            elapsed, ours = timed(run_refresh, metrics_file)
            ours_times.append(elapsed)
        largest = compare(ours, theirs)
    measurements = sum(len(values) for values in ours.values())
    ratio = min(ours_times) / min(theirs_times)
    print(f"leads: {args.leads:,}; key results: {len(BINDINGS)}; measurements: {measurements}")
    print(f"refresh (lodestar):      best {min(ours_times):.3f}s of {[round(t, 3) for t in ours_times]}")
    print(f"hand-written DuckDB SQL: best {min(theirs_times):.3f}s of {[round(t, 3) for t in theirs_times]}")
    print(
        f"ratio: {ratio:.2f}x (goal: at most {GOAL}x); same numbers (largest relative difference {largest:.1e}, allowed 1e-12)"
    )


if __name__ == "__main__":
    main()
