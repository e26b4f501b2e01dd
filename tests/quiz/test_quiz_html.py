"""The quiz HTML: accessible native controls, stable hooks, answers available without JavaScript."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from mkdocs.config import load_config

from helpers import FIXTURES, PROJECT_DIR
from macros.quiz.banks import load_bank
from macros.quiz.formats import Bank
from macros.quiz.views import QuizRenderer, normalise
from macros.templates import template_environment


class Elements(HTMLParser):
    """Every start tag with its attributes, in document order."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [found for name, found in self.tags
                if name == tag and all(found.get(key.rstrip("_").replace("_", "-")) == value for key, value in attrs.items())]


@pytest.fixture(scope="module")
def html() -> str:
    bank, problems = load_bank(FIXTURES / "render" / "sample.yml", "sample.yml")
    assert not problems
    config = load_config(str(PROJECT_DIR / "mkdocs.yml"))
    return QuizRenderer(template_environment(config), {"sample": bank}).render("sample")


def test_each_question_is_a_fieldset_with_a_stable_hook(html: str) -> None:
    fieldsets = Elements(html).find("fieldset")
    assert [f["data-quiz-question"] for f in fieldsets] == [
        "sample/pick-one", "sample/pick-all", "sample/statement", "sample/how-many-days",
        "sample/which-database", "sample/unsafe-text"]
    assert [f["data-quiz-type"] for f in fieldsets][:5] == ["single", "multiple", "true-false", "short", "short"]
    assert all(re.fullmatch(r"[0-9a-f]{12}", f["data-quiz-version"] or "") for f in fieldsets)
    assert html.count("<legend") == 6


def test_the_bank_has_a_score_and_a_named_region(html: str) -> None:
    elements = Elements(html)
    [section] = elements.find("section", data_quiz="sample")
    assert section["aria-label"] == "Sample quiz"
    assert len([t for t, a in elements.tags if "data-quiz-score" in a]) == 1


def test_choices_are_native_inputs_with_labels(html: str) -> None:
    elements = Elements(html)
    radios = elements.find("input", type="radio", name="quiz-sample-pick-one")
    checkboxes = elements.find("input", type="checkbox", name="quiz-sample-pick-all")
    true_false = elements.find("input", type="radio", name="quiz-sample-statement")
    assert len(radios) == 3 and len(checkboxes) == 3
    assert [r["value"] for r in true_false] == ["true", "false"]
    labelled = {label["for"] for label in elements.find("label")}
    assert all(i["id"] in labelled for i in radios + checkboxes + true_false + elements.find("input", type="text"))


def test_right_answers_are_marked_for_the_script(html: str) -> None:
    elements = Elements(html)
    assert {r["value"] for r in elements.find("input", name="quiz-sample-pick-one") if "data-correct" in r} == {"1"}
    assert ["data-correct" in r for r in elements.find("input", name="quiz-sample-statement")] == [False, True]
    [number] = elements.find("fieldset", data_quiz_question="sample/how-many-days")
    assert (number["data-quiz-number"], number["data-quiz-tolerance"]) == ("30.0", "0.0")
    [text] = elements.find("fieldset", data_quiz_question="sample/which-database")
    assert text["data-quiz-accept"] == '["comparable database", "a comparable database"]'


def test_options_show_in_a_fixed_mixed_order_unless_the_author_keeps_theirs() -> None:
    options = [{"text": f"Option {n}", "correct": n == 0} for n in range(8)]
    questions = [{"id": "mixed", "type": "single", "prompt": "?", "explanation": ".", "source": "Good practice",
                  "options": options},
                 {"id": "kept", "type": "single", "prompt": "?", "explanation": ".", "source": "Good practice",
                  "options": options,
                  "shuffle": False}]
    config = load_config(str(PROJECT_DIR / "mkdocs.yml"))
    banks = {"order": Bank.model_validate({"questions": questions})}

    def shown(bank_html: str, question: str) -> list[str]:
        return [i["value"] for i in Elements(bank_html).find("input", name=f"quiz-order-{question}")]

    first = QuizRenderer(template_environment(config), banks).render("order")
    again = QuizRenderer(template_environment(config), banks).render("order")
    assert sorted(shown(first, "mixed")) == [str(n) for n in range(8)] != shown(first, "mixed")
    assert shown(first, "mixed") == shown(again, "mixed")  # the same on every build
    assert shown(first, "kept") == [str(n) for n in range(8)]


def test_feedback_region_is_a_live_status_and_buttons_wait_for_the_script(html: str) -> None:
    elements = Elements(html)
    assert len(elements.find("div", class_="quiz__feedback", role="status")) == 6
    buttons = elements.find("button")
    assert all(b["type"] == "button" and "hidden" in b for b in buttons)


def test_answer_explanation_and_source_are_in_a_details_for_readers_without_javascript(html: str) -> None:
    reveals = html.split('<details class="quiz__reveal" data-search-exclude>')[1:]
    assert len(reveals) == 6
    first = reveals[0]
    assert "<summary>Show the answer</summary>" in first
    assert re.search(r"<strong>Answer:</strong> [A-D]\. Data not collected", first)  # with the option's letter
    assert "records that the question was not asked" in first
    assert "<strong>Source:</strong> FY2026 HMIS Data Standards Manual: missing-data responses" in first
    assert re.search(r'<li data-option="1"><strong>[A-D]\. Data not collected</strong>', first)
    right = re.search(r"<strong>Right answers:</strong> (.*?)</p>", reveals[1])
    assert right and sorted(answer[3:] for answer in right[1].split("; ")) == ["3.01 Name", "3.03 Date of Birth"]
    assert "<strong>Answer:</strong> B. False" in reveals[2]  # true-false options are A. True and B. False
    assert "<strong>Answer:</strong> 30</p>" in reveals[3]
    assert "<strong>Accepted answers:</strong> comparable database; a comparable database" in reveals[4]


