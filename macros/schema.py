"""The content formats: quiz banks in quizzes/<bank-id>.yml, and module pages' front matter.

The pydantic models are the single definition of each format. They validate content at build
time, and the bank model generates the JSON Schema that editors use (see `json_schema`).
`describe` turns pydantic's errors into plain sentences that say how to fix the file.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from typing import Annotated, Any, ClassVar, Literal, Union, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from .practice import MEASURES

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
URL_PATTERN = r"^https?://\S+$"
COC_CODE_PATTERN = r"^[A-Z]{2}-\d{3}$"
ONE_LINE_PATTERN = r"^[^\n\r]*$"
ASSET_PATTERN = r"^[A-Za-z0-9_-]+(?:[./][A-Za-z0-9_-]+)*$"  # a path inside local/assets/, never outside
EMAIL_PATTERN = r"^[^@\s<>()\[\]]+@[^@\s<>()\[\]]+\.[^@\s<>()\[\]]+$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def no_bidi_controls(value: str) -> str:
    """Invisible direction controls make text show in another order than it is written, so a
    reviewer reading a pull request would not see what learners see."""
    found = BIDI_CONTROLS.search(value)
    if found:
        raise ValueError(f"contains the invisible character U+{ord(found[0]):04X}, which changes the order "
                         "text is shown in: delete it")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(no_bidi_controls)]


def not_boolean(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError(f"'{str(value).lower()}' is not a number: write digits only, e.g. 30 or 2.5")
    return value


# YAML reads `yes` as true, and pydantic would then take true as 1.
Number = Annotated[float, BeforeValidator(not_boolean)]


class Strict(BaseModel):
    """Strict about field names so that a typo such as `explaination` is an error."""

    model_config = ConfigDict(extra="forbid")


class Model(Strict):
    """Bank text: a number written where text was meant (an option `30`) is read as text."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)


class Option(Model):
    """One answer a learner can pick in a `single` or `multiple` question."""

    text: Text = Field(description="The option as the learner sees it (inline Markdown).")
    correct: bool = Field(False, description="true for a right option.")
    feedback: Text | None = Field(None, description="Shown when the learner picks this option.")


# A source must name the document behind the answer, not just an element: "HMIS Data Standards:
# 3.20" says neither which document (Dictionary, Manual, CSV specifications) nor which edition.
# These words name a kind of document, or say plainly that the answer is good practice.
DOCUMENT_ABBREVIATIONS = re.compile(r"\b(?:CFR|FR|U\.S\.C|FAQ|NOFO|NOFA)\b")
DOCUMENT_WORDS = re.compile(
    r"\b(?:dictionary|manuals?|specifications?|notices?|regulations?|rules?|guides?|guidance|toolkit|glossary"
    r"|application|HUD Exchange|Data Lab|polic(?:y|ies)|plans?|agreements?|memo|statement|good practice"
    r"|practice export|activity dataset|this site)\b", re.IGNORECASE)


def names_a_document(source: str) -> str:
    """A bank's `source` must name a document: a bare element name is not enough."""
    if not (DOCUMENT_ABBREVIATIONS.search(source) or DOCUMENT_WORDS.search(source)):
        raise ValueError(
            f"'{source}' names no document: say which one backs the answer and its edition, e.g. "
            "'FY2024 HMIS Data Dictionary v1.6, 3.20 Housing Move-In Date', the HMIS Data Standards Manual, "
            "the HMIS CSV Format Specifications, 24 CFR 578.7, a HUD notice or your CoC's policy")
    return source


class QuestionBase(Model):
    id: Slug = Field(description="Stable id, unique in the bank; saved progress is keyed by it.")
    prompt: Text = Field(description="The question (Markdown).")
    explanation: Text = Field(description="Why the right answer is right (Markdown).")
    source: Annotated[Text, AfterValidator(names_a_document)] = Field(
        description="The document, edition and section that back the answer, e.g. 'FY2024 HMIS Data "
        "Dictionary v1.6, 3.20 Housing Move-In Date' or '24 CFR 578.7(b)(3)'. A bare element name is refused."
    )


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

    title: Text = Field("Check your understanding", description="Shown above the questions.")
    questions: list[Question] = Field(min_length=1)


DATA_STANDARDS = "FY2026 HMIS Data Standards (effective 1 October 2025)"
AUDIENCE_LABELS = {"end-user": "end users", "agency-admin": "agency administrators",
                   "hmis-lead": "HMIS Lead staff", "trainer": "trainers"}
AUDIENCES = tuple(AUDIENCE_LABELS)


class ModuleMeta(BaseModel):
    """Front matter every module page carries, so lists, paths and plans can be built from it."""

    model_config = ConfigDict(extra="allow")  # Material's own keys (hide, status, ...) may follow

    title: Text
    description: Text
    level: Literal["introductory", "advanced"]
    minutes: int = Field(gt=0, description="Teaching plus exercises.")
    audiences: list[Literal[AUDIENCES]] = Field(min_length=1)  # type: ignore[valid-type]
    guide_area: Text = Field(description="The HUD HMIS Training Guide's Training Content Area, verbatim.")


class LocalModuleMeta(ModuleMeta):
    """A CoC's own module (a page in local/pages/ with module front matter): no guide area needed."""

    guide_area: Text | None = None


