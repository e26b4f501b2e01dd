"""The quiz as a learner uses it: checking, feedback, keyboard, saved progress, no-JS and print."""

from __future__ import annotations

import re

import json

from playwright.sync_api import Browser, Locator, Page, expect

SAMPLE = "sample-quiz/"
STORAGE_KEY = "hmis-training:v1:/hmis-training/:sample"


def question(page: Page, question_id: str) -> Locator:
    return page.locator(f'[data-quiz-question="sample/{question_id}"]')


def check(q: Locator) -> None:
    q.get_by_role("button", name="Check answer").click()


def answer_rightly(q: Locator) -> None:
    for right in q.locator("input[data-correct]").all():
        right.check()
    check(q)


def saved(page: Page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") or "{}")


def test_wrong_then_right_answer(page: Page, page_errors: list[str]) -> None:
    page.goto(SAMPLE)
    q = question(page, "pick-one")

    q.get_by_label("Client doesn't know").check()
    check(q)
    expect(q).to_have_attribute("data-state", "incorrect")
    feedback = q.get_by_role("status")
    expect(feedback).to_contain_text("Not quite.")
    expect(feedback).to_contain_text("That one is for a person who was asked")  # the chosen option's feedback
    expect(feedback).to_contain_text('"Data not collected" records that the question was not asked.')
    expect(feedback).to_contain_text("Source: FY2026 HMIS Data Standards Manual")
    expect(feedback.locator(".quiz__verdict [aria-hidden=true]")).to_have_text("\u2717")
    expect(page.locator("[data-quiz-score]")).to_have_text("0 of 6 correct")

    q.get_by_label("Data not collected").check()
    check(q)
    expect(q).to_have_attribute("data-state", "correct")
    expect(feedback).to_contain_text("Correct.")
    expect(feedback).not_to_contain_text("That one is for a person who was asked")
    expect(page.locator("[data-quiz-score]")).to_have_text("1 of 6 correct")
    assert page_errors == []


def test_retry_clears_the_question(page: Page) -> None:
    page.goto(SAMPLE)
    q = question(page, "pick-one")
    q.get_by_label("Client doesn't know").check()
    check(q)

    q.get_by_role("button", name="Try again").click()

    expect(q).not_to_have_attribute("data-state", "incorrect")
    expect(q.get_by_role("status")).to_be_empty()
    expect(q.locator(".quiz__mark")).to_have_count(0)
    expect(q.get_by_label("Client doesn't know")).not_to_be_checked()
    expect(q.get_by_role("button", name="Try again")).to_be_hidden()
    assert "pick-one" not in saved(page)


def test_multiple_partly_right_names_what_was_missed_and_what_was_wrong(page: Page) -> None:
    page.goto(SAMPLE)
    q = question(page, "pick-all")
    q.get_by_label("3.01 Name").check()
    q.get_by_label("4.14 Bed-Night Date").check()
    check(q)

    expect(q).to_have_attribute("data-state", "partial")
    feedback = q.get_by_role("status")
    expect(feedback).to_contain_text("Partly right.")
    letter = {name: q.locator(".quiz__option label", has_text=name).locator(".quiz__letter").inner_text().rstrip(".")
              for name in ("3.01 Name", "3.03 Date of Birth", "4.14 Bed-Night Date")}
    expect(feedback.locator(".quiz__by-letter")).to_have_text(
        f"Also right: {letter['3.03 Date of Birth']}. Not right: {letter['4.14 Bed-Night Date']}.")
    # each option says so itself, in words with an icon
    expect(q.locator(".quiz__option", has_text="3.01 Name").locator(".quiz__mark")).to_have_text("\u2713 Right")
    expect(q.locator(".quiz__option", has_text="3.03 Date of Birth").locator(".quiz__mark")).to_have_text("Also right")
    expect(q.locator(".quiz__option", has_text="4.14 Bed-Night Date").locator(".quiz__mark")).to_have_text("\u2717 Not right")
    expect(q.locator(".quiz__mark")).to_have_count(3)
    expect(feedback).to_contain_text("You chose")
    expect(feedback).to_contain_text("A program-specific element.")

    q.get_by_label("4.14 Bed-Night Date").uncheck()
    check(q)
    expect(q).to_have_attribute("data-state", "partial")
    expect(q.locator(".quiz__mark")).to_have_count(2)  # marks are redone at each check, never piled up
    q.get_by_label("3.03 Date of Birth").check()
    check(q)
    expect(q).to_have_attribute("data-state", "correct")


def test_multiple_with_only_wrong_options_is_incorrect(page: Page) -> None:
    page.goto(SAMPLE)
    q = question(page, "pick-all")
    q.get_by_label("4.14 Bed-Night Date").check()
    check(q)
    expect(q).to_have_attribute("data-state", "incorrect")


def test_true_false_and_typed_answers(page: Page) -> None:
    page.goto(SAMPLE)
    statement = question(page, "statement")
    statement.get_by_label("False").check()
    check(statement)
    expect(statement).to_have_attribute("data-state", "correct")

    days = question(page, "how-many-days")
    days.get_by_label("Your answer").fill("thirty")
    check(days)
    expect(days).to_have_attribute("data-state", "incorrect")
    days.get_by_label("Your answer").fill("31 days")
    check(days)
    expect(days).to_have_attribute("data-state", "incorrect")
    for typed in (" 30 ", "30 days", "30%"):  # a unit or a % sign after the right number is fine
        days.get_by_label("Your answer").fill(typed)
        check(days)
        expect(days).to_have_attribute("data-state", "correct")

    database = question(page, "which-database")
    database.get_by_label("Your answer").fill("  Comparable   DATABASE ")
    database.get_by_label("Your answer").press("Enter")
    expect(database).to_have_attribute("data-state", "correct")
    database.get_by_label("Your answer").fill("comparable-database.")  # hyphen and full stop do not matter
    database.get_by_label("Your answer").press("Enter")
    expect(database).to_have_attribute("data-state", "correct")


def test_checking_with_no_answer_asks_for_one_and_records_nothing(page: Page) -> None:
    page.goto(SAMPLE)
    q = question(page, "pick-one")
    check(q)
    expect(q.get_by_role("status")).to_have_text("Choose or type an answer first.")
    expect(q).not_to_have_attribute("data-state", "incorrect")
    assert saved(page) == {}


def test_keyboard_alone_completes_questions(page: Page) -> None:
    page.goto(SAMPLE)
    first_radio = "quiz-sample-pick-one-0"
    for _ in range(80):  # Tab from the top of the page, as a keyboard user would
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == first_radio:
            break
    assert page.evaluate("document.activeElement.id") == first_radio

    page.keyboard.press("ArrowDown")  # moves to and selects "Data not collected"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check answer"
    page.keyboard.press("Enter")
    expect(question(page, "pick-one")).to_have_attribute("data-state", "correct")

    for label in ("quiz-sample-pick-all-0", "quiz-sample-pick-all-1"):
        while page.evaluate("document.activeElement.id") != label:
            page.keyboard.press("Tab")
        page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(question(page, "pick-all")).to_have_attribute("data-state", "correct")


def test_progress_survives_a_reload(page: Page) -> None:
    page.goto(SAMPLE)
    question(page, "pick-one").get_by_label("Data not collected").check()
    check(question(page, "pick-one"))
    question(page, "which-database").get_by_label("Your answer").fill("nope")
    check(question(page, "which-database"))

    page.reload()

    expect(question(page, "pick-one")).to_have_attribute("data-state", "correct")
    expect(question(page, "pick-one").get_by_label("Data not collected")).to_be_checked()
    expect(question(page, "which-database")).to_have_attribute("data-state", "incorrect")
    expect(question(page, "which-database").get_by_label("Your answer")).to_have_value("nope")
    expect(page.locator("[data-quiz-score]")).to_have_text("1 of 6 correct")


def test_progress_is_keyed_by_site_base_path_and_versioned(page: Page) -> None:
    page.goto(SAMPLE)
    question(page, "statement").get_by_label("False").check()
    check(question(page, "statement"))
    version = question(page, "statement").get_attribute("data-quiz-version")
    assert saved(page) == {"statement": {"v": version, "a": ["false"], "s": "correct"}}


def test_an_edited_question_does_not_restore_a_stale_answer(page: Page) -> None:
    page.goto(SAMPLE)
    stale = {"statement": {"v": "from-an-older-question", "a": ["false"], "s": "correct"}}
    page.evaluate(f"localStorage.setItem('{STORAGE_KEY}', {json.dumps(json.dumps(stale))})")
    page.reload()
    expect(question(page, "statement")).not_to_have_attribute("data-state", "correct")
    expect(question(page, "statement").get_by_label("False")).not_to_be_checked()


def test_progress_survives_instant_navigation(page: Page, page_errors: list[str]) -> None:
    page.goto("introductory/security-privacy/")
    answer_rightly(page.locator("[data-quiz-question]").first)
    page.evaluate("window.__sameDocument = true")

    page.get_by_role("navigation").get_by_role("link", name="Home", exact=True).first.click()
    expect(page.locator("h1")).to_contain_text("HMIS Training")
    page.locator("article").get_by_role("link", name="HMIS Security & Privacy Policies & Procedures").first.click()

    first = page.locator("[data-quiz-question]").first
    expect(first).to_have_attribute("data-state", "correct")
    assert page.evaluate("window.__sameDocument") is True, "navigation reloaded the page instead of swapping it"
    second = page.locator("[data-quiz-question]").nth(1)
    answer_rightly(second)  # the swapped-in page's buttons are wired up too
    expect(second).to_have_attribute("data-state", "correct")
    assert page_errors == []


def test_reset_clears_every_answer_and_saved_progress(page: Page) -> None:
    page.goto(SAMPLE)
    question(page, "pick-one").get_by_label("Data not collected").check()
    check(question(page, "pick-one"))
    question(page, "statement").get_by_label("True").check()
    check(question(page, "statement"))

    page.get_by_role("button", name="Reset quiz").click()

    expect(page.locator("[data-quiz-question][data-state]")).to_have_count(0)
    expect(page.locator("[data-quiz-score]")).to_have_text("0 of 6 correct")
    expect(page.locator(".quiz input:checked")).to_have_count(0)
    assert saved(page) == {}
    page.reload()
    expect(page.locator("[data-quiz-question][data-state]")).to_have_count(0)


# Blocked storage throws on every access, as in a browser that blocks site data. The error names
# the script that asked, so an uncaught one from our scripts (all in hmis.min.js) can be told from
# Material's own.
BLOCK_STORAGE = """window.__quizStorageTries = 0;
Object.defineProperty(window, "localStorage", { configurable: true, get() {
  const fromOurs = /hmis\\.min\\.js/.test(new Error().stack);
  if (fromOurs) window.__quizStorageTries += 1;
  throw new DOMException("storage blocked for " + (fromOurs ? "hmis.min.js" : "another script"), "SecurityError");
} });"""
FULL_STORAGE = """Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };"""


def test_blocked_storage_still_works_for_the_visit(page: Page, page_errors: list[str]) -> None:
    page.add_init_script(BLOCK_STORAGE)
    page.goto(SAMPLE)
    q = question(page, "pick-one")
    q.get_by_label("Data not collected").check()
    check(q)
    page.get_by_role("button", name="Reset quiz").click()
    q.get_by_label("Data not collected").check()
    check(q)

    expect(q).to_have_attribute("data-state", "correct")
    expect(page.locator("[data-quiz-score]")).to_have_text("1 of 6 correct")
    assert page.evaluate("window.__quizStorageTries") > 0, "the quiz never tried storage: the test proves nothing"
    assert [error for error in page_errors if "hmis.min.js" in error] == []


def test_full_storage_still_works_without_errors(page: Page, page_errors: list[str]) -> None:
    page.add_init_script(FULL_STORAGE)
    page.goto(SAMPLE)
    q = question(page, "statement")
    q.get_by_label("False").check()
    check(q)
    expect(q).to_have_attribute("data-state", "correct")
    assert page_errors == []


def test_without_javascript_questions_read_and_answers_reveal(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    page.goto(SAMPLE)
    q = question(page, "pick-one")

    expect(q.get_by_label("Data not collected")).to_be_visible()
    expect(q.get_by_role("button", name="Check answer")).to_be_hidden()
    expect(q.locator(".quiz__explanation")).to_be_hidden()
    q.get_by_text("Show the answer").click()
    expect(q.locator(".quiz__answer")).to_have_text(re.compile(r"^Answer: [A-D]\. Data not collected$"))
    expect(q.locator(".quiz__explanation")).to_be_visible()
    expect(q.locator(".quiz__source")).to_be_visible()
    context.close()


def test_print_shows_questions_but_no_answers(page: Page) -> None:
    page.goto(SAMPLE)
    q = question(page, "pick-one")
    q.get_by_label("Data not collected").check()
    check(q)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # Material opens details on print

    expect(q.locator(".quiz__prompt")).to_be_visible()
    expect(q.get_by_label("Client doesn't know")).to_be_visible()
    for hidden in (".quiz__feedback", ".quiz__reveal", ".quiz__actions"):
        expect(q.locator(hidden)).to_be_hidden()
    expect(page.locator(".quiz__explanation:visible")).to_have_count(0)
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()


def test_html_written_in_a_bank_never_runs(page: Page, page_errors: list[str]) -> None:
    page.goto(SAMPLE)
    q = question(page, "unsafe-text")
    expect(q.locator(".quiz__prompt")).to_contain_text("<script>window.__quizInjected = true</script>")
    q.get_by_role("button", name="Check answer").click()  # nothing chosen: just exercise the script
    q.locator(".quiz__prompt").get_by_text("link").first.click()  # the javascript: link is plain text
    assert page.evaluate("window.__quizInjected") is None
    assert page_errors == []
