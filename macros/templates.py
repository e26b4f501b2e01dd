"""The one Jinja environment every feature renders with: the theme's folders (a fork's custom_dir
first), autoescaping, `inert` for every value shown, and the safe Markdown filters; and relative
links between pages, which MkDocs then checks."""

from __future__ import annotations

import posixpath
from datetime import date

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

from .cache import kept
from .safe_markdown import SafeMarkdown, Trusted, inert_shown


def long_date(value: date) -> str:
    """3 November 2025: unambiguous for readers anywhere."""
    return f"{value.day} {value:%B %Y}"


class CompiledPartials(jinja2.BytecodeCache):
    """Partials compiled by an earlier build in this process, so each build does not compile them
    all again. The compiled code depends on this file's settings (filters, whitespace, escaping):
    the store goes with any code edit (macros/cache.py). Jinja compiles again any partial whose
    source changed, as it compares each one's checksum."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = kept("compiled partials")

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def template_environment(config: MkDocsConfig) -> jinja2.Environment:
    """The theme's folders (a fork's custom_dir first), with autoescaping on, and the filters
    `markdown` and `markdown_inline` that every piece of content text, quiz banks included, goes
    through to become HTML safely."""
    templates = jinja2.Environment(
        loader=jinja2.FileSystemLoader(config.theme.dirs),
        autoescape=True,
        finalize=inert_shown,  # every value shown is escaped for HTML and inert as Markdown
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # made again for each build: no need to check every file at every include
        bytecode_cache=CompiledPartials(),
    )
    markdown = SafeMarkdown(config)
    templates.filters.update(markdown=lambda text: Markup(markdown.block(text)),
                             markdown_inline=lambda text: Markup(markdown.inline(text)), long_date=long_date)
    return templates


def link_from(page_path: str, target: str) -> Trusted:
    """A relative Markdown link from one docs/ page to another, which MkDocs then checks."""
    return Trusted(posixpath.relpath(target, posixpath.dirname(page_path) or "."))
