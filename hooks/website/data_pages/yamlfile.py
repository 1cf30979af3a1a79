"""Read a YAML data file and remember the line of every value, so that errors can point at it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from website.checks.reading import NotUtf8, decode, yaml_problem
from website.messages.problems import Phrase, phrase

# libyaml's C parser is ~10x faster than the pure-Python one; fall back when PyYAML was built without it.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[str | int, ...]


class _DataLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that keeps dates as text: the schemas check them, and "2021-02" must stay what staff wrote."""


_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class ReadProblem:
    line: int | None
    path: Path_
    message: Phrase


@dataclass
class YamlDocument:
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[ReadProblem] = field(default_factory=list)

    def line_of(self, path: Path_) -> int | None:
        """The line of the value at `path`, or of its nearest parent that exists (for a missing field)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return None


def parse_yaml(raw: bytes) -> YamlDocument:
    """Parse a UTF-8 YAML file's bytes; encoding and syntax errors come back as problems with their line, never
    raised."""
    try:
        text = decode(raw)
    except NotUtf8 as error:
        return YamlDocument(data=None, problems=[ReadProblem(error.line, (), phrase("file.not_utf8"))])
    loader = _DataLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        error_line, message = yaml_problem(error, text)
        return YamlDocument(data=None, problems=[ReadProblem(error_line, (), message)])
    finally:
        loader.dispose()
    document = YamlDocument(data=data)
    if node is not None:
        _record_lines(node, (), document)
    return document


def _record_lines(node: yaml.Node, path: Path_, document: YamlDocument) -> None:
    document.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                # PyYAML keeps the last value silently; a value must never be lost without a word.
                document.problems.append(
                    ReadProblem(line, (*path, key), phrase("yaml.duplicate_key", key=key, first_line=seen[key]))
                )
            seen.setdefault(key, line)
            document.lines[(*path, key)] = line
            _record_lines(value_node, (*path, key), document)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            document.lines[(*path, index)] = item.start_mark.line + 1
            _record_lines(item, (*path, index), document)
