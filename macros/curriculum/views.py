"""The curriculum on screen: lists of modules, the glossary and the data element reference
tables (the training plan has a file of its own)."""

from __future__ import annotations

import re
import string

import jinja2

from ..templates import link_from
from .modules import Module
from .reference import Family, Glossary, Term, first_letter

MODULE_LIST_TEMPLATE = "partials/curriculum/module-list.html"
GLOSSARY_TEMPLATE = "partials/curriculum/glossary.html"
DATA_ELEMENTS_TEMPLATE = "partials/curriculum/data-elements.html"


def render_module_list(templates: jinja2.Environment, modules: list[Module], page_path: str) -> str:
    """Links to the modules, relative to the page that shows them, so MkDocs checks them."""
    entries = [(module, link_from(page_path, module.path)) for module in modules]
    return templates.get_template(MODULE_LIST_TEMPLATE).render(entries=entries)


def term_anchor(term: str) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def render_glossary(templates: jinja2.Environment, glossary: Glossary) -> str:
    """The terms in groups by first letter, each under a heading the A-to-Z bar links to.
    Definitions are Markdown; the template turns them into HTML with the same safe filter."""
    groups: dict[str, list[tuple[Term, str]]] = {}
    for term in glossary.terms:
        groups.setdefault(first_letter(term.term), []).append((term, term_anchor(term.term)))
    letters = (["#"] if "#" in groups else []) + list(string.ascii_uppercase)
    anchors = {letter: "letter-" + ("other" if letter == "#" else letter.lower()) for letter in letters}
    return templates.get_template(GLOSSARY_TEMPLATE).render(letters=letters, groups=groups, anchors=anchors)


def render_data_elements(templates: jinja2.Environment, family: Family) -> str:
    return templates.get_template(DATA_ELEMENTS_TEMPLATE).render(family=family)
