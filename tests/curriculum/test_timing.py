"""A module's session timing (its trainer notes' "**Timing:**" line) adds up to its minutes and
gives the group quiz a minute a question; every problem is reported at the line."""

from __future__ import annotations

from helpers import FIXTURES, PROJECT_DIR
from macros.curriculum.modules import load_modules
from macros.curriculum.timing import Timing, check_timing

DOCS = FIXTURES / "timing" / "docs"
QUESTIONS = 12  # each fixture module's quiz, as if its bank had this many


def test_every_timing_problem_is_reported_at_its_line() -> None:
    modules, problems = load_modules(DOCS, PROJECT_DIR, [])
    assert problems == []
    found = [str(problem) for module in modules
             for problem in check_timing(f"tests/fixtures/timing/docs/{module.path}", module.timing,
                                         module.meta.minutes, QUESTIONS)]
    assert sorted(found) == (FIXTURES / "timing" / "expected-problems.txt").read_text(encoding="utf-8").splitlines()


def test_a_timing_over_wrapped_lines_is_read_part_by_part() -> None:
    modules, _ = load_modules(DOCS, PROJECT_DIR, [])
    good = next(module for module in modules if module.id == "good")
    assert good.timing == Timing(13, 30, ((8, "teaching"), (10, 'for the activity "Log in twice, in two places"'),
                                          (12, "for the group quiz")))
    assert good.timing.quiz_minutes == 12
    assert check_timing("good.md", good.timing, 30, QUESTIONS) == []
    assert check_timing("good.md", good.timing, 30, QUESTIONS + 1) != []  # one more question needs a minute more


def test_a_page_without_a_timing_line_has_nothing_to_check() -> None:
    assert check_timing("local/pages/own.md", None, 20, QUESTIONS) == []
