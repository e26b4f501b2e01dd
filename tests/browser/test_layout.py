"""What a real browser shows: keyboard focus on every quiz input (WCAG 2.4.7), no sideways
scrolling at 320 px on any page (WCAG 1.4.10), the site's title in full on a phone with the header
buttons folded into a menu that works by keyboard, and a completion record that shows its name
field and prints on one page."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from helpers import PROJECT_DIR, open_trainer_tools
from macros.coc.settings import DEFAULT_SITE_NAME, load_settings

RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
                                               "best-practice"]}}

FOCUS_STYLE = """(element) => {
  const style = getComputedStyle(element);
  return {outline: [style.outlineStyle, style.outlineWidth, style.outlineColor].join(' '), shadow: style.boxShadow,
          focusVisible: element.matches(':focus-visible')};
}"""
INPUTS = "[data-quiz-question] input"


def visible_ring(style: dict) -> bool:
    width = float(style["outline"].split()[1].removesuffix("px"))
    return (not style["outline"].startswith("none") and width >= 2) or style["shadow"] != "none"


def test_every_quiz_input_shows_where_keyboard_focus_is(page: Page) -> None:
    page.goto("sample-quiz/")
    inputs = page.locator(INPUTS)
    kinds = set(inputs.evaluate_all("inputs => inputs.map((input) => input.type)"))
    assert kinds == {"radio", "checkbox", "text"}, kinds
    page.locator(".md-content h1").click()
    page.keyboard.press("Tab")  # from here on, focus counts as keyboard focus
    for index in range(inputs.count()):
        element = inputs.nth(index)
        page.evaluate("document.activeElement.blur()")
        before = element.evaluate(FOCUS_STYLE)
        element.evaluate("element => element.focus()")
        after = element.evaluate(FOCUS_STYLE)
        name = element.get_attribute("id")
        assert after["focusVisible"], f"{name} was not focused as by keyboard"
        assert (before["outline"], before["shadow"]) != (after["outline"], after["shadow"]), f"{name}: focus changes nothing"
        assert visible_ring(after), f"{name}: focus ring too faint: {after}"


@pytest.mark.parametrize("question", ["pick-one", "pick-all", "how-many-days"])
def test_tab_from_a_question_lands_on_a_visibly_focused_input(page: Page, question: str) -> None:
    """As the audit did it: click the question's legend, press Tab."""
    page.goto("sample-quiz/")
    fieldset = page.locator(f"[data-quiz-question='sample/{question}']")
    fieldset.locator("legend").click()
    page.keyboard.press("Tab")
    focused = fieldset.locator("input").first
    expect(focused).to_be_focused()
    assert visible_ring(focused.evaluate(FOCUS_STYLE))


def test_no_page_scrolls_sideways_at_320_px(browser: Browser, base_url: str, site_pages: list[str]) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 320, "height": 568})
    page = context.new_page()
    too_wide = {}
    for path in site_pages:
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path] = width
    context.close()
    assert len(site_pages) >= 40
    assert not too_wide, too_wide


def site_name() -> str:
    """The name the header shows: the CoC's, on a fork that set it."""
    name = load_settings(PROJECT_DIR)[0].coc.name
    return f"{name}: {DEFAULT_SITE_NAME}" if name else DEFAULT_SITE_NAME


@pytest.mark.parametrize("width", [320, 375, 414])
def test_the_site_title_shows_in_full_on_a_phone(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 700})
    page.goto("introductory/security-privacy/")
    title = page.locator(".md-header__topic").first.locator(".md-ellipsis")
    expect(title).to_have_text(site_name())
    expect(title).to_be_visible()
    size = title.evaluate("element => [element.scrollWidth, element.clientWidth]")
    assert size[0] <= size[1], f"the title is cut: {size[1]} of {size[0]} px shown"
    for hidden in ('label[for="__search"]', ".md-header__option", ".trainer-toggle"):
        expect(page.locator(".md-header " + hidden).first).to_be_hidden()
    expect(page.get_by_role("button", name="Search, colours and trainer tools")).to_be_visible()


def test_the_wide_header_keeps_its_buttons_and_no_menu(page: Page) -> None:
    open_trainer_tools(page)
    page.goto("introductory/security-privacy/")
    expect(page.get_by_role("button", name="Trainer view")).to_be_visible()
    expect(page.locator(".md-header__option")).to_be_visible()
    expect(page.locator(".header-menu__button")).to_be_hidden()


def open_menu_by_keyboard(page: Page) -> None:
    menu = page.get_by_role("button", name="Search, colours and trainer tools")
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")


