"""The words statuses are shown in, and the id pattern."""

from __future__ import annotations

from lodestar.lib.vocabulary import ID_PATTERN, KPI_STATUS_LABELS, KPI_STATUSES, STATUS_LABELS, STATUSES, status_label


def test_every_status_has_a_label() -> None:
    assert set(STATUS_LABELS) == set(STATUSES)
    assert set(KPI_STATUS_LABELS) == set(KPI_STATUSES)


def test_a_status_label_is_its_words_and_an_unknown_status_keeps_its_words() -> None:
    assert (status_label("off_track"), status_label("yellow"), status_label("half_done")) == (
        "off track",
        "yellow",
        "half done",
    )


def test_an_id_is_lower_case_and_at_most_64_characters() -> None:
    assert ID_PATTERN.match("bu-pumps.2026_q1")
    assert not ID_PATTERN.match("-leading-dash") and not ID_PATTERN.match("Upper") and not ID_PATTERN.match("a" * 65)
