"""YAML parsed safely, with the line of every problem: nesting and aliases within limits checked
before any tree is built, values YAML cannot read named by field, and syntax errors reported where
the mistake is as far as can be told, not only where the parser gave up."""

from __future__ import annotations

import re

import yaml

from .problems import Problem

# No content file comes near these; a file past them is a mistake or an attack on the build.
MAX_DEPTH = 50  # lists and mappings inside each other (a bank needs 5)
MAX_ALIASED_VALUES = 1_000  # values that aliases (*name) repeat, in all, in one file

Path_ = tuple[int | str, ...]


def field_path(path: Path_) -> str:
    """('questions', 3, 'options') -> 'questions[3].options', the form editors see in errors."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


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


STR, MAP, SEQ = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "map", "seq"))


def _data(node: yaml.Node, loader: yaml.BaseLoader) -> object:
    """The data a node stands for, as the loader's constructor makes it, but text, lists and
    mappings with text keys made here, at a fifth of its cost: a bank has tens of thousands. Every
    other node (numbers, dates, merge keys, tags) is left to the constructor. An alias gives a copy
    rather than the same object, which is the same data (limit_problem bounds how much is repeated)."""
    tag, kind = node.tag, node.__class__
    if kind is yaml.ScalarNode and tag == STR:
        return node.value
    if kind is yaml.SequenceNode and tag == SEQ:
        return [_data(item, loader) for item in node.value]
    if (kind is yaml.MappingNode and tag == MAP
            and all(key.__class__ is yaml.ScalarNode and key.tag == STR for key, _ in node.value)):
        return {key.value: _data(value, loader) for key, value in node.value}
    return loader.construct_object(node, deep=True)


def _compose(text: str, loader_class: type) -> tuple[yaml.Node | None, object]:
    """The node tree (for line numbers) and the data, from one parse."""
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        try:
            return root, _data(root, loader) if root is not None else None
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
