"""Bank text is Markdown with the site's extensions, and nothing in it can run script."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config

from helpers import PROJECT_DIR
from macros.safe_markdown import SafeMarkdown, is_safe_url


@pytest.fixture(scope="module")
def md() -> SafeMarkdown:
    return SafeMarkdown(load_config(str(PROJECT_DIR / "mkdocs.yml")))


def test_markdown_and_site_extensions_work(md: SafeMarkdown) -> None:
    assert md.inline("a **bold** `code`") == "a <strong>bold</strong> <code>code</code>"
    assert '<div class="admonition note">' in md.block('!!! note\n    Inside a note.')


def test_raw_html_is_shown_as_text(md: SafeMarkdown) -> None:
    html = md.block('<script>alert(1)</script>\n\nText with <img src=x onerror="alert(1)"> inline.')
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("link", ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)",
                                  "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)"])
def test_script_urls_are_dropped(md: SafeMarkdown, link: str) -> None:
    assert md.inline(f"[click](<{link}>)") == "<span>click</span>"


def test_event_handlers_from_attr_list_are_dropped(md: SafeMarkdown) -> None:
    html = md.inline('[HUD](https://www.hudexchange.info/){: onclick="alert(1)" style="color:red" title="HUD" }')
    assert html == '<a href="https://www.hudexchange.info/" title="HUD">HUD</a>'


@pytest.mark.parametrize("url, safe", [("https://hud.gov/", True), ("mailto:help@example.org", True),
                                       ("../glossary/", True), ("#top", True), ("javascript:x", False)])
def test_is_safe_url(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


def test_inline_keeps_block_content_that_cannot_be_unwrapped(md: SafeMarkdown) -> None:
    assert md.inline("one\n\ntwo") == "<p>one</p>\n<p>two</p>"


@pytest.mark.parametrize("text", ["Data not collected", "Client doesn't know (8): \u201cquoted\u201d \u2013 fine.",
                                  "24 CFR 578.7(b)(3)", "A & B < C", "1990"])
def test_plain_text_skips_markdown_but_gives_the_same_html(md: SafeMarkdown, text: str) -> None:
    full = md._markdown()
    full.reset()
    assert md.block(text) == full.convert(text)


@pytest.mark.parametrize("text", ["- a list", "1. a list", "# heading", "> quote", ": definition",
                                  "*emphasis*", "snake_case", "a [link](https://x.org)", "two\nlines",
                                  "!!! note", "??? note"])
def test_text_with_markup_still_goes_through_markdown(text: str) -> None:
    from macros.safe_markdown import PLAIN_TEXT
    assert PLAIN_TEXT.fullmatch(text) is None


@pytest.mark.parametrize("link", ["&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "javascript&colon;alert(1)",
                                  "java&#9;script:alert(1)", "&#0000106;avascript:alert(1)",
                                  "java&#8203;script:alert(1)", "&amp;#106;avascript:alert(1)"])
def test_script_urls_hidden_by_character_references_are_dropped(md: SafeMarkdown, link: str) -> None:
    assert md.inline(f"[click]({link})") == "<span>click</span>"


@pytest.mark.parametrize("url, safe", [("//other.example/x", False), ("tel:555-0100", False),
                                       ("HTTPS://a.example/", True), (" https://a.example/", True)])
def test_only_web_and_email_addresses_or_relative_links_are_safe(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


def test_attribute_lists_keep_only_harmless_attributes(md: SafeMarkdown) -> None:
    html = md.block('Text\n{ tabindex=1 autofocus onfocus="x()" class="note" href="https://a.example/" }')
    assert html == '<p class="note">Text</p>'
    assert md.inline("![logo](x.png){ onerror=x() }") == '<img alt="logo" src="x.png" />'
    assert md.inline("![logo](javascript:x())") == "<span>logo</span>"


def test_inert_text_is_escaped_and_markdown_cannot_act_on_it() -> None:
    from markupsafe import Markup
    from macros.safe_markdown import Trusted, inert
    assert inert('[a](javascript:x){ onclick=y } <b>') == (
        "&#91;a&#93;&#40;javascript:x&#41;&#123; onclick=y &#125; &lt;b&gt;")
    assert inert(Markup('<a href="https://a.example/a_b">x_y</a>')) == '<a href="https://a.example/a_b">x&#95;y</a>'
    assert inert(Trusted("../a_b.md")) == "../a_b.md"
    assert inert(3) == "3"


def test_a_details_block_written_open_stays_open(md: SafeMarkdown) -> None:
    assert md.block('???+ note "More"\n    Inside.').startswith('<details class="note" open="open">')


def test_headings_and_a_toc_marker_still_get_the_toc_extensions_work(md: SafeMarkdown) -> None:
    assert md.block("## Who can see what").startswith('<h2 id="who-can-see-what">Who can see what<a class="headerlink"')
    assert md.block("Setext\n------").startswith('<h2 id="setext">')
    assert md.block("[TOC]\n\n## Part").startswith('<div class="toc">\n<ul>\n<li><a href="#part">Part</a>')


@pytest.mark.parametrize("value", ["plain", "a_b", "<b>", "it's", 3, None, "", "Question 1"])
def test_the_templates_finalize_shows_what_inert_shows(value: object) -> None:
    from markupsafe import Markup, escape
    from macros.safe_markdown import inert, inert_shown
    assert escape(inert_shown(value)) == escape(inert(value))
    assert inert(Markup("<p>Question <strong>1</strong>?</p>")) == "<p>Question <strong>1</strong>?</p>"
