"""Facts corrected after the December 2026 content audit (issue 13) stay corrected.

Each WRONG finding has its own test, on the bank question and on the page that taught it. A last
test keeps the misleading wordings the audit found, and that were corrected everywhere, from
coming back anywhere in the pages or banks.
"""

from __future__ import annotations

import re

import pytest

from helpers import PROJECT_DIR
from macros.quiz.banks import load_banks

DOCS = PROJECT_DIR / "docs"
SYSTEM_LEVEL_PAGE = DOCS / "advanced" / "system-level-reporting.md"


def question(bank_id: str, question_id: str):
    banks, problems = load_banks(PROJECT_DIR)
    assert problems == []
    [found] = [q for q in banks[bank_id].questions if q.id == question_id]
    return found


def boxes(text: str, kind: str) -> list[str]:
    """The bodies of the page's admonitions of one kind, e.g. 'federal' or 'keypoints'."""
    found = []
    for match in re.finditer(rf'^!!! {kind}\b.*\n((?:(?:    .*)?\n)+)', text, re.MULTILINE):
        found.append(match.group(1))
    return found


def flat(text: str) -> str:
    return " ".join(text.split())


# WRONG rows 1-4 (advanced modules): the PIT window is a HUD requirement, not state or CoC guidance.

def test_the_pit_window_question_states_the_hud_requirement_and_is_keyed_true() -> None:
    pit = question("system-level-reporting", "pit-last-ten-days")
    assert pit.type == "true-false" and pit.answer is True
    prompt = flat(pit.prompt)
    assert "HUD requires" in prompt and "last 10 calendar days of January" in prompt and "exception" in prompt
    explanation = flat(pit.explanation)
    assert "HUD requirement" in explanation and "578.7(c)(2)(iii)" in explanation
    assert "Notice" in pit.source and "578.7(c)(2)(iii)" in pit.source


def test_the_system_level_page_teaches_the_pit_window_as_federal_everywhere() -> None:
    text = SYSTEM_LEVEL_PAGE.read_text(encoding="utf-8")
    federal = [flat(box) for box in boxes(text, "federal") if "PIT count" in box]
    assert any("last 10 calendar days of January" in box and "578.7(c)(2)(iii)" in box
               and "exception" in box for box in federal)
    [key_points] = boxes(text, "keypoints")
    assert "last 10 calendar days of January: a HUD requirement" in flat(key_points)
    [trainer_notes] = boxes(text, "trainer")
    assert "it is a HUD requirement" in flat(trainer_notes)
    assert "Use the night your CoC sets" not in text


# WRONG row 5: street outreach enrollments never count in SPM Measure 5.

def test_northgate_street_outreach_does_not_change_measure_5() -> None:
    text = flat(SYSTEM_LEVEL_PAGE.read_text(encoding="utf-8"))
    northgate = text.split("**Northgate Street Outreach: no HMIS participation record.**")[1].split("- **")[0]
    assert "Measure 5 is not affected" in northgate
    assert "first time" not in northgate
    [measures] = [box for box in boxes(SYSTEM_LEVEL_PAGE.read_text(encoding="utf-8"), "federal") if "| 5 |" in box]
    measure_5 = flat(measures.split("| 5 |")[1].split("\n")[0])
    assert "emergency shelter, a safe haven or transitional housing" in measure_5 and "24 months" in measure_5


# Corrections applied everywhere: none of these statements may come back in any page or bank.

# Each entry: a wording the audit found wrong or misleading, and (optionally) a qualifier that makes
# the same words right when the sentence carries it.
FORBIDDEN = {
    "PIT window called guidance": (r"(repeated|state and CoC) guidance, not (regulation|a rule)"
                                   r"|last 10 days of January\W+is (repeated )?guidance", None),
    "bed coverage called not federal": (r"not a federal measure|local measure of completeness, not a federal one"
                                        r"|Bed coverage is a local (completeness )?measure", None),
    "99 for every blank coded field": (r"coded fields? (left blank )?(is exported|arrives?|appears) as 99",
                                       r"non-nullable|may not be empty|must have a value|required"),
    "one enrollment for the household": (r"one enrollment for the household|(?<!head of )household's enrollment"
                                         r"|share one enrollment", None),
    "CSV export of everything collected": (r"all the data it collects|everything it collects", None),
    "missing move-in date counted as homeless in the PIT": (
        r"counted as homeless, not (as )?(housed|living in permanent housing|in permanent housing)", None),
    "Measure 5 as any earlier enrollment": (r"no (prior )?enrollment in the previous 24 months", None),
    "every other year as a HUD rule": (r"HUD (issues|updates?) (new )?(HMIS Data )?Standards every other year", None),
    "V10 head of household as HUD text": (r"is asked about the head of household at project start in projects", None),
}


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", flat(text))


@pytest.mark.parametrize("name", sorted(FORBIDDEN))
def test_a_corrected_statement_does_not_come_back(name: str) -> None:
    pattern, qualifier = (re.compile(part, re.IGNORECASE) if part else None for part in FORBIDDEN[name])
    files = [*DOCS.rglob("*.md"), *(PROJECT_DIR / "quizzes").rglob("*.yml")]
    hits = [f"{path.relative_to(PROJECT_DIR)}: {sentence}"
            for path in files for sentence in sentences(path.read_text(encoding="utf-8"))
            if pattern.search(sentence) and not (qualifier and qualifier.search(sentence))]
    assert hits == [], name
