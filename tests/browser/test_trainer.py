"""Trainer view and projection mode: hidden from learners by default (training.trainer_view "link")
and opened by the trainers page's link, in every header when a CoC sets "open"; notes shown only
to trainers, modes applied before the first paint, the P shortcut, group quizzes that reveal one
answer and save nothing, their use noted for the completion record, and no axe violations."""

from __future__ import annotations

import re
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from mkdocs.config import load_config
from playwright.sync_api import Browser, Page, expect

from helpers import PROJECT_DIR, SUB_PATH, copy_project, mkdocs_build, open_trainer_tools
from macros.coc.settings import SETTINGS_FILE, load_settings
from macros.content import load_content

MODULE = "introductory/security-privacy/"
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
                                               "best-practice"]}}
CLASS_AT_FIRST_BODY = """window.__classAtFirstBody = null;
new MutationObserver((changes, observer) => {
  if (document.body) { window.__classAtFirstBody = document.documentElement.className; observer.disconnect(); }
}).observe(document, { childList: true, subtree: true });"""


@pytest.fixture(scope="module")
def open_site(site_root: tuple[Path, ThreadingHTTPServer], tmp_path_factory: pytest.TempPathFactory) -> str:
    """This site built with training.trainer_view set to "open", served beside the main one."""
    root, server = site_root
    url = f"http://127.0.0.1:{server.server_address[1]}/open/{SUB_PATH}/"
    project = copy_project(tmp_path_factory.mktemp("open"), local=PROJECT_DIR / "local")
    settings = project / SETTINGS_FILE
    data = yaml.safe_load(settings.read_text(encoding="utf-8")) if settings.is_file() else {}
    data = data or {}
    data.setdefault("training", {})["trainer_view"] = "open"
    settings.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = mkdocs_build(project, root / "open" / SUB_PATH, url)
    assert result.returncode == 0, result.stderr
    return url


def test_trainer_tools_are_hidden_from_learners_by_default(page: Page) -> None:
    page.goto(MODULE)
    page.evaluate("window.hmisStore.save('modes', {trainer: true, projection: true})")  # e.g. saved before
    page.reload()
    expect(page.locator("html")).not_to_have_class(re.compile(r"\b(trainer-view|projection)\b"))
    expect(page.locator(".trainer-toggle")).to_have_count(0)
    expect(page.get_by_role("button", name="Reveal all answers")).to_have_count(0)
    page.keyboard.press("p")
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bprojection\b"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("button", name="Search, colours and trainer tools").click()
    expect(page.locator("#header-menu-items")).not_to_contain_text("Trainer view")


def test_the_trainers_page_link_opens_trainer_tools_and_another_closes_them(page: Page) -> None:
    page.goto("trainers/")
    page.get_by_role("link", name="Turn on trainer tools on this computer").click()
    expect(page.get_by_role("button", name="Trainer view")).to_be_visible()
    page.goto(MODULE)  # remembered for the site
    page.get_by_role("button", name="Trainer view").click()
    expect(page.get_by_role("button", name="Reveal all answers")).to_be_visible()
    page.goto("trainers/")
    page.get_by_role("link", name="Turn off trainer tools").click()
    expect(page.locator(".trainer-toggle")).to_have_count(0)
    page.goto(MODULE)
    expect(page.locator("html")).not_to_have_class(re.compile(r"\btrainer-view\b"))
    expect(page.locator(".admonition.trainer").first).to_be_hidden()


def test_with_the_open_setting_every_header_has_trainer_tools(page: Page, open_site: str) -> None:
    page.goto(open_site + MODULE)
    page.get_by_role("button", name="Trainer view").click()
    expect(page.locator(".admonition.trainer").first).to_be_visible()
    expect(page.get_by_role("button", name="Reveal all answers")).to_be_visible()


def test_using_trainer_view_and_revealing_answers_is_noted_in_the_progress(page: Page) -> None:
    open_trainer_tools(page)
    page.goto(MODULE)
    assert page.evaluate("window.hmisStore.load('~flags')") == {}
    page.get_by_role("button", name="Trainer view").click()
    page.get_by_role("button", name="Reveal all answers").click()
    flags = page.evaluate("window.hmisStore.load('~flags')")
    assert set(flags) == {"trainer_view", "answers_revealed"}, flags
    assert flags["answers_revealed"]["first"] <= flags["answers_revealed"]["last"]


