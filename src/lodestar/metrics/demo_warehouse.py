"""A deterministic demo warehouse extract: leads, touchpoint events, campaign spend and orders.

The same seed, size and dates always give the same files. Values are drawn with numpy in
whole columns at a time, so ten million leads take seconds, not minutes. Business units and
teams use the demo organization's unit ids (`bu-pumps`, `sales-north`, ...), so key results
can be sliced with `where: {business_unit: bu-pumps}`.

The rates move over the generated range the way a marketing & sales organization hopes they
will: more MQLs become sales-qualified and more deals are won, leads are answered faster, more of
them come through nurturing journeys, discounts shrink and margins widen; the EcoFlow pump series
is launched halfway through. The demo organization's targets are set against these trends.

Run `python -m lodestar.metrics.demo_warehouse DIRECTORY [--leads N] [--today DATE]`.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from lodestar.lib import clock

BUSINESS_UNITS = ("bu-pumps", "bu-valves", "bu-service")
BUSINESS_UNIT_WEIGHTS = (0.5, 0.35, 0.15)
# Raw CRM channel labels are inconsistently cased, as they are in real CRMs; the metrics
# file's `lower(channel)` dimension folds them.
LEAD_CHANNELS = ("Web", "web", "Email", "Paid_Search", "Trade_Fair", "Field_Sales", "Referral", "Webshop")
LEAD_CHANNEL_WEIGHTS = (0.22, 0.08, 0.14, 0.16, 0.12, 0.14, 0.06, 0.08)
MQL_RATE = {
    "web": 0.30,
    "email": 0.26,
    "paid_search": 0.22,
    "trade_fair": 0.38,
    "field_sales": 0.45,
    "referral": 0.5,
    "webshop": 0.18,
}
# (value at the start of the generated range, change over the whole range)
SQL_RATE = (0.22, 0.12)
WIN_RATE = (0.26, 0.10)
NURTURED_RATE = (0.04, 0.30)
RESPONSE_HOURS_SCALE = (9.0, -5.0)
COST_SHARE = (0.69, -0.025)
DISCOUNT = (0.11, -0.03)
# The web shop's share of order lines; the other sales channels share the rest by their weights.
WEBSHOP_SHARE = (0.05, 0.06)
# EcoFlow pumps are sold from this share of the range on, at this share of the pump orders.
ECOFLOW_LAUNCH = 0.5
ECOFLOW_SHARE = 0.3
TEAMS = ("sales-north", "sales-south", "inside-sales", "kam")
TEAM_WEIGHTS = (0.3, 0.32, 0.28, 0.1)
EVENT_TYPES = ("web_session", "email_click", "download", "webinar_attendance", "trade_fair_contact", "webshop_session")
EVENT_WEIGHTS = (0.55, 0.15, 0.08, 0.04, 0.03, 0.15)
EVENT_CHANNELS = {
    "web_session": ("organic", "paid_search", "direct", "referral"),
    "email_click": ("email",),
    "download": ("organic", "email", "paid_search"),
    "webinar_attendance": ("email", "web"),
    "trade_fair_contact": ("trade_fair",),
    "webshop_session": ("webshop",),
}
SPEND_CHANNELS = {"web": 180.0, "email": 50.0, "paid_search": 280.0, "trade_fair": 520.0, "field_sales": 60.0}
SALES_CHANNELS = ("field_sales", "inside_sales", "webshop", "key_account")
SALES_CHANNEL_WEIGHTS = (0.5, 0.22, 0.0, 0.2)  # the web shop's share is WEBSHOP_SHARE
PRODUCT_LINES = {
    "bu-pumps": ("ecoflow", "centrifugal", "dosing"),
    "bu-valves": ("control", "shutoff", "actuators"),
    "bu-service": ("spare_parts", "field_service"),
}
LIST_PRICE_MEAN = {"bu-pumps": 4200.0, "bu-valves": 1800.0, "bu-service": 1400.0}
TABLES = ("leads", "touchpoints", "campaign_spend", "orders")
# The demo's history: last calendar year and this one, seen as of the demo's day.
DEMO_LEADS = 20_000
DEMO_EVENTS_PER_LEAD = 10.0
MICROSECONDS_PER_DAY = 86_400_000_000


@dataclass(frozen=True)
class Extract:
    """The files of a generated extract, keyed by table name, and what it covers."""

    files: dict[str, Path]
    start: date
    end: date
    leads: int
    metrics_file: Path | None = None


def _epoch_us(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1_000_000)


def _pick(rng: np.random.Generator, choices: tuple[str, ...], weights: tuple[float, ...], size: int) -> np.ndarray:
    probabilities = np.asarray(weights, dtype=float)
    return rng.choice(len(choices), size=size, p=probabilities / probabilities.sum())


def _labels(codes: np.ndarray, choices: tuple[str, ...]) -> pa.Array:
    return pa.DictionaryArray.from_arrays(pa.array(codes.astype(np.int32)), pa.array(list(choices))).cast(pa.string())


def _times(rng: np.random.Generator, size: int, start_us: int, end_us: int, growth: float = 0.4) -> np.ndarray:
    """Draw times in [start, end) whose density rises linearly by `growth` over the range."""
    uniform = rng.random(size)
    # Inverse CDF of the density 1 + growth * x on [0, 1].
    share = (np.sqrt(1 + growth * (2 + growth) * uniform) - 1) / growth if growth else uniform
    return start_us + (share * (end_us - start_us)).astype(np.int64)


def _trend(trend: tuple[float, float], position: np.ndarray) -> np.ndarray:
    """A parameter that moves linearly from its first value by its change over the range."""
    first, change = trend
    return first + change * position


def _position(times: np.ndarray, start_us: int, end_us: int) -> np.ndarray:
    """Where each time lies in the range, from 0 at its start to 1 at its end."""
    return (times - start_us) / max(end_us - start_us, 1)


def _timestamps(values: np.ndarray, valid: np.ndarray | None = None) -> pa.Array:
    mask = None if valid is None else ~valid
    return pa.array(values, type=pa.timestamp("us"), mask=mask)


def _money(values: np.ndarray, valid: np.ndarray | None = None) -> pa.Array:
    """Return amounts as exact DECIMAL(18, 2), as a warehouse holds money: sums do not depend on order."""
    cents = np.round(values * 100).astype(np.int64)
    mask = None if valid is None else ~valid
    whole = pa.array(cents, type=pa.int64(), mask=mask).cast(pa.decimal128(19, 0))
    return whole.view(pa.decimal128(19, 2)).cast(pa.decimal128(18, 2))


def _before(table: pa.Table, seen: np.ndarray) -> pa.Table:
    """Keep the rows that had happened by the extract's day."""
    return table if bool(seen.all()) else table.filter(pa.array(seen))


