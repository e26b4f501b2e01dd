"""The offline build (make offline) works unzipped from file:// with no network: navigation,
quizzes with saved progress, search, and the trainer and projection modes."""

from __future__ import annotations

import re
import zipfile

import pytest
from playwright.sync_api import Page, expect

from helpers import copy_project, mkdocs_build, open_trainer_tools, read_mkdocs_config


def test_offline_features_are_the_site_features_without_instant_navigation() -> None:
    offline, online = (read_mkdocs_config(name)["theme"]["features"] for name in ("mkdocs.offline.yml", "mkdocs.yml"))
    assert offline == [feature for feature in online if feature != "navigation.instant"]


@pytest.fixture(scope="module")
def offline_home(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Build as `make offline` does, zip it, unzip it elsewhere: the file:// URL of its home page."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    built = tmp_path_factory.mktemp("built")
    result = mkdocs_build(project, built / "hmis-training", config="mkdocs.offline.yml")
    assert result.returncode == 0, result.stderr
    archive = built / "offline.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for file in (built / "hmis-training").rglob("*"):
            zipped.write(file, file.relative_to(built))
    unzipped = tmp_path_factory.mktemp("laptop")
    zipfile.ZipFile(archive).extractall(unzipped)
    return (unzipped / "hmis-training" / "index.html").as_uri()


def test_a_quiz_works_and_keeps_progress_from_file(page: Page, offline_home: str, page_errors: list[str]) -> None:
    network: list[str] = []
    page.on("request", lambda request: network.append(request.url) if request.url.startswith("http") else None)

    page.goto(offline_home)
    page.locator("article").get_by_role("link", name="HMIS Security & Privacy Policies & Procedures").first.click()
    expect(page).to_have_url(re.compile(r"^file://.*/introductory/security-privacy\.html$"))
    first = page.locator("[data-quiz-question]").first
    for right in first.locator("input[data-correct]").all():
        right.check()
    first.get_by_role("button", name="Check answer").click()
    expect(first).to_have_attribute("data-state", "correct")

    page.reload()
    expect(page.locator("[data-quiz-question]").first).to_have_attribute("data-state", "correct")
    assert network == []
    assert page_errors == []


def test_search_works_from_file(page: Page, offline_home: str) -> None:
    page.goto(offline_home)
    page.locator("input[data-md-component=search-query]").focus()
    page.keyboard.type("comparable database")
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_trainer_view_and_projection_work_from_file(page: Page, offline_home: str, page_errors: list[str]) -> None:
    """A trainer with a laptop and a projector but no network runs the session from the zip."""
    open_trainer_tools(page, offline_home.replace("index.html", "trainers.html"))
    page.goto(offline_home.replace("index.html", "introductory/security-privacy.html"))
    page.get_by_role("button", name="Trainer view").click()
    expect(page.locator(".admonition.trainer")).to_be_visible()
    page.keyboard.press("p")
    expect(page.locator("html")).to_have_class(re.compile(r"\bprojection\b"))
    page.reload()
    expect(page.locator("html")).to_have_class(re.compile(r"\bprojection\b"))
    expect(page.locator(".admonition.trainer").first).to_be_hidden()  # notes are never projected to the room
    page.keyboard.press("p")
    expect(page.locator(".admonition.trainer").first).to_be_visible()  # trainer view is still on
    assert page_errors == []