def test_markdown_renders_and_nothing_from_yaml_can_run(html: str) -> None:
    assert "Which response means the question was <strong>not asked</strong>?" in html
    unsafe = html.split('data-quiz-question="sample/unsafe-text"')[1]
    assert "<script" not in unsafe and "<img" not in unsafe
    as_text = re.sub(r"&#(\d+);", lambda reference: chr(int(reference[1])), unsafe)  # Markdown-inert characters
    assert "&lt;script&gt;window.__quizInjected = true&lt;/script&gt;" in as_text
    attributes = [name for _tag, attrs in Elements(html).tags for name in attrs]
    assert not [name for name in attributes if name.startswith("on") or name == "style"]
    assert "javascript:" not in unsafe
    assert '<a href="https://www.hudexchange.info/">link</a>' in unsafe


def test_blank_lines_inside_code_survive(html: str) -> None:
    assert "line one\n\nline three" in html


def test_typed_answers_compare_without_case_or_extra_spaces() -> None:
    assert normalise("  Comparable   DATABASE ") == "comparable database"
    assert normalise("A comparable-database.") == normalise("a comparable\u2013database!") == "a comparable database"
    assert normalise("HUD-VASH") == "hud vash"


def test_a_sample_agenda_puts_a_break_after_each_module_but_the_last() -> None:
    from types import SimpleNamespace

    from macros.paths.agenda import agenda

    modules = [SimpleNamespace(meta=SimpleNamespace(minutes=minutes, title=title))
               for minutes, title in ((50, "Security"), (20, "Logging in"), (45, "Data collection"))]
    assert agenda(modules, start=9 * 60, pause=10) == [
        ("9:00", "9:50", "Security"), ("9:50", "10:00", "Break"), ("10:00", "10:20", "Logging in"),
        ("10:20", "10:30", "Break"), ("10:30", "11:15", "Data collection")]


def ids_in(html: str) -> list[str]:
    return [attrs["id"] for _tag, attrs in Elements(html).tags if "id" in attrs]


def renderer(pass_mark: int | None = None, questions: list[dict] | None = None) -> QuizRenderer:
    bank, _ = load_bank(FIXTURES / "render" / "sample.yml", "sample.yml")
    if questions is not None:
        bank = Bank.model_validate({"questions": questions})
    config = load_config(str(PROJECT_DIR / "mkdocs.yml"))
    return QuizRenderer(template_environment(config), {"sample": bank}, *([pass_mark] if pass_mark else []))


def test_the_whole_quiz_has_a_stable_id_its_pass_mark_and_a_result_region(html: str) -> None:
    elements = Elements(html)
    [section] = elements.find("section", data_quiz="sample")
    assert section["id"] == "quiz-sample" and section["data-pass-mark"] == "80"  # the engine's default
    assert "You pass with at least 5 right (80%)." in html  # 80% of 6 questions is 4.8
    [result] = [attrs for _tag, attrs in elements.tags if "data-quiz-result" in attrs]
    assert "hidden" in result  # result.js shows it; without JavaScript there is no result
    assert elements.find("div", class_="quiz__outcome", role="status")


def test_the_sites_pass_mark_reaches_the_quiz() -> None:
    html = renderer(pass_mark=50).render("sample")
    assert 'data-pass-mark="50"' in html and "You pass with at least 3 right (50%)." in html


def test_a_checkpoint_shows_only_its_questions_with_ids_of_their_own(html: str) -> None:
    checkpoint = renderer().render("sample", only=["statement", "pick-one"])
    elements = Elements(checkpoint)
    [section] = elements.find("section", data_quiz="sample")
    assert "id" not in section and "data-quiz-checkpoint" in section
    assert section["aria-label"] == "Checkpoint: questions 1 and 3"
    assert [f["data-quiz-question"] for f in elements.find("fieldset")] == ["sample/pick-one", "sample/statement"]
    assert [f["id"] for f in elements.find("fieldset")] == ["checkpoint-sample-pick-one", "checkpoint-sample-statement"]
    assert 'of <a href="#quiz-sample">the quiz at the end of this page</a>; an answer here counts there too.' in checkpoint
    assert "data-quiz-score" not in checkpoint and "quiz__reset" not in checkpoint and "data-quiz-result" not in checkpoint
    page_ids = ids_in(html + checkpoint + renderer().render("sample", only=["pick-all"]))
    assert len(page_ids) == len(set(page_ids))
    single = Elements(renderer().render("sample", only=["pick-all"])).find("section")[0]
    assert single["aria-label"] == "Checkpoint: question 2"


def test_a_checkpoint_naming_no_question_of_the_bank_stops_the_build() -> None:
    with pytest.raises(ValueError, match=r'quiz\("sample", only=...\): no question pick-won in the bank'):
        renderer().render("sample", only=["pick-won"])


def test_the_section_a_question_teaches_is_given_to_the_script() -> None:
    question = {"id": "q", "type": "true-false", "answer": True, "prompt": "P", "explanation": "E",
                "source": "Good practice"}
    html = renderer(questions=[{**question, "teaches": "who-can-see-what"}, {**question, "id": "r"}]).render("sample")
    assert [f.get("data-quiz-teaches") for f in Elements(html).find("fieldset")] == ["who-can-see-what", None]
