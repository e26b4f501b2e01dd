"""The Review page: every bank's questions, each in an inert <template> that review.js copies onto
the page only when the question is due, so no answer shows before it is checked and the page
stays one file that works offline."""

from __future__ import annotations

from collections.abc import Callable

import jinja2

from ..quiz.views import QuizRenderer
from ..safe_markdown import Trusted

REVIEW_TEMPLATE = "partials/review/review.html"
QUESTIONS_TEMPLATE = "partials/review/questions.html"


def render_review(templates: jinja2.Environment, quizzes: QuizRenderer, intervals_days: list[int],
                  hold: Callable[[str], str] = Trusted) -> str:
    """The review page's schedule, explained with the CoC's own intervals, and every question;
    `hold` may defer the questions' HTML, which search never indexes (macros/deferred.py)."""
    banks = [(bank_id, quizzes.banks[bank_id].title, quizzes.views(bank_id)) for bank_id in sorted(quizzes.banks)]
    questions = templates.get_template(QUESTIONS_TEMPLATE).render(banks=banks, question=quizzes.question_html)
    return templates.get_template(REVIEW_TEMPLATE).render(questions=Trusted(hold(questions)), intervals=intervals_days)
