"""The end of a module: the result against the pass mark, the sections to go back over, the first
attempt, checkpoints inside the page that count once, and the "not passed yet" note by the next step.

The site is a copy of the project whose logging-in module is tests/fixtures/result/ (five
true-or-false questions, every answer True, and a checkpoint of the first two), served beside
the main test site."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, expect

from helpers import FIXTURES, copy_project, mkdocs_build
from test_accessibility import RULES

SITE = "result-site"
MODULE = "introductory/logging-in/"
STORAGE = f"hmis-training:v1:/{SITE}/:"


@pytest.fixture(scope="session")
def result_url(site_root: tuple[Path, ThreadingHTTPServer], tmp_path_factory: pytest.TempPathFactory) -> str:
    root, server = site_root
    url = f"http://127.0.0.1:{server.server_address[1]}/{SITE}/"
    project = copy_project(tmp_path_factory.mktemp("result-project"))
    page = project / "docs" / "introductory" / "logging-in.md"
    front = re.match(r"---\n.*?\n---\n", page.read_text(encoding="utf-8"), re.DOTALL)[0]
    page.write_text(front + "\n" + (FIXTURES / "result" / "module-body.md").read_text(encoding="utf-8"), encoding="utf-8")
    (project / "quizzes" / "logging-in.yml").write_text((FIXTURES / "result" / "bank.yml").read_text(encoding="utf-8"),
                                                        encoding="utf-8")
    result = mkdocs_build(project, root / SITE, url)
    assert result.returncode == 0, result.stderr
    return url


@pytest.fixture(params=["light"])
def module(browser: Browser, result_url: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """The module page, in a browser of its own (light unless the test asks for dark)."""
    context = browser.new_context(base_url=result_url, color_scheme=request.param, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(MODULE)
    yield page
    context.close()
    assert errors == []


def whole_quiz(page: Page) -> Locator:
    return page.locator("#quiz-logging-in")


def checkpoint(page: Page) -> Locator:
    return page.locator("[data-quiz-checkpoint]")


def answer(where: Locator, question_id: str, right: bool) -> None:
    question = where.locator(f'[data-quiz-question="logging-in/{question_id}"]')
    question.get_by_label(re.compile(rf"^[AB]\. {'True' if right else 'False'}$")).check()
    question.get_by_role("button", name="Check answer").click()


def answer_all(page: Page, wrong: tuple[str, ...] = ()) -> None:
    for question_id in ("own-login", "share", "password", "locked", "lock-screen"):
        answer(whole_quiz(page), question_id, question_id not in wrong)


def retry(where: Locator, question_id: str) -> None:
    where.locator(f'[data-quiz-question="logging-in/{question_id}"]').get_by_role("button", name="Try again").click()


def saved(page: Page, name: str) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem({json.dumps(STORAGE + name)})") or "{}")


def test_not_yet_names_each_missed_question_and_links_to_its_section(module: Page) -> None:
    outcome = whole_quiz(module).locator("[data-quiz-outcome]")
    answer(whole_quiz(module), "own-login", True)
    expect(whole_quiz(module).locator("[data-quiz-answered]")).to_have_text(
        "1 of 5 answered. Your result shows when you have answered them all.")
    expect(outcome).to_be_empty()

    answer_all(module, wrong=("password", "locked"))

    verdict = outcome.locator(".quiz__result-verdict")
    expect(verdict).to_have_text("\u2717 Not yet: 3 of 5; you need 4")
    expect(verdict.locator("[aria-hidden=true]")).to_have_text("\u2717")  # the words carry it, not the icon
    expect(whole_quiz(module).locator("[data-quiz-answered]")).to_be_empty()
    expect(outcome.locator(".quiz__result-missed li")).to_have_text(["Question 3: review Passwords",
                                                                     "Question 4: review Locked out"])
    links = outcome.locator(".quiz__result-missed a")
    assert [links.nth(index).get_attribute("href") for index in range(2)] == ["#passwords", "#locked-out"]
    expect(module.locator(".module-paths [data-not-passed]").first).to_be_visible()
    expect(module.locator(".module-paths [data-not-passed]").first).to_have_text(
        " You have not passed this module yet: see its quiz.")

    links.first.click()
    expect(module).to_have_url(re.compile(r"#passwords$"))
    expect(module.locator("h2#passwords")).to_be_in_viewport()
    assert module.evaluate("document.getElementById('passwords').getBoundingClientRect().top") < 300


def test_passing_says_so_and_retries_never_change_the_first_attempt(module: Page) -> None:
    answer_all(module, wrong=("password", "locked"))
    expect(whole_quiz(module).locator(".quiz__result-first")).to_have_text("First attempt: 3 of 5")
    for question_id in ("password", "locked"):
        retry(whole_quiz(module), question_id)
        answer(whole_quiz(module), question_id, True)

    outcome = whole_quiz(module).locator("[data-quiz-outcome]")
    expect(outcome.locator(".quiz__result-verdict")).to_have_text("\u2713 Passed: 5 of 5 (pass mark 80%)")
    expect(outcome.locator(".quiz__result-first")).to_have_text("First attempt: 3 of 5")
    expect(outcome.locator(".quiz__result-missed")).to_have_count(0)
    for note in module.locator(".module-paths [data-not-passed]").all():
        expect(note).to_be_hidden()
    assert saved(module, "~first")["logging-in"]["password"]["s"] == "incorrect"

    module.reload()
    expect(outcome.locator(".quiz__result-verdict")).to_have_text("\u2713 Passed: 5 of 5 (pass mark 80%)")
    expect(outcome.locator(".quiz__result-first")).to_have_text("First attempt: 3 of 5")
    whole_quiz(module).get_by_role("button", name="Reset quiz").click()
    answer_all(module)
    expect(outcome.locator(".quiz__result-first")).to_have_text("First attempt: 3 of 5")


def test_a_checkpoint_answer_counts_once_and_shows_in_the_whole_quiz(module: Page) -> None:
    ids = module.evaluate("Array.from(document.querySelectorAll('[id]'), (element) => element.id)")
    assert len(ids) == len(set(ids)), "element ids must be unique on the page"
    expect(checkpoint(module).locator("[data-quiz-question]")).to_have_count(2)

    answer(checkpoint(module), "own-login", True)
    in_quiz = whole_quiz(module).locator('[data-quiz-question="logging-in/own-login"]')
    expect(in_quiz).to_have_attribute("data-state", "correct")
    expect(in_quiz.get_by_label(re.compile(r"^[AB]\. True$"))).to_be_checked()
    expect(whole_quiz(module).locator("[data-quiz-score]")).to_have_text("1 of 5 correct")
    expect(whole_quiz(module).locator("[data-quiz-answered]")).to_contain_text("1 of 5 answered")
    assert list(saved(module, "logging-in")) == ["own-login"]

    retry(whole_quiz(module), "own-login")  # changed in the whole quiz: the checkpoint follows
    answer(whole_quiz(module), "own-login", False)
    in_checkpoint = checkpoint(module).locator('[data-quiz-question="logging-in/own-login"]')
    expect(in_checkpoint).to_have_attribute("data-state", "incorrect")
    retry(checkpoint(module), "own-login")
    expect(in_quiz).not_to_have_attribute("data-state", re.compile("."))
    expect(whole_quiz(module).locator("[data-quiz-answered]")).to_contain_text("0 of 5 answered")

    answer(checkpoint(module), "own-login", True)
    answer(checkpoint(module), "share", True)
    for question_id in ("password", "locked", "lock-screen"):
        answer(whole_quiz(module), question_id, True)
    expect(whole_quiz(module).locator(".quiz__result-verdict")).to_have_text("\u2713 Passed: 5 of 5 (pass mark 80%)")
    assert saved(module, "~first")["logging-in"]["own-login"]["s"] == "correct"  # the first of the visit's answers
    module.reload()
    expect(checkpoint(module).locator("[data-state=correct]")).to_have_count(2)


def test_the_page_opens_with_a_link_to_its_quiz(module: Page) -> None:
    jump = module.locator(".module-meta").get_by_role("link", name="Jump to the quiz")
    expect(jump).to_have_attribute("href", re.compile(r"(^|/introductory/logging-in/)#quiz-logging-in$"))
    jump.click()
    expect(whole_quiz(module)).to_be_in_viewport()


@pytest.mark.parametrize("module", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("state", ["passed", "not yet"])
def test_the_result_passes_axe(module: Page, state: str) -> None:
    expected = "slate" if module.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") else "default"
    assert module.locator("body").get_attribute("data-md-color-scheme") == expected
    answer_all(module, wrong=() if state == "passed" else ("password", "locked"))
    expect(whole_quiz(module).locator(".quiz__result-verdict")).to_contain_text("Passed" if state == "passed" else "Not yet")
    results = Axe().run(module, options=RULES)
    assert results.violations_count == 0, results.generate_report()
