"""The words pages and reports show for the pure layers' codes and texts, in the reader's language.

The pure layers (the health check, the archetypes, the vision questions, the vocabulary) speak
English and import no Django; this module says the same in the active language: a finding from its
`Wording`, a hint, an archetype's name and meaning, a question, a status, and the words of the
model's closed vocabularies. The CLI and the API never come here.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from lodestar.checks.rules import HINTS, Finding
from lodestar.design.tasks import NO_LOCATION
from lodestar.design.vision import QUESTION_TEXTS
from lodestar.i18n import numbers
from lodestar.i18n.terms import TERMS as VOCABULARIES
from lodestar.i18n.terms import term
from lodestar.lib.wording import Listing, Share, Term, Value, Wording
from lodestar.scoring.roles import ARCHETYPE_MEANINGS

TERMS_OF_SUBJECTS = VOCABULARIES["subject_kind"]


def status_label(status: str) -> str:
    return term("status", status)


def _value(value: Value) -> str:
    if isinstance(value, Term):
        return TERMS[value.vocabulary](value.code)
    if isinstance(value, Listing):
        return ", ".join(say(item) for item in value.items)
    if isinstance(value, Share):
        return numbers.percent(value.value)
    if isinstance(value, int):
        return numbers.count(value)
    if isinstance(value, str):
        return value
    return date_format(value, "SHORT_DATE_FORMAT")


def say(wording: Wording) -> str:
    """A pure layer's text in the active language, its values written as the language writes them."""
    if wording.plural is not None:
        text = ngettext(wording.text, wording.plural, wording.count)
    else:
        text = gettext(wording.text)
    return text % {name: _value(value) for name, value in wording.values} if wording.values else text


def say_all(sentences: tuple[Wording, ...]) -> str:
    """Sentences in the active language, one space between them."""
    return " ".join(say(sentence) for sentence in sentences)


def subject_text(subject: str) -> str:
    """What a finding is about, its kind in the reader's language: `goal:more-leads` is `Ziel more-leads`."""
    kind, separator, rest = subject.partition(":")
    if not separator or kind not in TERMS_OF_SUBJECTS:
        return subject
    return f"{term('subject_kind', kind)} {rest}"


def finding_text(finding: Finding) -> str:
    return say(finding.wording)


def hint(code: str) -> str:
    """The health check's hint for a rule, or nothing for an unknown code."""
    return gettext(HINTS[code]) if code in HINTS else ""


def archetype_name(archetype: str) -> str:
    return term("archetype", archetype)


def archetype_meaning(archetype: str) -> str:
    return term("archetype_meaning", archetype) if archetype in ARCHETYPE_MEANINGS else ""


def question_text(question: str) -> str:
    return term("vision_question_text", question) if question in QUESTION_TEXTS else question


# The vocabularies a `Term` in a pure layer's text may name, each with the function that says its words.
TERMS: dict[str, Callable[[str], str]] = {
    "vision_question": lambda code: term("vision_question", code),
    "archetype": archetype_name,
    "task_change": lambda code: term("task_change", code),
    "location": lambda code: code or gettext(NO_LOCATION),  # the tasks without a location
}
