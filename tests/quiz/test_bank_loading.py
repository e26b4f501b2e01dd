"""Loading banks: every bad input gives one line per problem with file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURES, PROJECT_DIR
from macros.quiz.banks import load_bank, load_banks
from macros.safe_yaml import field_path

BAD_BANKS = sorted((FIXTURES / "banks").glob("*.yml"))


@pytest.mark.parametrize("bank", BAD_BANKS, ids=[path.stem for path in BAD_BANKS])
def test_bad_bank_gives_the_expected_lines(bank: Path) -> None:
    shown_as = bank.relative_to(PROJECT_DIR).as_posix()
    expected = bank.with_suffix(".expected").read_text(encoding="utf-8").splitlines()

    loaded, problems = load_bank(bank, shown_as)

    assert loaded is None
    assert [str(problem) for problem in problems] == expected


def test_every_problem_in_a_file_is_reported_not_just_the_first() -> None:
    _, problems = load_bank(FIXTURES / "banks" / "many-problems.yml", "many-problems.yml")
    assert {problem.line for problem in problems} == {3, 6, 9, 16, 19}
    assert len(problems) == 6


def test_expected_lines_name_file_line_and_field() -> None:
    # Guards the fixtures themselves: every expected line has the file:line: shape editors rely on.
    for expected in (FIXTURES / "banks").glob("*.expected"):
        for line in expected.read_text(encoding="utf-8").splitlines():
            assert line.startswith(f"tests/fixtures/banks/{expected.stem}.yml:"), line
            assert line.split(":")[1].isdigit(), line


def test_a_good_bank_loads() -> None:
    bank, problems = load_bank(FIXTURES / "render" / "sample.yml", "sample.yml")
    assert problems == []
    assert bank is not None and [q.type for q in bank.questions][:4] == ["single", "multiple", "true-false", "short"]


def test_load_banks_keys_by_file_name_and_rejects_bad_names(tmp_path: Path) -> None:
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    (quizzes / "good-one.yml").write_text((FIXTURES / "render" / "sample.yml").read_text(encoding="utf-8"))
    (quizzes / "Bad Name.yml").write_text("questions: []\n")
    (quizzes / "other.yaml").write_text("questions: []\n")

    banks, problems = load_banks(tmp_path)

    assert list(banks) == ["good-one"]
    assert [str(problem) for problem in problems] == [
        "quizzes/Bad Name.yml:1: 'Bad Name' is not a valid bank id: name the file with lowercase letters, digits and hyphens",
        "quizzes/other.yaml:1: bank files end in .yml; rename it",
    ]


def test_field_path_reads_like_the_yaml() -> None:
    assert field_path(("questions", 3, "options", 0, "text")) == "questions[3].options[0].text"
    assert field_path(()) == ""


def test_a_loaded_bank_still_knows_each_question_and_field_line(tmp_path: Path) -> None:
    """Checks made after loading (teaches:) name a field's line, or the question's when it is not
    written, though the bank keeps no YAML tree."""
    bank_file = tmp_path / "lines.yml"
    bank_file.write_text(
        "questions:\n"
        "  - id: first\n    type: true-false\n    answer: true\n    prompt: P\n    explanation: E\n"
        "    source: 24 CFR 578.7\n"
        "  - id: second\n    type: true-false\n    answer: false\n    prompt: P\n    explanation: E\n"
        "    source: 24 CFR 578.7\n    teaches: who-can-see-what\n", encoding="utf-8")
    bank, problems = load_bank(bank_file, "lines.yml")
    assert problems == [] and bank is not None
    assert bank.place_of(0, "teaches") == ("lines.yml", 2)
    assert bank.place_of(1, "teaches") == ("lines.yml", 14)
    assert bank.place_of(1, "prompt") == ("lines.yml", 11)
