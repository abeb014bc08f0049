"""Texts of the pure layers that pages and reports say in the reader's language, and the CLI in English.

A pure rule cannot translate (it imports no Django), so it hands out a `Wording`: the English text
with `%(name)s` placeholders, which is also its msgid in the catalogs, and the values to put in.
`english()` is what the CLI and the API print; `lodestar.i18n.words.say` is what a page shows.
`gettext_noop` marks a text for `makemessages` and returns it unchanged, as Django's does;
`Wording.ngettext` marks a text with a plural form the same way (makemessages knows the name).
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
    """A code of one of the closed vocabularies (`vision_question`, …): a page says its word in the reader's language.

    English says `english`, or the code itself where the CLI has always printed the code.
    """

    vocabulary: str
    code: str
    english: str = ""


@dataclass(frozen=True, slots=True)
class Listing:
    """Several texts said one after the other, `, ` between them."""

    items: tuple[Wording, ...]


Value = str | int | date | Share | Term | Listing


def english_value(value: Value) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Share):
        return f"{value.value:.0%}"
    if isinstance(value, Term):
        return value.english or value.code
    if isinstance(value, Listing):
        return ", ".join(item.english() for item in value.items)
    return str(value)


@dataclass(frozen=True, slots=True)
class Wording:
    text: str  # English, with %(name)s placeholders; the msgid of its translations
    values: tuple[tuple[str, Value], ...] = ()
    plural: str | None = None  # the English plural form, for `count` other than one
    count: int = 1

    @classmethod
    def of(cls, text: str, **values: Value) -> Wording:
        return cls(text, tuple(values.items()))

    @classmethod
    def ngettext(cls, singular: str, plural: str, count: int, **values: Value) -> Wording:
        """A text that says `singular` of one and `plural` of any other `count` (in `values` as `count`)."""
        return cls(singular, tuple({"count": count, **values}.items()), plural, count)

    def english(self) -> str:
        text = self.plural if self.plural is not None and self.count != 1 else self.text
        return text % {name: english_value(value) for name, value in self.values} if self.values else text


def english(sentences: tuple[Wording, ...]) -> str:
    """Sentences in English, one space between them."""
    return " ".join(sentence.english() for sentence in sentences)
