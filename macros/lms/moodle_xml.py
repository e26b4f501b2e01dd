"""Moodle XML, Moodle's own question format: the one that keeps everything GIFT keeps, and the
per-option grades of a multiple-answer question exactly."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from .gift import number
from .items import Item

TYPES = {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse", "text": "shortanswer",
         "number": "numerical"}


def text_element(parent: etree.Element, tag: str, text: str, format: str | None = "html") -> etree.Element:
    element = etree.SubElement(parent, tag, {"format": format} if format else {})
    etree.SubElement(element, "text").text = text
    return element


def answer(parent: etree.Element, fraction: float, text: str, feedback: str | None = None,
           format: str = "html") -> etree.Element:
    element = text_element(parent, "answer", text, format)
    element.set("fraction", f"{fraction:.5f}".rstrip("0").rstrip("."))
    text_element(element, "feedback", feedback or "")
    return element


def question(quiz: etree.Element, item: Item) -> None:
    element = etree.SubElement(quiz, "question", {"type": TYPES[item.kind]})
    text_element(element, "name", item.name, None)
    text_element(element, "questiontext", item.prompt)
    text_element(element, "generalfeedback", item.general_feedback)
    etree.SubElement(element, "defaultgrade").text = "1"
    etree.SubElement(element, "penalty").text = "0"
    etree.SubElement(element, "hidden").text = "0"
    etree.SubElement(element, "idnumber").text = item.name
    if item.kind in {"single", "multiple"}:
        etree.SubElement(element, "single").text = "true" if item.kind == "single" else "false"
        etree.SubElement(element, "shuffleanswers").text = "true" if item.shuffle else "false"
        etree.SubElement(element, "answernumbering").text = "abc"
        for choice in item.choices:
            answer(element, choice.credit, choice.html, choice.feedback)
    elif item.kind == "true-false":
        answer(element, 100.0 if item.answer else 0.0, "true", format="moodle_auto_format")
        answer(element, 0.0 if item.answer else 100.0, "false", format="moodle_auto_format")
    elif item.kind == "text":
        etree.SubElement(element, "usecase").text = "0"
        for text in item.accept:
            answer(element, 100.0, text.replace("*", "\\*"), format="moodle_auto_format")
    else:
        tolerance = etree.SubElement(answer(element, 100.0, number(item.number), format="moodle_auto_format"),
                                     "tolerance")
        tolerance.text = number(item.tolerance)


def moodle_xml(groups: list[tuple[str, list[Item]]]) -> bytes:
    """One <quiz>: a category question before each group (a bank), then its questions."""
    quiz = etree.Element("quiz")
    for category, items in groups:
        marker = etree.SubElement(quiz, "question", {"type": "category"})
        text_element(marker, "category", f"$course$/top/HMIS Training/{category}", None)
        for item in items:
            question(quiz, item)
    etree.indent(quiz)
    return etree.tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n"
