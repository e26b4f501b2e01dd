"""Every macro call, variable and setting a page uses, found with Jinja's own parser and checked
before any page renders, so that `make check` and the build report the same problems, each at its
page and line, and no page fails halfway through the build with a traceback."""

from __future__ import annotations

import ast
import difflib
import inspect
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import nodes
from pydantic import BaseModel

from ..cache import kept
from ..loader import read_text
from ..pages import Page
from ..problems import Problem

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # macros/
# What mkdocs-macros 1.5 itself gives every page (mkdocs_macros/plugin.py and context.py).
MKDOCS_MACROS_VARIABLES = {"extra", "config", "environment", "plugin", "git", "macros", "filters", "filters_builtin",
                           "page", "navigation", "files"}
MKDOCS_MACROS_MACROS = {"context", "macros_info", "now", "fix_url"}
MKDOCS_MACROS_FILTERS = {"pretty", "relative_url"}
JINJA_NAMES = {*jinja2.defaults.DEFAULT_NAMESPACE, "loop", "caller", "varargs", "kwargs", "super", "self"}
PAGES = jinja2.Environment()  # mkdocs-macros' delimiters and syntax: Jinja's defaults


class Expression:
    """An argument written as an expression, not a quoted value: known only when the page renders."""

    def __repr__(self) -> str:
        return "..."


EXPRESSION = Expression()


@dataclass(frozen=True)
class Call:
    page: Page
    line: int  # in the page's file
    macro: str
    arguments: dict[str, object]  # by parameter name: the value written, or EXPRESSION
    shown: str  # as written, e.g. quiz("help-desk")

    def problem(self, message: str) -> Problem:
        return Problem(self.page.shown_as, self.line, self.shown, message)


@dataclass(frozen=True)
class PageNames:
    """What the macros package gives pages. Its macros are made inside define_env (or a feature's
    define_* function), which needs a build to run, so they are read from the source of every
    module: `make check` then knows them without building."""

    macros: dict[str, inspect.Signature]
    filters: set[str]
    variables: set[str]

    @classmethod
    def of_package(cls, package_dir: Path = PACKAGE_DIR) -> PageNames:
        texts = [read_text(source, source.relative_to(package_dir.parent).as_posix())[0] or ""
                 for source in sorted(package_dir.rglob("*.py"))]
        trees = [ast.parse(text) for text in texts if "env." in text]  # only modules that give pages names
        macros, filters, variables = {}, set(), set()
        for node in (node for tree in trees for node in ast.walk(tree)):
            if isinstance(node, ast.FunctionDef):
                decorators = {ast.unparse(decorator) for decorator in node.decorator_list}
                if "env.macro" in decorators:
                    macros[node.name] = signature_of(node)
                if "env.filter" in decorators:
                    filters.add(node.name)
            elif isinstance(node, ast.Assign):
                variables |= {target.slice.value for target in node.targets
                              if isinstance(target, ast.Subscript) and ast.unparse(target.value) == "env.variables"
                              and isinstance(target.slice, ast.Constant)}
        return cls(macros, filters, variables)


def signature_of(function: ast.FunctionDef) -> inspect.Signature:
    """The parameters of a function in source form, enough to check the arguments of a call."""
    given = function.args
    positional = [*given.posonlyargs, *given.args]
    defaults = [inspect.Parameter.empty] * (len(positional) - len(given.defaults)) + [...] * len(given.defaults)
    parameters = [inspect.Parameter(arg.arg, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=default)
                  for arg, default in zip(positional, defaults)]
    if given.vararg:
        parameters.append(inspect.Parameter(given.vararg.arg, inspect.Parameter.VAR_POSITIONAL))
    parameters += [inspect.Parameter(arg.arg, inspect.Parameter.KEYWORD_ONLY,
                                     default=inspect.Parameter.empty if default is None else ...)
                   for arg, default in zip(given.kwonlyargs, given.kw_defaults)]
    if given.kwarg:
        parameters.append(inspect.Parameter(given.kwarg.arg, inspect.Parameter.VAR_KEYWORD))
    return inspect.Signature(parameters)


