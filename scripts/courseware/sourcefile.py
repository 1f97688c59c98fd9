"""Reading content files: UTF-8 text, YAML that remembers its line numbers, front matter.

Everything here raises :class:`ContentError` (never a bare exception) for bad input, so the
caller can report ``path:line: message`` and carry on with the next file.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

import yaml

from .problems import ContentError, Problem


# libyaml's parser when PyYAML has it (same marks, several times faster), else the pure-Python one.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict):
    """A YAML mapping that knows the line it starts on and the line of each key."""

    line: int = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_lines: dict[Any, int] = {}

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A YAML sequence that knows the line it starts on and the line of each item."""

    line: int = 0

    def __init__(self, *args):
        super().__init__(*args)
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


def line_of(node: Any, key=None, default: int = 0) -> int:
    """The line of ``node[key]`` (or of ``node`` itself) if the node remembers it."""
    if key is not None and isinstance(node, (LineDict, LineList)):
        return node.line_of(key)
    return getattr(node, "line", default) or default


def rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_text(path: Path, root: Path) -> str:
    """Read a UTF-8 file; a file that is not UTF-8 is a content error with its line."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError(
            Problem(rel(path, root), line, "the file is not UTF-8 text; save it with UTF-8 encoding")
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def _make_loader(path_label: str, first_line: int, problems: list[Problem]):
    offset = first_line - 1

    class Loader(_BaseLoader):
        pass

    def construct_mapping(loader, node):
        loader.flatten_mapping(node)
        data = LineDict()
        data.line = node.start_mark.line + 1 + offset
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                problems.append(Problem(path_label, key_node.start_mark.line + 1 + offset, "a key must be a plain word"))
                continue
            if key in data:
                problems.append(
                    Problem(
                        path_label,
                        key_node.start_mark.line + 1 + offset,
                        f"the key '{key}' appears twice in the same block (the first one, on line {data.key_lines[key]}, would be lost)",
                    )
                )
            data[key] = loader.construct_object(value_node, deep=True)
            data.key_lines[key] = key_node.start_mark.line + 1 + offset
        return data

    def construct_sequence(loader, node):
        data = LineList()
        data.line = node.start_mark.line + 1 + offset
        for child in node.value:
            data.append(loader.construct_object(child, deep=True))
            data.item_lines.append(child.start_mark.line + 1 + offset)
        return data

    def construct_timestamp(loader, node):
        # An impossible date (2030-13-01) stays text, so the schema reports it with its line
        # instead of PyYAML raising a bare ValueError.
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
        except ValueError:
            return loader.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", construct_timestamp)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    return Loader


def load_yaml(text: str, path_label: str, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse YAML text. Returns (data, non-fatal problems); raises ContentError on a syntax error.

    ``first_line`` is the file line on which ``text`` starts (front matter starts on line 2).
    """
    problems: list[Problem] = []
    loader_cls = _make_loader(path_label, first_line, problems)
    try:
        data = yaml.load(text, Loader=loader_cls)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark else first_line
        what = exc.problem or exc.context or "the YAML cannot be read"
        if exc.context and exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            what += f" ({exc.context} that starts on line {exc.context_mark.line + first_line})"
        hint = ""
        if "\t" in text and "tab" in str(what).lower():
            hint = " (use spaces, not tabs, to indent)"
        elif "mapping values are not allowed" in str(what):
            hint = " (a value that contains ': ' must be put in quotes)"
        raise ContentError(Problem(path_label, line, f"YAML syntax error: {what}{hint}")) from None
    except yaml.YAMLError as exc:
        raise ContentError(Problem(path_label, first_line, f"YAML syntax error: {exc}")) from None
    return data, problems


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split ``---``-delimited front matter from a Markdown text.

    Returns (front matter text or None, body, the file line on which the body starts).
    An opening ``---`` without a closing one leaves front matter None and the body whole.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2
    return None, text, 1


def to_json(value: Any) -> Any:
    """A JSON-compatible copy for schema validation (dates become ISO strings)."""
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value


def line_for_path(data: Any, path: list) -> int:
    """The line of the deepest node along a JSON-schema error path."""
    node, line = data, line_of(data, default=1)
    for key in path:
        if isinstance(node, LineDict) and key in node:
            line = node.line_of(key)
            node = node[key]
        elif isinstance(node, LineList) and isinstance(key, int) and 0 <= key < len(node):
            line = node.line_of(key)
            node = node[key]
        else:
            break
    return line
