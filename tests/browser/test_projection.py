"""Projection that the back row can read: type and controls sized from the screen's height, no
sideways scroll, and no trainer notes shown to the room."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from helpers import open_trainer_tools

MODULE = "introductory/security-privacy/"


@pytest.mark.parametrize("width,height", [(1280, 720), (1920, 1080), (3840, 2160)])
def test_projected_text_is_three_percent_of_the_screen_height(browser: Browser, base_url: str, width: int,
                                                              height: int) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": height})
    page = context.new_page()
    open_trainer_tools(page)
    page.goto(MODULE)
    page.keyboard.press("p")
    page.evaluate("document.documentElement.classList.add('trainer-view')")  # the trainer's own notes are on
    expect(page.locator("html")).to_have_class(re.compile(r"\bprojection\b"))
    paragraph = page.locator(".md-content article > p").first
    size = float(paragraph.evaluate("(p) => parseFloat(getComputedStyle(p).fontSize)"))
    assert size >= 0.03 * height - 0.5, (size, height)
    box = page.locator(".quiz__question input[type=radio]").first.bounding_box()
    assert box["height"] >= 0.6 * size  # a control as tall as the text around it, not a fixed 15 px
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    expect(page.locator(".admonition.trainer").first).to_be_hidden()  # trainer view on, yet not shown to the room
    context.close()
