"""The Review page: every bank's questions, each in an inert <template> that review.js copies onto
the page only when the question is due, so no answer shows before it is checked and the page
stays one file that works offline."""

from __future__ import annotations

import jinja2

from ..quiz.views import QuizRenderer

REVIEW_TEMPLATE = "partials/review/review.html"


def render_review(templates: jinja2.Environment, quizzes: QuizRenderer, intervals_days: list[int]) -> str:
    """The review page's schedule, explained with the CoC's own intervals, and every question."""
    banks = [(bank_id, quizzes.banks[bank_id].title, quizzes.views(bank_id)) for bank_id in sorted(quizzes.banks)]
    return templates.get_template(REVIEW_TEMPLATE).render(banks=banks, intervals=intervals_days)
