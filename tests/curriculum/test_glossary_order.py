"""The glossary: kept in A-to-Z order (the build names the first term out of place), and shown with
an A-to-Z bar whose letters link to a heading for each letter that has terms."""

from __future__ import annotations

import re
import string
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest
import yaml
from mkdocs.config import load_config

from helpers import FIXTURES, PROJECT_DIR
from macros.loader import read_yaml_file, validate
from macros.curriculum.reference import Glossary, Term, check_glossary_order, load_reference, sort_key
from macros.curriculum.views import render_glossary
from macros.templates import template_environment

OUT_OF_ORDER = FIXTURES / "malformed" / "glossary" / "out-of-order.yml"


class Bar(HTMLParser):
    """The jump bar's entries as (text, href or None), and every id on the page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.entries: list[tuple[str, str | None]] = []
        self.ids: set[str] = set()
        self.headings: list[tuple[str, str]] = []
        self._in_bar = False
        self._open: tuple[str, str | None] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        if tag == "nav":
            self._in_bar = True
        elif self._in_bar and tag in ("a", "span"):
            self._open = (tag, found.get("href"))
        elif tag == "h2":
            self._open = ("h2", found.get("id"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_bar = False

    def handle_data(self, data: str) -> None:
        if self._open and data.strip():
            kind, value = self._open
            if kind == "h2":
                self.headings.append((data.strip(), value or ""))
            else:
                self.entries.append((data.strip(), value if kind == "a" else None))
            self._open = None


def glossary_from(path: Path) -> tuple[Glossary, yaml.Node]:
    root, data, problems = read_yaml_file(path, path.name)
    assert not problems
    glossary, problems = validate(Glossary, data, root, path.name)
    assert not problems
    return glossary, root


@pytest.fixture(scope="module")
def templates() -> jinja2.Environment:
    return template_environment(load_config(str(PROJECT_DIR / "mkdocs.yml")))


@pytest.mark.parametrize(("term", "key"), [("CoC", "coc"), ("HUD-VASH", "hudvash"), ("Housing Move-In Date",
                                           "housingmoveindate"), ("ZIP code", "zipcode")])
def test_terms_sort_by_their_letters_ignoring_case_spaces_and_punctuation(term: str, key: str) -> None:
    assert sort_key(term) == key


def test_the_sites_glossary_is_in_order() -> None:
    reference, problems = load_reference(PROJECT_DIR)
    assert problems == []
    keys = [sort_key(term.term) for term in reference.glossary.terms]
    assert keys == sorted(keys)


def test_the_first_term_out_of_order_is_named_with_its_file_and_line() -> None:
    glossary, root = glossary_from(OUT_OF_ORDER)
    problems = check_glossary_order(glossary, root, "quizzes/reference/glossary.yml")
    assert [str(problem) for problem in problems] == [
        "quizzes/reference/glossary.yml:13: terms[3].term: 'AIDS' is out of A-to-Z order (letters only, case and "
        "punctuation ignored): move it to just before 'CSV'"]
    assert OUT_OF_ORDER.read_text(encoding="utf-8").splitlines()[12] == "- term: AIDS"


def test_new_core_terms_cite_their_source() -> None:
    reference, _ = load_reference(PROJECT_DIR)
    terms = {term.term: term for term in reference.glossary.terms}
    for name in ("Enrollment", "Bed night", "Housing Move-In Date", "Project start date", "Project exit date",
                 "HoH", "Household", "Client", "Personal ID", "HMIS Lead", "CoC", "Reporting period", "Destination",
                 "Prior living situation"):
        assert terms[name].source, f"{name} has no source"


def test_the_bar_links_letters_with_terms_to_their_headings_and_leaves_the_others_plain(
        templates: jinja2.Environment) -> None:
    reference, _ = load_reference(PROJECT_DIR)
    page = Bar(render_glossary(templates, reference.glossary))
    letters_with_terms = sorted({sort_key(term.term)[0].upper() for term in reference.glossary.terms})
    assert [text for text, _ in page.entries] == list(string.ascii_uppercase)
    for text, href in page.entries:
        if text in letters_with_terms:
            assert href == f"#letter-{text.lower()}" and href[1:] in page.ids
        else:
            assert href is None, f"{text} has no terms but is a link"
    assert set(string.ascii_uppercase) - set(letters_with_terms), "every letter has terms: nothing left to show plain"
    assert page.headings == [(letter, f"letter-{letter.lower()}") for letter in letters_with_terms]


def test_terms_sit_under_their_letter_and_show_their_source(templates: jinja2.Environment) -> None:
    reference, _ = load_reference(PROJECT_DIR)
    html = render_glossary(templates, reference.glossary)
    group = re.search(r'<h2[^>]*id="letter-b"[^>]*>B</h2>\s*<dl class="glossary">(.*?)</dl>', html, re.S)
    assert group and '<dt id="term-bed-night">Bed night</dt>' in group[1]
    assert "Source: FY2024 HMIS Data Dictionary v1.6, 4.14 Bed-Night Date" in group[1]


def test_a_term_that_starts_with_a_digit_gets_its_own_group_first(templates: jinja2.Environment) -> None:
    glossary = Glossary(terms=[Term(term="2004 Notice", definition="The HMIS Data and Technical Standards."),
                               Term(term="Bed night", definition="A night in a shelter.")])
    page = Bar(render_glossary(templates, glossary))
    assert page.entries[:3] == [("#", "#letter-other"), ("A", None), ("B", "#letter-b")]
    assert page.headings == [("#", "letter-other"), ("B", "letter-b")]
