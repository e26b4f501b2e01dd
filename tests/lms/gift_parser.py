"""A strict GIFT reader, written from Moodle's description of the format (not from our writer), so
the tests can read our GIFT files back. Strict: anything the format does not allow is an error,
including a special character (~ = # { } :) that is not escaped where it would be text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SPECIAL = "~=#{}:"


class GiftError(ValueError):
    pass


@dataclass
class Answer:
    weight: float | None  # %n% given, else None (= means 100, ~ means 0)
    right: bool           # written with =
    text: str
    feedback: str | None


@dataclass
class GiftQuestion:
    category: str | None
    name: str | None
    format: str | None
    text: str
    kind: str  # "choice", "short", "true-false", "number"
    answers: list[Answer] = field(default_factory=list)
    general_feedback: str | None = None
    truth: bool | None = None
    number: float | None = None
    tolerance: float = 0.0


def unescape(text: str) -> str:
    """\\~ \\= \\# \\{ \\} \\: \\\\ stand for the character; \\n for a line break. Any other escape
    is kept as written (Moodle's short answers read \\* as a literal *)."""
    out, index = [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            following = text[index + 1]
            out.append("\n" if following == "n" else following if following in SPECIAL + "\\" else char + following)
            index += 2
            continue
        if char in SPECIAL:
            raise GiftError(f"unescaped {char!r} in text: {text[:60]!r}")
        out.append(char)
        index += 1
    return "".join(out)


def split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """(mark, text after it) for each unescaped mark character in `text`."""
    parts: list[tuple[str, str]] = []
    current, mark, index = [], "", 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current.append(text[index:index + 2])
            index += 2
            continue
        if char in marks:
            if mark or "".join(current).strip():
                parts.append((mark, "".join(current)))
            mark, current = char, []
        else:
            current.append(char)
        index += 1
    parts.append((mark, "".join(current)))
    return parts


def find_unescaped(text: str, target: str, start: int = 0) -> int:
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text.startswith(target, index):
            return index
        index += 1
    return -1


def parse_answer(mark: str, body: str) -> Answer:
    weight = None
    found = re.match(r"%(-?\d+(?:\.\d+)?)%", body)
    if found:
        weight, body = float(found.group(1)), body[found.end():]
    hash_at = find_unescaped(body, "#")
    text, feedback = (body, None) if hash_at < 0 else (body[:hash_at], body[hash_at + 1:])
    if feedback is not None and find_unescaped(feedback, "#") >= 0:
        raise GiftError(f"more than one feedback for the answer {text[:40]!r}")
    return Answer(weight, mark == "=", unescape(text.strip()),
                  unescape(feedback.strip()) if feedback is not None else None)


def parse_question(block: str, category: str | None) -> GiftQuestion:
    name = None
    if block.startswith("::"):
        end = find_unescaped(block, "::", 2)
        if end < 0:
            raise GiftError(f"question name never closed: {block[:60]!r}")
        name, block = unescape(block[2:end]), block[end + 2:]
    text_format = None
    found = re.match(r"\[(html|moodle|plain|markdown)\]", block)
    if found:
        text_format, block = found.group(1), block[found.end():]
    opening = find_unescaped(block, "{")
    closing = find_unescaped(block, "}", opening + 1) if opening >= 0 else -1
    if opening < 0 or closing < 0:
        raise GiftError(f"no answer block {{...}} in {block[:60]!r}")
    if block[closing + 1:].strip():
        raise GiftError(f"text after the answer block: {block[closing + 1:][:60]!r}")
    text, body = unescape(block[:opening].strip()), block[opening + 1:closing]
    general = None
    general_at = find_unescaped(body, "####")
    if general_at >= 0:
        body, general = body[:general_at], unescape(body[general_at + 4:].strip())
    body = body.strip()
    question = GiftQuestion(category, name, text_format, text, "choice", general_feedback=general)
    if re.fullmatch(r"(TRUE|FALSE|T|F)", body):
        question.kind, question.truth = "true-false", body.startswith("T")
    elif body.startswith("#"):
        found = re.fullmatch(r"#(-?\d+(?:\.\d+)?)(?::(\d+(?:\.\d+)?))?", body)
        if not found:
            raise GiftError(f"not a numerical answer: {body!r}")
        question.kind, question.number = "number", float(found.group(1))
        question.tolerance = float(found.group(2) or 0)
    else:
        parts = split_unescaped(body, "=~")
        if any(not mark for mark, _ in parts):
            raise GiftError(f"text before the first answer: {body[:60]!r}")
        question.answers = [parse_answer(mark, text) for mark, text in parts]
        question.kind = "short" if all(answer.right for answer in question.answers) else "choice"
    return question


def parse_gift(text: str) -> list[GiftQuestion]:
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    questions, category = [], None
    for block in re.split(r"\n\s*\n", "\n".join(lines)):
        block = block.strip()
        if not block:
            continue
        if block.startswith("$CATEGORY:"):
            if "\n" in block:
                raise GiftError("a $CATEGORY line must stand alone")
            category = block.removeprefix("$CATEGORY:").strip()
            continue
        questions.append(parse_question(block, category))
    return questions
