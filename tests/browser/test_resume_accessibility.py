"""axe-core finds no violations in the new states: the home page's Continue card for a returning
learner (with its start-fresh panel open), the navigation's statuses, and the Review page with a
question due, before and after checking; light and dark."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from test_accessibility import RULES


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_continue_card_and_the_review_page_pass_axe(browser: Browser, base_url: str, scheme: str) -> None:
    context = browser.new_context(base_url=base_url, color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("")
    page.evaluate("""() => {
        window.hmisStore.save("chosen-path", {id: "end-user"});
        window.hmisStore.save("security-privacy", {a: {v: "x", a: ["0"], s: "correct"}});
        window.hmisStore.save("sample", {"pick-one": {v: "x", a: ["0"], s: "incorrect"},
                                         "statement": {v: "x", a: ["true"], s: "incorrect"}});
    }""")
    page.reload()
    expect(page.locator(".continue-card__back")).to_be_visible()
    expect(page.locator(".nav-status").first).to_be_visible()
    page.get_by_role("button", name="This isn't me: start fresh").click()
    reports = []
    for state in ("home, returning learner", "review, two due", "review, one checked"):
        if state.startswith("review, two"):
            page.goto("review/")
            expect(page.locator(".review__questions [data-quiz-question]")).to_have_count(2)
        if state.endswith("checked"):
            question = page.locator(".review__questions [data-quiz-question]").first
            question.locator("input").first.check()
            question.get_by_role("button", name="Check answer").click()
            expect(question.locator(".quiz__verdict")).to_be_visible()
        results = Axe().run(page, options=RULES)
        if results.violations_count:
            reports.append(f"{state}:\n{results.generate_report()}")
    context.close()
    assert not reports, "\n".join(reports)
