"""The one sanitising path for text from YAML, front matter and settings: the site's Markdown
extensions, but nothing that can run.

Banks, the glossary, paths, cases and a fork's settings are edited by many hands, so raw HTML is
shown as text, attribute lists keep only harmless attributes, and a link or image stays only if
its address is http, https, mailto or relative once character references, whitespace and control
characters are taken out, as a browser reads it. Every value a partial shows, plain text or HTML
made here, then goes through `inert` (the templates' finalize): escaped, and with the characters
Markdown acts on written as character references, since the page reads our partials as Markdown
again.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
from markupsafe import Markup
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig

from .cache import kept

# One line of words and punctuation that Markdown would only wrap: no markup, no list, heading,
# admonition (!!!) or details (???) start.
PLAIN_TEXT = re.compile(r"(?![-+:#>]|\d+[.)]\s|!!!|\?\?\?)(?!.*_)[\w ,.;:'\"()?!/%$+\u2013\u2014\u2018\u2019\u201c\u201d-]*")
SAFE_SCHEMES = {"http", "https", "mailto"}
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# Whitespace, control characters and the invisible ones a browser also drops from an address.
IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
# The only attributes text may carry, whoever wrote them (attr_list can add any name).
ALLOWED_ATTRIBUTES = {"class", "id", "title", "lang", "dir"}
ALLOWED_BY_TAG = {"a": {"href"}, "img": {"src", "alt"}, "ol": {"start"}, "details": {"open"},
                  "th": {"colspan", "rowspan", "scope"}, "td": {"colspan", "rowspan"}}
URL_ATTRIBUTES = {"href", "src"}
# Extensions that read other files at build time: never for text anyone can edit.
FILE_READING_EXTENSIONS = {"pymdownx.snippets"}


def is_safe_url(value: str, allow_relative: bool = True) -> bool:
    """Whether a browser would follow this address to a web page or an email, as it reads it:
    character references decoded ("&#106;avascript:"), and spaces and control characters
    ("java\tscript:") ignored."""
    compact = IGNORED_IN_URLS.sub("", html.unescape(html.unescape(value))).lower()
    scheme = SCHEME.match(compact)
    if scheme is None:
        return allow_relative and not compact.startswith("//")
    return scheme.group(1) in SAFE_SCHEMES


class _DropUnsafeAttributes(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            allowed = ALLOWED_ATTRIBUTES | ALLOWED_BY_TAG.get(element.tag, set())
            for name in list(element.attrib):
                unsafe_url = name in URL_ATTRIBUTES and not is_safe_url(element.attrib[name])
                if name not in allowed or unsafe_url:
                    del element.attrib[name]
            if element.tag == "a" and "href" not in element.attrib:
                element.tag = "span"  # a link that goes nowhere is only text (and trips instant navigation)
            if element.tag == "img" and "src" not in element.attrib:
                element.tag, element.text = "span", element.attrib.pop("alt", "")


class _NoRawHtml(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # After attr_list (priority 8), which can add attributes of any name.
        md.treeprocessors.register(_DropUnsafeAttributes(md), "quiz_drop_unsafe_attributes", 1)


# Characters Markdown would act on. Our partials are read again as Markdown by the page (they hold
# Markdown links, which MkDocs checks), so a value they show has these written as character
# references: the browser shows the same text, and Markdown sees nothing to act on.
MARKDOWN_ACTIVE_CHARS = "\\`*_{}[]()!|"
MARKDOWN_INERT = str.maketrans({char: f"&#{ord(char)};" for char in MARKDOWN_ACTIVE_CHARS})
MARKDOWN_ACTIVE = re.compile(f"[{re.escape(MARKDOWN_ACTIVE_CHARS)}]")
TAG = re.compile(r"(<[^>]*>)")
# Text without any of these is shown exactly as it is (most ids, numbers and short labels).
ESCAPED_OR_INERT = re.compile(r"[&<>\"'\\`*_{}\[\]()!|]")


class Trusted(Markup):
    """Text the site's own code made from checked ids, such as a link between pages, or HTML
    already made inert (inert_once): shown as is."""


def inert(value: object) -> Markup:
    """Any value a template shows, made safe to read again as Markdown: plain text is escaped, and
    in HTML already made safe (Markup) the text between tags is made inert too."""
    if isinstance(value, Trusted):
        return value
    if isinstance(value, Markup):
        if MARKDOWN_ACTIVE.search(value) is None:  # nothing to write as a reference, in tags or out
            return Markup(value)
        return Markup("".join(part if part.startswith("<") else part.translate(MARKDOWN_INERT)
                              for part in TAG.split(str(value))))
    text = str(value)
    if ESCAPED_OR_INERT.search(text) is None:  # a build shows tens of thousands of these
        return Markup(text)
    return Markup(html.escape(text).translate(MARKDOWN_INERT))


def inert_shown(value: object) -> object:
    """`inert` as the templates' finalize, which autoescaping follows: text with nothing to escape
    or make inert is given back as it is, for autoescaping leaves it as it is too (no Markup made
    twice for each of the hundreds of thousands of values a build shows)."""
    if value.__class__ is str and ESCAPED_OR_INERT.search(value) is None:
        return value
    return inert(value)


def inert_once(value: Markup) -> Trusted:
    """HTML made inert now rather than each time a template shows it: for the text of a question,
    which its quiz, the answer keys and the review page all show."""
    return Trusted(inert(value))


def inert_data(value: object) -> object:
    """Data for pages to show with {{ ... }}, every piece of text in it made inert."""
    if isinstance(value, dict):
        return {key: inert_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [inert_data(item) for item in value]
    return inert(value) if isinstance(value, str) else value


def _toc_only_where_needed(toc: Treeprocessor) -> None:
    """The toc extension gives headings ids and links, and puts a table of contents at its marker;
    in a text with neither, as nearly every bank text is, it would only build an empty table of
    contents that nothing shows, for each of a bank's texts."""
    run, headings = toc.run, getattr(toc, "header_rgx", None)
    if headings is None:  # a later Python-Markdown that names it otherwise: always run, as before
        return

    def run_where_needed(root: etree.Element) -> None:
        marker = getattr(toc, "marker", "")
        if any(isinstance(element.tag, str) and (headings.match(element.tag)
                                                  or (marker and element.text and marker in element.text))
               for element in root.iter()):
            run(root)

    toc.run = run_where_needed  # type: ignore[method-assign]


