"""The issues a form shows: the readers' English, said in the page's language; unknown ones as they are."""

from __future__ import annotations

from django.utils import translation

from lodestar.web.issues import issue_text


def test_an_issue_reads_the_same_in_english_and_is_said_in_german() -> None:
    issue = "expected a whole number from 0 to 5, got the text 'abc'"
    with translation.override("en"):
        assert issue_text(issue) == issue
    with translation.override("de"):
        assert issue_text(issue) == "erwartet eine ganze Zahl von 0 bis 5; erhalten: der Text 'abc'"
        assert issue_text("unknown unit 'nowhere'") == "unbekannte Einheit 'nowhere'"


def test_an_issue_no_pattern_knows_stays_english() -> None:
    with translation.override("de"):
        assert issue_text("a goal cannot contribute to itself") == "a goal cannot contribute to itself"
