"""The check that finds English on a German page, on texts of its own (no browser needed)."""

from __future__ import annotations

from tests.browser.untranslated import english_in


def test_an_english_word_outside_the_models_texts_is_found_with_its_context() -> None:
    found = english_in("Aufgaben / bearbeiten the task „Messen“", ["Messen"])

    assert [item.split(" in ")[0] for item in found] == ["'the'", "'task'"]


def test_the_models_own_texts_ids_and_keys_are_not_english_to_translate() -> None:
    text = "Ziel Grow order intake in the core business: trägt zu nichts bei (contributes_to), Einheit it"

    assert english_in(text, ["Grow order intake in the core business", "it"]) == []


def test_numbers_and_dates_written_the_english_way_are_found() -> None:
    found = english_in("Umsatz 9,078,154 € am Jul 1, 2026, Anteil 12.5 %, am 2026-07-01", [])

    assert [item.split(" in ")[0] for item in found] == ["'9,078,154'", "'12.5'", "'Jul 1, 2026'", "'2026-07-01'"]


def test_german_numbers_and_dates_pass() -> None:
    assert english_in("Umsatz 9.078.154 € am 1. Juli 2026, Anteil 12,5 %, am 01.07.2026", []) == []
