"""Reading YAML safely and writing it readably.

Reading uses PyYAML's C parser with the safe constructor, and refuses what a model file
never needs and an attacker would use: language-specific tags, aliases that expand into
more nodes, or repeat more text, than a limit (the "billion laughs" attack) and files over a size limit. Dates stay strings so that an impossible
date is reported with its path by the validator instead of aborting the parse. Duplicate
keys in a mapping are an error rather than silently keeping the last one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:  # the stubs type the C classes; the pure-Python fallback has the same interface
    _CLoader = yaml.CSafeLoader
    _CDumper = yaml.CSafeDumper
else:
    try:
        _CLoader = yaml.CSafeLoader
        _CDumper = yaml.CSafeDumper
    except AttributeError:  # PyYAML built without libyaml
        _CLoader = yaml.SafeLoader
        _CDumper = yaml.SafeDumper


MAX_ALIAS_EXPANSION = 100_000
# The characters of text that aliases may repeat: one long text aliased many times is a big file too.
MAX_ALIAS_TEXT = 1_000_000


class UnsafeYaml(ValueError):
    """The text is not YAML, or uses a feature refused for safety."""


STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
SCALAR_CONSTRUCTORS = {
    "tag:yaml.org,2002:int": "construct_yaml_int",
    "tag:yaml.org,2002:float": "construct_yaml_float",
    "tag:yaml.org,2002:bool": "construct_yaml_bool",
    "tag:yaml.org,2002:null": "construct_yaml_null",
}


class _ModelLoader(_CLoader):
    """Safe loader: no timestamps, bounded aliases, no duplicate keys, plain data only.

    libyaml composes the node tree in C; building Python values from it here, in one
    tight recursive walk over the node types a model file uses, takes about a third of
    the time PyYAML's general constructor machinery needs.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _CLoader.yaml_implicit_resolvers.items()
    }

    def construct_document(self, node: yaml.Node) -> Any:
        self.alias_budget = MAX_ALIAS_EXPANSION
        self.alias_text_budget = MAX_ALIAS_TEXT
        self.seen_nodes: set[int] = set()
        self.subtree_sizes: dict[int, tuple[int, int]] = {}
        return self.build(node)

    def build(self, node: yaml.Node) -> Any:
        kind = node.__class__
        tag = node.tag
        if id(node) in self.seen_nodes:
            self.spend_alias(node)
        else:
            self.seen_nodes.add(id(node))
        if kind is yaml.ScalarNode:
            if tag == STR_TAG:
                return node.value
            method = SCALAR_CONSTRUCTORS.get(tag)
            if method is None:
                raise _refused_tag(node)
            return getattr(self, method)(node)
        if kind is yaml.MappingNode:
            if tag != MAP_TAG:
                raise _refused_tag(node)
            mapping: dict[Any, Any] = {}
            build = self.build
            for key_node, value_node in node.value:
                key = build(key_node)
                try:
                    duplicate = key in mapping
                except TypeError:
                    raise UnsafeYaml(
                        f"line {key_node.start_mark.line + 1}: a mapping key must be a plain value"
                    ) from None
                if duplicate:
                    raise UnsafeYaml(f"line {key_node.start_mark.line + 1}: duplicate key {key!r}")
                mapping[key] = build(value_node)
            return mapping
        if tag != SEQ_TAG:
            raise _refused_tag(node)
        return [self.build(child) for child in node.value]

    def spend_alias(self, node: yaml.Node) -> None:
        """A node met again is an alias: whoever walks or stores the result does it again."""
        nodes, text = self.size(node)
        self.alias_budget -= nodes
        self.alias_text_budget -= text
        where = f"line {node.start_mark.line + 1}: YAML aliases"
        if self.alias_budget < 0:
            raise UnsafeYaml(f"{where} expand to more than {MAX_ALIAS_EXPANSION:,} nodes (a 'billion laughs' attack?)")
        if self.alias_text_budget < 0:
            raise UnsafeYaml(f"{where} repeat more than {MAX_ALIAS_TEXT:,} characters of text")

    def size(self, node: yaml.Node) -> tuple[int, int]:
        """Nodes and characters of text in the subtree, aliases counted every time (memoised per node)."""
        known = self.subtree_sizes.get(id(node))
        if known is not None:
            return known
        # A node that holds an alias to itself expands without end: over any budget.
        self.subtree_sizes[id(node)] = (MAX_ALIAS_EXPANSION + 1, 0)
        if isinstance(node, yaml.SequenceNode | yaml.MappingNode):
            children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
            sizes = [self.size(child) for child in children]
            total = (1 + sum(nodes for nodes, _ in sizes), sum(text for _, text in sizes))
        else:
            total = (1, len(node.value))
        self.subtree_sizes[id(node)] = total
        return total


def _refused_tag(node: yaml.Node) -> UnsafeYaml:
    if node.tag == "tag:yaml.org,2002:merge":
        return UnsafeYaml(f"line {node.start_mark.line + 1}: merge keys (<<) are not allowed in model files")
    tag = node.tag.replace("tag:yaml.org,2002:", "!!", 1)  # as written in the file
    return UnsafeYaml(f"line {node.start_mark.line + 1}: the tag {tag} is not allowed in model files")


# YAML 1.1 reads 1e6 and 1.5e3 as text; in a model file they are numbers, as in YAML 1.2.
_ModelLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)[eE][-+]?[0-9]+$"),
    list("-+.0123456789"),
)


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
        context = getattr(error, "context", None)
        if context:  # e.g. "expected a single document in the stream", "while parsing a flow sequence"
            problem = f"{context}, {problem}"
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise UnsafeYaml(f"not valid YAML: {where}{problem}") from None
    except RecursionError:
        raise UnsafeYaml("the YAML nests too deeply") from None


def read_yaml_file(path: Path, *, max_bytes: int) -> Any:
    """Read and parse a YAML file of at most `max_bytes`. Raises UnsafeYaml or OSError."""
    size = path.stat().st_size
    if size > max_bytes:
        raise UnsafeYaml(
            f"{path}: {size:,} bytes is over the limit of {max_bytes:,} (raise it with LODESTAR_MAX_MODEL_FILE_BYTES)"
        )
    data = path.read_bytes()
    if len(data) > max_bytes:  # the file grew while we looked
        raise UnsafeYaml(f"{path}: over the limit of {max_bytes:,} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnsafeYaml(f"{path}: not UTF-8 (byte {error.start})") from None
    return parse_yaml(text)


class _ModelDumper(_CDumper):
    """Block style with flow-style leaves, no aliases, keys in the given order."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(document: Any) -> str:
    """Write a document as YAML with keys in insertion order and unicode kept as is."""
    return yaml.dump(
        document,
        Dumper=_ModelDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
