"""Printouts a trainer can hand out: a compact learner handout, a one-page answer key grid, path keys
as a grid per module, and the same letters on screen, on the handout and in the key."""

from __future__ import annotations

import re

from mkdocs.config import load_config
from playwright.sync_api import Page, expect

from helpers import PROJECT_DIR
from macros.content import load_content


def pdf_pages(page: Page, printing: str | None = None) -> int:
    """Pages printed on Letter paper, as a print button would (it sets a `printing` class) or else as is."""
    page.emulate_media(media="print")
    if printing:
        page.evaluate(f"document.documentElement.classList.add('{printing}')")
    pdf = page.pdf(format="Letter")
    if printing:
        page.evaluate(f"document.documentElement.classList.remove('{printing}')")
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def site_content():
    config = load_config(str(PROJECT_DIR / "mkdocs.yml"))
    return load_content(PROJECT_DIR, PROJECT_DIR / "docs", config["nav"], config["extra"])


def first_module_path() -> str:
    return site_content().modules[0].path.removesuffix(".md") + "/"


def test_the_first_modules_handout_fits_five_pages_and_its_key_one(page: Page) -> None:
    page.goto(first_module_path())
    assert pdf_pages(page, "printing-handout") <= 5
    assert pdf_pages(page, "printing-key") == 1


def test_the_longest_modules_key_grid_still_fits_one_page(page: Page) -> None:
    page.goto("introductory/data-elements/")
    assert pdf_pages(page, "printing-key") == 1


def test_a_path_key_is_one_grid_page_per_module(page: Page) -> None:
    steps = site_content().paths.get("end-user").steps
    page.goto("paths/end-user/")
    assert pdf_pages(page, "printing-path-key") == len(steps)


def test_letters_match_on_screen_in_the_handout_and_in_the_key(page: Page) -> None:
    page.goto("introductory/security-privacy/")
    question = page.locator(".quiz [data-quiz-question]").first
    right = question.locator("input[data-correct]").first.get_attribute("id")
    letter_on_screen = page.locator(f"label[for='{right}'] .quiz__letter").inner_text()
    assert re.fullmatch(r"[A-Z]\.", letter_on_screen)

    page.emulate_media(media="print")
    page.evaluate("document.documentElement.classList.add('printing-handout')")
    expect(page.locator(f"label[for='{right}'] .quiz__letter")).to_have_text(letter_on_screen)  # printed as shown
    expect(question.locator(".quiz__reveal")).to_be_hidden()
    page.evaluate("document.documentElement.classList.replace('printing-handout', 'printing-key')")
    first_row = page.locator(".answer-key__grid tbody tr").first.locator("td")
    expect(first_row.nth(0)).to_have_text("1")
    assert letter_on_screen.rstrip(".") in first_row.nth(1).inner_text().split(", ")


def test_the_training_plan_prints_its_matrix_whole_on_one_page(page: Page) -> None:
    """The audit's printout ran to 12 pages of narrow columns with rows split across pages."""
    page.goto("paths/training-plan/")
    page.set_viewport_size({"width": 816, "height": 1056})  # a Letter page at 96 pixels an inch
    page.emulate_media(media="print")
    matrix = page.locator(".training-plan__matrix")
    assert matrix.evaluate("element => getComputedStyle(element).breakInside") == "avoid"  # never split
    assert matrix.bounding_box()["height"] < 900  # so it fits a page: 11 inches less the margins
    assert pdf_pages(page) <= 9
