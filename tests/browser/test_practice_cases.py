"""A trainer finds a practice case, prints it without answers, and prints its grading key."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def test_a_trainer_prints_a_case_and_then_its_key(page: Page) -> None:
    page.goto("practice-cases/")
    page.get_by_role("link", name="Ray Sample moves from the street into supportive housing").click()
    page.emulate_media(media="print")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    stages = page.locator("article h2").filter(has_text="2027")
    expect(page.get_by_role("heading", name="1. Project start: 1 December 2025")).to_be_visible()
    expect(stages.last).to_be_visible()
    expect(page.locator("article")).not_to_contain_text("Expected entry")
    expect(page.get_by_role("link", name="grading key")).to_be_hidden()  # the learner's sheet

    page.emulate_media(media="screen")
    page.get_by_role("link", name="grading key").click()
    page.emulate_media(media="print")
    expect(page.get_by_role("heading", level=1, name="Grading key: Ray Sample moves from the street into "
                                                      "supportive housing")).to_be_visible()
    tables = page.locator("article table")
    expect(tables).to_have_count(4)
    expect(tables.first).to_be_visible()
    expect(tables.first).to_contain_text("3.917 Prior Living Situation")
