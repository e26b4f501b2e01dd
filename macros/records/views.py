"""The completion record at the foot of each path page and the roster page for HMIS Leads.
Both are filled in by scripts (records.js, roster.js) from data the build writes here; every
text from settings reaches the page through the templates in overrides/partials/records/."""

from __future__ import annotations

import html
import json
from pathlib import Path

import jinja2
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from ..coc.settings import Settings
from ..curriculum.modules import DATA_STANDARDS, Module
from ..pages import LOCAL_PAGES_DIR
from ..quiz.formats import Bank
from .formats import FORMAT, content_version, roster_catalogue

RECORD_TEMPLATE = "partials/records/record.html"
ROSTER_TEMPLATE = "partials/records/roster.html"
AGREEMENT_PAGE = "user-agreement.md"  # a CoC that keeps its agreement on the site: local/pages/user-agreement.md


def compact(data: object) -> str:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def agreement_link(settings: Settings, project_dir: Path, page_url: str, use_directory_urls: bool) -> str | None:
    """The CoC's HMIS user agreement: the address in its settings, or else its own page
    local/pages/user-agreement.md, linked from the page at page_url; None if it has neither."""
    if settings.documents.user_agreement:
        return settings.documents.user_agreement
    if not (project_dir / LOCAL_PAGES_DIR / AGREEMENT_PAGE).is_file():
        return None
    page = File(f"local/{AGREEMENT_PAGE}", src_dir=None, dest_dir="", use_directory_urls=use_directory_urls)
    return get_relative_url(page.url, page_url)


def render_record(templates: jinja2.Environment, path_id: str, path_name: str,
                  steps: list[tuple[Module, bool]], banks: dict[str, Bank], settings: Settings,
                  site_name: str, catalogue: dict[str, dict], agreement: str | None) -> str:
    """A path's completion record: what the learner types, what records.js fills in, and the
    site facts the record and its file carry. `site_name` is MkDocs' (HTML-escaped) site name."""
    modules = [{"id": module.id, "title": module.meta.title, "required": required,
                "questions": len(banks[module.id].questions)} for module, required in steps]
    site = {"format": FORMAT, "site": html.unescape(site_name), "coc": settings.coc.name,
            "coc_number": settings.coc.number, "standards": DATA_STANDARDS,
            "content_version": content_version(catalogue), "pass_mark": settings.quiz.pass_mark_percent,
            "agreement": agreement,
            "contact": settings.training.contact_email or settings.help_desk.email,
            "path": {"id": path_id, "name": path_name}}
    return templates.get_template(RECORD_TEMPLATE).render(
        path_id=path_id, path_name=path_name, site=site, site_json=compact(site), modules_json=compact(modules))


def render_roster(templates: jinja2.Environment, catalogue: dict[str, dict], paths: dict[str, str],
                  settings: Settings) -> str:
    """The roster: a file picker and an empty table that roster.js fills, with the catalogue
    every record is checked against."""
    data = roster_catalogue(catalogue, paths, settings.quiz.pass_mark_percent)
    return templates.get_template(ROSTER_TEMPLATE).render(catalogue_json=compact(data), data=data)
