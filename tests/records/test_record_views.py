"""What the build gives the completion record and the roster: a content version that follows the
questions, the catalogue the roster checks records against, and settings text that reaches the page
only escaped."""

from __future__ import annotations

import html
import json
import re

import pytest
from mkdocs.config import load_config

from helpers import PROJECT_DIR
from macros.coc.settings import Settings
from macros.content import load_content
from macros.quiz.views import QuizRenderer
from macros.records.formats import FORMAT, content_version, roster_catalogue
from macros.records.views import agreement_link, render_record, render_roster
from macros.templates import template_environment

CATALOGUE = {"bank-a": {"title": "A", "questions": {"q1": ["aaa", "single", 3], "q2": ["bbb", "short", 0]}},
             "bank-b": {"title": "B", "questions": {"q1": ["ccc", "true-false", 2]}}}


@pytest.fixture(scope="module")
def site():
    config = load_config(str(PROJECT_DIR / "mkdocs.yml"))
    content = load_content(PROJECT_DIR, PROJECT_DIR / "docs", config["nav"])
    templates = template_environment(config)
    return content, templates, QuizRenderer(templates, content.banks).progress_catalogue()


def test_the_content_version_changes_with_any_question_and_only_then() -> None:
    version = content_version(CATALOGUE)
    assert re.fullmatch(r"[0-9a-f]{12}", version)
    retitled = {**CATALOGUE, "bank-a": {**CATALOGUE["bank-a"], "title": "A, renamed"}}
    assert content_version(retitled) == version  # a title is not a question
    edited = json.loads(json.dumps(CATALOGUE))
    edited["bank-b"]["questions"]["q1"][0] = "ddd"
    assert content_version(edited) != version
    added = json.loads(json.dumps(CATALOGUE))
    added["bank-b"]["questions"]["q2"] = ["eee", "single", 2]
    assert content_version(added) != version


def test_the_roster_catalogue_names_every_path_and_bank() -> None:
    data = roster_catalogue(CATALOGUE, {"end-user": "End user"}, 80)
    assert data == {"format": FORMAT, "content_version": content_version(CATALOGUE), "pass_mark": 80,
                    "paths": {"end-user": "End user"}, "banks": CATALOGUE}


def test_settings_text_reaches_the_record_escaped_and_the_contact_falls_back_to_the_help_desk(site) -> None:
    content, templates, catalogue = site
    settings = Settings.model_validate({"coc": {"name": "Riverbend <b>County</b> & CoC"},
                                        "help_desk": {"email": "help@riverbend.example"}})
    module = content.by_id()["train-the-trainer"]
    page = render_record(templates, "trainer", "Trainer", [(module, True)], content.banks, settings,
                         "Riverbend &lt;b&gt;County&lt;/b&gt; &amp; CoC: HMIS Training", catalogue, None)
    assert "<b>County</b>" not in page and "&lt;b&gt;County&lt;/b&gt; &amp;amp;" not in page
    assert "Riverbend &lt;b&gt;County&lt;/b&gt; &amp; CoC: HMIS Training" in page
    data = json.loads(html.unescape(re.search(r'data-record-site="([^"]*)"', page)[1]))
    assert data["contact"] == "help@riverbend.example" and data["site"].startswith("Riverbend <b>County</b> & CoC")
    assert data["content_version"] == content_version(catalogue) and data["pass_mark"] == 80
    assert 'href="mailto:help@riverbend.example"' in page

    own = Settings.model_validate({"help_desk": {"email": "help@riverbend.example"},
                                   "training": {"contact_email": "training@riverbend.example"}})
    page = render_record(templates, "trainer", "Trainer", [(module, True)], content.banks, own, "HMIS Training", catalogue,
                         "https://riverbend.example/agreement")
    assert 'href="mailto:training@riverbend.example"' in page
    assert 'Read your CoC\'s <a href="https://riverbend.example/agreement">HMIS user agreement</a>' in page


def test_without_a_contact_there_is_no_email_button_and_the_page_says_what_to_do(site) -> None:
    content, templates, catalogue = site
    module = content.by_id()["train-the-trainer"]
    page = render_record(templates, "trainer", "Trainer", [(module, True)], content.banks, Settings(), "HMIS Training",
                         catalogue, None)
    assert "mailto:" not in page and "has not named a training contact" in page
    assert "Ask your HMIS Lead for your CoC's HMIS user agreement" in page


def test_the_roster_embeds_the_sites_catalogue(site) -> None:
    content, templates, catalogue = site
    page = render_roster(templates, catalogue, {"trainer": "Trainer"}, Settings())
    data = json.loads(html.unescape(re.search(r'data-catalogue="([^"]*)"', page)[1]))
    assert data["content_version"] == content_version(catalogue) and set(data["banks"]) == set(content.banks)
    assert data["content_version"] in page  # shown, so a Lead can compare it with a printed record


def test_the_agreement_is_the_settings_address_or_else_the_cocs_own_page(tmp_path) -> None:
    settings = Settings.model_validate({"documents": {"user_agreement": "https://riverbend.example/agreement"}})
    (tmp_path / "local" / "pages").mkdir(parents=True)
    assert agreement_link(settings, tmp_path, "paths/end-user/", True) == "https://riverbend.example/agreement"
    assert agreement_link(Settings(), tmp_path, "paths/end-user/", True) is None
    (tmp_path / "local" / "pages" / "user-agreement.md").write_text("# Our agreement\n", encoding="utf-8")
    assert agreement_link(Settings(), tmp_path, "paths/end-user/", True) == "../../local/user-agreement/"
    assert agreement_link(Settings(), tmp_path, "paths/end-user.html", False) == "../local/user-agreement.html"
