"""The CoC's own details on screen: its help desk, documents and benchmarks from settings, and
links to its own pages."""

from __future__ import annotations

import jinja2

from ..templates import link_from
from .local import LocalPage
from .settings import Settings

HELP_DESK_TEMPLATE = "partials/coc/help-desk.html"
COC_DOCUMENTS_TEMPLATE = "partials/coc/documents.html"
COC_BENCHMARKS_TEMPLATE = "partials/coc/benchmarks.html"
LOCAL_PAGES_TEMPLATE = "partials/coc/local-pages.html"
TRAINING_REQUIREMENTS_TEMPLATE = "partials/coc/training-requirements.html"
TRAINING_PLAN_PAGE = "paths/training-plan.md"


def render_settings(templates: jinja2.Environment, template: str, settings: Settings) -> str:
    """A box built from local/settings.yml (help desk, documents, benchmarks): the CoC's values,
    or what to find out while they are unset."""
    return templates.get_template(template).render(coc=settings)


def render_training_requirements(templates: jinja2.Environment, settings: Settings, page_path: str) -> str:
    """The CoC's training rules from local/settings.yml, or whom to ask while there are none."""
    plan_link = None if page_path == TRAINING_PLAN_PAGE else link_from(page_path, TRAINING_PLAN_PAGE)
    return templates.get_template(TRAINING_REQUIREMENTS_TEMPLATE).render(coc=settings, plan_link=plan_link)


def render_local_pages(templates: jinja2.Environment, pages: list[LocalPage], page_path: str) -> str:
    entries = [(page, link_from(page_path, page.path)) for page in pages]
    return templates.get_template(LOCAL_PAGES_TEMPLATE).render(entries=entries)
