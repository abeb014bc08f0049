"""Ids proposed from titles: what a form fills in while a title is typed, and what a create uses without an id.

"Qualifizierte Leads über das Web" becomes `qualifizierte-leads-ueber-das-web`: lower case, German
umlauts and ß spelled out, other accents dropped, every run of other characters one `-`, at most
ID_MAX characters (cut at a word where that keeps half of it). A taken id gets the first free
`-2`, `-3`, … instead. Every proposal is a valid id (`vocabulary.ID_PATTERN`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from itertools import count

from lodestar.lib.vocabulary import ID_MAX

# Letters that lose their meaning when their accent is dropped, spelled out as German and the
# Nordic languages write them without it (casefolding already turns ß into "ss").
SPELLED_OUT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "æ": "ae", "ø": "oe", "œ": "oe", "ð": "d", "þ": "th", "ł": "l", "đ": "d"}
)
# Every proposal for one title starts with this many characters of its stem (or the whole stem),
# so that a caller need only look at the ids that do.
PREFIX_LENGTH = 32


def id_stem(title: str) -> str:
    """The id a title reads as, before any suffix; empty when it has no letter or digit of the Latin alphabet."""
    text = title.casefold().translate(SPELLED_OUT)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) <= ID_MAX:
        return text
    cut = text[:ID_MAX]
    if text[ID_MAX] != "-" and cut.rfind("-") >= ID_MAX // 2:
        cut = cut[: cut.rfind("-")]
    return cut.strip("-")


def proposal_prefix(title: str, *, fallback: str) -> str:
    """What every id `propose_id` may return for `title` starts with."""
    return (id_stem(title) or fallback)[:PREFIX_LENGTH]


def propose_id(title: str, taken: Container[str], *, fallback: str) -> str:
    """An id for `title` that is not in `taken`; `fallback` (a valid id) stands in for a title without letters."""
    stem = id_stem(title) or fallback
    if stem not in taken:
        return stem
    for number in count(2):
        suffix = f"-{number}"
        candidate = stem[: ID_MAX - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable: count() does not end")
