"""Spaced review: a missed question comes back on the Review page with its answer hidden; a right
answer there moves it up a box and out of today's count; a right answer anywhere comes back after
its box's interval; the annual refresher counts only this year's answers and keeps last year's."""

from __future__ import annotations

from datetime import datetime

from playwright.sync_api import Page, expect
from test_path_progress import answer_whole_quiz_rightly

DAY_ONE = datetime(2026, 12, 7, 9, 0)
KEY = "sample/pick-one"


def schedule(page: Page) -> dict:
    return page.evaluate('() => window.hmisStore.load("~review")')


def answer_pick_one(page: Page, right: bool) -> None:
    question = page.locator(f'[data-quiz-question="{KEY}"]')
    question.locator("input[data-correct]" if right else "input:not([data-correct])").first.check()
    question.get_by_role("button", name="Check answer").click()


def test_a_missed_question_comes_back_and_moves_up_after_a_right_answer(page: Page) -> None:
    page.clock.set_fixed_time(DAY_ONE)
    page.goto("sample-quiz/")
    answer_pick_one(page, right=False)
    assert schedule(page) == {KEY: {"box": 1, "due": "2026-12-07"}}

    page.goto("")
    expect(page.locator(".continue-card__review")).to_contain_text("1 question is due for review")
    page.locator(".continue-card__review").get_by_role("link", name="Review now").click()
    status = page.locator(".review__status")
    expect(status).to_have_text("1 question is due for review today.")
    shown = page.locator(".review__questions [data-quiz-question]")
    expect(shown).to_have_count(1)
    expect(shown).to_have_attribute("data-quiz-question", KEY)
    expect(shown.locator(".quiz__answer")).to_be_hidden()  # not before checking
    expect(shown.locator(".quiz__feedback")).to_be_empty()
    expect(shown.locator("legend")).to_contain_text("Question 1 of 1")

    answer_pick_one(page, right=True)
    expect(shown.locator(".quiz__verdict")).to_contain_text("Correct.")
    expect(page.locator(".review__next")).to_contain_text("Moved up to box 2: it comes back on Thursday, December 10, 2026")
    assert schedule(page) == {KEY: {"box": 2, "due": "2026-12-10"}}  # box 2: 3 days
    expect(status).to_have_text("Nothing is due for review today. Questions you miss on any module come back here.")
    page.goto("")
    expect(page.locator(".continue-card__review")).to_contain_text("No questions are due for review today.")


def test_a_wrong_answer_in_review_goes_back_to_box_one(page: Page) -> None:
    page.clock.set_fixed_time(DAY_ONE)
    page.goto("review/")
    page.evaluate('([key]) => window.hmisStore.save("~review", {[key]: {box: 3, due: "2026-12-01"}})', [KEY])
    page.reload()
    expect(page.locator(".review__questions [data-quiz-question]")).to_have_count(1)
    answer_pick_one(page, right=False)
    expect(page.locator(".review__next")).to_contain_text("Back to box 1")
    assert schedule(page) == {KEY: {"box": 1, "due": "2026-12-07"}}
    expect(page.locator(".review__status")).to_have_text("1 question is due for review today.")


def test_a_right_answer_comes_back_after_its_interval(page: Page) -> None:
    page.clock.set_fixed_time(DAY_ONE)
    page.goto("sample-quiz/")
    answer_pick_one(page, right=True)
    assert schedule(page) == {KEY: {"box": 1, "due": "2026-12-08"}}
    page.goto("review/")
    expect(page.locator(".review__status")).to_contain_text("Nothing is due")
    page.clock.set_fixed_time(datetime(2026, 12, 8, 9, 0))
    page.reload()
    expect(page.locator(".review__status")).to_have_text("1 question is due for review today.")


def test_answers_missed_before_the_schedule_existed_are_due(page: Page) -> None:
    page.goto("review/")
    page.evaluate('() => window.hmisStore.save("sample", {"statement": {v: "x", a: ["true"], s: "incorrect"}})')
    page.reload()
    expect(page.locator(".review__questions [data-quiz-question]")).to_have_attribute(
        "data-quiz-question", "sample/statement")


def test_the_refresher_starts_again_each_year_and_keeps_last_years_result(page: Page) -> None:
    page.clock.set_fixed_time(datetime(2025, 11, 20, 9, 0))
    page.goto("paths/annual-refresher/")
    expect(page.locator(".refresher-history__none")).to_be_visible()
    page.locator('.path table a[data-module="data-literacy-quality"]').click()
    answer_whole_quiz_rightly(page)
    page.goto("paths/annual-refresher/")
    expect(page.locator(".path-progress__count")).to_have_text("1 of 3 required modules passed")

    page.clock.set_fixed_time(datetime(2026, 1, 2, 9, 0))
    page.reload()
    expect(page.locator(".path-progress__count")).to_have_text("0 of 3 required modules passed")
    expect(page.locator('[data-module-status="data-literacy-quality"]')).to_have_text("Not started")
    rows = page.locator(".refresher-history__table tbody tr")
    expect(rows).to_have_count(3)
    row = page.locator(".refresher-history__table tr", has_text="Data Quality Management")
    expect(row.locator("td").first).to_have_text("2025")
    expect(row.locator("td").nth(2)).to_have_text("10 of 10")
    expect(row.locator("td").nth(3)).to_have_text("\u2713 Passed")
    page.goto("paths/end-user/")  # a role's path counts every answer, whenever given
    expect(page.locator('[data-module-status="data-literacy-quality"]')).to_have_text("\u2713 Passed")
