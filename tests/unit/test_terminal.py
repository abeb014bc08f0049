import json

from lodestar.lib.terminal import printable, printable_json, printable_lines


def test_escape_sequences_and_bells_are_stripped() -> None:
    assert printable("Win\x1b[2J the \x07market") == "Win[2J the market"


def test_c1_controls_and_delete_are_stripped() -> None:
    assert printable("a\u009b31mb\x7fc") == "a31mbc"


def test_line_breaks_and_tabs_in_user_text_become_spaces() -> None:
    assert printable("one\ntwo\r\tthree") == "one two  three"


def test_ordinary_text_is_kept_as_it_is() -> None:
    assert printable("Grow Nordics ✓ — 20 %") == "Grow Nordics ✓ — 20 %"


def test_text_of_several_lines_keeps_its_line_breaks_and_loses_its_controls() -> None:
    assert printable_lines("Plan:\n  ~ goal\x1b[2J\n\tnext\x07") == "Plan:\n  ~ goal[2J\n next"


def test_json_text_gets_delete_and_c1_controls_as_escapes_and_means_the_same() -> None:
    document = {"title": "a\u009b31m\x7fb\x1b"}
    text = printable_json(json.dumps(document, ensure_ascii=False))
    assert text == '{"title": "a\\u009b31m\\u007fb\\u001b"}'
    assert json.loads(text) == document
