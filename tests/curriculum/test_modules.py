"""Module pages: front matter checked with file and line, listed in navigation order."""

from __future__ import annotations

from helpers import FIXTURES, PROJECT_DIR
from macros.curriculum.modules import Module, load_modules, nav_paths, reading_words
from macros.pages import front_matter
from macros.templates import link_from

DOCS = FIXTURES / "modules" / "docs"


def test_every_front_matter_problem_is_reported_with_its_line() -> None:
    _, problems = load_modules(DOCS, PROJECT_DIR, [])
    expected = (FIXTURES / "modules" / "expected-problems.txt").read_text(encoding="utf-8").splitlines()
    assert [str(problem) for problem in sorted(problems)] == expected


def test_good_modules_load_with_their_metadata() -> None:
    modules, _ = load_modules(DOCS, PROJECT_DIR, [])
    good = next(module for module in modules if module.id == "good")
    assert good.path == "introductory/good.md"
    assert (good.meta.level, good.meta.minutes, good.meta.audiences) == ("introductory", 20, ["end-user", "trainer"])


def test_modules_follow_the_navigation_order() -> None:
    order = ["advanced/wrong-folder.md", "introductory/good.md"]
    modules, _ = load_modules(DOCS, PROJECT_DIR, order)
    assert [module.path for module in modules] == order


def test_nav_paths_flattens_sections() -> None:
    nav = [{"Home": "index.md"}, {"Intro": ["introductory/a.md", {"B": "introductory/b.md"}]}, "glossary.md"]
    assert nav_paths(nav) == ["index.md", "introductory/a.md", "introductory/b.md", "glossary.md"]


def test_links_are_relative_to_the_page_that_shows_them() -> None:
    assert link_from("index.md", "introductory/a.md") == "introductory/a.md"
    assert link_from("introductory/a.md", "introductory/b.md") == "b.md"
    assert link_from("advanced/x.md", "introductory/b.md") == "../introductory/b.md"


def test_front_matter_needs_both_fences() -> None:
    assert front_matter("---\ntitle: x\n---\n# x") == ("title: x", 2)
    assert front_matter("---\ntitle: x\n# never closed") is None
    assert front_matter("# no front matter") is None


def test_reading_time_counts_what_a_learner_reads_and_a_minute_a_question() -> None:
    page = ('---\ntitle: Intake\nminutes: 45\n---\n# Intake\n\nAsk each adult.\n\n'
            '{{ quiz("intake", only=["a"]) }}\n<!-- a note for editors -->\n\n'
            '!!! trainer "Trainer notes"\n    Run the role play in pairs.\n\n    Then discuss.\n\nAfter the notes.\n')
    assert reading_words(page) == 7  # Intake, Ask each adult, After the notes
    module = Module("intake", "introductory/intake.md", None, words=1000)  # type: ignore[arg-type]
    assert module.with_questions(12).self_paced_minutes == 17  # 1,000 words at 200 a minute, 12 questions
    assert Module("tiny", "tiny.md", None).with_questions(0).self_paced_minutes == 1  # type: ignore[arg-type]
