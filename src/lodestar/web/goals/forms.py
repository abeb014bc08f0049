"""Goal, key result, measurement and check-in form posts turned into documents in the model file's format,
for the same readers as the import (see `lodestar.web.form_values`). Empty optional fields are left out.
"""

from __future__ import annotations

from typing import Any

from django.http import QueryDict

from lodestar.web.form_values import integer, number, text

MAX_PARENTS = 12


def goal_document(data: QueryDict, *, with_id: bool) -> dict[str, Any]:
    """A goal from the goal form; blank optional fields become None (removed on update)."""
    document: dict[str, Any] = {}
    if with_id:
        document["id"] = text(data, "id")
    for key in ("title", "owner", "period"):
        value = text(data, key)
        document[key] = value if value else None
    document["description"] = text(data, "description") or None
    document["tasks"] = [task for task in data.getlist("tasks") if task]
    document["contributes_to"] = parents(data)
    if with_id:
        document = {key: value for key, value in document.items() if value is not None}
    return document


def parents(data: QueryDict) -> list[dict[str, Any]]:
    """The parent goals and weights of the align rows (`parent-N`, `weight-N`), blank rows skipped."""
    result = []
    for index in range(MAX_PARENTS):
        goal = text(data, f"parent-{index}")
        if not goal:
            continue
        row: dict[str, Any] = {"goal": goal}
        weight = text(data, f"weight-{index}")
        if weight:
            row["weight"] = number(weight)
        result.append(row)
    return result


def key_result_document(data: QueryDict, *, with_id: bool) -> dict[str, Any]:
    document: dict[str, Any] = {}
    if with_id:
        document["id"] = text(data, "id")
    document["title"] = text(data, "title") or None
    document["unit"] = text(data, "unit") or None
    for key in ("baseline", "target", "weight"):
        value = text(data, key)
        document[key] = number(value) if value else None
    direction = text(data, "direction")
    document["direction"] = direction or None
    low, high = text(data, "range_low"), text(data, "range_high")
    document["range"] = [number(low), number(high)] if low or high else None
    document["metric"] = metric_binding(data)
    document["owner"] = text(data, "owner") or None
    if with_id:
        document = {key: value for key, value in document.items() if value is not None}
    return document


def metric_binding(data: QueryDict) -> Any:
    """The binding of the metric fields: a metric id alone, `{id, where?, window?, grain?}`, or None (unbound).

    The slice is written `dimension=value, dimension=value`; a part without `=` is passed on
    as text, which the binding reader refuses ("expected a mapping of dimension to a text value").
    """
    metric, where_text = text(data, "metric_id"), text(data, "metric_where")
    window, grain = text(data, "metric_window"), text(data, "metric_grain")
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


def where_of(written: str) -> Any:
    """`channel=web, business_unit=bu-pumps` as a mapping, or the text itself when a part has no `=`."""
    where: dict[str, str] = {}
    for part in written.split(","):
        name, separator, value = part.partition("=")
        if not part.strip():
            continue
        if not separator or not name.strip():
            return written
        where[name.strip()] = value.strip()
    return where


def where_text(binding: Any) -> str:
    """A stored binding's slice as the form shows it: `dimension=value, dimension=value`."""
    where = binding.get("where") if isinstance(binding, dict) else None
    if isinstance(where, dict):
        return ", ".join(f"{name}={value}" for name, value in where.items())
    return where if isinstance(where, str) else ""


def measurement_document(data: QueryDict) -> dict[str, Any]:
    document: dict[str, Any] = {"date": text(data, "date"), "value": number(text(data, "value"))}
    if text(data, "value") == "":
        document.pop("value")
    if text(data, "source"):
        document["source"] = text(data, "source")
    return document


def check_in_document(data: QueryDict) -> dict[str, Any]:
    document: dict[str, Any] = {"date": text(data, "date")}
    if text(data, "confidence"):
        document["confidence"] = integer(text(data, "confidence"))
    if text(data, "note"):
        document["note"] = text(data, "note")
    if text(data, "by"):
        document["by"] = text(data, "by")
    return document


def version(data: QueryDict) -> Any:
    return integer(text(data, "version")) if text(data, "version") else None
