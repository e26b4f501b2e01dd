"""The SCORM 1.2 runtime adapter of a package: its launch page, which talks to the LMS and shows
the package's pages in a frame, and the list of the package's questions it scores against.

Why a launch page: a path package has several pages, and a SCORM 1.2 session allows one
LMSInitialize and one LMSFinish. The launch page keeps that one session while the learner moves
between pages in its frame; each page hands its quiz answers to it (js/bridge.js).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from markupsafe import Markup

from . import pages_html

JS_DIR = Path(__file__).parent / "js"
LAUNCH = "launch.html"
SCRIPTS = {"lms/scorm.js": "scorm.js", "lms/bridge.js": "bridge.js"}  # path in a package -> file in js/


@dataclass(frozen=True)
class Question:
    bank: str
    id: str
    version: str
    type: str
    values: tuple[str, ...]  # the option values, in page order (none for a short answer)


class _Questions(HTMLParser):
    """The quiz questions of a built page, from the data-quiz-* attributes quiz.js reads too."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Question] = []
        self._values: list[str] | None = None
        self._current: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "fieldset" and "data-quiz-question" in attributes:
            self._current, self._values = attributes, []
        elif tag == "input" and self._values is not None and attributes.get("type") in {"radio", "checkbox"}:
            self._values.append(attributes["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "fieldset" and self._values is not None:
            bank, question = self._current["data-quiz-question"].split("/", 1)
            self.found.append(Question(bank, question, self._current["data-quiz-version"],
                                       self._current["data-quiz-type"], tuple(self._values)))
            self._values = None


def questions_in(page_html: str) -> list[Question]:
    parser = _Questions()
    parser.feed(page_html)
    return parser.found


def catalogue(questions: list[Question], mastery_score: int) -> dict:
    """What the launch page scores against. `hash` changes when any question changes, so answers
    saved for an older build of the package are not restored as if they fitted."""
    versions = "|".join(f"{q.bank}/{q.id}/{q.version}" for q in questions)
    return {"mastery": mastery_score, "hash": hashlib.sha256(versions.encode()).hexdigest()[:8],
            "questions": [[q.bank, q.id, q.version, q.type, list(q.values)] for q in questions]}


def launch_page(title: str, start: str, data: dict) -> str:
    """The package's launch file. The title is escaped; the data is JSON that cannot end its script element."""
    data_json = json.dumps(data, separators=(",", ":"), sort_keys=True).replace("<", "\\u003c")
    return pages_html.render("launch.html", title=title, start=start, data_json=Markup(data_json))


def scripts() -> dict[str, bytes]:
    return {name: (JS_DIR / file).read_bytes() for name, file in SCRIPTS.items()}
