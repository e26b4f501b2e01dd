"""Read content files: text as UTF-8, YAML with line numbers and within safe limits, and models
validated with every problem at its file and line. Every file the site reads goes through here."""

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
# No content file comes near these; a file past them is a mistake or an attack on the build.
MAX_DEPTH = 50  # lists and mappings inside each other (a bank needs 5)
MAX_ALIASED_VALUES = 1_000  # values that aliases (*name) repeat, in all, in one file
BOM = b"\xef\xbb\xbf"

Path_ = tuple[int | str, ...]
M = TypeVar("M", bound=BaseModel)


def read_text(path: Path, shown_as: str) -> tuple[str | None, list[Problem]]:
    """A file's text with a UTF-8 BOM dropped and line ends as '\\n', as MkDocs reads pages; or,
    if it is not UTF-8, a problem at the line of the first byte that is not."""
    data = path.read_bytes().removeprefix(BOM)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [Problem(shown_as, line, "", f"not UTF-8 text: byte 0x{data[error.start]:02X} at column "
                              f"{column} cannot be read; save the file with UTF-8 encoding")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


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


def children(node: yaml.Node) -> list[tuple[int | str, yaml.Node]]:
    """A node's values, each with its place: a key (when written as text) or an index."""
    if isinstance(node, yaml.MappingNode):
        return [(key.value, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)]
    if isinstance(node, yaml.SequenceNode):
        return list(enumerate(node.value))
    return []


def path_to(root: yaml.Node, target: yaml.Node) -> Path_:
    """Where a node sits in the tree, to name the field of a value that YAML could not read."""
    todo, seen = [(root, ())], set()
    while todo:
        node, path = todo.pop()
        if node is target:
            return path
        if id(node) not in seen:
            seen.add(id(node))
            todo += [(child, path + (place,)) for place, child in children(node)]
    return ()


def duplicate_keys(root: yaml.Node) -> list[tuple[Path_, int, str]]:
    """YAML lets a repeated key silently replace the first; an editor almost never means that.
    Each node is visited once, however many aliases repeat it."""
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
        todo += [(child, path + (place,)) for place, child in children(node)]
    return sorted(found, key=lambda item: item[1])


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


class UnreadableValue(Exception):
    """A value YAML parsed but cannot turn into data, such as the date 2026-02-30."""

    def __init__(self, node: yaml.Node, reason: Exception) -> None:
        super().__init__(str(reason))
        self.node, self.reason = node, reason
        self.root: yaml.Node | None = None  # the tree it sits in, once composed


class _NamesUnreadableValues:
    """PyYAML raises a bare ValueError, with no line, for a value such as 2026-02-30; keep the node."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> object:
        try:
            return super().construct_object(node, deep)  # type: ignore[misc]
        except (ValueError, TypeError, AttributeError, OverflowError) as error:
            raise UnreadableValue(node, error) from None


# libyaml's parser is ten times faster; PyYAML's own explains syntax errors better.
class FastLoader(_NamesUnreadableValues, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


class ExplainingLoader(_NamesUnreadableValues, yaml.SafeLoader):
    pass


def limit_problem(text: str, loader_class: type, shown_as: str, first_line: int,
                  quoted: list[yaml.ScalarEvent] | None = None) -> Problem | None:
    """Nesting and aliases, checked on the parser's events before any tree is built: the composer
    recurses, so a 100,000-deep list crashes it, and 2 KB of aliases can stand for a billion values.
    `quoted` collects the quoted texts on the way, for syntax_problem."""
    loader = loader_class(text)
    try:
        open_collections: list[list] = []  # [anchor, values so far] for each list or mapping not yet closed
        sizes: dict[str, int] = {}  # anchor -> how many values an alias to it repeats
        aliased = 0
        while loader.check_event():
            event = loader.get_event()
            line = first_line + event.start_mark.line
            size = 1
            if isinstance(event, yaml.CollectionStartEvent):
                if len(open_collections) == MAX_DEPTH:
                    return Problem(shown_as, line, "", f"lists and mappings are nested more than {MAX_DEPTH} "
                                   "deep here; no content needs that many levels")
                open_collections.append([event.anchor, 1])
                continue
            if isinstance(event, yaml.CollectionEndEvent):
                anchor, size = open_collections.pop()
                if anchor:
                    sizes[anchor] = size
            elif isinstance(event, yaml.ScalarEvent):
                if event.anchor:
                    sizes[event.anchor] = 1
                if quoted is not None and event.style in {'"', "'"}:
                    quoted.append(event)
            elif isinstance(event, yaml.AliasEvent):
                if any(anchor == event.anchor for anchor, _ in open_collections):
                    return Problem(shown_as, line, "", f"the alias *{event.anchor} sits inside its own anchor "
                                   f"&{event.anchor}, an endless loop; write the content out instead")
                size = sizes.get(event.anchor, 0)
                aliased += size
                if aliased > MAX_ALIASED_VALUES:
                    return Problem(shown_as, line, "", f"aliases (*name) in this file repeat more than "
                                   f"{MAX_ALIASED_VALUES:,} values; write the content out instead of repeating it")
            else:
                continue  # stream and document events hold no values
            if open_collections:
                open_collections[-1][1] += size
        return None
    finally:
        loader.dispose()


def _compose(text: str, loader_class: type) -> tuple[yaml.Node | None, object]:
    """The node tree (for line numbers) and the data, from one parse."""
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        try:
            return root, loader.construct_document(root) if root is not None else None
        except UnreadableValue as error:
            error.root = root
            raise
    finally:
        loader.dispose()


# A line a runaway quote swallowed: a key or a list item, indented no deeper than the quote's own line.
SWALLOWED_LINE = re.compile(r"(?P<indent> *)(- |[\w-]+:(\s|$))")


def runaway_quote(event: yaml.ScalarEvent, text: str) -> bool:
    """Whether quoted text runs over lines that look like YAML of their own: a missing closing quote."""
    rest = text[event.start_mark.index:event.end_mark.index].split("\n")[1:]
    line_start = text.rfind("\n", 0, event.start_mark.index) + 1
    indent = len(text[line_start:]) - len(text[line_start:].lstrip(" "))
    return any((match := SWALLOWED_LINE.match(line)) and len(match["indent"]) <= indent for line in rest)


def syntax_problem(error: yaml.YAMLError, text: str, shown_as: str, first_line: int,
                   quoted: list[yaml.ScalarEvent]) -> Problem:
    """PyYAML's own words, on one line. A parser gives up where the text stops making sense, often
    far below the mistake; a quote left open is the usual cause, so point at where it opened."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    context, start = getattr(error, "context", None), getattr(error, "context_mark", None)
    gave_up = first_line + (mark.line if mark else 0)
    if isinstance(error, yaml.reader.ReaderError):
        line = first_line + text.count("\n", 0, error.position)
        return Problem(shown_as, line, "", f"YAML syntax error: the character #x{error.character:04x} is not "
                       "allowed in YAML; delete it")
    if context == "while scanning a quoted scalar" and start:
        return Problem(shown_as, first_line + start.line, "", f"YAML syntax error: the quoted text that starts on "
                       f"this line is never closed (the parser gave up at line {gave_up}: {problem}); add its "
                       "closing quote")
    runaway = next((event for event in quoted if runaway_quote(event, text)), None)
    if runaway:
        ends = first_line + runaway.end_mark.line
        gave_up_at = "where the parser gave up:" if ends == gave_up else f"and the parser gave up at line {gave_up}:"
        return Problem(shown_as, first_line + runaway.start_mark.line, "", f"YAML syntax error: the quoted text "
                       f"that starts on this line runs on to line {ends}, {gave_up_at} {problem}; is its closing "
                       "quote missing?")
    if context and problem.startswith("but "):  # PyYAML splits "expected X, but found Y" in two
        problem = f"{context}, {problem}"
    elif context and start:
        problem += f" ({context} that starts at line {first_line + start.line})"
    if isinstance(error, yaml.constructor.ConstructorError):
        return Problem(shown_as, gave_up, "", f"YAML error: {problem}; write keys as plain text, and values "
                       "without tags such as !!python")
    return Problem(shown_as, gave_up, "", f"YAML syntax error: {problem}; check indentation, quotes and brackets")


def explain(error: yaml.YAMLError, text: str, shown_as: str, first_line: int) -> Problem:
    """Parse again with PyYAML's own parser, noting quoted texts on the way, for a clearer message."""
    quoted: list[yaml.ScalarEvent] = []
    try:
        problem = limit_problem(text, ExplainingLoader, shown_as, first_line, quoted)
        if problem is None:
            _compose(text, ExplainingLoader)
    except yaml.YAMLError as clearer:
        error = clearer
    except UnreadableValue:
        pass  # PyYAML's parser got further than libyaml's: keep libyaml's message
    return syntax_problem(error, text, shown_as, first_line, quoted)


def read_yaml(text: str, shown_as: str, first_line: int = 1) -> tuple[yaml.Node | None, object, list[Problem]]:
    """Parse YAML that starts at `first_line` of the file `shown_as`: nodes, data and any problem
    that stopped the parse."""
    try:
        problem = limit_problem(text, FastLoader, shown_as, first_line)
        if problem:
            return None, None, [problem]
        return (*_compose(text, FastLoader), [])
    except UnreadableValue as error:
        path = path_to(error.root, error.node) if error.root is not None else ()
        return None, None, [Problem(shown_as, first_line + error.node.start_mark.line, field_path(path),
                                    unreadable(error))]
    except yaml.YAMLError as error:
        return None, None, [explain(error, text, shown_as, first_line)]


def unreadable(error: UnreadableValue) -> str:
    value = error.node.value if isinstance(error.node, yaml.ScalarNode) else "this value"
    if error.node.tag == "tag:yaml.org,2002:timestamp":
        return f"'{value}' is not a real date ({error.reason}); write a date that exists, as YYYY-MM-DD"
    return f"YAML cannot read '{value}' as {error.node.tag.rsplit(':', 1)[-1]}: {error.reason}"


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
    root, data, problems = read_yaml_file(path, shown_as)
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


def bank_files(project_dir: Path) -> list[Path]:
    """Every file in quizzes/ and local/quizzes/ that could be a bank, whether valid or not."""
    return [path for folder in BANK_DIRS for path in sorted((project_dir / folder).glob("*.y*ml"))]


def load_banks(project_dir: Path) -> tuple[dict[str, Bank], list[Problem]]:
    """Every bank in quizzes/ and the CoC's local/quizzes/, keyed by file name without .yml,
    and every problem in any of them."""
    banks: dict[str, Bank] = {}
    problems: list[Problem] = []
    first_file: dict[str, str] = {}
    for path in bank_files(project_dir):
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
