"""Pages turned into HTML once per change. `mkdocs serve` rebuilds every page after any edit, and
Python-Markdown is a third of a rebuild; after a bank edit most pages' Markdown is as it was. A page
whose Markdown (after macros) and address, the site's files and the Markdown settings
all equal an earlier build's in this process takes that build's HTML, table of contents and
anchors, and the warnings its conversion logged are logged again, so a broken link is reported on
every build until it is fixed, as without the cache.

MkDocs has no way to skip a page's conversion. On a hit, the page's Markdown becomes a stub that
converts in well under a millisecond: the page's first line when it is the heading MkDocs takes
the page title from, else nothing. on_page_content then puts back the HTML and what MkDocs' render
sets from it: the documented Page attributes toc, present_anchor_ids and links_to_anchors.

Deferred HTML placeholders (macros/deferred.py) carry a nonce new in each build; a page is the same
if it differs only by that, and its HTML gets this build's nonce. Only pages converted by
extensions that read nothing but the text are kept: a fork that adds another extension (such as
pymdownx.snippets, which reads files) gets every page converted, as before.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from .cache import kept

PLUGIN_NAME = "hmis-converted-pages"
# Python-Markdown's and pymdown-extensions' extensions whose output depends on the text alone.
TEXT_ONLY_EXTENSIONS = {
    "abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "legacy_attrs", "legacy_em",
    "md_in_html", "meta", "nl2br", "sane_lists", "smarty", "tables", "toc", "wikilinks", "codehilite",
    "pymdownx.arithmatex", "pymdownx.betterem", "pymdownx.caret", "pymdownx.critic", "pymdownx.details",
    "pymdownx.emoji", "pymdownx.escapeall", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.keys",
    "pymdownx.magiclink", "pymdownx.mark", "pymdownx.progressbar", "pymdownx.saneheaders",
    "pymdownx.smartsymbols", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist", "pymdownx.tilde",
}
# Where a conversion's warnings come from: MkDocs' link checks and Python-Markdown itself.
CONVERSION_LOGGERS = ("mkdocs", "MARKDOWN")
# A page's first line when it is an ATX level-one heading with no reference a stub could not resolve.
TITLE_LINE = re.compile(r"\s*(# [^\n\[]*)(?:\n|$)")


@dataclass(frozen=True)
class Converted:
    """One page as MkDocs' render left it, with what it needs to be the same page again."""

    made_from: tuple[str, tuple[str, ...]]  # the page's address, and its Markdown split at the nonce
    stub: str
    content: tuple[str, ...]  # the HTML, split at the nonce of the build that made it
    toc: TableOfContents
    present_anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri
    warnings: tuple[logging.LogRecord, ...]


class _Recorder(logging.Handler):
    """Keeps the records of one page's conversion, to log again when the page is not converted."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def attach(self) -> None:
        self.records = []
        for name in CONVERSION_LOGGERS:
            logging.getLogger(name).addHandler(self)

    def detach(self) -> None:
        for name in CONVERSION_LOGGERS:
            logging.getLogger(name).removeHandler(self)


def text_only(config: MkDocsConfig) -> bool:
    """Whether every Markdown extension turns the same text into the same HTML."""
    names = [extension if isinstance(extension, str) else None for extension in config.markdown_extensions]
    return all(name is not None and name.removeprefix("markdown.extensions.") in TEXT_ONLY_EXTENSIONS
               for name in names)


class ConvertedPages:
    """This build's view of the pages converted by earlier builds in this process."""

    def __init__(self, config: MkDocsConfig, nonce: str) -> None:
        self.nonce = nonce
        self.enabled = text_only(config)
        settings = (config.markdown_extensions, config.mdx_configs, config.validation, config.use_directory_urls)
        self._store: dict[str, Any] = kept("converted pages", *settings)  # "files" and each page's Converted
        self._recorder = _Recorder()
        self._files_compared = False
        self._made_from: dict[str, tuple] = {}  # this build's pages being converted, by src_uri
        self._reused: dict[str, Converted] = {}

    def _compare_files(self, files: Files) -> None:
        """Links are resolved against every file's address: a file added, removed or moved drops all."""
        addresses = tuple((file.src_uri, file.url, file.inclusion) for file in files)
        if self._store.get("files") != addresses:
            self._store.clear()
            self._store["files"] = addresses
        self._files_compared = True

    @event_priority(-100)  # the last: after macros have made the page's Markdown
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        self._recorder.detach()  # should a conversion have failed before on_page_content
        if not self.enabled:
            return markdown
        if not self._files_compared:
            self._compare_files(files)
        made_from = (page.file.url, tuple(markdown.split(self.nonce)))
        earlier = self._store.get(page.file.src_uri)
        if isinstance(earlier, Converted) and earlier.made_from == made_from:
            self._reused[page.file.src_uri] = earlier
            return earlier.stub
        self._made_from[page.file.src_uri] = made_from
        self._recorder.attach()
        return markdown

    @event_priority(100)  # the first: later events see the page as if converted now
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        self._recorder.detach()
        earlier = self._reused.pop(page.file.src_uri, None)
        if earlier is not None:
            page.toc = earlier.toc
            page.present_anchor_ids = set(earlier.present_anchor_ids or ())
            if earlier.links_to_anchors is not None:
                page.links_to_anchors = {files.get_file_from_path(uri): dict(links)
                                         for uri, links in earlier.links_to_anchors.items()}
            for record in earlier.warnings:
                logging.getLogger(record.name).handle(record)
            return self.nonce.join(earlier.content)
        made_from = self._made_from.pop(page.file.src_uri, None)
        if made_from is not None:
            self._keep(page, made_from, html)
        return html

    def _keep(self, page: Page, made_from: tuple, html: str) -> None:
        """Store the page, if a stub can give MkDocs the same title: the title comes from a first
        heading only, and a page whose first heading is not its first line is converted each time."""
        title_line = TITLE_LINE.match(made_from[1][0])
        starts_with_heading = html.lstrip().startswith("<h1")
        if starts_with_heading and title_line is None:
            return
        links = page.links_to_anchors
        self._store[page.file.src_uri] = Converted(
            made_from=made_from, stub=title_line.group(1) if starts_with_heading else "",
            content=tuple(html.split(self.nonce)), toc=page.toc, present_anchor_ids=page.present_anchor_ids,
            links_to_anchors=None if links is None else {file.src_uri: dict(found) for file, found in links.items()},
            warnings=tuple(self._recorder.records))

    def on_build_error(self, error: Exception) -> None:
        self._recorder.detach()


def for_build(config: MkDocsConfig, nonce: str) -> ConvertedPages:
    """This build's converted pages, registered in its plugin collection as deferred.for_build is."""
    plugins = config.plugins
    if PLUGIN_NAME not in plugins:
        plugins[PLUGIN_NAME] = ConvertedPages(config, nonce)  # type: ignore[assignment]
    return plugins[PLUGIN_NAME]  # type: ignore[return-value]
