"""Dates through named formats and numbers typed into forms, in English and German."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from lodestar.web.form_values import number
from lodestar.web.formatting import day

TUESDAY = date(2026, 9, 15)


@pytest.mark.parametrize(
    ("language", "name", "written"),
    [
        ("en", "MEDIUM_DATE_FORMAT", "15 Sep 2026"),
        ("de", "MEDIUM_DATE_FORMAT", "15.09.2026"),
        ("en", "WEEKDAY_MONTH_DAY_FORMAT", "Tue 15 Sep"),
        ("de", "WEEKDAY_MONTH_DAY_FORMAT", "Di, 15. September"),
        ("de", "LONG_WEEKDAY_DATE_FORMAT", "Dienstag, 15. September 2026"),
        ("en", "SHORT_DATE_FORMAT", "2026-09-15"),
        ("de", "DATE_FORMAT", "15. September 2026"),
    ],
)
def test_a_date_is_written_in_the_languages_named_format(language: str, name: str, written: str) -> None:
    with translation.override(language):
        assert day(TUESDAY, name) == written


def test_an_unknown_format_name_is_refused_rather_than_printed() -> None:
    with translation.override("de"), pytest.raises(ValueError, match="NO_SUCH_FORMAT"):
        day(TUESDAY, "NO_SUCH_FORMAT")


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("12,5", 12.5),
        ("1.000", 1000),
        ("1.234,5", 1234.5),
        ("0.7", 0.7),
        ("48", 48),
        ("-3,25", -3.25),
        ("1,2,3", "1,2,3"),
    ],
)
def test_a_german_page_reads_numbers_as_german_writes_them(typed: str, read: object) -> None:
    with translation.override("de"):
        assert number(typed) == read
        assert type(number(typed)) is type(read)


@pytest.mark.parametrize(("typed", "read"), [("12,5", "12,5"), ("1.000", 1.0), ("48", 48), ("2.5", 2.5)])
def test_an_english_page_reads_numbers_as_the_model_file_does(typed: str, read: object) -> None:
    with translation.override("en"):
        assert number(typed) == read
