"""Form posts turned into documents in the model file's format, for the same readers as the import.

Fields come in as text. Numbers that parse become numbers; anything else is passed on as
text so that the reader reports it ("expected a number, got the text 'abc'") exactly as the
import would. Empty optional fields are left out.
"""

from __future__ import annotations

import math
from typing import Any

from django.http import QueryDict

MAX_PARENTS = 12


def _number(text: str) -> Any:
    text = text.strip()
    try:
        value = float(text)
    except ValueError:
        return text
    if math.isfinite(value) and value.is_integer() and text.lstrip("+-").isdigit():
        return int(value)
    return value


def _integer(text: str) -> Any:
    try:
        return int(text.strip())
    except ValueError:
        return text


def _text(data: QueryDict, name: str) -> str:
    return data.get(name, "").strip()


def goal_document(data: QueryDict, *, with_id: bool) -> dict[str, Any]:
    """A goal from the goal form; blank optional fields become None (removed on update)."""
    document: dict[str, Any] = {}
    if with_id:
        document["id"] = _text(data, "id")
    for key in ("title", "owner", "period"):
        value = _text(data, key)
        document[key] = value if value else None
    document["description"] = _text(data, "description") or None
    document["tasks"] = [task for task in data.getlist("tasks") if task]
    document["contributes_to"] = parents(data)
    if with_id:
        document = {key: value for key, value in document.items() if value is not None}
    return document


def parents(data: QueryDict) -> list[dict[str, Any]]:
    """The parent goals and weights of the align rows (`parent-N`, `weight-N`), blank rows skipped."""
    result = []
    for index in range(MAX_PARENTS):
        goal = _text(data, f"parent-{index}")
        if not goal:
            continue
        row: dict[str, Any] = {"goal": goal}
        weight = _text(data, f"weight-{index}")
        if weight:
            row["weight"] = _number(weight)
        result.append(row)
    return result


def key_result_document(data: QueryDict, *, with_id: bool) -> dict[str, Any]:
    document: dict[str, Any] = {}
    if with_id:
        document["id"] = _text(data, "id")
    document["title"] = _text(data, "title") or None
    document["unit"] = _text(data, "unit") or None
    for key in ("baseline", "target", "weight"):
        value = _text(data, key)
        document[key] = _number(value) if value else None
    direction = _text(data, "direction")
    document["direction"] = direction or None
    low, high = _text(data, "range_low"), _text(data, "range_high")
    document["range"] = [_number(low), _number(high)] if low or high else None
    document["metric"] = metric_binding(data)
    if with_id:
        document = {key: value for key, value in document.items() if value is not None}
    return document


def metric_binding(data: QueryDict) -> Any:
    """The binding of the metric fields: a metric id alone, `{id, where?, window?, grain?}`, or None (unbound).

    The slice is written `dimension=value, dimension=value`; a part without `=` is passed on
    as text, which the binding reader refuses ("expected a mapping of dimension to a text value").
    """
    metric, where_text = _text(data, "metric_id"), _text(data, "metric_where")
    window, grain = _text(data, "metric_window"), _text(data, "metric_grain")
    if not (metric or where_text or window or grain):
        return None
    if not (where_text or window or grain):
        return metric
    binding: dict[str, Any] = {"id": metric} if metric else {}
    if where_text:
        binding["where"] = where_of(where_text)
    if window:
        binding["window"] = window
    if grain:
        binding["grain"] = grain
    return binding


def where_of(text: str) -> Any:
    """`channel=web, business_unit=bu-pumps` as a mapping, or the text itself when a part has no `=`."""
    where: dict[str, str] = {}
    for part in text.split(","):
        name, separator, value = part.partition("=")
        if not part.strip():
            continue
        if not separator or not name.strip():
            return text
        where[name.strip()] = value.strip()
    return where


def where_text(binding: Any) -> str:
    """A stored binding's slice as the form shows it: `dimension=value, dimension=value`."""
    where = binding.get("where") if isinstance(binding, dict) else None
    if isinstance(where, dict):
        return ", ".join(f"{name}={value}" for name, value in where.items())
    return where if isinstance(where, str) else ""


def measurement_document(data: QueryDict) -> dict[str, Any]:
    document: dict[str, Any] = {"date": _text(data, "date"), "value": _number(_text(data, "value"))}
    if _text(data, "value") == "":
        document.pop("value")
    if _text(data, "source"):
        document["source"] = _text(data, "source")
    return document


def check_in_document(data: QueryDict) -> dict[str, Any]:
    document: dict[str, Any] = {"date": _text(data, "date")}
    if _text(data, "confidence"):
        document["confidence"] = _integer(_text(data, "confidence"))
    if _text(data, "note"):
        document["note"] = _text(data, "note")
    return document


def version(data: QueryDict) -> Any:
    return _integer(_text(data, "version")) if _text(data, "version") else None
