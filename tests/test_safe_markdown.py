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
