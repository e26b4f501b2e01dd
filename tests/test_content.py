"""The project's own content: valid, used, and written to the site's standards."""

from __future__ import annotations

import re

from mkdocs.utils import meta

from helpers import PROJECT_DIR
from macros.loader import load_banks
from macros.pages import QUIZ_CALL

DOCS = PROJECT_DIR / "docs"
ACRONYM = re.compile(r"\b([A-Z][A-Z]+)(?:\d+|s)?\b")
# Not prose: code (FIXME, INHERIT) and identifiers such as the fictional CoC code ZZ-501.
NOT_PROSE = re.compile(r"```.*?```|`[^`\n]*`|\b[A-Z0-9]+(?:-[A-Z0-9]+)*-\d+\b", re.DOTALL)


def test_every_bank_is_valid_and_shown_on_a_page() -> None:
    banks, problems = load_banks(PROJECT_DIR)
    assert problems == []
    called = {call["bank"] for page in DOCS.rglob("*.md") for call in QUIZ_CALL.finditer(page.read_text())}
    assert set(banks) <= called, f"banks no page shows: {sorted(set(banks) - called)}"


def test_the_security_and_privacy_bank_uses_every_question_type() -> None:
    banks, _ = load_banks(PROJECT_DIR)
    questions = banks["security-privacy"].questions
    assert len(questions) >= 12
    assert {q.type for q in questions} == {"single", "multiple", "true-false", "short"}


def test_module_pages_carry_their_metadata() -> None:
    for page in (DOCS / "introductory").glob("*.md"):
        data = meta.get_data(page.read_text(encoding="utf-8"))[1]
        assert {"title", "guide_area", "level", "minutes", "audiences"} <= set(data), page.name
        assert data["level"] == "introductory" and isinstance(data["minutes"], int)


def glossary_terms() -> set[str]:
    lines = (DOCS / "glossary.md").read_text(encoding="utf-8").splitlines()
    return {word for term, definition in zip(lines, lines[1:]) if definition.startswith(":   ")
            for word in re.findall(r"\w+", term)}


def test_every_acronym_is_in_the_glossary() -> None:
    texts = [*DOCS.rglob("*.md"), *(PROJECT_DIR / "quizzes").glob("*.yml")]
    used = {match for path in texts for match in ACRONYM.findall(NOT_PROSE.sub("", path.read_text(encoding="utf-8")))}
    assert used, "the acronym pattern found nothing: it is broken"
    assert used - glossary_terms() == set()
