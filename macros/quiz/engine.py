"""The quiz engine: the `quiz` macro, which the site registers with the rest of its macros, and a
`define_env` that builds a site from quiz banks alone, with no curriculum, paths or settings.

A site of its own uses it from mkdocs.yml:

    theme: {name: material, custom_dir: <this repository>/overrides}
    plugins:
      - macros: {modules: [macros.quiz.engine]}

and a page shows quizzes/<bank-id>.yml with {{ quiz("<bank-id>") }}.

Such a site gets the same lean build as this one, with no hook to add: the quiz macro defers its
HTML (macros/deferred.py), and define_quiz registers the event that puts it back in each page
after search has indexed it, in whatever site calls it.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from .. import assets, deferred
from ..problems import fail_on
from ..templates import template_environment
from .banks import load_banks
from .formats import Bank
from .views import DEFAULT_PASS_MARK, QuizRenderer


def define_quiz(env, templates: jinja2.Environment, banks: dict[str, Bank],
                pass_mark: int = DEFAULT_PASS_MARK) -> QuizRenderer:
    """Offer pages the quiz macro for these (already checked) banks; `pass_mark` is the percent of
    a quiz's questions a learner must get right to pass."""
    quizzes = QuizRenderer(templates, banks, pass_mark)
    held = deferred.for_build(env.conf)

    @env.macro
    def quiz(bank_id: str, only: list[str] | None = None) -> str:
        """The self-checking quiz for quizzes/<bank_id>.yml; only=["id", ...] shows just those
        questions, as a checkpoint inside the page (answers count once, with the whole quiz)."""
        # Out of search, so deferred; the whole quiz's id is what "Jump to the quiz" links to.
        return held.hold(env.page, quizzes.render(bank_id, only), None if only else f"quiz-{bank_id}")

    return quizzes


def define_env(env) -> None:
    """mkdocs-macros entry point for a site of quiz banks only: every bank checked before any page
    renders, then the quiz macro."""
    banks, problems = load_banks(Path(env.project_dir))
    fail_on(problems)
    assets.give_pages_the_version(env)
    define_quiz(env, template_environment(env.conf), banks)


def on_post_build(env) -> None:
    """The site's scripts and styles, bundled, as main.html loads them."""
    assets.write_after_build(env)
