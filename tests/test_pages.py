"""quiz() calls in pages are checked against the banks before any page renders."""

from __future__ import annotations

from helpers import FIXTURES, PROJECT_DIR
from macros.loader import load_banks
from macros.pages import check_quiz_calls, lines_of, page_lines, rendered_pages


def test_calls_to_missing_or_misplaced_banks_are_reported_with_page_and_line() -> None:
    problems = check_quiz_calls(lines_of(rendered_pages(FIXTURES / "pages", FIXTURES), PROJECT_DIR), ["sample"])
    assert [str(problem) for problem in problems] == [
        'tests/fixtures/pages/calls.md:9: quiz("no-such-bank"): there is no bank quizzes/no-such-bank.yml; known banks: sample',
        'tests/fixtures/pages/calls.md:13: quiz("sample"): put the call at the start of its own line, '
        "outside lists and admonitions, or the quiz will break",
        'tests/fixtures/pages/calls.md:15: quiz("sample"): this bank is already on the page at line 5; '
        "show a bank once per page",
    ]


def test_the_project_pages_call_only_banks_that_exist() -> None:
    banks, _ = load_banks(PROJECT_DIR)
    assert check_quiz_calls(page_lines(PROJECT_DIR / "docs", PROJECT_DIR), banks) == []
