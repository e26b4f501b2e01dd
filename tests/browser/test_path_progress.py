"""Learning paths in the browser: progress grows as modules are passed, the next step moves, the
chosen path is remembered, the completion record appears only when every required module is
passed, and progress can be exported, cleared and imported."""

from __future__ import annotations

import json
import re

from playwright.sync_api import Page, expect

PATH = "paths/trainer/"  # 3 modules: two required, one optional


def answer_whole_quiz_rightly(page: Page) -> None:
    expect(page.locator("[data-quiz-question]").first).to_be_visible()  # after instant navigation
    for question in page.locator("[data-quiz-question]").all():
        kind = question.get_attribute("data-quiz-type")
        if kind == "short":
            number = question.get_attribute("data-quiz-number")
            text = number if number is not None else json.loads(question.get_attribute("data-quiz-accept"))[0]
            question.locator("input").fill(text.removesuffix(".0"))
        else:
            for right in question.locator("input[data-correct]").all():
                right.check()
        question.get_by_role("button", name="Check answer").click()


def saved_module(page: Page, module: str, right: int) -> None:
    """Write quiz answers for a module straight into storage, as quiz.js would."""
    answers = {f"q{n}": {"v": "x", "a": ["0"], "s": "correct"} for n in range(right)}
    page.evaluate("([module, answers]) => window.hmisStore.save(module, answers)", [module, answers])


def test_progress_grows_and_the_next_step_moves(page: Page) -> None:
    page.goto(PATH)
    progress = page.locator(".path-progress")
    expect(progress.locator(".path-progress__count")).to_have_text("0 of 2 required modules passed")
    expect(progress.locator(".path-progress__next")).to_contain_text("Train the Trainer")
    expect(page.locator('[data-module-status="train-the-trainer"]')).to_have_text("Not started")

    page.locator('.path table a[data-module="train-the-trainer"]').click()
    answer_whole_quiz_rightly(page)
    page.goto(PATH)

    expect(progress.locator("progress")).to_have_js_property("value", 1)
    expect(progress.locator(".path-progress__count")).to_have_text("1 of 2 required modules passed")
    expect(page.locator('[data-module-status="train-the-trainer"]')).to_have_text("\u2713 Passed")
    expect(progress.locator(".path-progress__next")).to_contain_text("Creating a Culture of Data Literacy")


def test_a_module_below_the_pass_mark_is_in_progress(page: Page) -> None:
    page.goto(PATH)
    saved_module(page, "data-literacy-culture", 1)
    page.reload()
    expect(page.locator('[data-module-status="data-literacy-culture"]')).to_have_text("In progress")


def test_the_completion_record_appears_only_when_every_required_module_is_passed(page: Page) -> None:
    page.goto(PATH)
    record = page.locator(".completion-record")
    expect(record.locator(".completion-record__pending")).to_contain_text("Still to pass:")
    expect(record.locator(".completion-record__ready")).to_be_hidden()

    saved_module(page, "train-the-trainer", 20)
    page.reload()
    expect(record.locator(".completion-record__ready")).to_be_hidden()
    saved_module(page, "data-literacy-culture", 20)
    page.reload()

    expect(record.locator(".completion-record__ready")).to_be_visible()
    record.get_by_label(re.compile("Your name")).fill("Robin Alvarez")
    expect(record.locator(".completion-record__name")).to_have_text("Robin Alvarez")
    expect(record.locator(".completion-record__sheet")).to_contain_text("Self-attested")
    expect(record.locator(".completion-record__sheet")).to_contain_text("FY2026 HMIS Data Standards")
    expect(record.locator("tbody tr")).to_have_count(2)

    page.evaluate("document.body.classList.add('printing-record')")
    page.emulate_media(media="print")
    expect(record.locator(".completion-record__sheet")).to_be_visible()
    expect(page.locator(".path table").first).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()


def test_the_chosen_path_is_remembered_on_module_pages(page: Page) -> None:
    page.goto(PATH)
    page.get_by_role("button", name="Make this my path").click()
    expect(page.locator(".path-progress__chosen")).to_have_text("This is your path.")
    page.goto("advanced/data-literacy-culture/")
    first = page.locator(".module-paths li").first
    expect(first).to_contain_text("Your path:")
    expect(first).to_contain_text("Trainer")


def test_export_clear_and_import_round_trip(page: Page, tmp_path) -> None:
    page.goto("advanced/train-the-trainer/")
    answer_whole_quiz_rightly(page)  # an export holds only answers to this site's own questions
    page.goto("paths/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    answers = json.loads(exported.read_text())["saved"]["train-the-trainer"].values()
    assert answers and all(answer["s"] == "correct" for answer in answers)

    page.get_by_role("button", name="Clear my progress").click()
    page.locator(".progress-tools__confirm").get_by_role("button", name="Clear my progress").click()
    expect(page.locator(".progress-tools__status")).to_have_text("Your progress has been cleared.")
    page.goto(PATH)
    expect(page.locator('[data-module-status="train-the-trainer"]')).to_have_text("Not started")

    page.goto("paths/")
    page.get_by_label(re.compile("Import progress")).set_input_files(str(exported))
    page.locator(".progress-tools__confirm").get_by_role("button", name="Import").click()
    expect(page.locator(".progress-tools__status")).to_contain_text("Progress imported")
    page.goto(PATH)
    expect(page.locator('[data-module-status="train-the-trainer"]')).to_have_text("\u2713 Passed")


def test_a_file_that_is_not_a_progress_file_changes_nothing(page: Page, tmp_path) -> None:
    page.goto("paths/")
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"hello": "world"}')
    page.get_by_label(re.compile("Import progress")).set_input_files(str(wrong))
    expect(page.locator(".progress-tools__status")).to_contain_text("not a progress file")