def _leads(rng: np.random.Generator, size: int, start_us: int, end_us: int, cut_us: int) -> pa.Table:
    created = _times(rng, size, start_us, end_us)
    position = _position(created, start_us, end_us)
    channel = _pick(rng, LEAD_CHANNELS, LEAD_CHANNEL_WEIGHTS, size)
    folded = tuple(label.lower() for label in LEAD_CHANNELS)
    mql_rate = np.asarray([MQL_RATE[label] for label in folded])[channel]
    day = MICROSECONDS_PER_DAY
    mql_at = created + (rng.exponential(4.0, size) * day).astype(np.int64)
    has_mql = (rng.random(size) < mql_rate) & (mql_at < cut_us)
    sql_at = mql_at + (rng.exponential(9.0, size) * day).astype(np.int64)
    has_sql = has_mql & (rng.random(size) < _trend(SQL_RATE, position)) & (sql_at < cut_us)
    won_at = sql_at + (rng.exponential(35.0, size) * day).astype(np.int64)
    has_won = has_sql & (rng.random(size) < _trend(WIN_RATE, position)) & (won_at < cut_us)
    unit = _pick(rng, BUSINESS_UNITS, BUSINESS_UNIT_WEIGHTS, size)
    won_amount = rng.lognormal(mean=9.6, sigma=0.8, size=size)
    response_hours = np.round(rng.gamma(1.6, 1.0, size) * _trend(RESPONSE_HOURS_SCALE, position), 1)
    team = _pick(rng, TEAMS, TEAM_WEIGHTS, size)
    nurtured = has_mql & (rng.random(size) < _trend(NURTURED_RATE, position))
    table = pa.table(
        {
            "lead_id": pa.array(np.arange(1, size + 1, dtype=np.int64)),
            "created_at": _timestamps(created),
            "mql_at": _timestamps(mql_at, has_mql),
            "sql_at": _timestamps(sql_at, has_sql),
            "won_at": _timestamps(won_at, has_won),
            "won_amount": _money(won_amount, has_won),
            "channel": _labels(channel, LEAD_CHANNELS),
            "business_unit": _labels(unit, BUSINESS_UNITS),
            "owner_team": _labels(team, TEAMS),
            "nurtured": pa.array(nurtured),
            "first_response_hours": pa.array(response_hours, mask=~has_mql),
            "is_test": pa.array(rng.random(size) < 0.01),
        }
    )
    return _before(table, created < cut_us)