def json_schema(model: type[BaseModel], title: str) -> dict[str, Any]:
    """The JSON Schema an editor (VS Code's YAML extension) uses to complete and check a file."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema


def _types_in(annotation: Any) -> Iterator[Any]:
    yield annotation
    for argument in get_args(annotation):
        yield from _types_in(argument)


def field_names(model: type[BaseModel]) -> list[str]:
    """Every field name a file of this model may use, at any depth: the choices for 'did you mean'."""
    names: set[str] = set()
    seen: set[type[BaseModel]] = set()
    todo = [model]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, field in current.model_fields.items():
            names.add(name)
            todo += [kind for kind in _types_in(field.annotation)
                     if isinstance(kind, type) and issubclass(kind, BaseModel)]
    return sorted(names)

HINTS = {
    "id": "give the question a short stable id such as 'roi-purpose'",
    "type": f"say which kind of question this is: one of {', '.join(QUESTION_TYPES)}",
    "prompt": "write the question",
    "explanation": "say why the right answer is right",
    "source": "name the standard, regulation or document section that backs the answer",
    "options": "list the options, marking right ones with 'correct: true'",
    "answer": "write 'answer: true' or 'answer: false'",
    "text": "write the option's text",
    "questions": "add a 'questions:' list",
    "minutes": "say how long the module takes, teaching plus exercises, e.g. 'minutes: 30'",
    "level": "write 'level: introductory' or 'level: advanced'",
    "audiences": f"list who the module is for, from {', '.join(AUDIENCES)}",
    "guide_area": "name the HUD HMIS Training Guide's Training Content Area, verbatim",
    "description": "say in one sentence what the module teaches",
}


# What a value that fails a pattern should look like, by pattern.
PATTERN_HINTS = {
    SLUG_PATTERN: "use lowercase letters, digits and single hyphens, e.g. 'roi-purpose'",
    URL_PATTERN: "write a full web address that starts with https://",
    COC_CODE_PATTERN: "write the HUD CoC code: two capital letters, a hyphen and three digits, e.g. 'XX-500'",
    ONE_LINE_PATTERN: "write it on one line",
    ASSET_PATTERN: "write the name of a file in local/assets/, e.g. 'logo.png'",
    EMAIL_PATTERN: "write one email address, e.g. 'hmis-help@example.org'",
}


def path_of(error: ErrorDetails) -> tuple[int | str, ...]:
    """Where in the YAML file the error is: without the type tag pydantic adds for the union,
    and at the `type` field itself when that is what is wrong."""
    loc = error["loc"]
    path = tuple(
        part for index, part in enumerate(loc)
        if not (part in QUESTION_TYPES and index > 0 and isinstance(loc[index - 1], int))
    )
    return path + ("type",) if error["type"] == "union_tag_invalid" else path


def describe(error: ErrorDetails, raw: str | None, known: Sequence[str] = ()) -> str:
    """A sentence saying what is wrong and how to fix it. `raw` is the YAML text at the spot;
    `known` the field names the file may use."""
    kind, name = error["type"], error["loc"][-1] if error["loc"] else ""
    given = error.get("input")
    if kind == "missing":
        return f"missing required field '{name}': {HINTS.get(str(name), 'add it')}"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(name), known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"known fields are {', '.join(known)}"
        return f"unknown field '{name}': {hint}"
    if kind == "union_tag_invalid":
        return f"unknown type '{error['ctx']['tag']}': use one of {', '.join(QUESTION_TYPES)}"
    if kind == "union_tag_not_found":
        return f"missing required field 'type': {HINTS['type']}"
    if kind == "string_type" and isinstance(given, bool):
        shown = raw or str(given).lower()
        return f'YAML reads {shown} as the boolean {str(given).lower()}, not text: put it in quotes, "{shown}"'
    if kind == "string_type":
        return "must be text"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_pattern_mismatch":
        expected = PATTERN_HINTS.get(error.get("ctx", {}).get("pattern", ""), "check its form")
        return f"'{given}' is not valid: {expected}"
    if kind in {"int_parsing", "float_parsing", "int_type", "float_type"}:
        return f"'{raw or given}' is not a number: write digits only, e.g. 30 or 2.5"
    if kind in {"bool_parsing", "bool_type"}:
        return f"'{raw}' is not true or false" if raw else "must be a single true or false"
    if kind == "too_short":
        minimum = error.get("ctx", {}).get("min_length", 1)
        return f"needs at least {minimum} {name if minimum != 1 else str(name).removesuffix('s')}"
    if kind == "list_type":
        return "must be a list (one '- ' item per line)"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return "must be a mapping of 'field: value' lines"
    if kind == "literal_error":
        return f"'{given}' is not allowed: {str(error['msg']).replace('Input should be', 'use')}"
    bounds = {"greater_than": ("more than", "gt"), "greater_than_equal": ("at least", "ge"),
              "less_than": ("less than", "lt"), "less_than_equal": ("at most", "le")}
    if kind in bounds:
        words, key = bounds[kind]
        bound = error.get("ctx", {}).get(key)
        return f"'{raw or given}' must be {words} {f'{bound:g}' if isinstance(bound, float) else bound}"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return str(error["msg"])
