"""Deferred HTML: big HTML that search must never index (quizzes, answer keys, the review page's
questions) goes into a page's Markdown as a one-line placeholder, and back into the page's final
HTML once Material's search plugin has read the page. Python-Markdown and the search plugin
would otherwise parse all of it tag by tag, only to keep it as it is and leave it out of search.

The HTML put back is the same sanitised template output a macro would have returned. Only the
placeholders of this build's own macros are ever replaced: each token carries a random nonce made
for this build, so text a page author types cannot name one, and each page replaces only the
tokens its own macros made, in one pass, so HTML put back is never searched for more tokens.

The store is an object registered in this build's plugin collection, as a hook would be: it is
made again by each build's define_env, so `mkdocs serve`, which imports this code afresh at every
rebuild (macros/__init__.py forget_earlier_code), never reaches a stale one.
"""

from __future__ import annotations

import hashlib
import html
import re
import secrets

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from .safe_markdown import Trusted

PLUGIN_NAME = "hmis-deferred-html"
# An empty element on a line of its own: Python-Markdown keeps it as raw HTML, character for
# character, and MkDocs still finds its id for anchor checks ("Jump to the quiz").
PLACEHOLDER = re.compile(r'<div data-deferred-html="([0-9a-f]{32}-[0-9a-f]{8}-[0-9]+)"(?: id="[^"<>]*")?></div>')


class DeferredHtml:
    """This build's deferred HTML, by page, and the event that puts it back."""

    def __init__(self) -> None:
        self.nonce = secrets.token_hex(16)  # macros/converted_pages.py: a page is the same whatever its nonce
        self._held: dict[str, dict[str, str]] = {}  # page src_uri -> token -> HTML

    def hold(self, page: Page, content: str, anchor: str | None = None) -> Trusted:
        """A placeholder for `content` on this page; `anchor` is an id inside it that links target,
        which the placeholder carries so MkDocs' anchor check still finds it."""
        held = self._held.setdefault(page.file.src_uri, {})
        # The page's own tokens, numbered the same in every build (macros/converted_pages.py).
        token = f"{self.nonce}-{hashlib.sha256(page.file.src_uri.encode()).hexdigest()[:8]}-{len(held) + 1}"
        held[token] = content
        anchor_id = f' id="{html.escape(anchor)}"' if anchor else ""
        return Trusted(f'<div data-deferred-html="{token}"{anchor_id}></div>')

    def expand(self, page: Page, text: str) -> str:
        """`text` with this page's placeholders replaced by their HTML, for tools that need the
        Markdown as it would be without deferring (tests/bench.py); anything else is left as is."""
        return self._put_back(self._held.get(page.file.src_uri, {}), text)[0]

    @event_priority(100)  # first of the post_page events, so any later ones see the whole page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        held = self._held.pop(page.file.src_uri, None)
        if not held:
            return output
        output, placed = self._put_back(held, output)
        if placed < set(held):
            raise PluginError(f"{page.file.src_uri}: a quiz or answer key could not be placed on the page: is its "
                              "macro call inside a code block or indented? Put it on a line of its own.")
        return output

    @staticmethod
    def _put_back(held: dict[str, str], text: str) -> tuple[str, set[str]]:
        """One pass: HTML put back is never searched again, and a placeholder that is not one of
        this page's (a look-alike an author typed) stays exactly as written."""
        placed: set[str] = set()

        def put_back(match: re.Match) -> str:
            content = held.get(match.group(1))
            if content is None:
                return match.group(0)
            placed.add(match.group(1))
            return content

        return PLACEHOLDER.sub(put_back, text), placed


def for_build(config: MkDocsConfig) -> DeferredHtml:
    """This build's store, registered once in its plugin collection (MkDocs then calls its
    on_post_page for every page, after the search plugin has indexed it)."""
    plugins = config.plugins
    if PLUGIN_NAME not in plugins:
        plugins[PLUGIN_NAME] = DeferredHtml()  # type: ignore[assignment]  # as MkDocs stores hooks
    return plugins[PLUGIN_NAME]  # type: ignore[return-value]