def _touchpoints(rng: np.random.Generator, size: int, leads: int, start_us: int, end_us: int, cut_us: int) -> pa.Table:
    kind = _pick(rng, EVENT_TYPES, EVENT_WEIGHTS, size)
    channels = tuple(sorted({channel for options in EVENT_CHANNELS.values() for channel in options}))
    channel = np.empty(size, dtype=np.int64)
    for index, event_type in enumerate(EVENT_TYPES):
        chosen = kind == index
        options = np.asarray([channels.index(option) for option in EVENT_CHANNELS[event_type]])
        channel[chosen] = options[rng.integers(0, len(options), int(chosen.sum()))]
    known = rng.random(size) < 0.3
    occurred = _times(rng, size, start_us, end_us, growth=0.6)
    table = pa.table(
        {
            "event_id": pa.array(np.arange(1, size + 1, dtype=np.int64)),
            "occurred_at": _timestamps(occurred),
            "event_type": _labels(kind, EVENT_TYPES),
            "channel": _labels(channel, channels),
            "business_unit": _labels(_pick(rng, BUSINESS_UNITS, BUSINESS_UNIT_WEIGHTS, size), BUSINESS_UNITS),
            "lead_id": pa.array(rng.integers(1, max(leads, 1) + 1, size), mask=~known),
        }
    )
    return _before(table, occurred < cut_us)


def _spend(rng: np.random.Generator, start: date, end: date, cut: date, scale: float) -> pa.Table:
    days = (end - start).days
    channels = tuple(SPEND_CHANNELS)
    grid_day = np.repeat(np.arange(days), len(channels) * len(BUSINESS_UNITS))
    grid_channel = np.tile(np.repeat(np.arange(len(channels)), len(BUSINESS_UNITS)), days)
    grid_unit = np.tile(np.arange(len(BUSINESS_UNITS)), days * len(channels))
    base = np.asarray([SPEND_CHANNELS[name] for name in channels])[grid_channel]
    unit_share = np.asarray(BUSINESS_UNIT_WEIGHTS)[grid_unit] * 2
    amount = base * unit_share * scale * rng.gamma(4.0, 0.25, grid_day.size)
    spend_date = pa.array((np.datetime64(start, "D") + grid_day).astype("datetime64[D]"), type=pa.date32())
    campaign = np.char.add(np.char.add(np.asarray(channels)[grid_channel], "-"), np.asarray(BUSINESS_UNITS)[grid_unit])
    table = pa.table(
        {
            "spend_date": spend_date,
            "campaign_id": pa.array(campaign),
            "channel": _labels(grid_channel, channels),
            "business_unit": _labels(grid_unit, BUSINESS_UNITS),
            "amount": _money(amount),
        }
    )
    return _before(table, grid_day < (cut - start).days)


