"""Texts of the pure layers that pages and reports say in the reader's language, and the CLI in English.

A pure rule cannot translate (it imports no Django), so it hands out a `Wording`: the English text
with `%(name)s` placeholders, which is also its msgid in the catalogs, and the values to put in.
`english()` is what the CLI and the API print; `lodestar.i18n.words.say` is what a page shows.
`gettext_noop` marks a text for `makemessages` and returns it unchanged, as Django's does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


def gettext_noop(text: str) -> str:
    """`text` unchanged; the name is what makes `makemessages` gather it into the catalogs."""
    return text


@dataclass(frozen=True, slots=True)
class Share:
    """A share in [0, 1], said as a whole percent."""

    value: float


@dataclass(frozen=True, slots=True)
class Term:
    """A code of one of the closed vocabularies (`vision_question`, …): English says the code, a page its word."""

    vocabulary: str
    code: str


Value = str | int | date | Share | Term


def english_value(value: Value) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Share):
        return f"{value.value:.0%}"
    if isinstance(value, Term):
        return value.code
    return str(value)


@dataclass(frozen=True, slots=True)
class Wording:
    text: str  # English, with %(name)s placeholders; the msgid of its translations
    values: tuple[tuple[str, Value], ...] = ()

    @classmethod
    def of(cls, text: str, **values: Value) -> Wording:
        return cls(text, tuple(values.items()))

    def english(self) -> str:
        return self.text % {name: english_value(value) for name, value in self.values} if self.values else self.text
