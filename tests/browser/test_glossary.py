"""The glossary is one click from every page, at desktop and phone widths, and its A-to-Z bar takes a
keyboard user to the letter: the page scrolls there and the letter's heading has the focus."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from test_accessibility import RULES
from test_layout import open_menu_by_keyboard


def test_the_header_links_to_the_glossary_on_a_desktop(page: Page) -> None:
    page.goto("introductory/security-privacy/")
    link = page.locator(".md-header").get_by_role("link", name="Glossary")
    expect(link).to_be_visible()
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/glossary/$"))
    expect(page.locator("article h1")).to_have_text(re.compile(r"^Glossary"))
    expect(link).to_have_attribute("aria-current", "page")
    page.go_back()  # instant navigation keeps the header: the link must stop saying it is the current page
    expect(page).to_have_url(re.compile(r"/introductory/security-privacy/$"))
    expect(link).not_to_have_attribute("aria-current", "page")


@pytest.mark.parametrize("width", [320, 375])
def test_on_a_phone_the_glossary_is_the_last_item_of_the_header_menu(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 700})
    page.goto("introductory/security-privacy/")
    expect(page.locator(".md-header__inner > .header-glossary")).to_be_hidden()
    open_menu_by_keyboard(page)
    glossary = page.locator("#header-menu-items").get_by_role("link", name="Glossary")
    expect(page.locator("#header-menu-items li").last).to_have_text("Glossary")
    page.keyboard.press("ArrowUp")  # from the first item round to the last
    expect(glossary).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/glossary/$"))
    expect(page.locator("#header-menu-items")).to_be_hidden()


def test_a_letter_takes_the_keyboard_to_its_heading(page: Page) -> None:
    page.goto("glossary/")
    bar = page.get_by_role("navigation", name="Glossary, A to Z")
    bar.get_by_role("link", name="I", exact=True).focus()
    page.keyboard.press("Tab")  # J and K have no terms: they are text, not stops on the way
    focused = bar.get_by_role("link", name="L", exact=True)
    expect(focused).to_be_focused()
    assert focused.evaluate("link => getComputedStyle(link).outlineStyle") != "none", "no visible focus"
    bar.get_by_role("link", name="P", exact=True).focus()
    page.keyboard.press("Enter")
    heading = page.locator("#letter-p")
    expect(page).to_have_url(re.compile(r"/glossary/#letter-p$"))
    expect(heading).to_be_focused()
    header_bottom = page.locator(".md-header").bounding_box()["y"] + page.locator(".md-header").bounding_box()["height"]
    top = heading.evaluate("heading => heading.getBoundingClientRect().top")
    assert header_bottom <= top < 300, f"the P heading is at {top}px, not just below the header"


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_glossary_fits_and_passes_axe_after_a_jump(browser: Browser, base_url: str, scheme: str,
                                                       width: int) -> None:
    context = browser.new_context(base_url=base_url, color_scheme=scheme, viewport={"width": width, "height": 640})
    page = context.new_page()
    page.goto("glossary/")
    sizes = page.locator(".glossary-bar a").evaluate_all(
        "links => links.map((link) => [link.offsetWidth, link.offsetHeight])")
    assert sizes and all(width >= 24 and height >= 24 for width, height in sizes), sizes
    page.get_by_role("link", name="H", exact=True).click()
    expect(page.locator("#letter-h")).to_be_focused()
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    results = Axe().run(page, options=RULES)
    context.close()
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"
    assert results.violations_count == 0, results.generate_report()
