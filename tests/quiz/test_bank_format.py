"""The bank models: rules a bank must follow, and the JSON Schema editors use."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from helpers import PROJECT_DIR
from macros.__main__ import SCHEMAS, schema_text
from macros.formats import describe, path_of, union_tags
from macros.quiz.formats import Bank


def question(**fields) -> dict:
    return {"id": "q", "prompt": "P", "explanation": "E", "source": "24 CFR 578.7(b)(3)", **fields}


def problems_of(*questions: dict) -> list[tuple[tuple, str]]:
    with pytest.raises(ValidationError) as caught:
        Bank.model_validate({"questions": list(questions)})
    return [(path_of(error, union_tags(Bank)), describe(error, None, hints=Bank.hints))
            for error in caught.value.errors()]


def test_title_defaults_and_text_is_trimmed() -> None:
    bank = Bank.model_validate({"questions": [question(type="true-false", answer=True, prompt="  Trimmed  ")]})
    assert bank.title == "Check your understanding"
    assert bank.questions[0].prompt == "Trimmed"


def test_numbers_in_option_text_are_read_as_text() -> None:
    options = [{"text": 7, "correct": True}, {"text": 30}]
    bank = Bank.model_validate({"questions": [question(type="single", options=options)]})
    assert [option.text for option in bank.questions[0].options] == ["7", "30"]


def test_short_needs_exactly_one_kind_of_answer() -> None:
    assert problems_of(question(type="short")) == [
        (("questions", 0), "give one of 'accept' (a list of text answers), 'number' or 'computed'")
    ]
    assert problems_of(question(type="short", accept=["x"], tolerance=1)) == [
        (("questions", 0), "'tolerance' only goes with 'number' or 'computed'")
    ]


def test_a_computed_answer_must_name_a_practice_measure() -> None:
    Bank.model_validate({"questions": [question(type="short", computed="dob_completeness_percent", tolerance=0.1)]})
    [(path, message)] = problems_of(question(type="short", computed="dob_complete"))
    assert path == ("questions", 0, "computed")
    assert "'dob_complete'" in message and "dob_completeness_percent" in message


def test_a_boolean_is_not_a_number() -> None:
    assert problems_of(question(type="short", number=True)) == [
        (("questions", 0, "number"), "'true' is not a number: write digits only, e.g. 30 or 2.5")
    ]


def test_negative_tolerance_is_refused() -> None:
    [(path, _message)] = problems_of(question(type="short", number=3, tolerance=-1))
    assert path == ("questions", 0, "tolerance")


def test_a_bank_needs_questions() -> None:
    with pytest.raises(ValidationError) as caught:
        Bank.model_validate({"questions": []})
    assert describe(caught.value.errors()[0], None) == "needs at least 1 question"


@pytest.mark.parametrize("source", [
    "FY2024 HMIS Data Dictionary v1.6, 3.20 Housing Move-In Date (assumed carried into FY2026)",
    "HMIS Data Standards Manual: 3.10 Project Start Date",
    "FY2026 HMIS CSV Format Specifications v1.0, Export rule 5",
    "24 CFR 578.57(a)(2)",
    "HMIS Data and Technical Standards Final Notice, 69 FR 45888 (30 July 2004)",
    "HUD HIC and PIT Data Collection Notice (e.g. Notice CPD-17-08)",
    "HUD Exchange FAQ 3314",
    "FY2024 CoC Application, items 2A-5 and 2A-5a",
    "HUD Data Lab SPM programming code (system_performance_measures_5.R)",
    "Local CoC policy (varies by CoC)",
    "Good practice",
])
def test_a_source_that_names_a_document_is_accepted(source: str) -> None:
    Bank.model_validate({"questions": [question(type="true-false", answer=True, source=source)]})


@pytest.mark.parametrize("source", [
    "HMIS Data Standards: 3.20",
    "HMIS Data Standards: 3.20 Housing Move-In Date",
    "FY2026 HMIS Data Standards: 5.07 User Identifier",
    "HUD System Performance Measures: Measure 4, employment and income growth",
])
def test_a_source_that_names_no_document_is_refused(source: str) -> None:
    [(path, message)] = problems_of(question(type="true-false", answer=True, source=source))
    assert path == ("questions", 0, "source")
    assert message.startswith(f"'{source}' names no document: say which one backs the answer")


def test_multiple_with_several_right_options_is_fine() -> None:
    options = [{"text": "A", "correct": True}, {"text": "B", "correct": True}]
    Bank.model_validate({"questions": [question(type="multiple", options=options)]})


def test_committed_json_schemas_match_the_models() -> None:
    # `make schema` regenerates them; this fails when a model changed and its file did not.
    for name in SCHEMAS:
        assert (PROJECT_DIR / name).read_text(encoding="utf-8") == schema_text(name), name


def test_json_schema_knows_every_question_type() -> None:
    schema = json.loads(schema_text("quizzes/quiz-bank.schema.json"))
    types = {definition["properties"]["type"]["const"]
             for name, definition in schema["$defs"].items() if name.endswith("Question")}
    assert types == {"single", "multiple", "true-false", "short"}
    assert schema["required"] == ["questions"]


def test_banks_point_editors_at_the_schema() -> None:
    for bank in (PROJECT_DIR / "quizzes").glob("*.yml"):
        first_line = bank.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == "# yaml-language-server: $schema=quiz-bank.schema.json", bank.name
