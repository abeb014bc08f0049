"""The demo organization: the model file `altwerk.yaml`, placed around the day it is loaded.

The file is written as of `REFERENCE_DATE`. `demo_document(today)` moves it to the calendar
year of `today` (fiscal year and quarters are that year's, the mission was adopted the year
before, and so on) and measures its key results again up to `today` (see `progress`), so the
demo never goes stale. A survey round open on the reference date moves by days instead of whole
years, so that it is open on `today` and its responses so far lie before it. On the reference date
itself it is the file exactly as written.
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from importlib.resources import files
from typing import Any

from lodestar.demo.progress import progressed
from lodestar.modelfile.yaml_io import parse_yaml

MODEL_FILE = "altwerk.yaml"
REFERENCE_DATE = datetime.date(2026, 12, 1)

_DATE_KEYS = frozenset({"date", "start", "end", "adopted", "opens", "closes"})
# A year written in an id or a text: fy2026, q1-2026, "adopted in November 2025".
_YEAR = re.compile(r"(?<![0-9])20[0-9]{2}(?![0-9])")


def demo_document(today: datetime.date) -> dict[str, Any]:
    """Return the demo organization as a model file of format 1, dated relative to `today`."""
    years = today.year - REFERENCE_DATE.year
    document = moved(_written_document(), years=years)
    return progressed(kept_open(document, reference=_moved_day(REFERENCE_DATE, years), today=today), today)


def kept_open(document: dict[str, Any], *, reference: datetime.date, today: datetime.date) -> dict[str, Any]:
    """The document with each survey round that is open on `reference` moved by the days from it to `today`.

    Moved by whole years, a round open on 1 December would be closed or not yet open on most days of
    the year; moved by days, it is open on `today`, and its responses so far lie on or before it.
    """
    shift = today - reference
    surveys = []
    for survey in document.get("surveys", []):
        if not survey["opens"] <= reference <= survey["closes"]:
            surveys.append(survey)
            continue
        kept = {**survey, "opens": survey["opens"] + shift, "closes": survey["closes"] + shift}
        if "responses" in survey:
            kept["responses"] = [{**response, "date": response["date"] + shift} for response in survey["responses"]]
        surveys.append(kept)
    return {**document, "surveys": surveys} if "surveys" in document else document


@functools.cache
def _written_document() -> Any:
    return parse_yaml(files("lodestar.demo").joinpath(MODEL_FILE).read_text(encoding="utf-8"))


def moved(value: Any, *, years: int, key: str | None = None) -> Any:
    """A parsed model file with its dates (as date objects), horizons and written years moved by `years`.

    A month end stays a month end: 28 February moved into a leap year becomes the 29th.
    Everything is copied: the result shares no mapping, list or date with the parsed file.
    """
    if isinstance(value, dict):
        return {name: moved(item, years=years, key=name) for name, item in value.items()}
    if isinstance(value, list):
        return [moved(item, years=years) for item in value]
    if key in _DATE_KEYS and isinstance(value, str):
        return _moved_day(datetime.date.fromisoformat(value), years)
    if key == "horizon" and type(value) is int:
        return value + years
    if isinstance(value, str):
        return _YEAR.sub(lambda year: str(int(year[0]) + years), value)
    return value


def _moved_day(day: datetime.date, years: int) -> datetime.date:
    year = day.year + years
    month_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return datetime.date(year, day.month, calendar.monthrange(year, day.month)[1] if month_end else day.day)
