"""Find the quiz("...") calls in pages, so a missing bank fails the build before any page renders."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from mkdocs.utils import meta

from .problems import Problem

QUIZ_CALL = re.compile(r"""\{\{-?\s*quiz\(\s*(?P<quote>["'])(?P<bank>.*?)(?P=quote)\s*\)\s*-?\}\}""")


def check_quiz_calls(docs_dir: Path, project_dir: Path, bank_ids: Iterable[str]) -> list[Problem]:
    """One problem per call to a bank that does not exist, that is not at the start of a line,
    or that repeats a bank already on the page (its element ids would clash)."""
    known = sorted(bank_ids)
    problems = []
    for page in sorted(docs_dir.rglob("*.md")):
        shown_as = page.relative_to(project_dir).as_posix()
        text = page.read_text(encoding="utf-8")
        if meta.get_data(text)[1].get("render_macros") is False:
            continue  # the page shows macro calls as examples instead of running them
        first_use: dict[str, int] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            for call in QUIZ_CALL.finditer(line):
                bank = call["bank"]
                if bank not in known:
                    why = f"there is no bank quizzes/{bank}.yml; known banks: {', '.join(known) or 'none'}"
                elif call.start() != 0:
                    why = "put the call at the start of its own line, outside lists and admonitions, or the quiz will break"
                elif bank in first_use:
                    why = f"this bank is already on the page at line {first_use[bank]}; show a bank once per page"
                else:
                    first_use[bank] = number
                    continue
                problems.append(Problem(shown_as, number, f'quiz("{bank}")', why))
    return problems
