"""The fields stored in several columns each: a range, a cadence, a closing, a role state.

Each is a `Column` with how the field is split into its columns and joined back (see `columns.py`).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from lodestar.lib.model import Cadence, Closing, RoleState
from lodestar.store.columns import Column, Row


def _range_columns(span: tuple[float, float] | None, people: Collection[str]) -> Row:
    return {"range_low": span[0] if span else None, "range_high": span[1] if span else None}


def _range(low: float | None, high: float) -> tuple[float, float] | None:
    return None if low is None else (low, high)


def cadence_columns(cadence: Cadence | None, people: Collection[str]) -> Row:
    return {
        "cadence_every": cadence.every if cadence else None,
        "cadence_day": str(cadence.day) if cadence else None,
    }


def _cadence(every: str | None, day: str | None) -> Cadence | None:
    if every is None or day is None:
        return None
    return Cadence(every=every, day=int(day) if every == "month" else day)


def _closing_columns(closing: Closing | None, people: Collection[str]) -> Row:
    return {
        "closed_date": closing.date if closing else None,
        "closed_score": closing.score if closing else None,
        "closed_note": closing.note if closing else None,
    }


def _closing(day: Any, score: float | None, note: str | None) -> Closing | None:
    return None if day is None or score is None else Closing(date=day, score=score, note=note)


def role_state(prefix: str) -> Column:
    def encode(state: RoleState, people: Collection[str]) -> Row:
        return {f"{prefix}_rights": state.decision_rights, f"{prefix}_alignment": state.sales_alignment}

    def decode(rights: dict[str, str] | None, alignment: str) -> RoleState:
        return RoleState(decision_rights=dict(rights or {}), sales_alignment=alignment)

    return Column(prefix, (f"{prefix}_rights", f"{prefix}_alignment"), encode, decode)


RANGE = Column("range", ("range_low", "range_high"), _range_columns, _range)
CADENCE = Column("cadence", ("cadence_every", "cadence_day"), cadence_columns, _cadence)
CLOSING = Column("closed", ("closed_date", "closed_score", "closed_note"), _closing_columns, _closing)
