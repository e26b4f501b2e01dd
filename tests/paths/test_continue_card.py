"""The Continue card and the Review page as the macros render them: the data resume.js and
review.js need, links MkDocs can check, and no answer or untrusted text where it could show."""

from __future__ import annotations

import html
import json
import re

import pytest
from mkdocs.config import load_config

from helpers import PROJECT_DIR
from macros.content import load_content
from macros.paths.views import render_continue_card
from macros.quiz.views import QuizRenderer
from macros.review.views import render_review
from macros.templates import template_environment


@pytest.fixture(scope="module")
def rendered() -> tuple:
    config = load_config(str(PROJECT_DIR / "mkdocs.yml"))
    site = load_content(PROJECT_DIR, PROJECT_DIR / "docs", config["nav"], config["extra"])
    assert site.problems == []
    templates = template_environment(config)
    return site, templates, config


def card_data(card: str) -> dict:
    return json.loads(html.unescape(re.search(r'data-continue="([^"]*)"', card).group(1)))


def test_the_card_carries_every_paths_required_modules_and_the_pass_mark(rendered: tuple) -> None:
    site, templates, _ = rendered
    card = render_continue_card(templates, site.paths, site.by_id(), site.banks, site.settings, "index.md", 3)
    data = card_data(card)
    assert data["passMark"] == site.settings.quiz.pass_mark_percent
    assert set(data["paths"]) == {path.id for path in site.paths.paths}
    end_user = data["paths"]["end-user"]
    assert "ad-hoc-reporting" not in [module["id"] for module in end_user["modules"]]  # optional there
    assert end_user["modules"][0] == {"id": "security-privacy", "title": site.by_id()["security-privacy"].meta.title,
                                      "questions": len(site.banks["security-privacy"].questions)}
    assert data["paths"]["annual-refresher"]["refresher"] is True and not end_user["refresher"]


def test_the_card_links_are_markdown_from_the_page_and_new_learners_choose_a_role(rendered: tuple) -> None:
    site, templates, _ = rendered
    card = render_continue_card(templates, site.paths, site.by_id(), site.banks, site.settings, "index.md", 3)
    assert '<h3 id="continue-card-title"' in card and ">Choose your role</span></h3>" in card
    assert "[Choose your role](paths/index.md)" in card
    assert '(introductory/security-privacy.md){ data-continue-module="security-privacy" }' in card
    assert '(paths/annual-refresher.md){ data-continue-path="annual-refresher" }' in card
    assert "(review.md)" in card
    deeper = render_continue_card(templates, site.paths, site.by_id(), site.banks, site.settings, "paths/x.md", 2)
    assert "[Choose your role](index.md)" in deeper and "(../review.md)" in deeper and "<h2 " in deeper


def test_the_review_page_keeps_every_question_in_an_inert_template(rendered: tuple) -> None:
    site, templates, config = rendered
    quizzes = QuizRenderer(templates, site.banks)
    page = render_review(templates, quizzes, [2, 5, 14])
    keys = re.findall(r'<template data-review-question="([^"]+)" data-search-exclude>', page)
    assert len(keys) == sum(len(bank.questions) for bank in site.banks.values()) == len(set(keys))
    outside = re.sub(r"<template.*?</template>", "", page, flags=re.DOTALL)
    assert "data-quiz-question" not in outside and "quiz__answer" not in outside
    assert "<td>2 days after a right answer</td>" in page and "<td>14 days after a right answer</td>" in page
    assert "one of 3 boxes" in page and "in box 3 it stays there" in page
