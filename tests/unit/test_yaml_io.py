from __future__ import annotations

import pytest
import yaml

from lodestar.modelfile.yaml_io import MAX_ALIAS_EXPANSION, UnsafeYaml, dump_yaml, parse_yaml


def test_dates_stay_text_so_the_validator_can_report_an_impossible_one() -> None:
    assert parse_yaml("start: 2026-02-30") == {"start": "2026-02-30"}


def test_plain_scalars_resolve_as_in_yaml_1_1() -> None:
    assert parse_yaml("a: 1\nb: 1.5\nc: true\nd: null\ne: 0x10\nf: text") == {
        "a": 1,
        "b": 1.5,
        "c": True,
        "d": None,
        "e": 16,
        "f": "text",
    }


def test_it_reads_the_same_values_as_pyyamls_safe_loader() -> None:
    text = "goals:\n  - {id: g1, weight: 2.5, tags: [a, b], 'quoted': 'x: y'}\n  - id: g2\n    note: |\n      two\n      lines\n"
    assert parse_yaml(text) == yaml.safe_load(text)


def test_a_python_tag_is_refused() -> None:
    with pytest.raises(UnsafeYaml, match=r"python/object/apply:os\.system is not allowed"):
        parse_yaml("!!python/object/apply:os.system ['true']")


def test_a_custom_tag_is_refused() -> None:
    with pytest.raises(UnsafeYaml, match="!secret is not allowed"):
        parse_yaml("password: !secret x")


def test_a_duplicate_key_is_refused_with_its_line() -> None:
    with pytest.raises(UnsafeYaml, match="line 3: duplicate key 'id'"):
        parse_yaml("units:\n- id: a\n  id: b\n")


def test_a_few_aliases_are_allowed() -> None:
    assert parse_yaml("a: &x {k: 1}\nb: *x") == {"a": {"k": 1}, "b": {"k": 1}}


def test_an_alias_bomb_is_refused_before_it_expands() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(8):
        name, previous = chr(98 + level), chr(97 + level)
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    with pytest.raises(UnsafeYaml, match=f"more than {MAX_ALIAS_EXPANSION:,} nodes"):
        parse_yaml("\n".join(lines))


def test_a_syntax_error_names_line_and_column() -> None:
    with pytest.raises(UnsafeYaml, match="line 2, column"):
        parse_yaml("a: [1, 2\nb: }")


def test_extreme_nesting_is_refused() -> None:
    with pytest.raises(UnsafeYaml):
        parse_yaml("[" * 5000 + "]" * 5000)


def test_dumping_keeps_key_order_and_never_writes_anchors() -> None:
    shared = {"k": 1}
    text = dump_yaml({"z": shared, "a": shared})
    assert text.index("z:") < text.index("a:")
    assert "&" not in text
    assert "*" not in text
