"""Reading YAML safely and writing it readably.

Reading uses PyYAML's C parser with the safe constructor, and refuses what a model file
never needs and an attacker would use: language-specific tags, aliases that expand into
more nodes than a limit (the "billion laughs" attack) and files over a size limit. Dates stay strings so that an impossible
date is reported with its path by the validator instead of aborting the parse. Duplicate
keys in a mapping are an error rather than silently keeping the last one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

try:
    _CLoader: type[Any] = yaml.CSafeLoader
    _CDumper: type[Any] = yaml.CSafeDumper
except AttributeError:  # PyYAML built without libyaml
    _CLoader = yaml.SafeLoader
    _CDumper = yaml.SafeDumper


MAX_ALIAS_EXPANSION = 100_000


class UnsafeYaml(ValueError):
    """The text is not YAML, or uses a feature refused for safety."""


class _ModelLoader(_CLoader):  # type: ignore[misc, valid-type]
    """Safe loader: no timestamps, no aliases, no duplicate keys."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _CLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.alias_budget = MAX_ALIAS_EXPANSION
        self.subtree_sizes: dict[yaml.Node, int] = {}

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects and not isinstance(node, yaml.ScalarNode):
            # The composer hands an alias back as the node it refers to: whoever walks the
            # result walks that subtree again, so each alias spends its size from a budget.
            self.alias_budget -= self._size(node)
            if self.alias_budget < 0:
                raise UnsafeYaml(
                    f"line {node.start_mark.line + 1}: YAML aliases expand to more than "
                    f"{MAX_ALIAS_EXPANSION:,} nodes (a 'billion laughs' attack?)"
                )
        return super().construct_object(node, deep=deep)

    def _size(self, node: yaml.Node) -> int:
        """Nodes in the subtree, aliases counted every time (memoised per node)."""
        known = self.subtree_sizes.get(node)
        if known is not None:
            return known
        if isinstance(node, yaml.SequenceNode):
            size = 1 + sum(self._size(child) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            size = 1 + sum(self._size(key) + self._size(value) for key, value in node.value)
        else:
            size = 1
        self.subtree_sizes[node] = size
        return size

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise UnsafeYaml(f"line {node.start_mark.line + 1}: expected a mapping")
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in mapping
            except TypeError:
                raise UnsafeYaml(f"line {key_node.start_mark.line + 1}: a mapping key must be a plain value") from None
            if duplicate:
                raise UnsafeYaml(f"line {key_node.start_mark.line + 1}: duplicate key {key!r}")
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def _refuse_tag(loader: Any, tag_suffix: str, node: yaml.Node) -> Any:
    raise UnsafeYaml(f"line {node.start_mark.line + 1}: the tag !{tag_suffix} is not allowed in model files")


_ModelLoader.add_multi_constructor("tag:yaml.org,2002:python/", _refuse_tag)
_ModelLoader.add_multi_constructor("!", _refuse_tag)


def parse_yaml(text: str | bytes) -> Any:
    """Parse one YAML document. Raises UnsafeYaml with a line number on any problem."""
    try:
        return yaml.load(text, Loader=_ModelLoader)  # noqa: S506 - _ModelLoader is a SafeLoader
    except UnsafeYaml:
        raise
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        where = f"line {mark.line + 1}: " if mark else ""
        raise UnsafeYaml(f"{where}{error.problem or error}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise UnsafeYaml(f"not valid YAML: {where}{problem}") from None
    except RecursionError:
        raise UnsafeYaml("the YAML nests too deeply") from None


def read_yaml_file(path: Path, *, max_bytes: int) -> Any:
    """Read and parse a YAML file of at most `max_bytes`. Raises UnsafeYaml or OSError."""
    size = path.stat().st_size
    if size > max_bytes:
        raise UnsafeYaml(
            f"{path}: {size:,} bytes is over the limit of {max_bytes:,} "
            "(raise it with LODESTAR_MAX_MODEL_FILE_BYTES)"
        )
    data = path.read_bytes()
    if len(data) > max_bytes:  # the file grew while we looked
        raise UnsafeYaml(f"{path}: over the limit of {max_bytes:,} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnsafeYaml(f"{path}: not UTF-8 (byte {error.start})") from None
    return parse_yaml(text)


class _ModelDumper(_CDumper):  # type: ignore[misc, valid-type]
    """Block style with flow-style leaves, no aliases, keys in the given order."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(document: Any) -> str:
    """Write a document as YAML with keys in insertion order and unicode kept as is."""
    return yaml.dump(  # type: ignore[no-any-return]
        document,
        Dumper=_ModelDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
