"""What a process keeps between builds (macros/cache.py's kept): compiled partials, converted bank
text and rendered questions are reused by the next build, and never once the code, settings or
source they came from change."""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config import load_config

from helpers import INTAKE_BANK, PROJECT_DIR
from macros.cache import kept
from macros.quiz.formats import Bank
from macros.quiz.views import QuizRenderer
from macros.safe_markdown import SafeMarkdown, Trusted
from macros.templates import CompiledPartials


def test_a_store_lasts_while_what_it_was_made_with_is_the_same() -> None:
    first = kept("test store", b"code", {"setting": 1})
    first["a"] = "made"
    assert kept("test store", b"code", {"setting": 1}) == {"a": "made"}
    assert kept("test store", b"edited code", {"setting": 1}) == {}
    assert kept("test store", b"code", {"setting": 1}) == {}  # the edited code's store replaced it


class CountedPartials(CompiledPartials):
    compiles = 0

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:  # Jinja stores what it has just compiled
        CountedPartials.compiles += 1
        super().dump_bytecode(bucket)


def render(folder: Path, name: str) -> str:
    """As each build does it: a new environment over the partials kept by earlier ones."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), bytecode_cache=CountedPartials()) \
        .get_template("greeting.html").render(name=name)


def test_a_partial_compiled_by_an_earlier_build_is_reused_until_it_is_edited(tmp_path: Path) -> None:
    partial = tmp_path / "greeting.html"
    partial.write_text("Hello {{ name }}", encoding="utf-8")
    assert render(tmp_path, "A") == "Hello A" and CountedPartials.compiles == 1
    assert render(tmp_path, "B") == "Hello B" and CountedPartials.compiles == 1

    partial.write_text("Goodbye {{ name }}", encoding="utf-8")
    assert render(tmp_path, "C") == "Goodbye C" and CountedPartials.compiles == 2


def test_bank_text_converted_by_an_earlier_build_is_not_converted_again_unless_settings_change() -> None:
    config = load_config(str(PROJECT_DIR / "mkdocs.yml"))
    text = "A **kept** [link](https://a.example) <script>x</script>"
    html = SafeMarkdown(config).block(text)
    assert "<script>" not in html and "<strong>kept</strong>" in html

    again = SafeMarkdown(config)
    assert again.block(text) == html and again._md is None  # no Markdown made: nothing new to convert

    config.mdx_configs = {**config.mdx_configs, "toc": {"permalink": False}}
    changed = SafeMarkdown(config)
    assert changed.block(text) == html and changed._md is not None


def test_a_question_rendered_by_an_earlier_build_is_reused_until_its_view_or_template_changes(tmp_path: Path) -> None:
    question = tmp_path / "partials" / "quiz" / "question.html"
    question.parent.mkdir(parents=True)
    question.write_text("<p>{{ q.prompt }}</p>", encoding="utf-8")
    bank, html_store = Bank.model_validate(INTAKE_BANK), {}

    def build(earlier_views: dict) -> tuple[QuizRenderer, list[Trusted]]:
        """As each build does it: a new environment, the views and the HTML earlier builds kept."""
        templates = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), autoescape=True)
        templates.filters.update(markdown=lambda text: text, markdown_inline=lambda text: text)
        quizzes = QuizRenderer(templates, {"intake": bank})
        quizzes.reuse_views(earlier_views)
        quizzes.reuse_question_html(html_store)
        return quizzes, [quizzes.question_html(view) for view in quizzes.views("intake")]

    first, made = build({})
    _, again = build(first.views_made())
    assert again == made and all(html is earlier for html, earlier in zip(again, made))  # not rendered again
    latest, anew = build({})  # new views, as for an edited bank: rendered again, though the text is the same
    assert anew == made and not any(html is earlier for html, earlier in zip(anew, made))
    question.write_text("<div>{{ q.prompt }}</div>", encoding="utf-8")
    _, edited = build(latest.views_made())  # the same views, but an edited template
    assert all(html.startswith("<div>") for html in edited)