def usage(macro: str, signature: inspect.Signature) -> str:
    """How to call a macro, for messages: quiz(bank_id)."""
    shown = [name if parameter.default is inspect.Parameter.empty else f"{name}=..."
             for name, parameter in signature.parameters.items() if name != "caller"]
    return f"{macro}({', '.join(shown)})"


def written(node: nodes.Expr) -> object:
    """A value written out: a constant, or a list of them (quiz's only=["q1", "q2"])."""
    if isinstance(node, (nodes.List, nodes.Tuple)):
        items = [written(item) for item in node.items]
        return EXPRESSION if EXPRESSION in items or any(isinstance(item, list) for item in items) else items
    return node.value if isinstance(node, nodes.Const) else EXPRESSION


def as_written(value: object) -> str:
    if isinstance(value, list):
        return f"[{', '.join(map(as_written, value))}]"
    return json.dumps(value) if isinstance(value, str) else repr(value)


def did_you_mean(name: str, choices: set[str]) -> str:
    close = difflib.get_close_matches(name, sorted(choices), n=1)
    return f": did you mean '{close[0]}'?" if close else ""


def setting_problem(chain: list[str], model: type[BaseModel]) -> str | None:
    """Why coc.<chain> names no setting, or None if it does (or goes past what a setting holds)."""
    current: type | None = model
    walked = ["coc"]
    for name in chain:
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None  # inside a value: Jinja's own attributes, such as upper
        if name not in current.model_fields:
            if hasattr(current, name):
                return None
            fields = ", ".join(current.model_fields)
            return f"no setting '{name}' in {'.'.join(walked)}: it has {fields}"
        current = current.model_fields[name].annotation
        walked.append(name)
    return None


