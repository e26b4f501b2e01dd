"""The banks' questions in the one shape every question format is written from: text already HTML
(through the site's sanitising Markdown), computed answers already numbers, and the credit each
option earns. GIFT, Moodle XML and QTI each write this; the tests read them back into it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .sources import (Bank, ChoiceQuestion, MultipleQuestion, SafeMarkdown, ShortQuestion, TrueFalseQuestion,
                      computed_answer)


@dataclass(frozen=True)
class Choice:
    html: str
    correct: bool
    credit: float          # percent of the question's mark this option adds when chosen (may be negative)
    feedback: str | None   # HTML, shown when the learner chooses it


@dataclass(frozen=True)
class Item:
    name: str              # "<bank id>/<question id>": stable, unique in a file
    kind: str              # "single", "multiple", "true-false", "text" or "number"
    prompt: str            # HTML
    general_feedback: str  # HTML: the explanation, then the source
    shuffle: bool = True
    choices: list[Choice] = field(default_factory=list)
    answer: bool | None = None                            # true-false
    accept: list[str] = field(default_factory=list)       # text: every accepted answer, as written
    number: float | None = None
    tolerance: float = 0.0


def credit(count: int) -> float:
    """100 / count, to the five decimals Moodle's list of grades uses (33.33333, 14.28571, ...)."""
    return round(100 / count, 5)


def variants(accepted: list[str]) -> list[str]:
    """The accepted answers, then the forms the site also accepts (no hyphens, no closing full
    stop), since an LMS compares typed text more strictly than quiz.js does."""
    forms = list(accepted)
    for text in accepted:
        loose = " ".join(re.sub(r"[.!?]+\s*$", "", re.sub(r"[-\u2010-\u2014]", " ", text)).split())
        forms.append(loose)
    return list(dict.fromkeys(form for form in forms if form))


def items_of(bank_id: str, bank: Bank, markdown: SafeMarkdown) -> list[Item]:
    items = []
    for question in bank.questions:
        name = f"{bank_id}/{question.id}"
        prompt = markdown.block(question.prompt)
        general = markdown.block(question.explanation) + f"<p>Source: {markdown.inline(question.source)}</p>"
        if isinstance(question, ChoiceQuestion):
            right = sum(option.correct for option in question.options)
            wrong = len(question.options) - right
            multiple = isinstance(question, MultipleQuestion)
            choices = [Choice(markdown.inline(option.text), option.correct,
                              credit(right) if option.correct else (-credit(wrong) if multiple and wrong else 0.0),
                              markdown.block(option.feedback) if option.feedback else None)
                       for option in question.options]
            items.append(Item(name, "multiple" if multiple else "single", prompt, general, question.shuffle, choices))
        elif isinstance(question, TrueFalseQuestion):
            items.append(Item(name, "true-false", prompt, general, answer=question.answer))
        elif isinstance(question, ShortQuestion) and question.accept is not None:
            items.append(Item(name, "text", prompt, general, accept=variants(question.accept)))
        elif isinstance(question, ShortQuestion):
            value = question.number if question.computed is None else computed_answer(question.computed)
            items.append(Item(name, "number", prompt, general, number=value, tolerance=question.tolerance or 0.0))
    return items
