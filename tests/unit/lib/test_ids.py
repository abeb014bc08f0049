"""Ids proposed from titles."""

from __future__ import annotations

import pytest

from lodestar.lib.ids import id_stem, proposal_prefix, propose_id
from lodestar.lib.vocabulary import ID_MAX, ID_PATTERN


def test_a_german_title_spells_out_its_umlauts() -> None:
    assert propose_id("Qualifizierte Leads über das Web", set(), fallback="goal") == "qualifizierte-leads-ueber-das-web"


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        ("Größere Reichweite für Ärzte", "groessere-reichweite-fuer-aerzte"),
        ("STRASSE & Straße", "strasse-strasse"),
        ("Café crème, São Paulo", "cafe-creme-sao-paulo"),
        ("Øresund Łódź", "oeresund-lodz"),
        ("  NPS ≥ 40 (Q3/2026)!  ", "nps-40-q3-2026"),
        ("web_leads.2026", "web-leads-2026"),
    ],
)
def test_a_title_becomes_lower_case_words_joined_by_dashes(title: str, stem: str) -> None:
    assert id_stem(title) == stem


def test_a_long_title_is_cut_at_a_word_to_at_most_64_characters() -> None:
    title = "Mehr qualifizierte Leads aus dem Web für die Vertriebsteams in allen Regionen Europas"
    stem = id_stem(title)
    assert stem == "mehr-qualifizierte-leads-aus-dem-web-fuer-die-vertriebsteams-in"
    assert len(stem) <= ID_MAX and ID_PATTERN.match(stem)


def test_a_long_word_is_cut_where_it_must_be() -> None:
    assert id_stem("x" * 100) == "x" * ID_MAX


def test_a_taken_id_gets_the_first_free_number() -> None:
    taken = {"web-leads", "web-leads-2"}
    assert propose_id("Web leads", taken, fallback="goal") == "web-leads-3"


def test_a_numbered_proposal_for_a_long_title_stays_within_64_characters() -> None:
    title = "a" * 30 + " " + "b" * 40
    stem = id_stem(title)
    taken = {stem, *(f"{stem[: ID_MAX - 2]}-{n}" for n in range(2, 10))}
    proposal = propose_id(title, taken, fallback="goal")
    assert proposal == stem[: ID_MAX - 3] + "-10"
    assert len(proposal) == ID_MAX and ID_PATTERN.match(proposal)


def test_a_title_without_latin_letters_falls_back() -> None:
    assert propose_id("目標 !!!", set(), fallback="key-result") == "key-result"
    assert propose_id("", {"goal"}, fallback="goal") == "goal-2"


@pytest.mark.parametrize("title", ["Web leads", "ä" * 80, "Ein sehr langer Titel " * 5, "?"])
def test_every_proposal_starts_with_the_prefix_the_caller_looks_up(title: str) -> None:
    prefix = proposal_prefix(title, fallback="goal")
    taken: set[str] = set()
    for _ in range(12):
        proposal = propose_id(title, taken, fallback="goal")
        assert proposal.startswith(prefix) and ID_PATTERN.match(proposal)
        taken.add(proposal)