def test_the_phone_menu_works_by_keyboard(page: Page) -> None:
    page.set_viewport_size({"width": 375, "height": 700})
    open_trainer_tools(page)
    page.goto("introductory/security-privacy/")
    menu = page.get_by_role("button", name="Search, colours and trainer tools")
    items = page.locator("#header-menu-items button")

    open_menu_by_keyboard(page)
    expect(items).to_have_text(["Search", "Switch to dark mode", "Trainer view"])
    expect(items.first).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#header-menu-items")).to_be_hidden()
    expect(menu).to_be_focused()

    open_menu_by_keyboard(page)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(items.nth(2)).to_have_text("Trainer view")
    expect(items.nth(2)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_class(re.compile(r"\btrainer-view\b"))
    expect(page.locator(".admonition.trainer").first).to_be_visible()
    expect(menu).to_be_focused()
    open_menu_by_keyboard(page)
    expect(page.locator("#header-menu-items").get_by_role("button", name="Trainer view")).to_have_attribute(
        "aria-pressed", "true")
    page.keyboard.press("Escape")

    open_menu_by_keyboard(page)
    page.keyboard.press("ArrowDown")
    expect(items.nth(1)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    open_menu_by_keyboard(page)
    expect(items.nth(1)).to_have_text("Switch to light mode")
    page.keyboard.press("Escape")

    open_menu_by_keyboard(page)
    page.keyboard.press("Enter")  # Search is first
    search = page.locator("input[data-md-component=search-query]")
    expect(search).to_be_focused()
    page.keyboard.type("privacy")
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_the_phone_menu_survives_instant_navigation(page: Page) -> None:
    page.set_viewport_size({"width": 375, "height": 700})
    open_trainer_tools(page)
    page.goto("")
    page.evaluate("window.__notReloaded = true")
    page.locator("article").get_by_role("link", name="HMIS Security & Privacy Policies & Procedures").first.click()
    expect(page).to_have_url(re.compile(r"/introductory/security-privacy/$"))
    assert page.evaluate("window.__notReloaded === true"), "the link reloaded the page: instant navigation is off"
    expect(page.locator(".header-menu")).to_have_count(1)
    open_menu_by_keyboard(page)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator(".admonition.trainer").first).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_phone_menu_passes_axe(browser: Browser, base_url: str, scheme: str) -> None:
    context = browser.new_context(base_url=base_url, color_scheme=scheme, viewport={"width": 375, "height": 700})
    page = context.new_page()
    page.goto("introductory/security-privacy/")
    open_menu_by_keyboard(page)
    results = Axe().run(page, options=RULES)
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_on_a_phone_projection_is_in_the_menu_only_while_on(page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    open_trainer_tools(page)
    page.goto("introductory/security-privacy/")
    open_menu_by_keyboard(page)
    expect(page.locator("#header-menu-items").get_by_role("button", name="Projection")).to_have_count(0)
    page.keyboard.press("Escape")
    page.keyboard.press("p")  # e.g. remembered from a tablet on a projector
    expect(page.locator("html")).to_have_class(re.compile(r"\bprojection\b"))
    open_menu_by_keyboard(page)
    projection = page.locator("#header-menu-items").get_by_role("button", name="Projection")
    expect(projection).to_have_attribute("aria-pressed", "true")
    projection.click()
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bprojection\b"))


def test_the_completion_record_shows_its_name_field_and_prints_on_one_page(page: Page) -> None:
    page.goto("paths/trainer/")
    page.evaluate("""() => ['train-the-trainer', 'data-literacy-culture'].forEach((module) => window.hmisStore.save(module,
        Object.fromEntries(Array.from({length: 20}, (_, n) => ['q' + n, {v: 'x', a: ['0'], s: 'correct'}]))))""")
    page.reload()
    record = page.locator(".completion-record")
    name = record.get_by_label(re.compile("Your name"))
    expect(name).to_be_visible()
    border = name.evaluate("element => { const s = getComputedStyle(element); return [s.borderTopStyle, s.borderTopWidth]; }")
    assert border[0] != "none" and float(border[1].removesuffix("px")) >= 1, f"no visible boundary: {border}"
    padding = record.locator("tbody td").first.evaluate("cell => parseFloat(getComputedStyle(cell).paddingTop)")
    assert padding >= 4, f"table cells have {padding}px padding"

    page.evaluate("document.body.classList.add('printing-record')")
    pdf = page.pdf(format="Letter")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1, f"the record prints on {pages} pages"
