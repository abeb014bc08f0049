"""What a German page says in English or writes in an English format, apart from the organization's own texts.

A page shows the model's texts as they were written (the demo's are English) and ids as they are;
everything else on a German page is German. `english_on_page` takes the page's visible text without
code, form values and the model's own words, and returns the English words left and any number or
date written the English way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from playwright.sync_api import Page

# Common English words that are no German words: one of them outside the model's texts is a text
# that escaped the translation machinery.
ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "with",
        "for",
        "to",
        "by",
        "your",
        "you",
        "this",
        "that",
        "these",
        "those",
        "not",
        "is",
        "are",
        "has",
        "have",
        "been",
        "be",
        "from",
        "at",
        "on",
        "or",
        "which",
        "who",
        "what",
        "when",
        "where",
        "goal",
        "goals",
        "key",
        "result",
        "results",
        "owner",
        "owned",
        "due",
        "since",
        "until",
        "none",
        "each",
        "every",
        "more",
        "less",
        "than",
        "then",
        "there",
        "here",
        "show",
        "edit",
        "delete",
        "save",
        "cancel",
        "new",
        "add",
        "back",
        "next",
        "previous",
        "page",
        "pages",
        "sign",
        "out",
        "week",
        "month",
        "year",
        "today",
        "value",
        "values",
        "target",
        "progress",
        "track",
        "risk",
        "off",
        "people",
        "unit",
        "units",
        "task",
        "tasks",
        "it",
        "its",
        "they",
        "their",
        "them",
        "we",
        "our",
        "us",
        "can",
        "may",
        "must",
        "should",
        "would",
        "open",
        "closed",
        "close",
        "report",
        "reports",
        "download",
        "upload",
        "yet",
        "already",
        "about",
        "after",
        "before",
        "between",
        "into",
        "over",
        "under",
        "without",
        "because",
        "only",
        "also",
        "just",
        "still",
        "all",
        "any",
        "some",
        "other",
        "others",
        "nothing",
        "something",
        "everyone",
        "someone",
        "check-ins",
        "overview",
        "health",
        "settings",
        "change",
        "changes",
        "changed",
        "remove",
        "removed",
        "create",
        "created",
    ]
)
# Words the pages may show in both languages: proper names and the field's loanwords.
ALLOWED = frozenset(
    {"check-in", "check-ins", "kpi", "kpis", "raci", "okr", "e-mail", "lodestar", "api", "csv", "pdf", "html"}
)
# A word; a token with an underscore, a dot or a digit is an id or a key (`contributes_to`, `user.create`).
WORD = re.compile(r"[\w][\w.'-]*")
# 1,234,567 (English thousands), 12.5 (an English decimal point), Jul 1 / July 1, 2026 (English dates).
ENGLISH_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3}){2,}\b|\b\d+\.\d{1,2}\b(?!\.)")
ENGLISH_DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\b|\b\d{4}-\d{2}-\d{2}\b"
)

# The visible text of the page without code, ids and the model's texts that the page marks as such.
VISIBLE_TEXT = """() => {
  const copy = document.body.cloneNode(true);
  copy.querySelectorAll('code, .code, pre, script, style, select, textarea, [hidden], .visually-hidden, time')
    .forEach((element) => element.remove());
  // A text cut short ("…") is the model's, with its whole text in a title or on its own page.
  copy.querySelectorAll('*').forEach((element) => {
    if (element.children.length === 0 && element.textContent.trim().endsWith('…')) element.remove();
  });
  document.body.appendChild(copy);
  copy.style.position = 'absolute';
  const text = copy.innerText;
  copy.remove();
  return text;
}"""


def model_texts(document: Any) -> list[str]:
    """Every text of the model document (titles, names, notes, ids), the longest first."""
    texts: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif isinstance(value, str) and value.strip():
            texts.add(value.strip())

    walk(document)
    return sorted(texts, key=len, reverse=True)


def english_in(text: str, model: Iterable[str]) -> list[str]:
    """The English words and English-format numbers and dates of `text`, once the model's own texts are out,
    each with the words around it."""
    texts = [re.escape(written) for written in model if len(written) > 1]
    for start in range(0, len(texts), 500):  # the model's texts as whole words, the longest first
        text = re.sub(r"(?<!\w)(?:" + "|".join(texts[start : start + 500]) + r")(?!\w)", " ", text)
    text = re.sub(r"\s+", " ", text)
    found: dict[str, str] = {}
    for match in WORD.finditer(text):
        word = match.group(0).lower()
        if re.search(r"[_.\d]", word):
            continue
        if word in ENGLISH and word not in ALLOWED and word not in found:
            found[word] = text[max(0, match.start() - 30) : match.end() + 30]
    for pattern in (ENGLISH_NUMBER, ENGLISH_DATE):
        for match in pattern.finditer(text):
            found.setdefault(match.group(0), text[max(0, match.start() - 30) : match.end() + 30])
    return [f"{word!r} in {context!r}" for word, context in found.items()]


def english_on_page(page: Page, model: Iterable[str]) -> list[str]:
    return english_in(page.evaluate(VISIBLE_TEXT), model)
