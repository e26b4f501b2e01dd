"""Reference data in quizzes/reference/: the glossary, the data element reference and the HUD
guide's training areas. Pages render them with macros; nothing is typed twice."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import AfterValidator, BaseModel, Field, RootModel

from .. import practice
from ..cache import Load, read_directly
from ..formats import Strict, Text, names_a_document
from ..loader import node_at, read_yaml_file, validate
from ..problems import Problem

REFERENCE_DIR = "quizzes/reference"
# "not yet confirmed" is for an element whose collection point we could not confirm from HUD's text.
# "each entry or edit" and "implementation setup" are the Dictionary's collection points for metadata
# such as 5.07 and 5.10.
STAGES = ("project setup", "implementation setup", "record creation", "each entry or edit", "project start",
          "update", "annual assessment", "project exit", "occurrence", "post-exit", "not yet confirmed")
ACRONYM = re.compile(r"[A-Z][A-Z0-9/-]*[A-Z0-9]")


class Term(Strict):
    term: Text = Field(description="As written on the site, e.g. 'CoC' or 'Audit trail'.")
    expansion: Text | None = Field(None, description="What an acronym stands for; shown as a tooltip site-wide.")
    definition: Text = Field(description="A plain-language definition (inline Markdown).")
    source: Annotated[Text, AfterValidator(names_a_document)] | None = Field(
        None, description="The document, edition and section behind the definition, cited as a quiz's source is.")


class Glossary(Strict):
    terms: list[Term] = Field(min_length=1)


def sort_key(term: str) -> str:
    """The glossary's A-to-Z order: letter by letter, ignoring case, spaces and punctuation, so an
    acronym sorts by its letters ("CoC" as "coc", "HUD-VASH" as "hudvash"), as readers scan it."""
    return re.sub(r"[\W_]+", "", term.casefold())


def first_letter(term: str) -> str:
    """The jump bar's letter for a term; "#" gathers any that start with a digit or another script."""
    letter = sort_key(term)[:1].upper()
    return letter if letter in string.ascii_uppercase else "#"


def check_glossary_order(glossary: Glossary, root: yaml.Node, shown_as: str) -> list[Problem]:
    """Readers look a term up by its letter, so the file must stay in A-to-Z order. Only the first
    term out of place is reported: moving it may put the rest back in order."""
    keys = [sort_key(term.term) for term in glossary.terms]
    for index in range(1, len(keys)):
        if keys[index] < keys[index - 1]:
            term = glossary.terms[index].term
            before = next(other.term for other, key in zip(glossary.terms, keys) if key > keys[index])
            line = node_at(root, ("terms", index, "term"))[1]
            return [Problem(shown_as, line, f"terms[{index}].term", f"'{term}' is out of A-to-Z order (letters only, "
                            f"case and punctuation ignored): move it to just before '{before}'")]
    return []


class Element(Strict):
    number: Text
    name: Text
    about: Text = Field(description="Who or what it is collected about.")
    stages: list[Literal[STAGES]] = Field(min_length=1)  # type: ignore[valid-type]
    notes: Text | None = None
    fy2026: Text | None = Field(None, description="Only when the element is new, changed or retired in FY2026.")


class Family(Strict):
    id: Literal["pdde", "ude", "psde", "ce", "metadata"]
    name: Text
    summary: Text
    elements: list[Element] = Field(min_length=1)


class DataElements(Strict):
    families: list[Family] = Field(min_length=1)


class GuideArea(Strict):
    area: Text = Field(description="The guide's Training Content Area, verbatim.")
    level: Literal["introductory", "advanced"]


class GuideAreas(Strict):
    areas: list[GuideArea] = Field(min_length=1)


class CsvColumns(RootModel[dict[str, list[Text]]]):
    """csv-columns.yml: each file of the practice export and its column names, in order."""


def check_csv_columns(columns: CsvColumns, root: yaml.Node, shown_as: str) -> list[Problem]:
    """The practice export (made in the build's hook, after these checks) needs a column list for
    each file it writes, naming every column it fills."""
    problems = []
    for name, rows in practice.generate().tables.items():
        listed = columns.root.get(name)
        if listed is None:
            problems.append(Problem(shown_as, 1, "", f"the practice export writes {name}: list its columns"))
            continue
        missing = sorted({key for row in rows for key in row} - set(listed))
        if missing:
            problems.append(Problem(shown_as, node_at(root, (name,))[1], name, "the practice export fills columns "
                                    f"this list lacks: {', '.join(missing)}"))
    return problems


class Tooltips:
    """The glossary's acronym tooltips. A page gets the definitions of the acronyms it uses, not all
    of them, because the abbr extension's cost grows with every definition on every page."""

    def __init__(self, definitions: dict[str, str]) -> None:
        self.definitions = definitions
        terms = sorted(definitions, key=len, reverse=True)
        # The lookahead on first letters lets the regex skip most positions at once: 3x faster.
        first_letters = "".join(sorted({re.escape(term[0]) for term in terms}))
        alternatives = "|".join(map(re.escape, terms))
        self.pattern = re.compile(rf"\b(?=[{first_letters}])(?:{alternatives})\b") if terms else None

    def for_page(self, markdown: str) -> str:
        used = set(self.pattern.findall(markdown)) if self.pattern else set()
        return "\n".join(definition for term, definition in self.definitions.items() if term in used)


class Reference(BaseModel):
    glossary: Glossary
    data_elements: DataElements
    guide_areas: GuideAreas
    csv_columns: CsvColumns

    def tooltips(self) -> Tooltips:
        """Every acronym with an expansion becomes a tooltip (Python-Markdown abbr) on every page."""
        # An abbreviation's definition ends at the line's end: one line, or the rest would be Markdown.
        return Tooltips({term.term: f"*[{term.term}]: {' '.join(term.expansion.split())}"
                         for term in self.glossary.terms if term.expansion and ACRONYM.fullmatch(term.term)})

    def family(self, family_id: str) -> Family:
        return next(family for family in self.data_elements.families if family.id == family_id)


FILES = {"glossary": (Glossary, "glossary.yml"), "data_elements": (DataElements, "data-elements.yml"),
         "guide_areas": (GuideAreas, "guide-areas.yml"), "csv_columns": (CsvColumns, "csv-columns.yml")}


def load_reference_file(path: Path, shown_as: str, key: str) -> tuple[BaseModel | None, list[Problem]]:
    """One of FILES, read, validated and checked."""
    root, data, found = read_yaml_file(path, shown_as)
    if found:
        return None, found
    loaded, found = validate(FILES[key][0], data, root, shown_as)
    if key == "csv_columns" and loaded is not None:
        found = check_csv_columns(loaded, root, shown_as)
    if key == "glossary" and loaded is not None:
        found = check_glossary_order(loaded, root, shown_as)
    return loaded, found


def load_reference(project_dir: Path, load: Load = read_directly) -> tuple[Reference | None, list[Problem]]:
    loaded, problems = {}, []
    for key, (_, name) in FILES.items():
        shown_as = f"{REFERENCE_DIR}/{name}"
        path = project_dir / shown_as
        if not path.is_file():
            problems.append(Problem(shown_as, 1, "", "this reference file is missing"))
            continue
        loaded[key], found = load(load_reference_file, path, shown_as, key)
        problems += found
    if problems:
        return None, problems
    return Reference(**loaded), []
