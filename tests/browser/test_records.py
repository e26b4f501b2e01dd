"""The completion record: what it shows (first and best scores, dates passed, agency, the user
agreement, trainer view and revealed answers), one printed page on Letter and on A4, a downloaded
file whose checksum holds, a mailto: summary for the HMIS Lead, and no axe violations."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

PATH = "paths/end-user/"
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
                                               "best-practice"]}}
# Every module of the path passed with right answers to its real questions (ids and versions from the
# catalogue the roster embeds), the way quiz.js saves them, and each dated as records.js dates it.
PASS_EVERY_MODULE = """([catalogue, modules]) => modules.forEach((module, index) => {
    const questions = catalogue.banks[module.id].questions;
    window.hmisStore.save(module.id, Object.fromEntries(Object.entries(questions).map(([id, [v, type]]) =>
        [id, {v, a: type === 'short' ? 'typed' : ['0'], s: 'correct'}])));
    window.hmisStore.save('~passed', {...window.hmisStore.load('~passed'), [module.id]: '2026-11-' + String(10 + index)});
})"""


def catalogue(page: Page) -> dict:
    page.goto("roster/")
    return json.loads(page.locator(".roster").get_attribute("data-catalogue"))


def passed_path(page: Page, path: str = PATH) -> list[dict]:
    """Open a path page with every module passed; returns the path's modules."""
    data = catalogue(page)
    page.goto(path)
    modules = json.loads(page.locator(".completion-record").get_attribute("data-modules"))
    page.evaluate(PASS_EVERY_MODULE, [data, modules])
    page.reload()
    return modules


def fill_in(page: Page) -> None:
    record = page.locator(".completion-record")
    record.get_by_label(re.compile("Your name")).fill("Robin Alvarez")
    record.get_by_label("Your agency").fill("Riverside Family Shelter")
    record.get_by_label("Name as signed on the agreement").fill("Robin Alvarez")
    record.get_by_label("Date you signed it").fill("2026-11-02")


def printed_pages(page: Page, paper: str) -> int:
    page.evaluate("document.body.classList.add('printing-record')")
    pdf = page.pdf(format=paper)
    page.evaluate("document.body.classList.remove('printing-record')")
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_the_record_shows_what_an_hmis_lead_files(page: Page) -> None:
    modules = passed_path(page)
    fill_in(page)
    sheet = page.locator(".completion-record__sheet")
    expect(sheet.locator(".completion-record__name")).to_have_text("Robin Alvarez")
    expect(sheet.locator(".completion-record__agency")).to_have_text("Riverside Family Shelter")
    expect(sheet).to_contain_text("Self-attested")
    expect(sheet).to_contain_text(re.compile(r"Content version\s*[0-9a-f]{12}"))
    expect(sheet.locator(".completion-record__agreement")).to_have_text(
        "HMIS user agreement: read and signed by Robin Alvarez on 2026-11-02.")
    expect(sheet.locator(".completion-record__flags")).to_contain_text("trainer view was never turned on")
    rows = sheet.locator(".completion-record__scores tbody tr")
    expect(rows).to_have_count(len(modules))
    first = modules[0]
    expect(rows.first).to_have_text(re.compile(re.escape(first["title"]) + r".*of.*\(100%\).*2026-11-10"))
    expect(sheet).to_contain_text("Learner's signature")
    expect(sheet).to_contain_text("Agency administrator's signature")


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_the_record_prints_on_exactly_one_page(page: Page, paper: str) -> None:
    passed_path(page)
    fill_in(page)
    page.evaluate("document.dispatchEvent(new CustomEvent('hmis:flag', {detail: 'revealed'}))")
    page.reload()
    assert printed_pages(page, paper) == 1


def test_revealed_answers_and_trainer_view_are_on_the_record(page: Page) -> None:
    passed_path(page, "paths/trainer/")
    page.evaluate("""['trainer', 'revealed'].forEach((flag) =>
        document.dispatchEvent(new CustomEvent('hmis:flag', {detail: flag})))""")
    page.reload()
    flags = page.locator(".completion-record__flags")
    expect(flags).to_contain_text("trainer view was turned on")
    expect(flags).to_contain_text("answers were revealed")


