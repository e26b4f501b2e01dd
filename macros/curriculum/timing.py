"""A module's session timing, from the "**Timing:**" line of its trainer notes: the parts add up to
the module's `minutes`, which the agenda builder, paths and the training plan use, and the group
quiz has time for a room to read, vote, see the answer and talk about it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..problems import Problem

# Good practice, not a rule from HUD: a minute a question for a room to read, vote, reveal and discuss.
MINUTES_A_QUESTION = 1
# "**Timing:** 20 minutes: 7 teaching, 6 for the activity "...", 7 for the group quiz." over wrapped lines
TIMING = re.compile(r"^( *)\*\*Timing:\*\* (?P<text>.+?(?:\n\1(?! *\n).+?)*)$", re.MULTILINE)
TOTAL = re.compile(r"(\d+) minutes: (.+)\.")
PART = re.compile(r"(\d+) (teaching|for (?:[^,\"]|\"[^\"]*\")+?)(?=, \d+ |$)")


@dataclass(frozen=True)
class Timing:
    line: int              # the line of "**Timing:**" in the page
    total: int             # the minutes it says the session takes
    parts: tuple[tuple[int, str], ...]  # (minutes, "teaching" or "for the ...")

    @property
    def quiz_minutes(self) -> int | None:
        return next((minutes for minutes, what in self.parts if "quiz" in what), None)


def timing_of(text: str) -> Timing | str | None:
    """The page's timing; a sentence saying what is wrong if the line cannot be read; None if the
    page has none (a CoC's own module need not)."""
    found = TIMING.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    sentence = " ".join(found["text"].split())
    total = TOTAL.fullmatch(sentence)
    parts = PART.findall(total[2]) if total else []
    if total is None or ", ".join(f"{minutes} {what}" for minutes, what in parts) != total[2]:
        return (f"{line}: write the timing as '**Timing:** 20 minutes: 7 teaching, 6 for the activity "
                f"\"...\", 7 for the group quiz.'")
    return Timing(line, int(total[1]), tuple((int(minutes), what) for minutes, what in parts))


def check_timing(shown_as: str, timing: Timing | str | None, minutes: int, questions: int) -> list[Problem]:
    """Problems with one module's timing, at its line."""
    if timing is None:
        return []
    if isinstance(timing, str):
        line, message = timing.split(": ", 1)
        return [Problem(shown_as, int(line), "trainer notes", message)]
    problems = []

    def problem(message: str) -> None:
        problems.append(Problem(shown_as, timing.line, "trainer notes", message))

    if timing.total != minutes:
        problem(f"the timing says {timing.total} minutes but the front matter says minutes: {minutes}; make them agree")
    if sum(part for part, _ in timing.parts) != timing.total:
        problem(f"the parts add up to {sum(part for part, _ in timing.parts)} minutes, not {timing.total}")
    if timing.quiz_minutes is not None and timing.quiz_minutes < questions * MINUTES_A_QUESTION:
        problem(f"{timing.quiz_minutes} minutes for a group quiz of {questions} questions is too short to read, vote, "
                f"see the answer and discuss; allow {questions * MINUTES_A_QUESTION} (a minute a question)")
    return problems
