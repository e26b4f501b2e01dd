"""axe-core finds no violations on the home and quiz pages, in light and dark palettes."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
                                               "best-practice"]}}


def answer_every_way(page: Page) -> None:
    """Leave questions correct, partial and incorrect, so feedback styles are checked too."""
    questions = page.locator("[data-quiz-question]")
    for index in range(questions.count()):
        question = questions.nth(index)
        if question.get_attribute("data-quiz-type") == "short":
            question.locator("input").fill("a guess")
        else:
            question.locator("input").nth(index % 2).check()
        question.get_by_role("button", name="Check answer").click()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_any_page(browser: Browser, base_url: str, site_pages: list[str], scheme: str) -> None:
    context = browser.new_context(base_url=base_url, color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    reports = []
    for path in site_pages:
        page.goto(path)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        answer_every_way(page)
        results = Axe().run(page, options=RULES)
        if results.violations_count:
            reports.append(f"/{path}:\n{results.generate_report()}")
    context.close()
    assert len(site_pages) >= 5
    assert not reports, "\n".join(reports)


def test_right_and_wrong_are_said_in_words_not_only_colour(page: Page) -> None:
    page.goto("sample-quiz/")
    answer_every_way(page)
    verdicts = page.locator("[data-state] .quiz__verdict").all_text_contents()
    assert verdicts and all(v.strip().split(" ", 1)[1] in {"Correct.", "Partly right.", "Not quite."}
                            for v in verdicts)


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_results_pass_axe(browser: Browser, base_url: str, scheme: str, width: int) -> None:
    """Material's result text and highlighted terms fall below 4.5:1 unless site.css fixes them."""
    context = browser.new_context(base_url=base_url, color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto("")
    if width < 720:  # on a phone, search is in the header's menu
        page.get_by_role("button", name="Search, colours and trainer tools").click()
        page.locator("#header-menu-items").get_by_role("button", name="Search").click()
    query = page.locator("input[data-md-component=search-query]")
    query.focus()
    page.keyboard.type("privacy")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    expect(page.locator(".md-search-result mark").first).to_be_visible()
    results = Axe().run(page, options=RULES)
    context.close()
    assert results.violations_count == 0, results.generate_report()
