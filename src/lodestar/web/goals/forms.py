"""Goal, key result, measurement and check-in form posts turned into documents in the model file's format,
for the same readers as the import (see `lodestar.web.form_values`). Empty optional fields are left out.
"""

from __future__ import annotations

from typing import Any

from django.http import QueryDict

from lodestar.lib.vocabulary import MILESTONE_RANGE
from lodestar.web.form_values import integer, number, text

MAX_PARENTS = 12
# The goal form's rows of key results: how many it reads, and the fields of each.
MAX_KEY_RESULT_ROWS = 20
KEY_RESULT_ROW_FIELDS = ("title", "id", "unit", "baseline", "target", "owner", "milestone")
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
        document["key_results"] = key_result_rows(data) or None
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


def key_result_document(data: QueryDict, *, with_id: bool, prefix: str = "") -> dict[str, Any]:
    """A key result from the key result form, or from a row of the goal form (its fields named `prefix` + name).

    A ticked `milestone` makes it a milestone (`vocabulary.MILESTONE_RANGE`); its unit, baseline,
    target, direction and range fields are then left out.
    """

    def field(name: str) -> str:
        return text(data, prefix + name)

    document: dict[str, Any] = {}
    if with_id:
        document["id"] = field("id")
    document["title"] = field("title") or None
    document["unit"] = field("unit") or None
    for key in ("baseline", "target", "weight"):
        value = field(key)
        document[key] = number(value) if value else None
    direction = field("direction")
    document["direction"] = direction or None
    low, high = field("range_low"), field("range_high")
    document["range"] = [number(low), number(high)] if low or high else None
    if field("milestone"):
        document.update(unit=None, baseline=None, target=None, direction="range", range=list(MILESTONE_RANGE))
    document["metric"] = metric_binding(data) if not prefix else None
    document["owner"] = field("owner") or None
    if with_id:
        document = {key: value for key, value in document.items() if value is not None}
    return document


def key_result_rows(data: QueryDict) -> list[dict[str, Any]]:
    """The key results of the goal form's rows (`kr-N-title`, `kr-N-id`, …), in order; blank rows skipped."""
    rows = []
    for index in range(MAX_KEY_RESULT_ROWS):
        prefix = f"kr-{index}-"
        if any(text(data, prefix + name) for name in KEY_RESULT_ROW_FIELDS):
            rows.append(key_result_document(data, with_id=True, prefix=prefix))
    return rows


def is_milestone(document: Any) -> bool:
    """Whether a key result document is a milestone, as the form's checkbox shows it."""
    return (
        type(document) is dict
        and document.get("direction") == "range"
        and document.get("range") == list(MILESTONE_RANGE)
    )


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
