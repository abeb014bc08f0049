"""The expression subset: what parses, what is refused and what it becomes in SQL."""

from __future__ import annotations

import ibis
import pytest

from lodestar.metrics.expressions import ExpressionError, parse_expression, to_ibis

TABLE = ibis.table(
    {"a": "int64", "b": "float64", "channel": "string", "is_test": "boolean", "created_at": "timestamp"}, name="t"
)


def compile_duckdb(text: str) -> str:
    tree = parse_expression(text).tree
    return str(ibis.to_sql(TABLE.select(v=to_ibis(tree, lambda name: TABLE[name])), dialect="duckdb"))


@pytest.mark.parametrize(
    "text",
    [
        "a",
        "NOT is_test",
        "a IS NULL",
        "a IS NOT NULL AND b > 2.5",
        "a IN (1, 2, 3)",
        "channel NOT IN ('web', 'email')",
        "a BETWEEN 1 AND 10",
        "CASE WHEN a > 1 THEN 'big' WHEN a = 1 THEN 'one' ELSE 'small' END",
        "CASE channel WHEN 'web' THEN 1 ELSE 0 END",
        "lower(channel) = 'web' OR upper(channel) = 'EMAIL'",
        "coalesce(a, b, 0) * 2 - -a / 3 + a % 2",
        "nullif(a, 0)",
        "abs(b)",
        "round(b, 2)",
        "(a + 1) <> 2",
    ],
)
def test_it_accepts_and_compiles_the_allowed_subset(text: str) -> None:
    sql = compile_duckdb(text)
    assert sql.startswith("SELECT")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1; DROP TABLE x", "second statement"),
        ("a = 1; DELETE FROM leads", "second statement"),
        ("(SELECT max(a) FROM t)", "subquery"),
        ("a IN (SELECT a FROM t)", "subquery"),
        ("EXISTS (SELECT 1)", "subquery"),
        ("read_csv('/etc/passwd')", "read_csv"),
        ("read_parquet('x.parquet') IS NULL", "read_parquet"),
        ("sum(a)", "sum"),
        ("now() > created_at", "now"),
        ("pg_sleep(10)", "pg_sleep"),
        ("CAST(a AS VARCHAR)", "casts"),
        ("a::int", "casts"),
        ("a -- DROP TABLE x", "comments"),
        ("a /* ; DROP TABLE x */", "comments"),
        ("t.a", "qualified"),
        ("channel LIKE 'w%'", "like"),
        ("channel || 'x'", "dpipe"),
        ("a = ?", "parameters"),
        ("a IS TRUE", "IS NULL"),
        ("*", "star"),
        ("", "empty"),
        ("a AND", "not a valid expression"),
        ("round(b, a)", "whole number"),
    ],
)
def test_it_refuses_everything_outside_the_subset(text: str, reason: str) -> None:
    with pytest.raises(ExpressionError) as refused:
        parse_expression(text)
    assert reason.lower() in str(refused.value).lower()


def test_it_names_the_offending_function_with_its_arguments() -> None:
    with pytest.raises(ExpressionError) as refused:
        parse_expression("lower(channel) = read_csv('/etc/passwd')")
    assert "read_csv" in str(refused.value).lower()
    assert "/etc/passwd" in str(refused.value)


def test_it_records_the_columns_an_expression_reads() -> None:
    assert parse_expression("coalesce(a, b) > 1 AND NOT is_test").columns == {"a", "b", "is_test"}


def test_string_literals_are_quoted_by_the_compiler_not_pasted() -> None:
    sql = compile_duckdb("channel = 'it''s; DROP TABLE leads'")
    assert "'it''s; DROP TABLE leads'" in sql
    assert sql.count(";") == 1


def test_it_refuses_a_non_string_expression() -> None:
    with pytest.raises(ExpressionError) as refused:
        parse_expression(42)
    assert "string" in str(refused.value)
