"""Read rows with a plain cursor: the loader's way in, since the ORM's per-row work is the cost there."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.db import connection, models


def _json_value(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _converter(field: Any) -> Callable[[Any], Any] | None:
    """How a raw database value of `field` becomes a Python value (None: as it comes).

    Both database connections already turn dates and booleans into Python values (Django's
    SQLite connection declares converters for those column types); JSON arrives as text,
    because Django decodes it itself on the ORM's way.
    """
    return _json_value if isinstance(field, models.JSONField) else None


def select_rows(model: Any, *fields: str, order: tuple[str, ...] = ("ordinal",)) -> list[tuple[Any, ...]]:
    """The columns of every row, in order; a plain cursor, since the ORM's per-row work is the cost here."""
    meta = model._meta
    quote = connection.ops.quote_name
    columns = [meta.get_field(name.removesuffix("_id")) for name in fields]
    sql = "SELECT {} FROM {} ORDER BY {}".format(
        ", ".join(quote(field.column) for field in columns),
        quote(meta.db_table),
        ", ".join(quote(meta.get_field(name.removesuffix("_id")).column) for name in order),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
    converters = [(index, convert) for index, field in enumerate(columns) if (convert := _converter(field))]
    if not converters or not rows:
        return rows
    converted = []
    for row in rows:
        values = list(row)
        for index, convert in converters:
            values[index] = convert(values[index])
        converted.append(tuple(values))
    return converted
