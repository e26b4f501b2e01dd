"""The curriculum on screen: lists of modules, the training plan, the glossary and the data
element reference tables."""

from __future__ import annotations

import re
import string

import jinja2

from ..templates import link_from
from .modules import AUDIENCE_LABELS, Module
from .reference import Family, Glossary, Term, first_letter
from ..quiz.formats import Bank

MODULE_LIST_TEMPLATE = "partials/curriculum/module-list.html"
TRAINING_PLAN_TEMPLATE = "partials/curriculum/training-plan.html"
GLOSSARY_TEMPLATE = "partials/curriculum/glossary.html"
DATA_ELEMENTS_TEMPLATE = "partials/curriculum/data-elements.html"


def render_module_list(templates: jinja2.Environment, modules: list[Module], page_path: str) -> str:
    """Links to the modules, relative to the page that shows them, so MkDocs checks them."""
    entries = [(module, link_from(page_path, module.path)) for module in modules]
    return templates.get_template(MODULE_LIST_TEMPLATE).render(entries=entries)


def render_training_plan(templates: jinja2.Environment, modules: list[Module], banks: dict[str, Bank],
                         page_path: str) -> str:
    entries = [(module, link_from(page_path, module.path), len(banks[module.id].questions)) for module in modules]
    return templates.get_template(TRAINING_PLAN_TEMPLATE).render(
        entries=entries, total_minutes=sum(module.meta.minutes for module in modules),
        self_paced_minutes=sum(module.self_paced_minutes for module in modules), audiences=AUDIENCE_LABELS)


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
