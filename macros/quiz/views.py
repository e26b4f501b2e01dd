"""A bank's questions as the quiz and its answer key show them: every text turned into safe HTML
once per build, options in their fixed mixed order, and the data quiz.js checks answers with."""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass, replace

import jinja2
from markupsafe import Markup

from .. import practice
from ..safe_markdown import Trusted, inert_once
from .formats import Bank, ChoiceQuestion, Question, ShortQuestion, TrueFalseQuestion

QUIZ_TEMPLATE = "partials/quiz/quiz.html"
QUESTION_TEMPLATE = "partials/quiz/question.html"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ANSWER_KEY_TEMPLATE = "partials/quiz/answer-key.html"
CHECKPOINT_TEMPLATE = "partials/quiz/checkpoint.html"
DEFAULT_PASS_MARK = 80  # percent of a quiz's questions right; a site's settings may set another


@dataclass(frozen=True)
class OptionView:
    value: str
    label: Markup
    correct: bool
    feedback: Markup | None
    letter: str = ""    # A, B, C... in the order shown, the same on screen, in print and in every key


@dataclass(frozen=True)
class QuestionView:
    """What the question template needs, with every piece of text already turned into HTML."""

    key: str            # "<bank-id>/<question-id>", the stable hook for scripts and tests
    dom_id: str
    number: int
    type: str
    version: str        # changes when the question changes, so stale saved answers are ignored
    prompt: Markup
    options: list[OptionView]
    answer_label: str
    answer: list[Markup]
    accept: str | None  # JSON list of normalised text answers, for `short`
    number_answer: float | None
    tolerance: float
    explanation: Markup
    source: Markup
    why: Markup         # the explanation's first sentence: the answer key grid's one line
    answer_letters: str  # "B" or "A, C" for a choice; "" for a typed answer
    teaches: str | None  # the heading id of the section that teaches it, on the page of the whole quiz


def normalise(text: str) -> str:
    """How typed answers are compared: case, hyphens, runs of spaces and a closing full stop do not
    matter (quiz.js normalises what the learner types the same way)."""
    text = re.sub(r"[.!?]+\s*$", "", re.sub(r"[-\u2010-\u2014]", " ", text.lower()))
    return " ".join(text.split())


def first_sentence(text: str) -> str:
    """The opening sentence of an explanation, for the answer key grid's one line of why."""
    opening = text.strip().split("\n\n", 1)[0]
    return re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])", " ".join(opening.split()), maxsplit=1)[0]


