"""The completion record at the foot of each path page and the roster page for HMIS Leads.
Both are filled in by scripts (records.js, roster.js) from data the build writes here; every
text from settings reaches the page through the templates in overrides/partials/records/."""

from __future__ import annotations

import html
import json

import jinja2

from ..coc.settings import Settings
from ..curriculum.modules import DATA_STANDARDS, Module
from ..quiz.formats import Bank
from .formats import FORMAT, content_version, roster_catalogue

RECORD_TEMPLATE = "partials/records/record.html"
ROSTER_TEMPLATE = "partials/records/roster.html"


def compact(data: object) -> str:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def render_record(templates: jinja2.Environment, path_id: str, path_name: str,
                  steps: list[tuple[Module, bool]], banks: dict[str, Bank], settings: Settings,
                  site_name: str, catalogue: dict[str, dict]) -> str:
    """A path's completion record: what the learner types, what records.js fills in, and the
    site facts the record and its file carry. `site_name` is MkDocs' (HTML-escaped) site name."""
    modules = [{"id": module.id, "title": module.meta.title, "required": required,
                "questions": len(banks[module.id].questions)} for module, required in steps]
    site = {"format": FORMAT, "site": html.unescape(site_name), "coc": settings.coc.name,
            "coc_number": settings.coc.number, "standards": DATA_STANDARDS,
            "content_version": content_version(catalogue), "pass_mark": settings.quiz.pass_mark_percent,
            "agreement": settings.documents.user_agreement,
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
