"""A room that votes: counts typed per letter in projection, the distribution with the right letter
marked in words, saved on the trainer's device and exported as CSV; projection starts unanswered."""

from __future__ import annotations

import csv
import io
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from helpers import open_trainer_tools

MODULE = "introductory/security-privacy/"


def first_question(page: Page):
    return page.locator(".quiz:not(.quiz--checkpoint) [data-quiz-question]").first


def test_the_rooms_votes_show_as_a_distribution_and_export_as_csv(page: Page) -> None:
    open_trainer_tools(page)
    page.goto(MODULE)
    question = first_question(page)
    right = question.locator("input[data-correct]").first.get_attribute("id")
    right_letter = page.locator(f"label[for='{right}'] .quiz__letter").inner_text().rstrip(".")
    question.locator(f"#{right}").check()
    question.get_by_role("button", name="Check answer").click()  # the trainer's own saved answer

    page.keyboard.press("p")
    expect(question.locator("input:checked")).to_have_count(0)  # the room starts unanswered
    letters = [text.rstrip(".") for text in question.locator(".quiz__letter").all_inner_texts()]
    for number, letter in enumerate(letters):
        question.get_by_label(f"Votes for {letter}").fill(str(number + 1))
    question.get_by_role("button", name="Show the room's answers").click()

    output = question.locator(".room-tally__output")
    expect(output.locator("li.room-tally__right")).to_contain_text(f"{right_letter}: ")
    expect(output.locator("li.room-tally__right")).to_contain_text("right answer")
    total = sum(range(1, len(letters) + 1))
    expect(output).to_contain_text(f"{letters[0]}: 1 ({round(100 / total)}%)")

    with page.expect_download() as download:
        page.locator(".quiz:not(.quiz--checkpoint) .room-tally__export").click()
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    key = question.get_attribute("data-quiz-question")
    mine = [row for row in rows if row["question"] == key]
    assert [row["letter"] for row in mine] == letters
    assert [row["right"] for row in mine if row["letter"] == right_letter] == ["yes"]
    assert [int(row["votes"]) for row in mine] == list(range(1, len(letters) + 1))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_the_rooms_votes_shown(browser: Browser, base_url: str, scheme: str) -> None:
    context = browser.new_context(base_url=base_url, color_scheme=scheme, viewport={"width": 1280, "height": 720})
    page = context.new_page()
    open_trainer_tools(page)
    page.goto(MODULE)
    page.keyboard.press("p")
    question = first_question(page)
    question.get_by_role("button", name="Show the room's answers").click()
    results = Axe().run(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_one_question_at_a_time_moves_with_a_presenters_keys(page: Page) -> None:
    open_trainer_tools(page)
    page.goto(MODULE)
    page.keyboard.press("p")
    quiz = page.locator(".quiz:not(.quiz--checkpoint)")
    questions = quiz.locator("[data-quiz-question]")
    count = questions.count()
    quiz.get_by_role("button", name="One question at a time").click()
    expect(questions.nth(0)).to_be_visible()
    expect(questions.nth(1)).to_be_hidden()
    expect(quiz.locator(".room-steps__where")).to_have_text(f"Question 1 of {count}")
    page.keyboard.press("PageDown")
    expect(questions.nth(1)).to_be_visible()
    expect(questions.nth(0)).to_be_hidden()
    quiz.get_by_role("button", name="Previous question").click()
    expect(questions.nth(0)).to_be_visible()
    quiz.get_by_role("button", name="One question at a time").click()
    expect(questions.nth(1)).to_be_visible()


def test_reveal_marks_the_right_option_and_projection_never_changes_the_printout(page: Page) -> None:
    open_trainer_tools(page)
    page.goto(MODULE)
    page.keyboard.press("p")
    question = first_question(page)
    question.get_by_role("button", name="Reveal answer").click()
    right = question.locator("input[data-correct]").first.get_attribute("id")
    expect(question.locator(f".quiz__option:has(#{right})")).to_have_class("quiz__option quiz__option--right")
    assert "right answer" in page.locator(f"label[for='{right}']").evaluate(
        "(label) => getComputedStyle(label, '::after').content")
    page.emulate_media(media="print")
    page.evaluate("document.documentElement.classList.add('printing-handout')")
    pdf = page.pdf(format="Letter")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) <= 8  # the handout's size, not a projected one