def _product_lines(
    rng: np.random.Generator, unit: np.ndarray, position: np.ndarray
) -> tuple[np.ndarray, tuple[str, ...]]:
    """Each order's product line (codes into the returned names); EcoFlow only after its launch."""
    lines = [(name, line) for name in BUSINESS_UNITS for line in PRODUCT_LINES[name]]
    codes = np.empty(unit.size, dtype=np.int64)
    for index, name in enumerate(BUSINESS_UNITS):
        chosen = unit == index
        options = np.asarray([lines.index((name, line)) for line in PRODUCT_LINES[name] if line != "ecoflow"])
        codes[chosen] = options[rng.integers(0, len(options), int(chosen.sum()))]
    pumps = unit == BUSINESS_UNITS.index("bu-pumps")
    launched = pumps & (position >= ECOFLOW_LAUNCH) & (rng.random(unit.size) < ECOFLOW_SHARE)
    codes[launched] = lines.index(("bu-pumps", "ecoflow"))
    return codes, tuple(line for _, line in lines)


def _sales_channels(rng: np.random.Generator, position: np.ndarray) -> np.ndarray:
    """Each order's sales channel (codes into SALES_CHANNELS); the web shop's share grows."""
    codes = _pick(rng, SALES_CHANNELS, SALES_CHANNEL_WEIGHTS, position.size)
    codes[rng.random(position.size) < _trend(WEBSHOP_SHARE, position)] = SALES_CHANNELS.index("webshop")
    return codes


def _orders(rng: np.random.Generator, size: int, start_us: int, end_us: int, cut_us: int) -> pa.Table:
    unit = _pick(rng, BUSINESS_UNITS, BUSINESS_UNIT_WEIGHTS, size)
    ordered = _times(rng, size, start_us, end_us, growth=0.2)
    position = _position(ordered, start_us, end_us)
    line_codes, line_names = _product_lines(rng, unit, position)
    list_price = np.round(
        np.asarray([LIST_PRICE_MEAN[u] for u in BUSINESS_UNITS])[unit] * rng.lognormal(0, 0.35, size), 2
    )
    # Dynamic pricing: discounts shrink over the range, so price realization improves.
    discount = np.clip(rng.normal(_trend(DISCOUNT, position), 0.04, size), 0.0, 0.35)
    realized_price = np.round(list_price * (1 - discount), 2)
    quantity = rng.integers(1, 12, size)
    cost = realized_price * quantity * np.clip(rng.normal(_trend(COST_SHARE, position), 0.05, size), 0.4, 0.95)
    table = pa.table(
        {
            "order_id": pa.array(np.arange(1, size + 1, dtype=np.int64)),
            "ordered_at": _timestamps(ordered),
            "business_unit": _labels(unit, BUSINESS_UNITS),
            "product_line": _labels(line_codes, line_names),
            "sales_channel": _labels(_sales_channels(rng, position), SALES_CHANNELS),
            "owner_team": _labels(_pick(rng, TEAMS, TEAM_WEIGHTS, size), TEAMS),
            "is_standard": pa.array(rng.random(size) < 0.7),
            "quantity": pa.array(quantity.astype(np.int32)),
            "list_price": _money(list_price),
            "realized_price": _money(realized_price),
            "list_amount": _money(list_price * quantity),
            "realized_amount": _money(realized_price * quantity),
            "cost_amount": _money(cost),
        }
    )
    return _before(table, ordered < cut_us)


