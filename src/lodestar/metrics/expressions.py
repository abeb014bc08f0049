"""The expression subset of metrics files: parse with sqlglot, refuse everything else, translate to ibis.

Metric text never reaches an engine as text: the parsed tree is checked node by node against
the allowed subset and then rebuilt as an ibis expression, which ibis compiles per engine.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import ibis
import ibis.expr.types as ir
import sqlglot
from sqlglot import exp
from sqlglot.errors import SqlglotError

from lodestar.metrics.definitions import Expression

FUNCTIONS: dict[type[exp.Expression], str] = {
    exp.Lower: "lower",
    exp.Upper: "upper",
    exp.Coalesce: "coalesce",
    exp.Nullif: "nullif",
    exp.Abs: "abs",
    exp.Round: "round",
}
BINARY: dict[type[exp.Expression], Callable[[Any, Any], Any]] = {
    exp.Add: lambda a, b: a + b,
    exp.Sub: lambda a, b: a - b,
    exp.Mul: lambda a, b: a * b,
    exp.Div: lambda a, b: a / b,
    exp.Mod: lambda a, b: a % b,
    exp.EQ: lambda a, b: a == b,
    exp.NEQ: lambda a, b: a != b,
    exp.GT: lambda a, b: a > b,
    exp.GTE: lambda a, b: a >= b,
    exp.LT: lambda a, b: a < b,
    exp.LTE: lambda a, b: a <= b,
    exp.And: lambda a, b: a & b,
    exp.Or: lambda a, b: a | b,
}
# Nodes that may appear as they are; everything not listed here or above is refused.
PLAIN: tuple[type[exp.Expression], ...] = (
    exp.Column,
    exp.Identifier,
    exp.Literal,
    exp.Boolean,
    exp.Null,
    exp.Paren,
    exp.Neg,
    exp.Not,
    exp.Is,
    exp.In,
    exp.Between,
    exp.Case,
    exp.If,
)
MAX_LENGTH = 2000


class ExpressionError(ValueError):
    """An expression outside the allowed subset; the message quotes the offending text."""


def _snippet(node: exp.Expression) -> str:
    text = node.sql()
    return text if len(text) <= 80 else text[:77] + "..."


def _refusal(node: exp.Expression) -> str:
    if isinstance(node, exp.Query | exp.Subquery | exp.Exists):
        return f"a subquery is not allowed: {_snippet(node)}"
    if isinstance(node, exp.Cast):
        return f"casts are not allowed: {_snippet(node)}"
    if isinstance(node, exp.Func):
        name = node.name if isinstance(node, exp.Anonymous) else node.sql_name()
        allowed = ", ".join(sorted(FUNCTIONS.values()))
        return f"function {name.lower()}() is not allowed (allowed: {allowed}): {_snippet(node)}"
    if isinstance(node, exp.Placeholder | exp.Parameter):
        return f"parameters are not allowed: {_snippet(node)}"
    return f"{type(node).__name__.lower()} is not allowed: {_snippet(node)}"


def _check_node(node: exp.Expression) -> None:
    if isinstance(node, exp.Column):
        if node.table or node.args.get("db") or node.args.get("catalog"):
            raise ExpressionError(f"qualified column names are not allowed: {_snippet(node)}")
        if not isinstance(node.this, exp.Identifier):
            raise ExpressionError(f"{_snippet(node)} is not a column name")
        return
    if isinstance(node, exp.Identifier):
        if not isinstance(node.parent, exp.Column):
            raise ExpressionError(f"{_snippet(node)} is not allowed here")
        return
    if isinstance(node, exp.Is) and not isinstance(node.expression, exp.Null):
        raise ExpressionError(f"only IS NULL and IS NOT NULL are allowed: {_snippet(node)}")
    if isinstance(node, exp.In) and any(node.args.get(key) for key in ("query", "unnest", "field")):
        raise ExpressionError(f"IN takes a list of values, not a subquery: {_snippet(node)}")
    if isinstance(node, exp.Between) and node.args.get("symmetric"):
        raise ExpressionError(f"BETWEEN SYMMETRIC is not allowed: {_snippet(node)}")
    if isinstance(node, exp.Round) and node.args.get("decimals") is not None:
        decimals = node.args["decimals"]
        if not (isinstance(decimals, exp.Literal) and not decimals.is_string and decimals.is_int):
            raise ExpressionError(f"round() takes a whole number of decimals: {_snippet(node)}")
    if isinstance(node, exp.Round) and any(key not in ("this", "decimals") for key, v in node.args.items() if v):
        raise ExpressionError(f"round() takes a value and a number of decimals: {_snippet(node)}")
    if isinstance(node, exp.Div) and (node.args.get("typed") or node.args.get("safe")):
        raise ExpressionError(f"{_snippet(node)} is not allowed")
    if type(node) in FUNCTIONS or type(node) in BINARY or isinstance(node, PLAIN):
        return
    raise ExpressionError(_refusal(node))


def parse_expression(text: object) -> Expression:
    """Parse one expression of the allowed subset; raises ExpressionError naming the offending text."""
    if not isinstance(text, str):
        raise ExpressionError(f"expected an expression as a string, got {type(text).__name__}")
    if not text.strip():
        raise ExpressionError("the expression is empty")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"the expression is longer than {MAX_LENGTH} characters")
    try:
        tokens = sqlglot.tokenize(text)
        statements = sqlglot.parse(text)
    except SqlglotError as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ExpressionError(f"not a valid expression ({first})") from None
    if any(token.comments for token in tokens):
        raise ExpressionError("comments are not allowed in expressions")
    parsed = [cast(exp.Expression, statement) for statement in statements if statement is not None]
    if len(parsed) != 1:
        raise ExpressionError("exactly one expression is allowed, not a second statement")
    tree = parsed[0]
    for node in tree.walk():
        _check_node(cast(exp.Expression, node))
    columns = frozenset(column.name for column in tree.find_all(exp.Column))
    return Expression(text=text, tree=tree, columns=columns)


def _literal(node: exp.Literal) -> ir.Value:
    if node.is_string:
        return ibis.literal(node.this, type="string")
    if node.is_int:
        return ibis.literal(int(node.this))
    return ibis.literal(float(node.this))


def to_ibis(tree: exp.Expression, resolve: Callable[[str], ir.Value]) -> ir.Value:
    """Rebuild a checked tree as an ibis expression; `resolve` turns a column name into a value."""

    def build(node: exp.Expression) -> Any:
        if isinstance(node, exp.Column):
            return resolve(node.name)
        if isinstance(node, exp.Literal):
            return _literal(node)
        if isinstance(node, exp.Boolean):
            return ibis.literal(bool(node.this))
        if isinstance(node, exp.Null):
            return ibis.null()
        if isinstance(node, exp.Paren):
            return build(node.this)
        if isinstance(node, exp.Neg):
            return -build(node.this)
        if isinstance(node, exp.Not):
            inner = node.this.unnest() if isinstance(node.this, exp.Paren) else node.this
            if isinstance(inner, exp.Is):
                return build(inner.this).notnull()
            return ~build(node.this)
        if isinstance(node, exp.Is):
            return build(node.this).isnull()
        if type(node) in BINARY:
            return BINARY[type(node)](build(node.this), build(node.expression))
        if isinstance(node, exp.In):
            value = build(node.this)
            items = [build(item) for item in node.expressions]
            return value.isin(items)
        if isinstance(node, exp.Between):
            return build(node.this).between(build(node.args["low"]), build(node.args["high"]))
        if isinstance(node, exp.Case):
            return _case(node, build)
        if isinstance(node, exp.Lower):
            return build(node.this).lower()
        if isinstance(node, exp.Upper):
            return build(node.this).upper()
        if isinstance(node, exp.Coalesce):
            return ibis.coalesce(build(node.this), *(build(item) for item in node.expressions))
        if isinstance(node, exp.Nullif):
            return build(node.this).nullif(build(node.expression))
        if isinstance(node, exp.Abs):
            return build(node.this).abs()
        if isinstance(node, exp.Round):
            decimals = node.args.get("decimals")
            return build(node.this).round(int(decimals.this) if decimals is not None else 0)
        raise ExpressionError(_refusal(node))

    return build(tree)


def _case(node: exp.Case, build: Callable[[exp.Expression], Any]) -> ir.Value:
    subject = node.this
    branches = []
    for branch in node.args.get("ifs") or []:
        condition = build(branch.this)
        if subject is not None:
            condition = build(subject) == condition
        branches.append((condition, build(branch.args["true"])))
    default = node.args.get("default")
    return ibis.cases(*branches, else_=build(default) if default is not None else None)
