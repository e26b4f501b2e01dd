"""Markdown for text written in quiz banks: the site's extensions, but nothing that can run.

Bank text is edited in pull requests by many hands, so raw HTML is shown as text, and
links or attributes that could run script (javascript: URLs, on* handlers) are dropped.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig

# One line of words and punctuation that Markdown would only wrap: no markup, no list or heading start.
PLAIN_TEXT = re.compile(r"(?![-+:#>]|\d+[.)]\s)(?:[^\W_]|[ ,.;:'\"()?!/%$+\u2013\u2014\u2018\u2019\u201c\u201d-])*")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "cite", "poster", "xlink:href"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def is_safe_url(value: str) -> bool:
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    compact = re.sub(r"[\x00-\x20]", "", value).lower()
    scheme = SCHEME.match(compact)
    return scheme is None or scheme.group(1) in SAFE_SCHEMES


class _DropUnsafeAttributes(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name in list(element.attrib):
                lowered = name.lower()
                unsafe_url = lowered in URL_ATTRIBUTES and not is_safe_url(element.attrib[name])
                if lowered.startswith("on") or lowered in {"style", "srcdoc"} or unsafe_url:
                    del element.attrib[name]
            if element.tag == "a" and "href" not in element.attrib:
                element.tag = "span"  # a link that goes nowhere is only text (and trips instant navigation)


class _NoRawHtml(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # After attr_list (priority 8), which can add attributes of any name.
        md.treeprocessors.register(_DropUnsafeAttributes(md), "quiz_drop_unsafe_attributes", 1)


class SafeMarkdown:
    """Converts bank text to HTML with the site's Markdown extensions, safely."""

    def __init__(self, config: MkDocsConfig) -> None:
        self._md = markdown.Markdown(
            extensions=[*config.markdown_extensions, _NoRawHtml()],
            extension_configs=config.mdx_configs,
        )
        # Without these two, Python-Markdown passes <script> and other raw HTML through.
        for registry, name in ((self._md.preprocessors, "html_block"), (self._md.inlinePatterns, "html")):
            if name in registry:
                registry.deregister(name)

    def block(self, text: str) -> str:
        """Paragraphs, lists and other block content."""
        text = text.strip()
        if PLAIN_TEXT.fullmatch(text):  # most options and sources: skip the full Markdown pipeline
            return f"<p>{html.escape(text, quote=False)}</p>"
        self._md.reset()
        return self._md.convert(text)

    def inline(self, text: str) -> str:
        """One line of inline content, without the <p> wrapper, for labels and the source."""
        html = self.block(text)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]
        return html
