"""GIFT, the plain-text question format of Moodle (also read by TalentLMS's question import):
one question per paragraph, `::name::[html]text{answers####general feedback}`.

Per Moodle's format documentation, the characters ~ = # { } : have a meaning of their own, so
they (and the backslash itself) are written with a backslash before them everywhere in text, and
a line break inside a question as \\n, since a blank line ends a question."""

from __future__ import annotations

from .items import Item

SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    for char in SPECIAL:  # the backslash first, so the ones added here are not doubled
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def weight(value: float) -> str:
    return f"%{value:.5f}".rstrip("0").rstrip(".") + "%"


def number(value: float) -> str:
    return repr(float(value)).removesuffix(".0")


def answers(item: Item) -> list[str]:
    if item.kind == "single":
        return [("=" if choice.correct else "~") + escape(choice.html)
                + (f"#{escape(choice.feedback)}" if choice.feedback else "") for choice in item.choices]
    if item.kind == "multiple":
        return [f"~{weight(choice.credit)}{escape(choice.html)}"
                + (f"#{escape(choice.feedback)}" if choice.feedback else "") for choice in item.choices]
    if item.kind == "true-false":
        return ["TRUE" if item.answer else "FALSE"]
    if item.kind == "text":  # Moodle reads * as "any characters": a literal one is written \*
        return ["=" + escape(text).replace("*", "\\*") for text in item.accept]
    return [f"#{number(item.number)}" + (f":{number(item.tolerance)}" if item.tolerance else "")]


def question(item: Item) -> str:
    body = "\n".join(f"    {line}" for line in answers(item))
    return (f"::{escape(item.name)}::[html]{escape(item.prompt)}{{\n{body}\n"
            f"    ####{escape(item.general_feedback)}\n}}")


def gift(title: str, groups: list[tuple[str, list[Item]]]) -> str:
    """One file: a $CATEGORY line before each group (a bank), then its questions."""
    parts = [f"// {title}: questions from HMIS Training, written by make lms from the quiz banks.",
             "// Edit the banks (quizzes/*.yml), not this file."]
    for category, items in groups:
        parts.append(f"$CATEGORY: $course$/top/HMIS Training/{category}")
        parts += [question(item) for item in items]
    return "\n\n".join(parts) + "\n"
