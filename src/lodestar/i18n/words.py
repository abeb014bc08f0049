"""The words pages and reports show for the pure layers' codes and texts, in the reader's language.

The pure layers (the health check, the archetypes, the vision questions, the vocabulary) speak
English and import no Django; this module says the same in the active language: a finding from its
`Wording`, a hint, an archetype's name and meaning, a question, a status, and the words of the
model's closed vocabularies. The CLI and the API never come here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext, pgettext_lazy

from lodestar.checks.rules import HINTS, Finding
from lodestar.design.tasks import NO_LOCATION
from lodestar.design.vision import QUESTION_TEXTS
from lodestar.i18n import numbers
from lodestar.lib.wording import Listing, Share, Term, Value, Wording
from lodestar.scoring.roles import ARCHETYPE_MEANINGS, ARCHETYPE_NAMES

# The words for each goal, key result and KPI status, as a page or a report shows them.
STATUS_LABELS: dict[str, Promise] = {
    "not_started": pgettext_lazy("status", "Not started"),
    "closed": pgettext_lazy("status", "Closed"),
    "no_data": pgettext_lazy("status", "No data"),
    "achieved": pgettext_lazy("status", "Achieved"),
    "on_track": pgettext_lazy("status", "On track"),
    "at_risk": pgettext_lazy("status", "At risk"),
    "off_track": pgettext_lazy("status", "Off track"),
    "green": pgettext_lazy("KPI status", "Green"),
    "yellow": pgettext_lazy("KPI status", "Yellow"),
    "red": pgettext_lazy("KPI status", "Red"),
}
DECISION_AREAS: dict[str, Promise] = {
    "strategy": pgettext_lazy("decision area", "Strategy"),
    "product": pgettext_lazy("decision area", "Product"),
    "pricing": pgettext_lazy("decision area", "Pricing"),
    "channels": pgettext_lazy("decision area", "Channels"),
    "communication": pgettext_lazy("decision area", "Communication"),
    "customer_experience": pgettext_lazy("decision area", "Customer experience"),
    "customer_data": pgettext_lazy("decision area", "Customer data"),
    "budget": pgettext_lazy("decision area", "Budget"),
    "sales_alignment": pgettext_lazy("decision area", "Sales alignment"),
}
DECISION_LEVELS: dict[str, Promise] = {
    "none": pgettext_lazy("decision level", "none"),
    "execute": pgettext_lazy("decision level", "execute"),
    "advise": pgettext_lazy("decision level", "advise"),
    "co_decide": pgettext_lazy("decision level", "co-decide"),
    "lead": pgettext_lazy("decision level", "lead"),
}
SALES_ALIGNMENTS: dict[str, Promise] = {
    "undefined": pgettext_lazy("sales alignment", "undefined"),
    "defined": pgettext_lazy("sales alignment", "defined"),
    "aligned": pgettext_lazy("sales alignment", "aligned"),
    "integrated": pgettext_lazy("sales alignment", "integrated"),
}
# A task's change in the target picture, as the change column says it.
TASK_CHANGES: dict[str, Promise] = {
    "new": pgettext_lazy("task change", "new"),
    "expand": pgettext_lazy("task change", "expanded"),
    "keep": pgettext_lazy("task change", "kept"),
    "reduce": pgettext_lazy("task change", "reduced"),
    "drop": pgettext_lazy("task change", "dropped"),
}
TASK_DELIVERIES: dict[str, Promise] = {
    "central": pgettext_lazy("delivery", "central"),
    "decentral": pgettext_lazy("delivery", "decentral"),
    "external": pgettext_lazy("delivery", "external"),
}
UNIT_KINDS: dict[str, Promise] = {
    "company": pgettext_lazy("unit kind", "company"),
    "business_unit": pgettext_lazy("unit kind", "business unit"),
    "area": pgettext_lazy("unit kind", "area"),
    "department": pgettext_lazy("unit kind", "department"),
    "team": pgettext_lazy("unit kind", "team"),
    "adjacent": pgettext_lazy("unit kind", "adjacent area"),
    "external": pgettext_lazy("unit kind", "external provider"),
}
VISION_STATUSES: dict[str, Promise] = {
    "open": pgettext_lazy("vision answer", "open"),
    "draft": pgettext_lazy("vision answer", "draft"),
    "agreed": pgettext_lazy("vision answer", "agreed"),
}
DEPENDENCY_KINDS: dict[str, Promise] = {
    "data": pgettext_lazy("dependency kind", "data"),
    "approval": pgettext_lazy("dependency kind", "approval"),
    "service": pgettext_lazy("dependency kind", "service"),
    "information": pgettext_lazy("dependency kind", "information"),
}
JOURNEY_STAGES: dict[str, Promise] = {
    "awareness": pgettext_lazy("journey stage", "awareness"),
    "consideration": pgettext_lazy("journey stage", "consideration"),
    "purchase": pgettext_lazy("journey stage", "purchase"),
    "onboarding": pgettext_lazy("journey stage", "onboarding"),
    "usage": pgettext_lazy("journey stage", "usage"),
    "loyalty": pgettext_lazy("journey stage", "loyalty"),
}
QUESTION_SHORT: dict[str, Promise] = {
    "mission": pgettext_lazy("vision question", "Mission"),
    "role_change": pgettext_lazy("vision question", "Role change"),
    "tasks": pgettext_lazy("vision question", "Tasks"),
    "business_units": pgettext_lazy("vision question", "Business units"),
    "division": pgettext_lazy("vision question", "Division"),
    "cooperation": pgettext_lazy("vision question", "Cooperation"),
    "goals": pgettext_lazy("vision question", "Goals"),
    "competencies": pgettext_lazy("vision question", "Competencies"),
}


def word(words: Mapping[str, Promise], code: str) -> str:
    """The word for `code` in one of the vocabularies above; an unknown code with its underscores as spaces."""
    found = words.get(code)
    return str(found) if found is not None else code.replace("_", " ")


def status_label(status: str) -> str:
    return word(STATUS_LABELS, status)


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


def finding_text(finding: Finding) -> str:
    return say(finding.wording)


def hint(code: str) -> str:
    """The health check's hint for a rule, or nothing for an unknown code."""
    return gettext(HINTS[code]) if code in HINTS else ""


def archetype_name(archetype: str) -> str:
    return gettext(ARCHETYPE_NAMES[archetype]) if archetype in ARCHETYPE_NAMES else archetype.replace("_", " ")


def archetype_meaning(archetype: str) -> str:
    return gettext(ARCHETYPE_MEANINGS[archetype]) if archetype in ARCHETYPE_MEANINGS else ""


def question_text(question: str) -> str:
    return gettext(QUESTION_TEXTS[question]) if question in QUESTION_TEXTS else question


# The vocabularies a `Term` in a pure layer's text may name, each with the function that says its words.
TERMS: dict[str, Callable[[str], str]] = {
    "vision_question": lambda code: word(QUESTION_SHORT, code),
    "archetype": archetype_name,
    "task_change": lambda code: word(TASK_CHANGES, code),
    "location": lambda code: code or gettext(NO_LOCATION),  # the tasks without a location
}
