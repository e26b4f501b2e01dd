"""The macro calls written in pages, checked before any page renders: quiz("...") calls against
the banks, practice_case("...") calls against the cases, and local_callout("...") slots against
the CoC's files in local/callouts/."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from mkdocs.utils import meta

from .problems import Problem

LOCAL_PAGES_DIR = "local/pages"
CALLOUTS_DIR = "local/callouts"
QUIZ_CALL = re.compile(r"""\{\{-?\s*quiz\(\s*(?P<quote>["'])(?P<bank>.*?)(?P=quote)\s*\)\s*-?\}\}""")
CASE_CALL = re.compile(
    r"""\{\{-?\s*(?P<macro>practice_case(?:_key)?)\(\s*(?P<quote>["'])(?P<case>.*?)(?P=quote)\s*\)""")
CALLOUT_CALL = re.compile(r"""\{%-?\s*call\s+local_callout\(\s*(?P<quote>["'])(?P<slot>.*?)(?P=quote)\s*\)""")


def rendered_pages(docs_dir: Path, project_dir: Path) -> list[Path]:
    """Every Markdown page the build renders with macros: docs/ and the CoC's local/pages/."""
    pages = [*docs_dir.rglob("*.md"), *(project_dir / LOCAL_PAGES_DIR).rglob("*.md")]
    return sorted(page for page in pages
                  if meta.get_data(page.read_text(encoding="utf-8"))[1].get("render_macros") is not False)


Line = tuple[str, int, str]  # (page as shown in messages, line number, text)


def lines_of(pages: Iterable[Path], project_dir: Path) -> list[Line]:
    """Every line of the pages, read once for all the checks below."""
    return [(page.relative_to(project_dir).as_posix(), number, line) for page in pages
            for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1)]


def page_lines(docs_dir: Path, project_dir: Path) -> list[Line]:
    return lines_of(rendered_pages(docs_dir, project_dir), project_dir)


def check_quiz_calls(lines: list[Line], bank_ids: Iterable[str]) -> list[Problem]:
    """One problem per call to a bank that does not exist, that is not at the start of a line,
    or that repeats a bank already on the page (its element ids would clash)."""
    known = sorted(bank_ids)
    problems = []
    first_use: dict[tuple[str, str], int] = {}
    for shown_as, number, line in lines:
        for call in QUIZ_CALL.finditer(line):
            bank = call["bank"]
            if bank not in known:
                why = f"there is no bank quizzes/{bank}.yml; known banks: {', '.join(known) or 'none'}"
            elif call.start() != 0:
                why = "put the call at the start of its own line, outside lists and admonitions, or the quiz will break"
            elif (shown_as, bank) in first_use:
                why = f"this bank is already on the page at line {first_use[shown_as, bank]}; show a bank once per page"
            else:
                first_use[shown_as, bank] = number
                continue
            problems.append(Problem(shown_as, number, f'quiz("{bank}")', why))
    return problems


def callout_slots(lines: list[Line]) -> set[str]:
    return {call["slot"] for _, _, line in lines for call in CALLOUT_CALL.finditer(line)}


def check_callouts(lines: list[Line], project_dir: Path) -> list[Problem]:
    """A CoC's callout file for a slot no page has would never be shown: say so rather than drop it."""
    slots = sorted(callout_slots(lines))
    return [Problem(path.relative_to(project_dir).as_posix(), 1, "",
                    f"no page has the slot '{path.stem}'; name the file after one of: {', '.join(slots)}")
            for path in sorted((project_dir / CALLOUTS_DIR).glob("*.md")) if path.stem not in slots]


def leaves_search(page: Path) -> bool:
    """Whether the page's front matter keeps it out of Material's search index."""
    options = meta.get_data(page.read_text(encoding="utf-8"))[1].get("search")
    return isinstance(options, dict) and options.get("exclude") is True


def check_case_calls(lines: list[Line], project_dir: Path, cases_dir: str, case_ids: Iterable[str]) -> list[Problem]:
    """A call to a case that does not exist fails; so does a case that no page shows, or shows
    without its grading key, since trainers would never find it, and a key page that search would
    offer to learners."""
    known = sorted(case_ids)
    problems, shown = [], set()
    for shown_as, number, line in lines:
        for call in CASE_CALL.finditer(line):
            if call["macro"] == "practice_case_key" and not leaves_search(project_dir / shown_as):
                problems.append(Problem(shown_as, 1, "search", "a page with a case key must stay out of search "
                                        "results: add 'search: {exclude: true}' to its front matter"))
            if call["case"] in known:
                shown.add((call["macro"], call["case"]))
            else:
                problems.append(Problem(shown_as, number, f'{call["macro"]}("{call["case"]}")',
                                        f"there is no case {cases_dir}/{call['case']}.yml; known cases: "
                                        f"{', '.join(known) or 'none'}"))
    for case_id in known:
        for macro in ("practice_case", "practice_case_key"):
            if (macro, case_id) not in shown:
                problems.append(Problem(f"{cases_dir}/{case_id}.yml", 1, "", f'no page shows this case: add '
                                        f'{{{{ {macro}("{case_id}") }}}} to a page in docs/practice-cases/'))
    return problems
