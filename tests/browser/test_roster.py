"""The roster: record files opened in the browser become a table with flags for what looks forged
or edited (tests/fixtures/records/), which sorts, filters, exports a CSV with formulas defused, and
passes axe."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from helpers import FIXTURES

ROSTER = "roster/"
RECORDS = FIXTURES / "records"
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
                                               "best-practice"]}}
OLDER = "Content older than this site"  # allowed on every fixture once the banks change
EXPECTED = {
    "made-up-questions.json": {"Questions that do not exist", "Scores that do not match the answers"},
    "edited-scores.json": {"Scores that do not match the answers"},
    "edited-after-download.json": {"Edited after download"},
    "formula-cells.json": {"Answers revealed", "Progress imported"},
    "not-a-record.json": {"Not a record from this site"},
}
PASS_TRAINER_PATH = """(catalogue) => ['train-the-trainer', 'data-literacy-culture'].forEach((bank) => {
    window.hmisStore.save(bank, Object.fromEntries(Object.entries(catalogue.banks[bank].questions).map(([id, [v, type]]) =>
        [id, {v, a: type === 'short' ? 'typed' : ['0'], s: 'correct'}])));
    window.hmisStore.save('~passed', {...window.hmisStore.load('~passed'), [bank]: '2026-11-30'});
})"""


def genuine_record(page: Page, folder: Path) -> Path:
    """A record made as a learner makes one: every module of the trainer path passed, then downloaded."""
    page.goto(ROSTER)
    catalogue = json.loads(page.locator(".roster").get_attribute("data-catalogue"))
    page.goto("paths/trainer/")
    page.evaluate(PASS_TRAINER_PATH, catalogue)
    page.reload()
    record = page.locator(".completion-record")
    record.get_by_label(re.compile("Your name")).fill("Robin Alvarez")
    record.get_by_label("Your agency").fill("Riverside Family Shelter")
    record.get_by_label("Name as signed on the agreement").fill("Robin Alvarez")
    record.get_by_label("Date you signed it").fill("2026-11-02")
    with page.expect_download() as download:
        record.get_by_role("button", name="Download my record").click()
    saved = folder / "robin.json"
    download.value.save_as(saved)
    return saved


def flags_of(row) -> set[str]:
    return {text for text in row.locator("td").nth(5).locator("li").all_inner_texts()}


def open_files(page: Page, files: list[Path]) -> None:
    page.goto(ROSTER)
    page.get_by_label(re.compile("Choose record files")).set_input_files([str(file) for file in files])
    expect(page.locator(".roster__status")).to_contain_text(f"{len(files)} file")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_forged_or_edited_record_is_flagged(page: Page, name: str) -> None:
    open_files(page, [RECORDS / name])
    row = page.locator(".roster__table tbody tr")
    expect(row).to_have_count(1)
    assert flags_of(row) - {OLDER} == EXPECTED[name]


def test_several_records_give_the_expected_table_and_csv(page: Page, tmp_path: Path) -> None:
    genuine = genuine_record(page, tmp_path)
    open_files(page, [genuine, *(RECORDS / name for name in sorted(EXPECTED))])
    rows = page.locator(".roster__table tbody tr")
    expect(rows).to_have_count(6)
    expect(page.locator(".roster__caption")).to_have_text("Records opened: 6; with flags: 5")

    names = [row.locator("td").first.inner_text() for row in rows.all()]
    assert names == sorted(names, key=str.lower)  # sorted by name at first
    robin = rows.filter(has_text="Robin Alvarez")
    expect(robin.locator("td").nth(1)).to_have_text("Riverside Family Shelter")
    expect(robin.locator("td").nth(2)).to_have_text("Trainer")
    expect(robin.locator("td").nth(3).locator("li")).to_have_text([
        re.compile(r"^Train the Trainer: first (\d+)/\1, best (\d+)/\1, passed 2026-11-30$"),
        re.compile(r"^Creating a Culture of Data Literacy: first (\d+)/\1, best (\d+)/\1, passed 2026-11-30$")])
    expect(robin.locator("td").nth(4)).to_have_text("2026-11-02")
    expect(robin.locator("td").nth(5)).to_have_text("None")

    page.get_by_label("Only records with flags").check()
    expect(rows).to_have_count(5)
    page.get_by_label("Show only rows containing").fill("harbor")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("td").first).to_have_text("Jordan Rewrote")
    page.get_by_label("Show only rows containing").fill("")
    page.get_by_label("Only records with flags").uncheck()
    page.get_by_label("Sort by").select_option("agency")
    expect(rows.first.locator("td").nth(1)).to_have_text("(no agency)")  # the progress file has none

    with page.expect_download() as download:
        page.get_by_role("button", name="Export CSV").click()
    lines = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert lines[0] == ["Name", "Agency", "Path", "Module", "Questions", "First attempt", "Best score", "Date passed",
                        "User agreement signed", "Flags", "File"]
    assert len(lines) == 1 + 5 * 2 + 1  # two modules per record, one line for the file that is not a record
    formula = [line for line in lines if "Formula" in line[0]]
    assert formula and all(line[0] == "'+Ravi Formula" and line[1].startswith("'=HYPERLINK(") for line in formula)
    assert formula[0][9] == "Answers revealed; Progress imported" or formula[0][9].startswith("Answers revealed; Progress imported;")
    robin_lines = [line for line in lines if line[0] == "Robin Alvarez"]
    assert [line[3] for line in robin_lines] == ["Train the Trainer", "Creating a Culture of Data Literacy"]
    assert all(line[4] == line[5] == line[6] and line[7] == "2026-11-30" and line[9] == "" for line in robin_lines)


def test_values_from_a_file_are_shown_as_text_never_as_markup(page: Page, tmp_path: Path) -> None:
    record = json.loads((RECORDS / "formula-cells.json").read_text(encoding="utf-8"))
    record["learner"]["name"] = '<img src="x" onerror="window.__ran = true">Ravi'
    record["modules"][0]["title"] = "<b>bold</b>"
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(record), encoding="utf-8")
    open_files(page, [hostile])
    row = page.locator(".roster__table tbody tr")
    expect(row.locator("td").first).to_have_text('<img src="x" onerror="window.__ran = true">Ravi')
    expect(row.locator("img, b")).to_have_count(0)
    assert page.evaluate("window.__ran") is None
    assert "Edited after download" in flags_of(row)


def test_no_axe_violations_on_the_roster(page: Page) -> None:
    open_files(page, [RECORDS / name for name in sorted(EXPECTED)])
    results = Axe().run(page, options=RULES)
    assert results.violations_count == 0, results.generate_report()


def test_print_shows_the_table_without_the_controls_or_the_page_text(page: Page) -> None:
    open_files(page, [RECORDS / "edited-scores.json"])
    page.emulate_media(media="print")
    page.evaluate("document.body.classList.add('printing-roster')")
    expect(page.locator(".roster__table")).to_be_visible()
    expect(page.locator(".roster__controls")).to_be_hidden()
    expect(page.locator(".roster__drop")).to_be_hidden()
    expect(page.get_by_role("heading", name="What the record proves, and what it does not")).to_be_hidden()
