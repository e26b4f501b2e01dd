"""Read quiz banks from quizzes/*.yml and report every problem with its file and line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .problems import Problem
from .schema import SLUG_PATTERN, Bank, describe, field_names, path_of

BANKS_DIR = "quizzes"
BANK_DIRS = (BANKS_DIR, "local/quizzes")  # upstream banks, then the CoC's own
# libyaml's parser is ten times faster; PyYAML's own explains syntax errors better.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[int | str, ...]
M = TypeVar("M", bound=BaseModel)


def field_path(path: Path_) -> str:
    """('questions', 3, 'options') -> 'questions[3].options', the form editors see in errors."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


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


def duplicate_keys(node: yaml.Node, path: Path_ = ()) -> list[tuple[Path_, int, str]]:
    """YAML lets a repeated key silently replace the first; an editor almost never means that."""
    found = []
    if isinstance(node, yaml.MappingNode):
        first_line: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.value in first_line:
                found.append((path + (key.value,), line, f"duplicate key '{key.value}' (first at line "
                              f"{first_line[key.value]}); YAML keeps only the last one, so remove one"))
            first_line.setdefault(key.value, line)
            found += duplicate_keys(value, path + (key.value,))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            found += duplicate_keys(item, path + (index,))
    return found


def duplicate_ids(root: yaml.Node) -> list[tuple[Path_, int, str]]:
    questions, _ = node_at(root, ("questions",))
    if not isinstance(questions, yaml.SequenceNode):
        return []
    found, first_line = [], {}
    for index, question in enumerate(questions.value):
        id_node, line = node_at(question, ("id",))
        if id_node is question or not isinstance(id_node, yaml.ScalarNode):
            continue
        if id_node.value in first_line:
            found.append((("questions", index, "id"), line, f"duplicate id '{id_node.value}' (first at line "
                          f"{first_line[id_node.value]}); ids must be unique in a bank"))
        first_line.setdefault(id_node.value, line)
    return found


def syntax_problem(error: yaml.YAMLError, shown_as: str, first_line: int = 1) -> Problem:
    """PyYAML's own words, on one line, at the line where it gave up."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    context, start = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and start:
        problem += f" ({context} that starts at line {first_line + start.line})"
    return Problem(shown_as, first_line + (mark.line if mark else 0), "",
                   f"YAML syntax error: {problem}; check indentation, quotes and brackets")


def parse(text: str, loader_class: type = FAST_LOADER) -> tuple[yaml.Node | None, object]:
    """The node tree (for line numbers) and the data, from one parse."""
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        return root, loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()


def read_yaml(text: str, shown_as: str, first_line: int = 1) -> tuple[yaml.Node | None, object, list[Problem]]:
    """Parse YAML that starts at `first_line` of the file `shown_as`: nodes, data and any syntax problem."""
    try:
        return (*parse(text), [])
    except yaml.YAMLError:
        try:  # again with PyYAML's own parser, for its clearer message
            return (*parse(text, yaml.SafeLoader), [])
        except yaml.YAMLError as error:
            return None, None, [syntax_problem(error, shown_as, first_line)]


def validate(model: type[M], data: object, root: yaml.Node | None, shown_as: str,
             first_line: int = 1) -> tuple[M | None, list[Problem]]:
    """The model built from the data, or one problem per field in error, at its line in the file."""
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        problems, known = [], field_names(model)
        for detail in error.errors():
            path = path_of(detail)
            node, line = node_at(root, path) if root is not None else (None, 1)
            raw = node.value if isinstance(node, yaml.ScalarNode) else None
            problems.append(Problem(shown_as, first_line + line - 1, field_path(path), describe(detail, raw, known)))
        return None, problems


def load_file(model: type[M], path: Path, shown_as: str,
              needs: str) -> tuple[M | None, yaml.Node | None, list[Problem]]:
    """Parse and validate one YAML file: the model, the node tree (for further checks with
    lines) and every problem, repeated keys included. `needs` says what an empty file lacks."""
    root, data, problems = read_yaml(path.read_text(encoding="utf-8"), shown_as)
    if problems:
        return None, None, problems
    if root is None:
        return None, None, [Problem(shown_as, 1, "", f"the file is empty: {needs}")]
    loaded, problems = validate(model, data, root, shown_as)
    problems += [Problem(shown_as, line, field_path(path), message) for path, line, message in duplicate_keys(root)]
    return loaded, root, problems


def load_bank(path: Path, shown_as: str) -> tuple[Bank | None, list[Problem]]:
    """Parse and validate one bank file; `shown_as` is the path used in messages."""
    bank, root, problems = load_file(Bank, path, shown_as, "a bank needs a top-level 'questions:' list")
    if root is not None:
        problems += [Problem(shown_as, line, field_path(path), message) for path, line, message in duplicate_ids(root)]
    return (bank if not problems else None), sorted(set(problems))


def load_banks(project_dir: Path) -> tuple[dict[str, Bank], list[Problem]]:
    """Every bank in quizzes/ and the CoC's local/quizzes/, keyed by file name without .yml,
    and every problem in any of them."""
    banks: dict[str, Bank] = {}
    problems: list[Problem] = []
    first_file: dict[str, str] = {}
    paths = [path for folder in BANK_DIRS for path in sorted((project_dir / folder).glob("*.y*ml"))]
    for path in paths:
        shown_as = path.relative_to(project_dir).as_posix()
        bank_id = path.stem
        if path.suffix != ".yml":
            problems.append(Problem(shown_as, 1, "", "bank files end in .yml; rename it"))
        elif not re.fullmatch(SLUG_PATTERN, bank_id):
            problems.append(Problem(shown_as, 1, "", f"'{bank_id}' is not a valid bank id: name the file "
                                    "with lowercase letters, digits and hyphens"))
        elif bank_id in first_file:
            problems.append(Problem(shown_as, 1, "", f"the bank id '{bank_id}' is taken by {first_file[bank_id]}; "
                                    "rename this file"))
        else:
            first_file[bank_id] = shown_as
            bank, found = load_bank(path, shown_as)
            problems += found
            if bank is not None:
                banks[bank_id] = bank
    return banks, problems
