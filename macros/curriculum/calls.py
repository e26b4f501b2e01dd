"""What the macro calls in pages name, checked against the content: banks, practice cases, paths,
data element families and levels that exist, quizzes placed where they work, and every case shown
with its key."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass

from ..practice.cases import CASES_DIR
from ..pages import Page
from ..paths.formats import PATHS_FILE
from ..problems import Problem
from ..quiz.banks import BANK_DIRS, BANKS_DIR
from ..quiz.formats import Bank
from .modules import LEVELS
from .page_macros import EXPRESSION, Call
from .reference import REFERENCE_DIR

LOCAL_BANKS_DIR = BANK_DIRS[1]


@dataclass(frozen=True)
class Ids:
    """The values one argument of a macro may take, and why a value that is not one fails."""

    parameter: str
    known: Collection[str] | None  # None: any value (a slot's name), or the file listing them has problems
    missing: Callable[[str, Page], str] = lambda value, page: ""


def id_rules(bank_ids: Collection[str], case_ids: Collection[str], path_ids: Collection[str] | None,
             family_ids: Collection[str] | None) -> dict[str, Ids]:
    """The macros that name content, and what each may name."""
    def bank(bank_id: str, page: Page) -> str:
        places = f"{LOCAL_BANKS_DIR}/{bank_id}.yml or " if page.is_local else ""
        known = ", ".join(sorted(bank_ids)) or "none"
        return f"there is no bank {places}{BANKS_DIR}/{bank_id}.yml; known banks: {known}"

    def case(case_id: str, page: Page) -> str:
        return f"there is no case {CASES_DIR}/{case_id}.yml; known cases: {', '.join(sorted(case_ids)) or 'none'}"

    return {
        "quiz": Ids("bank_id", bank_ids, bank),
        "practice_case": Ids("case_id", case_ids, case),
        "practice_case_key": Ids("case_id", case_ids, case),
        "path_page": Ids("path_id", path_ids, lambda path_id, page: f"there is no path '{path_id}' in {PATHS_FILE}; "
                         f"paths are: {', '.join(path_ids or ())}"),
        "data_elements": Ids("family", family_ids, lambda family, page: f"there is no family '{family}' in "
                             f"{REFERENCE_DIR}/data-elements.yml; families are: {', '.join(family_ids or ())}"),
        "module_list": Ids("level", LEVELS, lambda level, page: f"'{level}' is not a level: use {' or '.join(LEVELS)}"),
        "local_callout": Ids("slot", None),  # written out all the same: check_callouts needs the slots
    }


def check_ids(calls: list[Call], rules: dict[str, Ids]) -> list[Problem]:
    """Each call names content that exists, written out so that this check can see it."""
    problems = []
    for call in calls:
        rule = rules.get(call.macro)
        value = call.arguments.get(rule.parameter) if rule else None
        if value is EXPRESSION:
            problems.append(call.problem(f"write the {rule.parameter} in quotes, as in {call.macro}(\"...\"), so it "
                                         "can be checked before the build"))
        elif rule and rule.known is not None and value not in rule.known:
            problems.append(call.problem(rule.missing(str(value), call.page)))
    return problems


def check_quiz_calls(calls: list[Call], banks: Mapping[str, Bank] | None = None) -> list[Problem]:
    """A quiz must start its own line (inside a list or admonition it breaks). A bank is shown whole
    once per page (its element ids would clash), and in checkpoints (only=[...]) that name its
    questions, each question in one checkpoint of a page at most."""
    problems, first_use, in_checkpoint = [], {}, {}
    for call in calls:
        if call.macro != "quiz":
            continue
        bank_id, only = call.arguments["bank_id"], call.arguments.get("only")
        if not call.page.text.split("\n")[call.line - 1].startswith("{{"):
            problems.append(call.problem("put the call at the start of its own line, outside lists and admonitions, "
                                         "or the quiz will break"))
        elif only is not None:
            problems += check_checkpoint(call, banks.get(bank_id) if banks else None, in_checkpoint)
        elif (call.page.shown_as, bank_id) in first_use:
            problems.append(call.problem(f"this bank is already on the page at line "
                                         f"{first_use[call.page.shown_as, bank_id]}; show a bank once per page"))
        else:
            first_use[call.page.shown_as, bank_id] = call.line
    for call in calls:
        bank_id = call.arguments.get("bank_id")
        if call.macro == "quiz" and call.arguments.get("only") is not None and (call.page.shown_as, bank_id) not in first_use:
            problems.append(call.problem(f'a checkpoint links to the whole quiz on its page: add {{{{ quiz("{bank_id}") }}}} '
                                         "at the end of the page"))
    return problems


def check_checkpoint(call: Call, bank: Bank | None, in_checkpoint: dict[tuple[str, str, str], int]) -> list[Problem]:
    """only= lists question ids of the bank, written out, each shown in one checkpoint of the page."""
    only = call.arguments["only"]
    if not (isinstance(only, list) and only and all(isinstance(item, str) for item in only)):
        return [call.problem('write only= as a list of the question ids in quotes, as in '
                             'quiz("bank-id", only=["question-id", "another-id"])')]
    if bank is None:  # no such bank, or one with problems: reported already
        return []
    known = [question.id for question in bank.questions]
    problems = []
    for question_id in only:
        place = (call.page.shown_as, call.arguments["bank_id"], question_id)
        if question_id not in known:
            close = difflib.get_close_matches(question_id, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(call.problem(f"there is no question '{question_id}' in {bank.file}{hint}; its questions "
                                         f"are: {', '.join(known)}"))
        elif place in in_checkpoint:
            problems.append(call.problem(f"the question '{question_id}' is already in a checkpoint at line "
                                         f"{in_checkpoint[place]}; show each question in one checkpoint"))
        else:
            in_checkpoint[place] = call.line
    return problems


def check_case_calls(calls: list[Call], case_ids: Iterable[str]) -> list[Problem]:
    """A case that no page shows, or shows without its grading key, is one trainers would never find;
    a key page must stay out of search, which would offer the answers to learners."""
    problems, shown = [], set()
    for call in calls:
        if call.macro not in ("practice_case", "practice_case_key"):
            continue
        shown.add((call.macro, call.arguments["case_id"]))
        if call.macro == "practice_case_key" and not call.page.leaves_search:
            problems.append(Problem(call.page.shown_as, call.page.line_of("search"), "search", "a page with a case "
                                    "key must stay out of search results: add 'search: {exclude: true}' to its "
                                    "front matter"))
    for case_id in sorted(case_ids):
        for macro in ("practice_case", "practice_case_key"):
            if (macro, case_id) not in shown:
                problems.append(Problem(f"{CASES_DIR}/{case_id}.yml", 1, "", f'no page shows this case: add '
                                        f'{{{{ {macro}("{case_id}") }}}} to a page in docs/practice-cases/'))
    return problems


def callout_slots(calls: list[Call]) -> set[str]:
    """The slots pages offer for a CoC's callouts: {% call local_callout("slot") %}."""
    return {call.arguments["slot"] for call in calls
            if call.macro == "local_callout" and isinstance(call.arguments.get("slot"), str)}
