"""The project's own content: valid, used, and written to the site's standards."""

from __future__ import annotations

import re

import yaml
from mkdocs.config import load_config
from mkdocs.utils import meta

from helpers import PROJECT_DIR, copy_project, read_mkdocs_config
from macros.content import load_content
from macros.quiz.banks import load_banks
from macros.curriculum.page_macros import find_calls
from macros.pages import read_pages
from macros.coc.settings import Settings
from macros.curriculum.reference import Tooltips
from macros.quiz.views import QuizRenderer
from macros.templates import template_environment

DOCS = PROJECT_DIR / "docs"
ACRONYM = re.compile(r"\b([A-Z][A-Z]+)(?:\d+|s)?\b")
# Not prose: code (FIXME, INHERIT) and identifiers such as the fictional CoC code ZZ-501.
NOT_PROSE = re.compile(r"```.*?```|`[^`\n]*`|\b[A-Z0-9]+(?:-[A-Z0-9]+)*-\d+\b", re.DOTALL)


def test_every_bank_is_valid_and_shown_on_a_page() -> None:
    banks, problems = load_banks(PROJECT_DIR)
    assert problems == []
    calls, _ = find_calls(read_pages(DOCS, PROJECT_DIR)[0], DOCS, Settings)
    called = {call.arguments["bank_id"] for call in calls if call.macro == "quiz"}
    assert set(banks) <= called, f"banks no page shows: {sorted(set(banks) - called)}"


def test_the_security_and_privacy_bank_uses_every_question_type() -> None:
    banks, _ = load_banks(PROJECT_DIR)
    questions = banks["security-privacy"].questions
    assert len(questions) >= 12
    assert {q.type for q in questions} == {"single", "multiple", "true-false", "short"}


def test_module_pages_carry_their_metadata_objectives_and_key_points() -> None:
    pages = [*(DOCS / "introductory").glob("*.md"), *(DOCS / "advanced").glob("*.md")]
    assert len(pages) >= 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        data = meta.get_data(text)[1]
        assert {"title", "guide_area", "level", "minutes", "audiences"} <= set(data), page.name
        assert data["level"] == page.parent.name and isinstance(data["minutes"], int), page.name
        assert '!!! objectives "Learning objectives"' in text and '!!! keypoints "Key points"' in text, page.name
        assert '!!! trainer "Trainer notes"' in text and f"**Timing:** {data['minutes']} minutes" in text, page.name


def test_every_guide_area_has_one_module_and_a_bank_and_the_site_has_enough_questions() -> None:
    config = read_mkdocs_config()
    site = load_content(PROJECT_DIR, DOCS, config["nav"])
    assert site.problems == []
    areas = site.reference.guide_areas.areas
    assert {module.meta.guide_area for module in site.modules} == {area.area for area in areas}
    assert all(len(site.banks[module.id].questions) >= 10 for module in site.modules)
    assert sum(len(bank.questions) for bank in site.banks.values()) >= 200


def test_a_guide_area_without_a_module_is_reported(tmp_path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "advanced" / "train-the-trainer.md").unlink()
    site = load_content(project, project / "docs", read_mkdocs_config()["nav"])
    assert [str(problem) for problem in site.problems if problem.file.endswith("guide-areas.yml")] == [
        "quizzes/reference/guide-areas.yml:23: 'Train the Trainer' needs exactly one module page with this "
        "guide_area; found none"]


def glossary_terms() -> set[str]:
    glossary = yaml.safe_load((PROJECT_DIR / "quizzes" / "reference" / "glossary.yml").read_text(encoding="utf-8"))
    return {word for entry in glossary["terms"]
            for word in re.findall(r"\w+", f"{entry['term']} {entry.get('expansion') or ''}")}


def test_every_acronym_is_in_the_glossary() -> None:
    column_names = PROJECT_DIR / "quizzes" / "reference" / "csv-columns.yml"  # CSV headers, not prose
    texts = [*DOCS.rglob("*.md"), *(path for path in (PROJECT_DIR / "quizzes").rglob("*.yml") if path != column_names)]
    used = {match for path in texts for match in ACRONYM.findall(NOT_PROSE.sub("", path.read_text(encoding="utf-8")))}
    assert used, "the acronym pattern found nothing: it is broken"
    assert used - glossary_terms() == set()


def test_a_page_gets_the_tooltips_of_the_acronyms_it_uses_only() -> None:
    tooltips = Tooltips({"CoC": "*[CoC]: Continuum of Care", "HUD": "*[HUD]: Department of Housing and Urban "
                         "Development", "HUD-VASH": "*[HUD-VASH]: HUD-Veterans Affairs Supportive Housing"})
    assert tooltips.for_page("Ask your CoC about HUD-VASH.") == ("*[CoC]: Continuum of Care\n"
                                                                 "*[HUD-VASH]: HUD-Veterans Affairs Supportive Housing")
    assert tooltips.for_page("Many CoCs and a COCONUT") == ""
    assert Tooltips({}).for_page("CoC") == ""


def test_a_right_options_place_gives_nothing_away() -> None:
    """Picking the first option, or ticking the top ones, must not score well: not across the site,
    and not in any one bank."""
    banks, _ = load_banks(PROJECT_DIR)
    config = load_config(str(PROJECT_DIR / "mkdocs.yml"))
    quizzes = QuizRenderer(template_environment(config), banks)
    placed: list[bool] = []  # for each choice question: is every right option on top?
    for bank_id in banks:
        in_bank = [all(option.correct for option in view.options[:sum(o.correct for o in view.options)])
                   for view in quizzes.views(bank_id) if view.type in ("single", "multiple")]
        assert len(in_bank) < 3 or not all(in_bank), f"{bank_id}: every right option is on top"
        placed += in_bank
    assert sum(placed) <= 0.4 * len(placed), f"{sum(placed)} of {len(placed)} questions have the right options on top"


def test_a_right_options_length_gives_nothing_away() -> None:
    """"Pick the longest" must not be a winning rule: the right option is never far longer than
    every wrong one, and is the longest in at most half of the one-answer questions."""
    banks, _ = load_banks(PROJECT_DIR)
    singles = [(bank_id, question) for bank_id, bank in banks.items() for question in bank.questions
               if question.type == "single"]
    longest = 0
    for bank_id, question in singles:
        right = next(len(option.text) for option in question.options if option.correct)
        wrong = max(len(option.text) for option in question.options if not option.correct)
        assert right <= 1.3 * wrong, f"{bank_id}/{question.id}: the right option is {right} characters, " \
                                     f"the longest wrong one {wrong}"
        longest += right > wrong
    assert longest <= len(singles) / 2, f"the right option is the longest in {longest} of {len(singles)}"


def test_true_or_false_is_not_a_safe_guess() -> None:
    """"Always answer False" (or True) must not score well across the site's statements."""
    banks, _ = load_banks(PROJECT_DIR)
    answers = [question.answer for bank in banks.values() for question in bank.questions
               if question.type == "true-false"]
    assert len(answers) >= 10
    assert max(answers.count(True), answers.count(False)) <= 0.6 * len(answers), \
        f"{answers.count(False)} of {len(answers)} statements are false"
