"""Read content files: text as UTF-8 (read_text, which every file the site reads goes through), YAML
(safe_yaml.py) and models validated with every problem at its file and line."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .problems import Problem
from .safe_yaml import Path_, children, field_path, read_yaml
from .formats import describe, field_names, path_of, union_tags

BOM = b"\xef\xbb\xbf"
COLLECTIONS = (yaml.MappingNode, yaml.SequenceNode)

M = TypeVar("M", bound=BaseModel)


def read_text(path: Path, shown_as: str) -> tuple[str | None, list[Problem]]:
    """A file's text with a UTF-8 BOM dropped and line ends as '\\n', as MkDocs reads pages; or,
    if it is not UTF-8, a problem at the line of the first byte that is not."""
    try:
        data = path.read_bytes().removeprefix(BOM)
    except OSError as error:  # a folder named like a file, or a file without read permission
        return None, [Problem(shown_as, 1, "", f"cannot be read: {error.strerror or error}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [Problem(shown_as, line, "", f"not UTF-8 text: byte 0x{data[error.start]:02X} at column "
                              f"{column} cannot be read; save the file with UTF-8 encoding")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def node_at(root: yaml.Node, path: Path_) -> tuple[yaml.Node, int]:
    """The deepest node along `path`, and the line to show: a key's own line, not its value's."""
    node, line = root, root.start_mark.line + 1
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = next(((key, value) for key, value in node.value if key.value == part), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return node, line


def duplicate_keys(root: yaml.Node) -> list[tuple[Path_, int, str]]:
    """YAML lets a repeated key silently replace the first; an editor almost never means that.
    Each list and mapping is visited once, however many aliases repeat it; single values, which
    hold no keys, are not visited at all (a bank has tens of thousands)."""
    found, todo, seen = [], [(root, ())], set()
    while todo:
        node, path = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first_line: dict[str, int] = {}
            for key, _ in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    continue
                line = key.start_mark.line + 1
                if key.value in first_line:
                    found.append((path + (key.value,), line, f"duplicate key '{key.value}' (first at line "
                                  f"{first_line[key.value]}); YAML keeps only the last one, so remove one"))
                first_line.setdefault(key.value, line)
        todo += [(child, path + (place,)) for place, child in children(node) if isinstance(child, COLLECTIONS)]
    return sorted(found, key=lambda item: item[1])


def read_yaml_file(path: Path, shown_as: str) -> tuple[yaml.Node | None, object, list[Problem]]:
    """A whole YAML file, read and parsed: nodes, data and any problem that stopped either."""
    text, problems = read_text(path, shown_as)
    return read_yaml(text, shown_as) if text is not None else (None, None, problems)


KINDS = {list: "a list", str: "text", int: "a number", float: "a number", bool: "true or false"}


def not_a_mapping(data: object, root: yaml.Node | None, shown_as: str, first_line: int = 1,
                  what: str = "the top level") -> Problem | None:
    """Every content file, and a page's front matter, is 'field: value' lines: say so when it is not."""
    if isinstance(data, dict):
        return None
    line = first_line + (root.start_mark.line if root is not None else 0)
    found = f"not {KINDS.get(type(data), 'a single value')}" if data is not None else "and there are none"
    return Problem(shown_as, line, "", f"{what} must be 'field: value' lines, {found}")


def validate(model: type[M], data: object, root: yaml.Node | None, shown_as: str,
             first_line: int = 1) -> tuple[M | None, list[Problem]]:
    """The model built from the data, or one problem per field in error, at its line in the file."""
    problem = not_a_mapping(data, root, shown_as, first_line)
    if problem:
        return None, [problem]
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        problems, known, tags = [], field_names(model), union_tags(model)
        hints = getattr(model, "hints", {})
        for detail in error.errors():
            path = path_of(detail, tags)
            node, line = node_at(root, path) if root is not None else (None, 1)
            raw = node.value if isinstance(node, yaml.ScalarNode) else None
            problems.append(Problem(shown_as, first_line + line - 1, field_path(path), describe(detail, raw, known, hints)))
        return None, problems


@contextmanager
def collection_paused() -> Iterator[None]:
    """Parsing a file makes tens of thousands of objects (nodes, marks, data) that never refer to
    each other in a circle, so reference counting frees them; the cycle collector, run meanwhile
    again and again as they are made, would only go over every object of the build for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_file(model: type[M], path: Path, shown_as: str,
              needs: str) -> tuple[M | None, yaml.Node | None, list[Problem]]:
    """Parse and validate one YAML file: the model, the node tree (for further checks with
    lines) and every problem, repeated keys included. `needs` says what an empty file lacks."""
    with collection_paused():
        return _load_file(model, path, shown_as, needs)


def _load_file(model: type[M], path: Path, shown_as: str,
               needs: str) -> tuple[M | None, yaml.Node | None, list[Problem]]:
    root, data, problems = read_yaml_file(path, shown_as)
    if problems:
        return None, None, problems
    if root is None:
        return None, None, [Problem(shown_as, 1, "", f"the file is empty: {needs}")]
    loaded, problems = validate(model, data, root, shown_as)
    problems += [Problem(shown_as, line, field_path(path), message) for path, line, message in duplicate_keys(root)]
    return loaded, root, problems
