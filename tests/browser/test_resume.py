"""Picking up where you left off: a new learner is offered "Choose your role"; the next day a
returning one resumes from the Continue card in one click; the navigation says each module's
status in words; "This isn't me" deletes nothing until it is confirmed."""

from __future__ import annotations

import re
from datetime import datetime

from playwright.sync_api import Page, expect
from test_path_progress import answer_whole_quiz_rightly

DAY_ONE = datetime(2026, 12, 7, 9, 0)
DAY_TWO = datetime(2026, 12, 8, 9, 0)


def save(page: Page, name: str, value: dict) -> None:
    page.evaluate("([name, value]) => window.hmisStore.save(name, value)", [name, value])


def saved_names(page: Page) -> list[str]:
    return page.evaluate("""() => Object.keys(localStorage).filter((key) =>
        key.startsWith(window.hmisStore.prefix + window.hmisStore.base() + ":"))""")


def right_answers(count: int) -> dict:
    return {f"q{n}": {"v": "x", "a": ["0"], "s": "correct"} for n in range(count)}


def test_a_new_learner_is_offered_choose_your_role(page: Page) -> None:
    page.goto("")
    card = page.locator(".continue-card")
    expect(card.get_by_role("heading", name="Choose your role")).to_be_visible()
    expect(card.locator(".continue-card__back")).to_be_hidden()
    card.get_by_role("link", name="Choose your role").click()
    expect(page.locator("h1")).to_contain_text("Choose your role")


def test_the_next_day_a_learner_resumes_from_the_continue_card_in_one_click(page: Page) -> None:
    page.clock.set_fixed_time(DAY_ONE)
    page.goto("paths/trainer/")
    page.get_by_role("button", name="Make this my path").click()
    page.locator('.path table a[data-module="train-the-trainer"]').click()
    answer_whole_quiz_rightly(page)  # 12 right answers: each due again in a day

    page.clock.set_fixed_time(DAY_TWO)
    page.goto("")
    card = page.locator(".continue-card")
    expect(card.get_by_role("heading", name="Continue where you left off")).to_be_visible()
    expect(card.locator(".continue-card__path")).to_have_text("Your path: Trainer")
    expect(card.locator("progress")).to_have_js_property("value", 1)
    expect(card.locator(".continue-card__count")).to_have_text("1 of 2 required modules passed")
    expect(card.locator(".continue-card__review")).to_contain_text("12 questions are due for review")
    card.locator(".continue-card__next").get_by_role("link", name="Creating a Culture of Data Literacy").click()
    expect(page.locator("h1")).to_contain_text("Creating a Culture of Data Literacy")


def test_the_navigation_says_passed_and_in_progress_in_words(page: Page) -> None:
    page.goto("")
    save(page, "train-the-trainer", right_answers(12))
    save(page, "data-literacy-culture", right_answers(1))
    page.goto("paths/trainer/")
    nav = page.locator(".md-sidebar--primary")
    passed = nav.locator('a.md-nav__link[href$="train-the-trainer/"]')
    expect(passed.locator(".nav-status")).to_have_text(", \u2713 Passed")
    expect(passed).to_have_accessible_name(re.compile(r"^Train the Trainer\s*,\s*Passed$"))
    begun = nav.locator('a.md-nav__link[href$="data-literacy-culture/"]')
    expect(begun.locator(".nav-status")).to_have_text(", \u25D1 In progress")
    expect(nav.locator('a.md-nav__link[href$="security-privacy/"] .nav-status')).to_have_count(0)
    begun.click()  # instant navigation swaps the page in: the statuses are shown again
    expect(page.locator("h1")).to_contain_text("Creating a Culture of Data Literacy")
    expect(page.locator('.md-sidebar--primary a.md-nav__link[href$="train-the-trainer/"] .nav-status')).to_have_text(
        ", \u2713 Passed")


def test_my_path_in_the_navigation_shows_the_card(page: Page) -> None:
    page.goto("")
    save(page, "chosen-path", {"id": "end-user"})
    page.locator(".md-sidebar--primary").get_by_role("link", name="My path").click()
    expect(page.locator("h1")).to_contain_text("My path")
    expect(page.locator(".continue-card__path")).to_have_text("Your path: End user")
    expect(page.locator(".continue-card__next")).to_contain_text("HMIS Security & Privacy Policies & Procedures")


def test_this_isnt_me_deletes_nothing_until_confirmed(page: Page) -> None:
    page.goto("")
    save(page, "chosen-path", {"id": "end-user"})
    save(page, "security-privacy", right_answers(3))
    save(page, "~review", {"security-privacy/q0": {"box": 1, "due": "2026-01-01"}})
    page.reload()
    card = page.locator(".continue-card")
    card.get_by_role("button", name="This isn't me: start fresh").click()
    panel = card.get_by_role("group", name="Start fresh on this computer?")
    expect(panel).to_be_visible()
    expect(panel).to_be_focused()
    assert len(saved_names(page)) == 3
    panel.get_by_role("button", name="Cancel").click()
    expect(panel).to_be_hidden()
    expect(card.locator(".continue-card__status")).to_have_text("Nothing was deleted.")
    assert len(saved_names(page)) == 3

    card.get_by_role("button", name="This isn't me: start fresh").click()
    panel.get_by_role("button", name="Delete and start fresh").click()
    expect(card.locator(".continue-card__status")).to_contain_text("has been deleted")
    assert saved_names(page) == []
    expect(card.get_by_role("heading", name="Choose your role")).to_be_focused()
    page.reload()
    expect(page.locator(".continue-card").get_by_role("heading", name="Choose your role")).to_be_visible()