def test_trainer_notes_show_only_in_trainer_view_and_the_view_is_remembered(page: Page) -> None:
    open_trainer_tools(page)
    page.goto(MODULE)
    notes = page.locator(".admonition.trainer")
    expect(notes).to_be_hidden()

    page.get_by_role("button", name="Trainer view").click()
    expect(notes).to_be_visible()
    expect(page.get_by_role("button", name="Trainer view")).to_have_attribute("aria-pressed", "true")
    page.reload()
    expect(notes).to_be_visible()

    page.emulate_media(media="print")
    expect(notes).to_be_hidden()  # never in a printed handout


def test_reveal_all_and_hide_all_answers_in_trainer_view(page: Page) -> None:
    open_trainer_tools(page)
    page.goto(MODULE)
    page.get_by_role("button", name="Trainer view").click()
    page.get_by_role("button", name="Reveal all answers").click()
    expect(page.locator(".quiz__reveal:visible")).to_have_count(page.locator(".quiz__reveal").count())
    page.get_by_role("button", name="Hide all answers").click()
    expect(page.locator(".quiz__reveal:visible")).to_have_count(0)


def test_p_toggles_projection_mode(page: Page) -> None:
    open_trainer_tools(page)
    page.goto(MODULE)
    page.keyboard.press("p")
    expect(page.locator("html")).to_have_class(re.compile(r"\bprojection\b"))
    expect(page).to_have_url(re.compile(MODULE + "$"))  # P did not trigger Material's "previous page"
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    page.keyboard.press("p")
    expect(page.locator(".md-sidebar--primary")).to_be_visible()


def test_projection_is_applied_before_the_first_paint(page: Page) -> None:
    open_trainer_tools(page)
    page.goto(MODULE)
    page.keyboard.press("p")
    page.add_init_script(CLASS_AT_FIRST_BODY)
    page.reload()
    assert "projection" in page.evaluate("window.__classAtFirstBody")


