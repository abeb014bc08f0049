"""A pure layer's text: English for the CLI and the API, the reader's language on a page."""

from __future__ import annotations

from datetime import date

from django.utils import translation

from lodestar.i18n.words import say
from lodestar.lib.wording import Share, Term, Wording


def test_english_puts_the_values_in_as_the_cli_has_always_printed_them() -> None:
    wording = Wording.of(
        "Key result '%(title)s': confidence %(confidence)s/10 at the check-in of %(day)s.",
        title="Leads",
        confidence=2,
        day=date(2026, 6, 30),
    )

    assert wording.english() == "Key result 'Leads': confidence 2/10 at the check-in of 2026-06-30."


def test_a_page_says_it_in_german_with_german_dates_percents_and_words() -> None:
    checked_in = Wording.of(
        "Key result '%(title)s': confidence %(confidence)s/10 at the check-in of %(day)s.",
        title="Leads",
        confidence=2,
        day=date(2026, 6, 30),
    )
    share = Wording.of(
        "Key result '%(title)s' has no measurement in %(period)s although more than %(share)s of the period "
        "has passed.",
        title="Leads",
        period="q2",
        share=Share(0.25),
    )
    question = Wording.of(
        "The vision question '%(question)s' has no agreed answer for %(scope)s.",
        question=Term("vision_question", "role_change"),
        scope="ms",
    )

    with translation.override("de"):
        assert say(checked_in) == "Schlüsselergebnis „Leads“: Zuversicht 2/10 beim Check-in vom 30.06.2026."
        assert say(share).endswith("obwohl mehr als 25 % des Zeitraums vergangen sind.")
        assert say(question) == "Die Visionsfrage „Rollenwandel“ hat für ms keine vereinbarte Antwort."
    assert question.english() == "The vision question 'role_change' has no agreed answer for ms."


def test_a_plural_wording_chooses_its_form_by_its_count() -> None:
    one = Wording.ngettext("%(count)s open competency gap.", "%(count)s open competency gaps.", 1)
    three = Wording.ngettext("%(count)s open competency gap.", "%(count)s open competency gaps.", 3)

    assert (one.english(), three.english()) == ("1 open competency gap.", "3 open competency gaps.")
    with translation.override("de"):
        assert (say(one), say(three)) == ("1 offene Kompetenzlücke.", "3 offene Kompetenzlücken.")