def generate(
    *,
    directory: Path,
    today: date,
    leads: int = 20_000,
    start: date | None = None,
    until: date | None = None,
    seed: int = 20260101,
    file_format: str = "parquet",
    events_per_lead: float = 2.0,
) -> Extract:
    """Write the extract's four tables into `directory` for [start, today) and return their paths.

    `start` defaults to January 1 of the year before `today`. The rows are drawn for the range
    [start, until) (`until` defaults to `today`; sizes count that whole range) and cut at
    `today`: what happens later is left out. With the same `until`, an extract for an earlier
    `today` is therefore the same history as one for a later `today`, only seen sooner. Raises
    ValueError for a bad size, range or format.
    """
    if file_format not in ("parquet", "csv"):
        raise ValueError(f"unknown format {file_format!r} (parquet or csv)")
    if leads < 0:
        raise ValueError("leads must not be negative")
    first = start or date(today.year - 1, 1, 1)
    last = until or today
    if first >= today:
        raise ValueError("start must be before today")
    if last < today:
        raise ValueError("until must not be before today")
    directory.mkdir(parents=True, exist_ok=True)
    start_us, end_us, cut_us = _epoch_us(first), _epoch_us(last), _epoch_us(today)
    # One generator per table, each from the seed: a table does not change when another one's size does.
    streams = np.random.SeedSequence(seed).spawn(len(TABLES))
    generators = {name: np.random.default_rng(stream) for name, stream in zip(TABLES, streams, strict=True)}
    events = int(leads * events_per_lead)
    tables = {
        "leads": _leads(generators["leads"], leads, start_us, end_us, cut_us),
        "touchpoints": _touchpoints(generators["touchpoints"], events, leads, start_us, end_us, cut_us),
        "campaign_spend": _spend(generators["campaign_spend"], first, last, today, max(leads, 1) / 20_000),
        "orders": _orders(generators["orders"], max(leads // 2, 0), start_us, end_us, cut_us),
    }
    files: dict[str, Path] = {}
    for name, table in tables.items():
        path = directory / f"{name}.{file_format}"
        if file_format == "parquet":
            pq.write_table(table, path, row_group_size=1_000_000)
        else:
            pa_csv.write_csv(table, path)
        files[name] = path
    return Extract(files=files, start=first, end=today, leads=tables["leads"].num_rows)


def demo_metrics_text(*, file_format: str = "parquet") -> str:
    """Return the demo metrics file, naming the extract's files in the given format."""
    text = resources.files("lodestar.metrics").joinpath("demo_metrics.yaml").read_text(encoding="utf-8")
    return text.replace(".parquet", f".{file_format}")


def demo_extract(*, directory: Path, today: date, leads: int = DEMO_LEADS, file_format: str = "parquet") -> Extract:
    """Write the demo organization's extract and metrics file into `directory`.

    The history spans last calendar year and this one and is seen as of `today`, so the demo's
    figures for a day do not depend on the day the demo is run. Raises ValueError for a bad size
    or format and OSError when the directory cannot be written.
    """
    extract = generate(
        directory=directory,
        today=today,
        leads=leads,
        until=date(today.year + 1, 1, 1),
        file_format=file_format,
        events_per_lead=DEMO_EVENTS_PER_LEAD,
    )
    path = directory / "metrics.yaml"
    path.write_text(demo_metrics_text(file_format=file_format), encoding="utf-8")
    return replace(extract, metrics_file=path)


def write_demo(*, directory: Path, today: date, leads: int = DEMO_LEADS, file_format: str = "parquet") -> Path:
    """Write the demo extract and its metrics file into `directory`; return the metrics file's path."""
    demo_extract(directory=directory, today=today, leads=leads, file_format=file_format)
    return directory / "metrics.yaml"


def main(argv: list[str] | None = None) -> None:
    """Write a demo extract from the command line."""
    parser = argparse.ArgumentParser(description="Write Lodestar's deterministic demo warehouse extract.")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--leads", type=int, default=DEMO_LEADS, help="leads over the two years")
    parser.add_argument("--today", type=date.fromisoformat, default=clock.today())
    parser.add_argument("--format", dest="file_format", choices=("parquet", "csv"), default="parquet")
    args = parser.parse_args(argv)
    extract = demo_extract(directory=args.directory, today=args.today, leads=args.leads, file_format=args.file_format)
    print(
        f"wrote {extract.metrics_file} and its extract ({extract.leads} leads, up to {extract.end - timedelta(days=1)})"
    )


if __name__ == "__main__":
    main()
