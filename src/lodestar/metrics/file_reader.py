"""The reading side of a metrics file: a safe YAML loader without duplicate keys, and a problem collector."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from lodestar.metrics.definitions import Expression
from lodestar.metrics.errors import Problem
from lodestar.metrics.expressions import ExpressionError, parse_expression


class UniqueKeyLoader(yaml.SafeLoader):
    """A safe YAML loader that refuses a key given twice in one mapping."""


def _construct_mapping(loader: UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if isinstance(key, str | int | float | bool) and key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class FileReader:
    """Collects problems while turning the parsed YAML into definitions."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, location: str, message: str) -> None:
        self.problems.append(Problem(location, message))

    def mapping(self, value: Any, location: str, allowed: tuple[str, ...]) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(location, f"expected a mapping, got {kind_of(value)}")
            return None
        for key in value:
            if not isinstance(key, str):
                self.problem(location, f"key {key!r} is not a string")
            elif key not in allowed:
                self.problem(f"{location}.{key}" if location else key, f"unknown key (allowed: {', '.join(allowed)})")
        return {key: item for key, item in value.items() if isinstance(key, str) and key in allowed}

    def string(self, value: Any, location: str, *, pattern: re.Pattern[str] | None = None) -> str | None:
        if not isinstance(value, str) or isinstance(value, bool):
            self.problem(location, f"expected a string, got {kind_of(value)}")
            return None
        if pattern is not None and not pattern.match(value):
            self.problem(location, f"{value!r} is not a valid name (must match {pattern.pattern})")
            return None
        return value

    def optional_string(self, data: Mapping[str, Any], key: str, location: str) -> str | None:
        if key not in data or data[key] is None:
            return None
        return self.string(data[key], f"{location}.{key}")

    def expression(self, value: Any, location: str) -> Expression | None:
        try:
            return parse_expression(value)
        except ExpressionError as error:
            shown = value if isinstance(value, str) else repr(value)
            self.problem(location, f"{error} in {quote(shown)}")
            return None

    def named(self, data: Mapping[str, Any], location: str, pattern: re.Pattern[str]) -> dict[str, Any]:
        valid: dict[str, Any] = {}
        for key, value in data.items():
            if not isinstance(key, str) or not pattern.match(key):
                self.problem(f"{location}.{key}", f"{key!r} is not a valid id (must match {pattern.pattern})")
            else:
                valid[key] = value
        return valid


def kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a mapping",
    }.get(type(value), type(value).__name__)


def quote(text: str) -> str:
    shown = text if len(text) <= 200 else text[:197] + "..."
    return '"' + shown.replace('"', '\\"') + '"'