def show_number(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def version_of(question: Question) -> str:
    """Changes when the question or its answer changes (a computed answer changes with the data),
    so a learner's saved answer to an older version is not shown as right or wrong."""
    content = question.model_dump_json(exclude={"shuffle"})  # answers are saved by option, not by place
    if isinstance(question, ShortQuestion) and question.computed:
        content += repr(practice.answer(question.computed))
    return hashlib.sha256(content.encode()).hexdigest()[:12]


class QuizRenderer:
    def __init__(self, templates: jinja2.Environment, banks: dict[str, Bank],
                 pass_mark: int = DEFAULT_PASS_MARK) -> None:
        self.banks = banks
        self.templates = templates
        self.pass_mark = pass_mark
        self._views: dict[str, list[QuestionView]] = {}
        self._question_html: dict[tuple[str, str], Trusted] = {}
        self._earlier_html: dict[tuple[str, str], tuple[QuestionView, Trusted]] = {}  # see reuse_question_html
        # Each text as HTML made inert, by text: banks repeat sources, options and feedback.
        self._block: dict[str, Trusted] = {}
        self._inline: dict[str, Trusted] = {}

    def reuse_views(self, earlier: dict[str, tuple[Bank, list[QuestionView]]]) -> None:
        """Take the views an earlier build made of banks that are still the very same objects
        (macros/cache.py gives an unchanged file's bank back as it was)."""
        self._views.update({bank_id: views for bank_id, (bank, views) in earlier.items() if self.banks.get(bank_id) is bank})

    def views_made(self) -> dict[str, tuple[Bank, list[QuestionView]]]:
        """Every view made so far, with the bank it was made from, for reuse_views."""
        return {bank_id: (self.banks[bank_id], views) for bank_id, views in self._views.items()}

    def views(self, bank_id: str) -> list[QuestionView]:
        """The bank's questions ready for a template; made once per build, used by quiz and key."""
        if bank_id not in self._views:
            questions = enumerate(self.banks[bank_id].questions, 1)
            self._views[bank_id] = [self._view(bank_id, number, question) for number, question in questions]
        return self._views[bank_id]

    def reuse_question_html(self, earlier: dict) -> None:
        """Use, and add to, `earlier` (kept by macros/cache.py): the HTML an earlier build made of
        the very same view (an unchanged bank keeps its views, see reuse_views) with the same
        question template, so a rebuild renders only the edited bank's questions."""
        source = self.templates.loader.get_source(self.templates, QUESTION_TEMPLATE)[0]
        if earlier.get("template") != source:
            earlier.clear()
            earlier["template"] = source
        self._earlier_html = earlier.setdefault("html", {})

    def question_html(self, view: QuestionView) -> Trusted:
        """One question as partials/quiz/question.html shows it, made once per build: its quiz and
        the review page show the same question, and a bank may hold a thousand."""
        key = (view.key, view.dom_id)
        if key not in self._question_html:
            earlier = self._earlier_html.get(key)
            made = earlier[1] if earlier and earlier[0] is view else Trusted(
                self.templates.get_template(QUESTION_TEMPLATE).render(q=view))
            self._question_html[key] = made
            self._earlier_html[key] = (view, made)
        return self._question_html[key]

    def render(self, bank_id: str, only: list[str] | None = None) -> str:
        """The whole bank, ending with the learner's result against the pass mark; or, with `only`,
        a checkpoint of those questions, placed after the section that teaches them. Both save to the
        same answers, so a question answered in either counts once."""
        if only is None:  # the quiz, then its answer key, which only a trainer prints
            title = self.banks[bank_id].title
            return self.templates.get_template(QUIZ_TEMPLATE).render(
                bank_id=bank_id, title=title, questions=self.views(bank_id), question=self.question_html,
                pass_mark=self.pass_mark) + "\n" + self.render_answer_key([(title, bank_id)])
        by_id = {view.key.split("/", 1)[1]: view for view in self.views(bank_id)}
        unknown = [question_id for question_id in only if question_id not in by_id]
        if unknown or not only:
            raise ValueError(f"quiz(\"{bank_id}\", only=...): no question {', '.join(unknown) or 'named'} in the "
                             f"bank; its questions are {', '.join(by_id)}")
        # Element ids of their own: the whole quiz on the same page has the same questions.
        questions = [replace(view, dom_id=f"checkpoint-{view.dom_id.removeprefix('quiz-')}")
                     for question_id, view in by_id.items() if question_id in only]  # in the bank's order
        return self.templates.get_template(CHECKPOINT_TEMPLATE).render(bank_id=bank_id, questions=questions,
                                                                       question=self.question_html)

    def progress_catalogue(self) -> dict[str, dict]:
        """What a progress file may hold for each bank, for paths.js to check an import against
        (docs/assets/progress.schema.json): its title and, per question id, the version, type and
        number of options of the answer quiz.js would restore."""
        return {bank_id: {"title": bank.title,
                          "questions": {view.key.split("/", 1)[1]: [view.version, view.type, len(view.options)]
                                        for view in self.views(bank_id)}}
                for bank_id, bank in self.banks.items()}

    def render_answer_key(self, sections: list[tuple[str, str]]) -> str:
        """Every question of the given (title, bank id) sections with its answer, explanation and
        source, for printing."""
        entries = [(title, self.views(bank_id)) for title, bank_id in sections]
        return self.templates.get_template(ANSWER_KEY_TEMPLATE).render(entries=entries)

    def _block_html(self, text: str) -> Trusted:
        """Block Markdown as HTML, made inert once here: a question is shown up to four times a build."""
        if text not in self._block:
            self._block[text] = inert_once(self.templates.filters["markdown"](text))
        return self._block[text]

    def _inline_html(self, text: str) -> Trusted:
        """One line of inline Markdown as HTML, made inert once here."""
        if text not in self._inline:
            self._inline[text] = inert_once(self.templates.filters["markdown_inline"](text))
        return self._inline[text]

    def _view(self, bank_id: str, number: int, question: Question) -> QuestionView:
        block, inline = self._block_html, self._inline_html
        options: list[OptionView] = []
        answer: list[Markup] = []
        answer_label = "Answer"
        accept, number_answer, tolerance = None, None, 0.0
        if isinstance(question, ChoiceQuestion):
            order = list(enumerate(question.options))
            if question.shuffle:  # the same order on every build, different for each question
                random.Random(f"{bank_id}/{question.id}").shuffle(order)
            options = [OptionView(str(index), inline(option.text), option.correct,
                                  block(option.feedback) if option.feedback else None, LETTERS[place])
                       for place, (index, option) in enumerate(order)]
            answer_label = "Right answers" if sum(option.correct for option in options) > 1 else "Answer"
        elif isinstance(question, TrueFalseQuestion):
            options = [OptionView(value, Trusted(value.capitalize()), (value == "true") == question.answer, None, letter)
                       for value, letter in (("true", "A"), ("false", "B"))]
        if options:  # a room votes by letter, and every key names it; both parts are inert already
            answer = [Trusted(f"{option.letter}. {option.label}") for option in options if option.correct]
        if isinstance(question, ShortQuestion) and question.accept is None:
            number_answer = question.number if question.computed is None else practice.answer(question.computed)
            tolerance = question.tolerance or 0.0
            within = f" (plus or minus {show_number(tolerance)})" if tolerance else ""
            answer = [Markup.escape(show_number(number_answer) + within)]
        elif isinstance(question, ShortQuestion) and question.accept is not None:
            accept = json.dumps(list(dict.fromkeys(normalise(text) for text in question.accept)))
            answer = [Markup.escape(text) for text in question.accept]
            answer_label = "Accepted answers" if len(answer) > 1 else "Answer"
        return QuestionView(
            key=f"{bank_id}/{question.id}",
            dom_id=f"quiz-{bank_id}-{question.id}",
            number=number,
            type=question.type,
            version=version_of(question),
            prompt=block(question.prompt),
            options=options,
            answer_label=answer_label,
            answer=answer,
            accept=accept,
            number_answer=number_answer,
            tolerance=tolerance,
            explanation=block(question.explanation),
            source=inline(question.source),
            teaches=question.teaches,
            why=inline(first_sentence(question.explanation)),
            answer_letters=", ".join(option.letter for option in options if option.correct),
        )
