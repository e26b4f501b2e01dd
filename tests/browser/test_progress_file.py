"""Progress files: a bad or hostile file is refused with a message that says what is wrong and
changes nothing; Export, Import and Clear keep working after any file, after a reload too; a good
file shows what it will change and waits for the learner to confirm before replacing anything."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from helpers import FIXTURES

PAGE = "paths/"
BAD_FILES = sorted((FIXTURES / "progress").glob("*.json"))
FORMAT = "hmis-training-progress/1"

SNAPSHOT = """() => Object.fromEntries(Object.keys(localStorage).sort().map((key) => [key, localStorage.getItem(key)]))"""
VERSIONS = """() => Object.fromEntries(Object.entries(JSON.parse(document.querySelector('.progress-tools').dataset.catalogue)
    .banks.sample.questions).map(([id, [version]]) => [id, version]))"""


def seed(page: Page) -> dict[str, str]:
    """Saved progress to protect: two sample answers, a chosen path, a name and trainer view."""
    versions = page.evaluate(VERSIONS)
    page.evaluate("""(versions) => {
        window.hmisStore.save('sample', {'pick-one': {v: versions['pick-one'], a: ['0'], s: 'incorrect'},
                                         'statement': {v: versions['statement'], a: ['true'], s: 'correct'}});
        window.hmisStore.save('chosen-path', {id: 'trainer'});
        window.hmisStore.save('learner-name', {name: 'Robin Alvarez'});
        window.hmisStore.save('modes', {trainer: true});
    }""", versions)
    return versions


def import_file(page: Page, path: Path) -> None:
    page.get_by_label(re.compile("Import progress")).set_input_files(str(path))


def status(page: Page):
    return page.locator(".progress-tools__status")


def assert_tools_still_work(page: Page, tmp_path: Path) -> None:
    """Export holds the saved answers (and no trainer modes); Clear empties; importing the export
    brings the answers back after a confirmation."""
    with page.expect_download() as download:
        page.get_by_role("button", name="Export my progress").click()
    exported = tmp_path / "exported.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text())
    assert data["format"] == FORMAT
    assert set(data["saved"]) == {"sample", "chosen-path", "learner-name"}, data["saved"].keys()
    assert set(data["saved"]["sample"]) == {"pick-one", "statement"}

    page.get_by_role("button", name="Clear my progress").click()
    page.locator(".progress-tools__confirm").get_by_role("button", name="Clear my progress").click()
    expect(status(page)).to_have_text("Your progress has been cleared.")
    assert page.evaluate("JSON.stringify(window.hmisStore.load('sample'))") == "{}"

    import_file(page, exported)
    confirm = page.locator(".progress-tools__confirm")
    expect(confirm).to_contain_text("Sample quiz: adds 2 answers.")
    confirm.get_by_role("button", name="Import").click()
    expect(status(page)).to_have_text("Progress imported: 0 saved answers replaced, 2 answers added.")
    assert set(page.evaluate("Object.keys(window.hmisStore.load('sample'))")) == {"pick-one", "statement"}
    expect(page.locator(".progress-tools__chosen")).to_have_text("Your path: Trainer.")


@pytest.mark.parametrize("bad", BAD_FILES, ids=[path.stem for path in BAD_FILES])
def test_a_bad_file_is_refused_with_its_reason_and_changes_nothing(page: Page, page_errors: list[str],
                                                                   tmp_path: Path, bad: Path) -> None:
    page.goto(PAGE)
    seed(page)
    page.reload()
    before = page.evaluate(SNAPSHOT)

    import_file(page, bad)
    expect(status(page)).to_have_text(bad.with_suffix(".expected").read_text(encoding="utf-8").strip())
    expect(page.locator(".progress-tools__confirm")).to_be_hidden()
    assert page.evaluate(SNAPSHOT) == before

    page.reload()  # a file must not leave the site broken for the next visit
    expect(page.locator(".progress-tools")).to_be_visible()
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bprojection\b"))
    assert_tools_still_work(page, tmp_path)
    page.goto("sample-quiz/")
    expect(page.get_by_role("button", name="Check answer")).to_have_count(6)
    assert page_errors == []


def test_a_file_over_1_mb_is_refused_before_it_is_read(page: Page, tmp_path: Path) -> None:
    page.goto(PAGE)
    seed(page)
    before = page.evaluate(SNAPSHOT)
    big = tmp_path / "big.json"
    start = '{"format": "%s", "saved": {"sample": {}}, "padding": "' % FORMAT
    big.write_text(start + "x" * (12 * 1024 * 1024 - len(start) - 2) + '"}')
    assert big.stat().st_size == 12 * 1024 * 1024

    import_file(page, big)
    expect(status(page)).to_have_text(
        "Nothing was changed: this file cannot be imported. It is 12.0 MB, and a progress file is at most 1 MB.")
    assert page.evaluate(SNAPSHOT) == before
    assert_tools_still_work(page, tmp_path)


def test_a_good_file_shows_what_it_changes_and_waits_for_confirmation(page: Page, tmp_path: Path) -> None:
    page.goto(PAGE)
    versions = seed(page)
    page.reload()
    good = tmp_path / "from-another-computer.json"
    good.write_text(json.dumps({"format": FORMAT, "exported": "2026-12-01T10:00:00.000Z", "saved": {
        "sample": {
            "pick-one": {"v": versions["pick-one"], "a": ["1"], "s": "correct"},         # replaces a saved answer
            "statement": {"v": versions["statement"], "a": ["true"], "s": "correct"},    # the same as saved
            "pick-all": {"v": versions["pick-all"], "a": ["0", "2"], "s": "partial"},    # new
            "how-many-days": {"v": versions["how-many-days"], "a": "30", "s": "correct"},  # new
            "which-database": {"v": "an-older-version", "a": "comparable", "s": "correct"},  # left out
        },
        "chosen-path": {"id": "end-user"},
        "modes": {"projection": True},
    }}))
    before = page.evaluate(SNAPSHOT)

    import_file(page, good)
    confirm = page.locator(".progress-tools__confirm")
    expect(confirm).to_be_focused()  # a screen reader hears the question first
    expect(confirm.locator("li")).to_have_text([
        "Sample quiz: replaces 1 saved answer, adds 2 answers.",
        "Sets your learning path to End user (now Trainer).",
    ])
    expect(confirm).to_contain_text("1 answer is to a question that has changed since the file was made, and is left out.")
    expect(confirm).to_contain_text("Trainer view and projection settings in the file are not imported.")
    assert page.evaluate(SNAPSHOT) == before  # nothing is written until the learner confirms

    confirm.get_by_role("button", name="Cancel").click()
    expect(status(page)).to_have_text("Nothing was imported.")
    expect(confirm).to_be_hidden()
    assert page.evaluate(SNAPSHOT) == before

    import_file(page, good)
    expect(confirm).to_be_focused()  # the file is read asynchronously: wait for the question
    page.keyboard.press("Tab")
    expect(confirm.get_by_role("button", name="Import")).to_be_focused()
    page.keyboard.press("Enter")
    expect(status(page)).to_have_text("Progress imported: 1 saved answer replaced, 2 answers added.")
    expect(page.locator(".progress-tools__chosen")).to_have_text("Your path: End user.")
    saved = page.evaluate("window.hmisStore.load('sample')")
    assert saved["pick-one"]["a"] == ["1"] and saved["pick-all"]["a"] == ["0", "2"] and saved["how-many-days"]["a"] == "30"
    assert "which-database" not in saved
    assert page.evaluate("window.hmisStore.load('modes')") == {"trainer": True}  # this computer's setting stays

    page.goto("sample-quiz/")
    expect(page.locator("#quiz-sample-pick-one-1")).to_be_checked()
    expect(page.locator("[data-quiz-question='sample/how-many-days'] input")).to_have_value("30")


def test_clear_asks_in_the_page_and_cancel_keeps_everything(page: Page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(PAGE)
    seed(page)
    before = page.evaluate(SNAPSHOT)
    clear = page.get_by_role("button", name="Clear my progress")
    confirm = page.locator(".progress-tools__confirm")

    clear.click()
    expect(confirm).to_be_focused()
    expect(confirm).to_contain_text("This cannot be undone.")
    confirm.get_by_role("button", name="Cancel").click()
    expect(status(page)).to_have_text("Nothing was cleared.")
    expect(clear).to_be_focused()
    assert page.evaluate(SNAPSHOT) == before

    clear.click()
    confirm.get_by_role("button", name="Clear my progress").click()
    expect(status(page)).to_have_text("Your progress has been cleared.")
    assert page.evaluate("JSON.stringify(window.hmisStore.load('sample'))") == "{}"
    assert dialogs == []


def test_storage_broken_before_this_fix_is_repaired_not_trusted(page: Page, page_errors: list[str]) -> None:
    """Files imported by the old code could leave a path id that broke selectors, or an answer of
    the wrong type that stopped the quiz from setting up; both are now ignored."""
    page.goto("sample-quiz/")
    version = page.locator("[data-quiz-question='sample/pick-one']").get_attribute("data-quiz-version")
    page.evaluate("""(version) => {
        window.hmisStore.save('chosen-path', {id: 'x"]'});
        window.hmisStore.save('sample', {'pick-one': {v: version, a: 5, s: 'correct'}});
    }""", version)
    page.reload()
    expect(page.get_by_role("button", name="Check answer")).to_have_count(6)
    expect(page.locator("[data-quiz-question='sample/pick-one']")).not_to_have_attribute("data-state", "correct")
    assert page.evaluate("window.hmisStore.load('sample')") == {}
    page.goto(PAGE)
    expect(page.get_by_role("button", name="Export my progress")).to_be_visible()
    expect(page.locator(".progress-tools__chosen")).to_have_text("")
    assert page_errors == []
