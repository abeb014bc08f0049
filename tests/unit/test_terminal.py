from lodestar.lib.terminal import printable


def test_escape_sequences_and_bells_are_stripped() -> None:
    assert printable("Win\x1b[2J the \x07market") == "Win[2J the market"


def test_c1_controls_and_delete_are_stripped() -> None:
    assert printable("a\u009b31mb\x7fc") == "a31mbc"


def test_line_breaks_and_tabs_in_user_text_become_spaces() -> None:
    assert printable("one\ntwo\r\tthree") == "one two  three"


def test_ordinary_text_is_kept_as_it_is() -> None:
    assert printable("Grow Nordics ✓ — 20 %") == "Grow Nordics ✓ — 20 %"