def test_group_quiz_reveals_one_answer_and_saves_nothing(page: Page) -> None:
    open_trainer_tools(page)
    page.goto(MODULE)
    page.keyboard.press("p")
    first, second = page.locator("[data-quiz-question]").nth(0), page.locator("[data-quiz-question]").nth(1)
    expect(first.get_by_role("button", name="Check answer")).to_be_hidden()
    first.locator("input").first.check()
    first.get_by_role("button", name="Reveal answer").click()

    expect(first.locator(".quiz__explanation")).to_be_visible()
    expect(second.locator(".quiz__explanation")).to_be_hidden()
    saved = page.evaluate("JSON.stringify(window.hmisStore.load('security-privacy'))")
    assert saved == "{}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_in_trainer_and_projection_modes(browser: Browser, base_url: str, scheme: str) -> None:
    context = browser.new_context(base_url=base_url, color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    open_trainer_tools(page)
    page.goto(MODULE)
    page.get_by_role("button", name="Trainer view").click()
    page.keyboard.press("p")
    page.locator("[data-quiz-question]").first.get_by_role("button", name="Reveal answer").click()
    results = Axe().run(page, options=RULES)
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_handout_prints_without_answers_and_the_key_prints_them(page: Page) -> None:
    open_trainer_tools(page)
    page.goto(MODULE)
    page.get_by_role("button", name="Trainer view").click()
    expect(page.get_by_role("button", name="Print answer key", exact=True)).to_be_visible()
    page.emulate_media(media="print")
    first = page.locator("[data-quiz-question]").first

    page.evaluate("document.documentElement.classList.add('printing-handout')")
    expect(first.locator(".quiz__prompt")).to_be_visible()
    expect(first.locator(".quiz__explanation")).to_be_hidden()
    expect(page.locator(".admonition.trainer")).to_be_hidden()

    page.evaluate("document.documentElement.classList.replace('printing-handout', 'printing-key')")
    expect(page.locator(".answer-key__grid")).to_be_visible()
    expect(first).to_be_hidden()
    expect(page.locator(".admonition.objectives")).to_be_hidden()
    expect(page.locator(".answer-key__full")).to_be_hidden()
    page.evaluate("document.documentElement.classList.replace('printing-key', 'printing-key-full')")
    expect(page.locator(".answer-key__full .quiz__explanation, .answer-key__full li").first).to_be_visible()


def test_the_agenda_builder_computes_clock_times(page: Page) -> None:
    config = load_config(str(PROJECT_DIR / "mkdocs.yml"))
    content = load_content(PROJECT_DIR, PROJECT_DIR / "docs", config["nav"], config["extra"])
    by_id = content.by_id()
    modules = [by_id[step.module] for step in content.paths.get("trainer").steps if step.required]
    page.goto("agenda/")
    page.get_by_label("Start from a learning path").select_option("trainer")
    page.get_by_label("Start time").fill("13:30")
    page.get_by_label("Break after each module (minutes)").fill("15")
    rows = page.locator(".agenda-builder__table tbody tr")
    expected, clock = [], 13 * 60 + 30

    def time(minutes: int) -> str:
        return f"{minutes // 60:02d}:{minutes % 60:02d}"

    for number, module in enumerate(modules):
        if number:
            expected.append(f"{time(clock)} to {time(clock + 15)}Break")
            clock += 15
        expected.append(f"{time(clock)} to {time(clock + module.meta.minutes)}{module.meta.title}")
        clock += module.meta.minutes
    expect(rows).to_have_text(expected)
    total = sum(module.meta.minutes for module in modules)
    expect(page.locator(".agenda-builder__total")).to_have_text(
        f"{len(modules)} modules, {total} minutes of training; ends at {time(clock)}.")


def test_a_path_answer_key_prints_every_module_of_the_path(page: Page) -> None:
    open_trainer_tools(page)
    page.goto("paths/trainer/")
    page.get_by_role("button", name="Trainer view").click()
    expect(page.get_by_role("button", name="Print answer key for this path")).to_be_visible()
    key = page.locator(".answer-key")
    expect(key).to_be_hidden()
    page.emulate_media(media="print")
    page.evaluate("document.documentElement.classList.add('printing-path-key')")
    expect(key).to_be_visible()
    expect(key.locator(".answer-key__grid")).to_have_count(3)
    expect(page.locator(".path table").first).to_be_hidden()


def test_switching_modes_keeps_the_readers_place(page: Page) -> None:
    open_trainer_tools(page)
    page.goto(MODULE)
    heading = page.locator("#victim-service-providers-and-comparable-databases")
    heading.evaluate("element => { element.scrollIntoView({block: 'start'}); window.scrollBy(0, -80); }")
    page.keyboard.press("p")
    box = heading.bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert box is not None and header["y"] + header["height"] <= box["y"] < 300, (box, header)


def test_on_a_phone_projection_is_offered_only_while_on_and_header_buttons_keep_to_one_line(page: Page) -> None:
    """On a phone the header's buttons are in its menu (site.js), each on one line."""
    page.set_viewport_size({"width": 390, "height": 844})
    open_trainer_tools(page)
    page.goto(MODULE)
    page.get_by_role("button", name="Search, colours and trainer tools").click()
    trainer = page.get_by_role("button", name="Trainer view")
    expect(page.get_by_role("button", name="Projection")).to_be_hidden()
    lines = trainer.evaluate("button => { const text = document.createRange(); text.selectNodeContents(button); "
                             "return new Set(Array.from(text.getClientRects(), (box) => Math.round(box.top))).size; }")
    assert lines == 1, f"the Trainer view button wraps onto {lines} lines"

    page.keyboard.press("Escape")
    page.keyboard.press("p")  # e.g. remembered from a tablet on a projector
    page.get_by_role("button", name="Search, colours and trainer tools").click()
    expect(page.get_by_role("button", name="Projection")).to_be_visible()
    page.get_by_role("button", name="Projection").click()
    expect(page.locator("html")).not_to_have_class(re.compile(r"\bprojection\b"))


def test_the_setup_checklist_is_one_line_until_opened_and_gone_once_all_is_set(page: Page) -> None:
    page.goto(MODULE)
    checklist = page.locator(".setup-checklist")
    if not load_settings(PROJECT_DIR)[1]:  # a CoC's fork with every setting set
        expect(checklist).to_have_count(0)
        return
    expect(checklist.get_by_text("help_desk.email", exact=False)).to_be_hidden()
    checklist.locator("summary").click()
    expect(checklist.get_by_text("help_desk.email", exact=False)).to_be_visible()
    checklist.get_by_role("link", name="For HMIS Leads: host your own copy").click()
    expect(page).to_have_url(re.compile(r"/host-your-own/$"))


def test_a_learner_can_close_the_setup_banner_and_it_stays_closed(page: Page) -> None:
    page.goto(MODULE)
    if not load_settings(PROJECT_DIR)[1]:  # a CoC's fork with every setting set: no banner
        expect(page.locator(".setup-checklist")).to_have_count(0)
        return
    banner = page.locator("[data-md-component=announce]")
    expect(banner.locator(".setup-checklist")).to_be_visible()
    banner.get_by_role("button", name="Don't show this again").click()
    expect(banner).to_be_hidden()
    page.goto("glossary/")
    expect(page.locator("[data-md-component=announce]")).to_be_hidden()
