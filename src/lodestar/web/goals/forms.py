"""Goal, key result, measurement and check-in form posts turned into documents in the model file's format,
for the same readers as the import (see `lodestar.web.form_values`). Empty optional fields are left out.
"""

from __future__ import annotations

from typing import Any

from django.http import QueryDict

from lodestar.web.form_values import integer, number, text

MAX_PARENTS = 12
CHECK_IN_FIELDS = ("date", "value", "confidence", "note", "by")


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
    """The parent goals and weights of the align rows (`parent-N`, `weight-N`), blank rows skipped.

    `proposed-N` names the parent of a link that is still proposed; it keeps that link
    proposed while the row still points to that parent, so saving the form accepts nothing.
    """
    result = []
    for index in range(MAX_PARENTS):
        goal = text(data, f"parent-{index}")
        if not goal:
            continue
        row: dict[str, Any] = {"goal": goal}
        weight = text(data, f"weight-{index}")
        if weight:
            row["weight"] = number(weight)
        if text(data, f"proposed-{index}") == goal:
            row["proposed"] = True
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


def measurement_changes(data: QueryDict) -> dict[str, Any]:
    """A correction from the measurement form: date, value and source (blank: no source)."""
    document: dict[str, Any] = {"date": text(data, "date"), "value": number(text(data, "value"))}
    if text(data, "value") == "":
        document["value"] = None
    document["source"] = text(data, "source") or None
    return document


def check_in_document(data: QueryDict) -> dict[str, Any]:
    """A check-in from the check-in form: the value (when typed), confidence, note; the date only when another day is given."""
    document: dict[str, Any] = {}
    for key in CHECK_IN_FIELDS:
        if text(data, key):
            document[key] = text(data, key)
    if "value" in document:
        document["value"] = number(document["value"])
    if "confidence" in document:
        document["confidence"] = integer(document["confidence"])
    return document


def typed(data: QueryDict, *names: str) -> dict[str, str]:
    """The fields as typed, to show them again when a post is refused."""
    return {name: text(data, name) for name in names if text(data, name)}


def replace(data: QueryDict) -> tuple[bool, Any]:
    """Whether the Replace button was pressed, and the version of the value it replaces."""
    return text(data, "replace") == "1", integer(text(data, "replacing_version")) if text(
        data, "replacing_version"
    ) else None


def version(data: QueryDict) -> Any:
    return integer(text(data, "version")) if text(data, "version") else None