def test_passing_a_module_dates_it(page: Page) -> None:
    page.goto("advanced/train-the-trainer/")
    assert page.evaluate("window.hmisStore.load('~passed')") == {}
    for question in page.locator("[data-quiz-question]").all():
        if question.get_attribute("data-quiz-type") == "short":
            accept = question.get_attribute("data-quiz-accept")
            number = question.get_attribute("data-quiz-number")
            question.locator("input").fill(json.loads(accept)[0] if accept else number.removesuffix(".0"))
        else:
            for right in question.locator("input[data-correct]").all():
                right.check()
        question.get_by_role("button", name="Check answer").click()
    dated = page.evaluate("window.hmisStore.load('~passed')")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", dated.get("train-the-trainer", "")), dated


def test_the_downloaded_record_carries_its_answers_and_a_checksum(page: Page, tmp_path: Path) -> None:
    modules = passed_path(page, "paths/trainer/")
    fill_in(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my record").click()
    saved = tmp_path / "record.json"
    download.value.save_as(saved)
    record = json.loads(saved.read_text(encoding="utf-8"))
    checksum = record.pop("checksum")
    text = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert checksum == {"algorithm": "SHA-256", "value": hashlib.sha256(text.encode("utf-8")).hexdigest()}
    assert record["format"] == "hmis-training-record/1" and record["path"]["id"] == "trainer"
    assert record["learner"] == {"name": "Robin Alvarez", "agency": "Riverside Family Shelter"}
    assert record["agreement"]["signed_on"] == "2026-11-02"
    assert [module["id"] for module in record["modules"]] == [module["id"] for module in modules]  # optional one passed
    answer = record["modules"][0]["answers"][0]
    assert {"bank", "id", "v", "a", "s"} <= set(answer) <= {"bank", "id", "v", "a", "s", "first"}
    assert answer["bank"] == modules[0]["id"]
    expect(page.locator(".completion-record__status")).to_contain_text("saved to a file")


def test_the_pure_script_checksum_matches_the_browsers(page: Page) -> None:
    page.goto(PATH)
    text = "Robin \u00c1lvarez \u2713 " + "x" * 200
    ours = page.evaluate("(text) => window.hmisRecords.sha256Fallback(new TextEncoder().encode(text))", text)
    assert ours == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert page.evaluate("window.hmisRecords.sha256Fallback(new Uint8Array(0))") == hashlib.sha256(b"").hexdigest()


def test_email_my_hmis_lead_is_a_mailto_with_the_summary_or_absent_without_a_contact(page: Page) -> None:
    passed_path(page, "paths/trainer/")
    fill_in(page)
    email = page.get_by_role("link", name="Email my HMIS Lead")
    if email.count() == 0:  # upstream ships no contact: the page says where to send the file instead
        expect(page.locator(".completion-record__send-note")).to_contain_text("has not named a training contact")
        return
    address = urlsplit(email.get_attribute("href"))
    assert address.scheme == "mailto"
    body = parse_qs(address.query)["body"][0]
    assert "Learner: Robin Alvarez" in body and "Agency: Riverside Family Shelter" in body


def test_no_axe_violations_on_the_record(page: Page) -> None:
    passed_path(page, "paths/trainer/")
    fill_in(page)
    results = Axe().run(page, options=RULES)
    assert results.violations_count == 0, results.generate_report()


def test_first_attempts_kept_by_the_module_result_are_the_records_first_scores(page: Page) -> None:
    """"~first" is the module result's (issue 15): {bank: {question id: {v, s}}}; retries never change it."""
    modules = passed_path(page, "paths/trainer/")
    page.evaluate("""(modules) => window.hmisStore.save('~first', Object.fromEntries(modules.map((module) => {
        const saved = window.hmisStore.load(module.id);
        return [module.id, Object.fromEntries(Object.entries(saved).map(([id, answer], index) =>
            [id, {v: answer.v, s: index < 2 ? 'incorrect' : 'correct'}]))];
    })))""", modules)
    page.reload()
    first = modules[0]
    row = page.locator(".completion-record__scores tbody tr").first
    expect(row.locator("td").nth(1)).to_have_text(f"{first['questions'] - 2} of {first['questions']} "
                                                   f"({round(100 * (first['questions'] - 2) / first['questions'])}%)")
    expect(row.locator("td").nth(2)).to_have_text(f"{first['questions']} of {first['questions']} (100%)")
    expect(page.locator(".completion-record__footnote")).to_have_count(0)