class PageChecker:
    """Walks one page's template tree: records its macro calls and reports every name, filter,
    argument list and setting the build would fail on."""

    def __init__(self, page: Page, first_line: int, names: PageNames, known_names: set[str],
                 settings: type[BaseModel], docs_dir: Path) -> None:
        self.page, self.first_line, self.names, self.settings, self.docs_dir = (
            page, first_line, names, settings, docs_dir)
        self.known_names = known_names | set(page.meta)
        self.calls: list[Call] = []
        self.problems: list[Problem] = []

    def problem(self, node: nodes.Node, field: str, message: str) -> None:
        self.problems.append(Problem(self.page.shown_as, self.first_line + node.lineno - 1, field, message))

    def check(self, tree: nodes.Template) -> None:
        self.known_names |= {node.name for node in tree.find_all(nodes.Name) if node.ctx != "load"}
        self.known_names |= {node.name for node in tree.find_all(nodes.Macro)}
        self.known_names |= {node.target for node in tree.find_all(nodes.Import)}
        self.known_names |= {name if isinstance(name, str) else name[-1]
                             for node in tree.find_all(nodes.FromImport) for name in node.names}
        handled: set[int] = set()  # nodes already checked as part of a larger one
        todo: list[nodes.Node] = [tree]
        while todo:  # in the order the page is written, parents before their parts
            node = todo.pop()
            todo.extend(reversed(list(node.iter_child_nodes())))
            if id(node) in handled:
                continue
            if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
                handled.add(id(node.node))
                self.check_call(node)
            elif isinstance(node, (nodes.Getattr, nodes.Getitem)):
                handled |= self.check_setting(node)
            elif isinstance(node, nodes.Name) and node.ctx == "load" and node.name not in self.known_names:
                self.problem(node, node.name, "unknown variable" + did_you_mean(node.name, self.known_names))
            elif isinstance(node, nodes.Filter) and node.name not in self.filters:
                self.problem(node, node.name, "unknown filter" + did_you_mean(node.name, self.filters))
            elif isinstance(node, nodes.Test) and node.name not in PAGES.tests:
                self.problem(node, node.name, "unknown test" + did_you_mean(node.name, set(PAGES.tests)))
            elif isinstance(node, (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
                self.check_template(node)

    @property
    def filters(self) -> set[str]:
        return {*PAGES.filters, *MKDOCS_MACROS_FILTERS, *self.names.filters}

    def check_call(self, node: nodes.Call) -> None:
        macro = node.node.name
        arguments = [as_written(written(arg)) for arg in node.args]
        arguments += [f"{keyword.key}={as_written(written(keyword.value))}" for keyword in node.kwargs]
        shown = f"{macro}({', '.join(arguments)})"
        signature = self.names.macros.get(macro)
        if signature is None:
            if macro not in self.known_names:
                close = difflib.get_close_matches(macro, sorted(self.names.macros), n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"macros are {', '.join(sorted(self.names.macros))}"
                self.problem(node, shown, f"unknown macro '{macro}': {hint}")
            return
        if node.dyn_args or node.dyn_kwargs:
            self.problem(node, shown, f"write each argument out, as in {usage(macro, signature)}, so it can be checked")
            return
        try:
            bound = signature.bind(*map(written, node.args), **{kw.key: written(kw.value) for kw in node.kwargs})
        except TypeError as error:
            self.problem(node, shown, f"{error}; call it as {usage(macro, signature)}")
            return
        self.calls.append(Call(self.page, self.first_line + node.lineno - 1, macro, dict(bound.arguments), shown))

    def check_setting(self, node: nodes.Getattr | nodes.Getitem) -> set[int]:
        """coc.help_desk.email and coc["help_desk"]: checked against the Settings model's fields.
        Returns the inner parts of the chain, checked here with it."""
        chain, parts, inner = [], set(), node
        while isinstance(inner, (nodes.Getattr, nodes.Getitem)):
            parts.add(id(inner))
            key = inner.attr if isinstance(inner, nodes.Getattr) else written(inner.arg)
            chain = [key, *chain] if isinstance(key, str) else []  # a computed key: check up to it only
            inner = inner.node
        if isinstance(inner, nodes.Name) and inner.name == "coc" and chain:
            message = setting_problem(chain, self.settings)
            if message:
                self.problem(node, ".".join(["coc", *chain]), message)
            return parts - {id(node)}
        return set()

    def check_template(self, node: nodes.Include | nodes.Import | nodes.FromImport | nodes.Extends) -> None:
        name = written(node.template)
        if isinstance(name, str) and not (self.docs_dir / name).is_file():
            self.problem(node, name, f"there is no file {self.docs_dir.name}/{name} to include")


def templates_of(page: Page) -> list[tuple[str, int]]:
    """What mkdocs-macros renders: the page body, and a front matter title with Jinja in it."""
    found = [(page.body, page.body_line)]
    title = page.meta.get("title")
    if isinstance(title, str) and any(marker in title for marker in (PAGES.variable_start_string,
                                                                     PAGES.block_start_string)):
        found.append((title, page.line_of("title")))
    return found


def find_calls(pages: list[Page], docs_dir: Path, settings: type[BaseModel],
               extra_variables: Iterable[str] = ()) -> tuple[list[Call], list[Problem]]:
    """Every macro call in the pages that render macros, and every problem the build would hit in them.
    While the code is unchanged (macros/cache.py), the package's names are read once, and a page
    text parsed by the build before is not parsed again."""
    earlier = kept("page macro checks")
    names = earlier.get("names") or earlier.setdefault("names", PageNames.of_package())
    parsed_before, parsed = earlier.get("parsed", {}), {}
    known = {*names.macros, *names.variables, *MKDOCS_MACROS_VARIABLES, *MKDOCS_MACROS_MACROS, *JINJA_NAMES,
             *extra_variables}
    calls, problems = [], []
    for page in pages:
        if not page.renders_macros:
            continue
        for source, first_line in templates_of(page):
            try:
                tree = parsed[source] = parsed_before.get(source) or PAGES.parse(source)
            except jinja2.TemplateSyntaxError as error:
                problems.append(Problem(page.shown_as, first_line + (error.lineno or 1) - 1, "", f"macro syntax "
                                        f"error: {error.message.rstrip('.')}; to show {{{{ or {{% as text, put "
                                        "{% raw %} before it and {% endraw %} after"))
                continue
            except RecursionError:
                problems.append(Problem(page.shown_as, first_line, "", "macro syntax error: expressions are nested "
                                        "too deeply to read"))
                continue
            checker = PageChecker(page, first_line, names, known, settings, docs_dir)
            checker.check(tree)
            calls += checker.calls
            problems += checker.problems
    earlier["parsed"] = parsed  # only this build's pages: an edited page's old text goes
    return calls, problems

