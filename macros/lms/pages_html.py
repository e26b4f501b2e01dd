"""The plain HTML pages `make lms` writes, from templates in overrides/partials/lms/ with
autoescaping on, like every other page of the site."""

from __future__ import annotations

from pathlib import Path

import jinja2

PARTIALS = Path(__file__).resolve().parents[2] / "overrides" / "partials"
TEMPLATES = jinja2.Environment(loader=jinja2.FileSystemLoader(PARTIALS), autoescape=True,
                               undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render(name: str, **values: object) -> str:
    return TEMPLATES.get_template(f"lms/{name}").render(**values) + "\n"
