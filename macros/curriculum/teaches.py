"""Each question of a module's bank names the section of the module page that teaches it
(`teaches:`), so a learner who misses it is sent back to that section. The section is a heading
id as the site's Markdown makes it: Python-Markdown's toc, with an explicit {#id} winning."""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable

import markdown

from ..pages import Page
from ..problems import Problem
from ..quiz.formats import Bank
from .modules import Module

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
HEADING = re.compile(r"^#{1,6}(\s|$)")
BLOCK_WITH_CONTENT = re.compile(r"^(!!!|\?\?\?\+?)\s")  # admonitions and details indent their content


def heading_lines(text: str) -> list[str]:
    """The ATX headings of a page, outside fenced code, each as it would read at the top level:
    inside an admonition or a collapsible block it is indented by four spaces a level."""
    found: list[str] = []
    fence: str | None = None
    blocks: list[int] = []  # the content indent of each admonition the line may be inside
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if fence is not None:
            if stripped.startswith(fence) and not stripped[len(fence):].strip():
                fence = None
            continue
        if stripped:
            while blocks and indent < blocks[-1]:
                blocks.pop()
        opening = FENCE.match(line)
        if opening:
            fence = opening[2]
            continue
        base = blocks[-1] if blocks else 0
        if BLOCK_WITH_CONTENT.match(stripped):
            blocks.append(indent + 4)
        elif HEADING.match(stripped) and indent - base < 4:
            found.append(stripped)
    return found


def heading_ids(text: str) -> dict[str, str]:
    """Every heading id of a page's Markdown, with the heading's text, made by Python-Markdown's
    own toc and attr_list from the page's headings alone, so the ids, their unique-making
    suffixes (_1, _2) and explicit ids are exactly the site's."""
    converter = markdown.Markdown(extensions=["toc", "attr_list"])
    converter.convert("\n\n".join(heading_lines(text)))
    ids: dict[str, str] = {}
    todo = list(converter.toc_tokens)
    while todo:
        token = todo.pop(0)
        ids[token["id"]] = html.unescape(token["name"])
        todo[:0] = token["children"]
    return ids


def example_of(ids: dict[str, str]) -> str:
    """A heading to show how teaches: is written: the first after the page's title."""
    headings = list(ids.items())[1:] or list(ids.items())
    return f", e.g. 'teaches: {headings[0][0]}' for the section '{headings[0][1]}'" if headings else ""


def check_bank(bank: Bank, pages: list[Page], require: bool) -> list[Problem]:
    """Each question's `teaches:` names a heading on every page given (the pages that show the bank
    in full); a missing one is a problem only when `require` is set."""
    targets = [(page.shown_as, heading_ids(page.body)) for page in pages]
    problems = []
    for index, question in enumerate(bank.questions):
        field = f"questions[{index}].teaches"
        if question.teaches is None:
            if require and targets:
                file, line = bank.place_of(index, "teaches")  # not written: the question's own line
                problems.append(Problem(file, line, field, f"say which section of {targets[0][0]} teaches this "
                                        f"question, by its heading's id{example_of(targets[0][1])}"))
            continue
        for shown_as, ids in targets:
            if question.teaches not in ids:
                file, line = bank.place_of(index, "teaches")
                close = difflib.get_close_matches(question.teaches, list(ids), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                problems.append(Problem(file, line, field, f"'{question.teaches}' is not the id of a heading "
                                        f"on {shown_as}{hint}; its headings' ids are: {', '.join(ids) or 'none'}"))
    return problems


def check_teaches(banks: dict[str, Bank], modules: Iterable[tuple[Module, str]], pages: list[Page],
                  full_quizzes: Iterable[tuple[str, str]]) -> list[Problem]:
    """`modules`: each module with its page's path as messages show it. `full_quizzes`: (page, bank
    id) for each whole quiz shown, so that a bank that is no module's is checked against the pages
    showing it, when it names sections at all. Every question of an upstream module names its
    section; a CoC's own module (local/pages/) may, so an older fork still builds."""
    by_file = {page.shown_as: page for page in pages}
    module_pages = {module.id: shown_as for module, shown_as in modules}
    problems = []
    for bank_id, bank in banks.items():
        if bank_id in module_pages:
            shown_as = module_pages[bank_id]
            shown = [by_file[shown_as]] if shown_as in by_file else []
            problems += check_bank(bank, shown, require=not shown_as.startswith("local/"))
        elif any(question.teaches for question in bank.questions):
            shown = sorted({file for file, shown_bank in full_quizzes if shown_bank == bank_id})
            problems += check_bank(bank, [by_file[file] for file in shown if file in by_file], False)
    return problems
