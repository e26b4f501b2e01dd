"""The practice export downloads from the served site, under its sub-path."""

from __future__ import annotations

import io
import zipfile

from playwright.sync_api import Page

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
