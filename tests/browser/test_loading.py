"""What a page downloads: our one script and stylesheet, a page part (agenda builder, roster,
review, progress tools) only on its page and once a visit, also after instant navigation, and the search index
only when the reader searches (overrides/partials/search/on-demand.html)."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

PARTS = ("agenda.js", "roster.js", "review-page.js", "progress-file.js")
INDEX = "search/search_index.json"


def recorded(page: Page) -> list[str]:
    """The file name of every request the page makes from now on."""
    names: list[str] = []
    page.on("request", lambda request: names.append(request.url.split("?")[0].rsplit("/", 2)[-2:]))
    return names


def requested(names: list[list[str]], name: str) -> int:
    return sum(1 for parts in names if "/".join(parts).endswith(name))


def test_a_module_page_loads_our_bundle_and_neither_page_parts_nor_the_index(page: Page, page_errors: list[str]) -> None:
    names = recorded(page)
    page.goto("introductory/security-privacy/")
    page.wait_for_load_state("networkidle")

    assert requested(names, "hmis.min.js") == 1 and requested(names, "hmis.min.css") == 1
    assert [part for part in PARTS if requested(names, part)] == []
    assert requested(names, INDEX) == 0
    expect(page.locator(".quiz [data-quiz-question]").first).to_be_visible()
    assert page_errors == []


def test_each_page_part_loads_once_when_its_page_opens_by_instant_navigation(page: Page, page_errors: list[str]) -> None:
    names = recorded(page)
    page.goto("")
    page.evaluate("window.__notReloaded = true")

    page.locator(".md-nav").get_by_role("link", name="Agenda builder").first.click()
    expect(page).to_have_url(re.compile(r"/agenda/$"))
    page.get_by_label("Start from a learning path").select_option("end-user")
    expect(page.locator(".agenda-builder__table").first).to_be_visible()

    page.locator(".md-nav").get_by_role("link", name="Review").first.click()
    expect(page).to_have_url(re.compile(r"/review/$"))
    expect(page.locator(".review__status")).to_contain_text("Nothing is due")

    page.locator(".md-nav").get_by_role("link", name="Agenda builder").first.click()
    page.get_by_label("Start from a learning path").select_option("trainer")
    expect(page.locator(".agenda-builder__table").first).to_be_visible()

    assert page.evaluate("window.__notReloaded === true"), "a link reloaded the page: instant navigation is off"
    assert [requested(names, part) for part in PARTS] == [1, 0, 1, 0]
    assert page_errors == []


def test_search_fetches_its_index_when_opened_and_finds_teaching(page: Page) -> None:
    names = recorded(page)
    page.goto("")
    page.wait_for_load_state("networkidle")
    assert requested(names, INDEX) == 0

    page.keyboard.press("/")  # Material's shortcut opens search and focuses its box
    query = page.locator("input[data-md-component=search-query]")
    expect(query).to_be_focused()
    page.keyboard.type("privacy")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert requested(names, INDEX) == 1


def test_arriving_from_a_search_result_highlights_the_words(page: Page) -> None:
    names = recorded(page)
    page.goto("introductory/security-privacy/?h=consent")
    expect(page.locator("article mark[data-md-highlight]").first).to_be_visible()
    assert requested(names, INDEX) == 1
