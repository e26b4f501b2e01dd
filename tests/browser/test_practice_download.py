"""The practice export downloads from the served site, under its sub-path, and an exercise
worked out from the downloaded files checks as right."""

from __future__ import annotations

import csv
import io
import zipfile

from playwright.sync_api import Page, expect

from helpers import PROJECT_DIR
from macros import practice


def test_the_zip_downloads_and_holds_every_file(page: Page) -> None:
    page.goto("practice-export/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download all files (zip)").click()
    download = download_info.value
    assert download.suggested_filename == "practice-export.zip"
    names = zipfile.ZipFile(io.BytesIO(download.path().read_bytes())).namelist()
    assert sorted(names) == sorted(practice.generate().tables)


def test_a_csv_opens_with_its_header(page: Page) -> None:
    page.goto("practice-export/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Client.csv").click()
    header = download_info.value.path().read_bytes().decode("utf-8").split("\r\n", 1)[0]
    assert header == ",".join(practice.load_columns(PROJECT_DIR)["Client.csv"])


def test_an_answer_worked_out_from_the_download_checks_as_right(page: Page) -> None:
    page.goto("practice-export/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download all files (zip)").click()
    archive = zipfile.ZipFile(io.BytesIO(download_info.value.path().read_bytes()))
    tables = {name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8")))) for name in archive.namelist()}
    page.goto("advanced/system-level-reporting/")
    exercise = page.locator('[data-quiz-question="practice-system-reporting/step-3-average"]')
    exercise.get_by_label("Your answer").fill(str(practice.homeless_nights_average(tables)))
    exercise.get_by_role("button", name="Check answer").click()
    expect(exercise).to_have_attribute("data-state", "correct")
