"""The quiz bank format: one file in quizzes/<bank-id>.yml (or a CoC's local/quizzes/), shown on a
page with {{ quiz("<bank-id>") }}.

The pydantic models are the single definition of the format: they validate banks at build time
and generate the JSON Schema that editors use (`make schema`).
"""

from __future__ import annotations

import re
from typing import Annotated, ClassVar, Literal, Union

import yaml
from pydantic import AfterValidator, ConfigDict, Field, PrivateAttr, StringConstraints, field_validator, model_validator

from ..formats import Number, Slug, Strict, Text, names_a_document
from ..loader import node_at
from ..practice import MEASURES

class Model(Strict):
    """Bank text: a number written where text was meant (an option `30`) is read as text."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)


class Option(Model):
    """One answer a learner can pick in a `single` or `multiple` question."""

    text: Text = Field(description="The option as the learner sees it (inline Markdown).")
    correct: bool = Field(False, description="true for a right option.")
    feedback: Text | None = Field(None, description="Shown when the learner picks this option.")


class QuestionBase(Model):
    id: Slug = Field(description="Stable id, unique in the bank; saved progress is keyed by it.")
    prompt: Text = Field(description="The question (Markdown).")
    explanation: Text = Field(description="Why the right answer is right (Markdown).")
    source: Annotated[Text, AfterValidator(names_a_document)] = Field(
        description="The document, edition and section that back the answer, e.g. 'FY2024 HMIS Data "
        "Dictionary v1.6, 3.20 Housing Move-In Date' or '24 CFR 578.7(b)(3)'. A bare element name is refused."
    )
    teaches: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")] | None = Field(
        None, description="The id of the heading on the module's page whose section teaches this, e.g. "
        "'who-can-see-what' for '## Who can see what'. A learner who misses the question is sent there. "
        "Required on every question of a module's bank.")


class ChoiceQuestion(QuestionBase):
    """Options to pick from; `single` wants exactly one right, `multiple` one or more."""

    one_right: ClassVar[bool]
    options: list[Option] = Field(min_length=2)
    shuffle: bool = Field(True, description="Show the options in a fixed mixed order, so a right option's place "
                          "gives nothing away. false keeps the order written, for ranges or steps in order.")

    @field_validator("options")
    @classmethod
    def _right_options(cls, options: list[Option]) -> list[Option]:
        problems = []
        first_index: dict[str, int] = {}
        for index, option in enumerate(options):
            key = " ".join(option.text.lower().split())
            if key in first_index:
                problems.append(f"options[{first_index[key]}] and options[{index}] have the same text '{option.text}'")
            first_index.setdefault(key, index)
        right = [f"options[{index}]" for index, option in enumerate(options) if option.correct]
        if not right:
            which = "the one right option" if cls.one_right else "every right option"
            problems.append(f"no option has 'correct: true'; mark {which}")
        elif cls.one_right and len(right) > 1:
            problems.append(f"{len(right)} options are marked correct ({', '.join(right)}); a single question "
                            "needs exactly one (use type: multiple for select-all-that-apply)")
        if problems:
            raise ValueError("; ".join(problems))
        return options


class SingleQuestion(ChoiceQuestion):
    """One right option among several."""

    one_right = True
    type: Literal["single"]


class MultipleQuestion(ChoiceQuestion):
    """Select all that apply: one or more right options."""

    one_right = False
    type: Literal["multiple"]


class TrueFalseQuestion(QuestionBase):
    """A statement the learner judges true or false."""

    type: Literal["true-false"]
    answer: bool = Field(description="true if the statement in the prompt is true, else false.")


class ShortQuestion(QuestionBase):
    """A typed answer: text from `accept`, or a `number` within an optional `tolerance`."""

    type: Literal["short"]
    accept: list[Text] | None = Field(
        None, min_length=1, description="Accepted text answers; case and extra spaces are ignored."
    )
    number: Number | None = Field(None, description="The numeric answer.")
    computed: Literal[tuple(MEASURES)] | None = Field(  # type: ignore[valid-type]
        None, description="A numeric answer computed from the practice export (macros/practice/measures.py), never typed.")
    tolerance: Number | None = Field(
        None, ge=0, description="How far from `number` or `computed` still counts as right.")

    @model_validator(mode="after")
    def _one_kind_of_answer(self) -> ShortQuestion:
        if [self.accept, self.number, self.computed].count(None) != 2:
            raise ValueError("give one of 'accept' (a list of text answers), 'number' or 'computed'")
        if self.tolerance is not None and self.accept is not None:
            raise ValueError("'tolerance' only goes with 'number' or 'computed'")
        return self


Question = Annotated[
    Union[SingleQuestion, MultipleQuestion, TrueFalseQuestion, ShortQuestion],
    Field(discriminator="type"),
]
QUESTION_TYPES = ("single", "multiple", "true-false", "short")


class Bank(Model):
    """A quiz bank: one file in quizzes/, embedded in a page with {{ quiz("<bank-id>") }}."""

    hints = {
        "id": "give the question a short stable id such as 'roi-purpose'",
        "type": f"say which kind of question this is: one of {', '.join(QUESTION_TYPES)}",
        "prompt": "write the question",
        "explanation": "say why the right answer is right",
        "source": "name the standard, regulation or document section that backs the answer",
        "options": "list the options, marking right ones with 'correct: true'",
        "answer": "write 'answer: true' or 'answer: false'",
        "text": "write the option's text",
        "questions": "add a 'questions:' list",
    }
    title: Text = Field("Check your understanding", description="Shown above the questions.")
    questions: list[Question] = Field(min_length=1)
    # Where the bank was read from, for checks made after loading that need its lines (set by banks.py):
    # each question's line and its fields' lines, not the whole node tree, which a build would
    # otherwise keep (tens of thousands of objects for the garbage collector to go over, again and again).
    _file: str = PrivateAttr("")
    _lines: list[tuple[int, dict[str, int]]] = PrivateAttr(default_factory=list)

    def read_from(self, shown_as: str, root: yaml.Node) -> Bank:
        self._file, self._lines = shown_as, question_lines(root)
        return self

    @property
    def file(self) -> str:
        return self._file

    def place_of(self, index: int, field: str) -> tuple[str, int]:
        """The file and line of a question's field, or of the question when the field is not written."""
        if index >= len(self._lines):
            return self._file, 1
        line, fields = self._lines[index]
        return self._file, fields.get(field, line)


def question_lines(root: yaml.Node) -> list[tuple[int, dict[str, int]]]:
    """Each question's line and the line of each of its keys (the first, if one is repeated), as
    node_at finds them."""
    questions, _ = node_at(root, ("questions",))
    if questions is root or not isinstance(questions, yaml.SequenceNode):
        return []
    lines = []
    for question in questions.value:
        fields: dict[str, int] = {}
        if isinstance(question, yaml.MappingNode):
            for key, _ in question.value:
                if isinstance(key, yaml.ScalarNode):
                    fields.setdefault(key.value, key.start_mark.line + 1)
        lines.append((question.start_mark.line + 1, fields))
    return lines
