"""Every text a person reads in a template goes through the translation machinery.

A check over the templates: text between tags, the attributes a person reads or hears
(`aria-label`, `title`, `alt`, `placeholder`), and string literals handed to `default:` or to an
`{% include … with x="…" %}` must be inside `{% translate %}` / `{% blocktranslate %}` or `_()`.
Names, codes and symbols (ALLOWED) are no text to translate, nor are ids and placeholders handed
to an include (`with id="f-title"`, `number="__NUMBER__"`: words joined by `-`, `_`, `:` or `=`).

PENDING lists the templates still written in English only: the list shrinks as they are
translated, and every entry must still have untranslated text (so that it cannot go stale).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.template.base import Lexer, TokenType

from lodestar.i18n.catalogs import PACKAGE

TEMPLATES = sorted(path for path in PACKAGE.glob("*/templates/**/*") if path.suffix in {".html", ".txt"})
# Words that are names or codes in every language.
ALLOWED = {
    "Lodestar",
    "PDF",
    "HTML",
    "CSV",
    "YAML",
    "JSON",
    "API",
    "RACI",
    "OpenAPI",
    "KPI",
    "KPIs",
    "ID",
    "URL",
    "UTC",
}
READ_ATTRIBUTES = re.compile(r'(?<![\w-])(?:aria-label|title|alt|placeholder)="([^"]*)"')
LITERAL_ARGUMENTS = re.compile(r'(?:default:|\bwith\s+(?:\w+=\S+\s+)*\w+=)"([^"]*)"')
MARK = "\u2063"  # stands for a tag or a variable in the flattened template
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
CODE = re.compile(r"\S*[-_:=]\S*")  # an id or a placeholder token, such as `f-title` or `__NUMBER__`
PENDING: set[str] = set()


def _name(path: Path) -> str:
    return path.as_posix().split("/templates/", 1)[1]


def _words(text: str) -> list[str]:
    return [word for word in WORD.findall(text) if word not in ALLOWED]


def untranslated(source: str) -> list[str]:
    """The texts of a template that a person reads and that no translation tag covers."""
    found: list[str] = []
    flat: list[str] = []  # the template with every tag and variable replaced by a mark
    depth = 0  # inside {% blocktranslate %} … {% endblocktranslate %} or {% comment %} … {% endcomment %}
    for token in Lexer(source).tokenize():
        if token.token_type is TokenType.BLOCK:
            command = token.contents.split(maxsplit=1)[0] if token.contents else ""
            if command in {"blocktranslate", "blocktrans", "comment"}:
                depth += 1
            elif command in {"endblocktranslate", "endblocktrans", "endcomment"}:
                depth -= 1
            elif depth == 0:
                found += [text for text in LITERAL_ARGUMENTS.findall(token.contents) if _words(CODE.sub(" ", text))]
            flat.append(MARK)
        elif token.token_type is TokenType.VAR:
            if depth == 0:
                found += [text for text in LITERAL_ARGUMENTS.findall(token.contents) if _words(CODE.sub(" ", text))]
            flat.append(MARK)
        elif token.token_type is TokenType.TEXT:
            flat.append(MARK if depth else token.contents)
    text = re.sub(r"<!--.*?-->|<(script|style)\b.*?</\1>", " ", "".join(flat), flags=re.S)
    found += [value.strip() for value in READ_ATTRIBUTES.findall(text) if _words(value)]
    between = re.sub(r"<[^>]*>|&[#\w]+;", "\n", text)
    found += [part.strip() for part in re.split(f"\n|{MARK}", between) if _words(part)]
    return found


@pytest.mark.parametrize("path", [path for path in TEMPLATES if _name(path) not in PENDING], ids=_name)
def test_every_text_of_the_template_is_translated(path: Path) -> None:
    assert untranslated(path.read_text(encoding="utf-8")) == []


def test_every_pending_template_exists_and_still_has_untranslated_text() -> None:
    names = {_name(path) for path in TEMPLATES}
    assert sorted(PENDING - names) == []
    done = sorted(
        name for name in PENDING if not untranslated((PACKAGE.glob(f"*/templates/{name}").__next__()).read_text())
    )
    assert done == [], f"translated: take them out of PENDING: {done}"


def test_the_check_finds_text_outside_the_tags_and_accepts_it_inside() -> None:
    assert untranslated('<p>Check in</p><a aria-label="Delete the value">{{ x }}</a>{{ v|default:"none yet" }}') == [
        "none yet",
        "Delete the value",
        "Check in",
    ]
    assert untranslated('<span class="x{% if e %} error{% endif %}">{{ a }}</span> due since {{ d }}') == ["due since"]
    assert untranslated('{% load i18n %}<p>{% translate "Check in" %}</p><p>{{ name }} · 48 %</p>') == []
    assert untranslated("{% blocktranslate %}Due since {{ day }}{% endblocktranslate %}<b>Lodestar</b>") == []
    assert (
        untranslated('{% include "x.html" with id="f-title" number="__NUMBER__" %}<p data-parent-title="parent goal">')
        == []
    )
    assert untranslated('{% include "x.html" with id="f-title" message="not yet" %}') == ["not yet"]
    assert untranslated('{% include "f.html" with id="u-email" message=e %}{% include "f.html" with text="Due" %}') == [
        "Due"
    ]
