"""What every content format shares: text and id rules, strict models, and the plain sentences
(`describe`) that pydantic's errors become, so every file's problems read alike.

Each feature defines its own formats with these pieces (quiz/formats.py, curriculum/modules.py,
paths/formats.py, practice/cases.py, coc/settings.py); a model's `hints` say how to add a missing field.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from typing import Annotated, Any, ClassVar, get_args, get_origin

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

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


def not_boolean(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError(f"'{str(value).lower()}' is not a number: write digits only, e.g. 30 or 2.5")
    return value


# YAML reads `yes` as true, and pydantic would then take true as 1.
Number = Annotated[float, BeforeValidator(not_boolean)]


class Strict(BaseModel):
    """Strict about field names so that a typo such as `explaination` is an error."""

    model_config = ConfigDict(extra="forbid")
    hints: ClassVar[dict[str, str]] = {}  # field name -> how to add it when it is missing


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


def _models_in(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """The model and every model its fields hold, at any depth, each once."""
    seen: set[type[BaseModel]] = set()
    todo = [model]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        yield current
        todo += [kind for field in current.model_fields.values() for kind in _types_in(field.annotation)
                 if isinstance(kind, type) and issubclass(kind, BaseModel)]


def field_names(model: type[BaseModel]) -> list[str]:
    """Every field name a file of this model may use, at any depth: the choices for 'did you mean'."""
    return sorted({name for current in _models_in(model) for name in current.model_fields})


def union_tags(model: type[BaseModel]) -> set[str]:
    """The values that pick a member of a tagged union (a question's `type`): pydantic puts them in
    an error's location, where the YAML file has no such key."""
    tags: set[str] = set()
    for current in _models_in(model):
        for field in current.model_fields.values():
            for annotation in _types_in(field.annotation):
                if get_origin(annotation) is not Annotated:
                    continue
                union, *metadata = get_args(annotation)
                for info in metadata:
                    if isinstance(info, FieldInfo) and isinstance(info.discriminator, str):
                        tags |= {str(tag) for member in get_args(union)
                                 for tag in get_args(member.model_fields[info.discriminator].annotation)}
    return tags


# What a value that fails a pattern should look like, by pattern.
PATTERN_HINTS = {
    SLUG_PATTERN: "use lowercase letters, digits and single hyphens, e.g. 'roi-purpose'",
    URL_PATTERN: "write a full web address that starts with https://",
    COC_CODE_PATTERN: "write the HUD CoC code: two capital letters, a hyphen and three digits, e.g. 'XX-500'",
    ONE_LINE_PATTERN: "write it on one line",
    ASSET_PATTERN: "write the name of a file in local/assets/, e.g. 'logo.png'",
    EMAIL_PATTERN: "write one email address, e.g. 'hmis-help@example.org'",
}


def path_of(error: ErrorDetails, tags: set[str] = frozenset()) -> tuple[int | str, ...]:
    """Where in the YAML file the error is: without the union `tags` pydantic adds (see
    union_tags), and at the `type` field itself when that is what is wrong."""
    loc = error["loc"]
    path = tuple(
        part for index, part in enumerate(loc)
        if not (part in tags and index > 0 and isinstance(loc[index - 1], int))
    )
    return path + ("type",) if error["type"] == "union_tag_invalid" else path


def describe(error: ErrorDetails, raw: str | None, known: Sequence[str] = (),
             hints: dict[str, str] | None = None) -> str:
    """A sentence saying what is wrong and how to fix it. `raw` is the YAML text at the spot;
    `known` the field names the file may use; `hints` how to add a missing field, by name."""
    kind, name = error["type"], error["loc"][-1] if error["loc"] else ""
    given = error.get("input")
    hints = hints or {}
    if kind == "missing":
        return f"missing required field '{name}': {hints.get(str(name), 'add it')}"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(name), known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"known fields are {', '.join(known)}"
        return f"unknown field '{name}': {hint}"
    if kind == "union_tag_invalid":
        tags = error["ctx"]["expected_tags"].replace("'", "")
        return f"unknown {error['ctx']['discriminator'].strip(chr(39))} '{error['ctx']['tag']}': use one of {tags}"
    if kind == "union_tag_not_found":
        field = error["ctx"]["discriminator"].strip("'")
        return f"missing required field '{field}': {hints.get(field, 'add it')}"
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