class SafeMarkdown:
    """Converts bank text to HTML with the site's Markdown extensions, safely. A text converted by
    an earlier build in this process with the same code and settings is not converted again
    (macros/cache.py): a warm rebuild converts only what was edited."""

    def __init__(self, config: MkDocsConfig) -> None:
        self._extensions = [name for name in config.markdown_extensions if name not in FILE_READING_EXTENSIONS]
        self._configs = config.mdx_configs
        self._md: markdown.Markdown | None = None  # made at the first text not converted before
        self._converted: dict[str, str] = kept("safe Markdown", self._extensions, self._configs)

    def _markdown(self) -> markdown.Markdown:
        if self._md is None:
            self._md = markdown.Markdown(extensions=[*self._extensions, _NoRawHtml()], extension_configs=self._configs)
            # Without these two, Python-Markdown passes <script> and other raw HTML through.
            for registry, name in ((self._md.preprocessors, "html_block"), (self._md.inlinePatterns, "html")):
                if name in registry:
                    registry.deregister(name)
            if "toc" in self._md.treeprocessors:
                _toc_only_where_needed(self._md.treeprocessors["toc"])
        return self._md

    def block(self, text: str) -> str:
        """Paragraphs, lists and other block content."""
        text = text.strip()
        if PLAIN_TEXT.fullmatch(text):  # most options and sources: skip the full Markdown pipeline
            return f"<p>{html.escape(text, quote=False)}</p>"
        if text not in self._converted:
            md = self._markdown()
            md.reset()
            self._converted[text] = md.convert(text)
        return self._converted[text]

    def inline(self, text: str) -> str:
        """One line of inline content, without the <p> wrapper, for labels and the source."""
        html = self.block(text)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]
        return html
