"""QTI 2.1: an IMS content package (imsmanifest.xml, one assessmentItem file per question and an
assessmentTest that lists them), for LMSs such as Canvas that import QTI.

Text goes in as QTI's XHTML: the tags QTI allows are kept, any other becomes a span, and only
harmless attributes stay (a link's address, an image's source and text, table cell spans)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html.parser import HTMLParser

from .gift import number
from .items import Item
from .manifest import XSI, xml_bytes

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
IMSCP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XHTML_TAGS = {"a", "abbr", "acronym", "address", "b", "big", "blockquote", "br", "caption", "cite", "code", "dd",
              "dfn", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li",
              "ol", "p", "pre", "q", "samp", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
              "tfoot", "th", "thead", "tr", "tt", "ul", "var"}
ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"}}
VOID = {"br", "hr", "img"}
GENERAL = "GENERAL"  # the feedback every learner sees: the explanation and its source


def q(tag: str) -> str:
    return f"{{{QTI}}}{tag}"


class _Xhtml(HTMLParser):
    def __init__(self, parent: etree.Element) -> None:
        super().__init__(convert_charrefs=True)
        self.stack = [parent]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        name = tag if tag in XHTML_TAGS else "span"
        kept = {key: value or "" for key, value in attrs if key in ATTRIBUTES.get(name, set())}
        if name == "img":
            kept.setdefault("alt", "")
        element = etree.SubElement(self.stack[-1], q(name), kept)
        if name not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        name = tag if tag in XHTML_TAGS else "span"
        if name not in VOID and len(self.stack) > 1 and self.stack[-1].tag == q(name):
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        parent = self.stack[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def xhtml(parent: etree.Element, html_text: str) -> etree.Element:
    """`html_text` (from the site's Markdown) added to `parent` as QTI XHTML."""
    parser = _Xhtml(parent)
    parser.feed(html_text)
    parser.close()
    return parent


def identifier(name: str) -> str:
    """A QTI identifier (an XML name) from a "<bank>/<question>" name."""
    return "I-" + re.sub(r"[^A-Za-z0-9._-]", ".", name)


def value(parent: etree.Element, text: str, **attributes: str) -> None:
    etree.SubElement(parent, q("value"), attributes).text = text


def declarations(root: etree.Element, item: Item) -> None:
    choice = item.kind in {"single", "multiple", "true-false"}
    base = "identifier" if choice else "string" if item.kind == "text" else "float"
    response = etree.SubElement(root, q("responseDeclaration"), {
        "identifier": "RESPONSE", "cardinality": "multiple" if item.kind == "multiple" else "single", "baseType": base})
    correct = etree.SubElement(response, q("correctResponse"))
    if item.kind in {"single", "multiple"}:
        for index, option in enumerate(item.choices):
            if option.correct:
                value(correct, f"C{index}")
    elif item.kind == "true-false":
        value(correct, "TRUE" if item.answer else "FALSE")
    elif item.kind == "text":
        value(correct, item.accept[0])
    else:
        value(correct, number(item.number))
    if item.kind in {"multiple", "text"}:  # partial credit, or several accepted answers
        mapping = etree.SubElement(response, q("mapping"), {"lowerBound": "0", "upperBound": "1", "defaultValue": "0"})
        entries = ([(text, "1") for text in item.accept] if item.kind == "text" else
                   [(f"C{index}", number(round(option.credit / 100, 5))) for index, option in enumerate(item.choices)])
        for key, mapped in entries:  # typed text matches in any case, as quiz.js matches it
            etree.SubElement(mapping, q("mapEntry"), {"mapKey": key, "mappedValue": mapped,
                                                      "caseSensitive": "false" if item.kind == "text" else "true"})
    for name, cardinality, base_type in (("SCORE", "single", "float"), ("MAXSCORE", "single", "float"),
                                         ("FEEDBACK", "multiple", "identifier")):
        outcome = etree.SubElement(root, q("outcomeDeclaration"), {
            "identifier": name, "cardinality": cardinality, "baseType": base_type})
        if name != "FEEDBACK":
            value(etree.SubElement(outcome, q("defaultValue")), "1" if name == "MAXSCORE" else "0")


def body(root: etree.Element, item: Item) -> None:
    item_body = etree.SubElement(root, q("itemBody"))
    xhtml(etree.SubElement(item_body, q("div")), item.prompt)
    if item.kind in {"single", "multiple", "true-false"}:
        interaction = etree.SubElement(item_body, q("choiceInteraction"), {
            "responseIdentifier": "RESPONSE", "shuffle": "true" if item.shuffle and item.kind != "true-false" else "false",
            "maxChoices": "0" if item.kind == "multiple" else "1"})
        options = ([(f"C{index}", option.html) for index, option in enumerate(item.choices)]
                   if item.choices else [("TRUE", "True"), ("FALSE", "False")])
        for key, text in options:
            xhtml(etree.SubElement(interaction, q("simpleChoice"), {"identifier": key}), text)
    else:
        etree.SubElement(etree.SubElement(item_body, q("p")), q("textEntryInteraction"),
                         {"responseIdentifier": "RESPONSE", "expectedLength": "20"})


def set_score(parent: etree.Element, expression: etree.Element | str) -> None:
    outcome = etree.SubElement(parent, q("setOutcomeValue"), {"identifier": "SCORE"})
    if isinstance(expression, str):
        etree.SubElement(outcome, q("baseValue"), {"baseType": "float"}).text = expression
    else:
        outcome.append(expression)


def processing(root: etree.Element, item: Item) -> None:
    """SCORE from 0 to 1 (the mapping's credit for a multiple answer), and FEEDBACK naming each
    chosen option's feedback and the general feedback."""
    rules = etree.SubElement(root, q("responseProcessing"))
    if item.kind in {"multiple", "text"}:
        set_score(rules, etree.Element(q("mapResponse"), {"identifier": "RESPONSE"}))
    else:
        condition = etree.SubElement(rules, q("responseCondition"))
        when = etree.SubElement(condition, q("responseIf"))
        if item.kind == "number":
            within = f"{number(item.tolerance)} {number(item.tolerance)}"
            test = etree.SubElement(when, q("equal"), {"toleranceMode": "absolute", "tolerance": within}
                                    if item.tolerance else {"toleranceMode": "exact"})
        else:
            test = etree.SubElement(when, q("match"))
        etree.SubElement(test, q("variable"), {"identifier": "RESPONSE"})
        etree.SubElement(test, q("correct"), {"identifier": "RESPONSE"})
        set_score(when, "1")
        set_score(etree.SubElement(condition, q("responseElse")), "0")
    feedback = etree.SubElement(etree.SubElement(rules, q("setOutcomeValue"), {"identifier": "FEEDBACK"}), q("multiple"))
    if item.kind in {"single", "multiple"}:
        etree.SubElement(feedback, q("variable"), {"identifier": "RESPONSE"})
    etree.SubElement(feedback, q("baseValue"), {"baseType": "identifier"}).text = GENERAL


def assessment_item(item: Item) -> bytes:
    root = etree.Element(q("assessmentItem"), {
        "identifier": identifier(item.name), "title": item.name, "adaptive": "false", "timeDependent": "false",
        f"{{{XSI}}}schemaLocation": f"{QTI} {QTI_XSD}"})
    declarations(root, item)
    body(root, item)
    processing(root, item)
    for index, choice in enumerate(item.choices):
        if choice.feedback:
            xhtml(etree.SubElement(root, q("modalFeedback"), {"outcomeIdentifier": "FEEDBACK", "identifier": f"C{index}",
                                                               "showHide": "show"}), choice.feedback)
    xhtml(etree.SubElement(root, q("modalFeedback"), {"outcomeIdentifier": "FEEDBACK", "identifier": GENERAL,
                                                       "showHide": "show"}), item.general_feedback)
    return xml_bytes(root, QTI, indent=False)


def assessment_test(test_id: str, title: str, items: list[Item]) -> bytes:
    root = etree.Element(q("assessmentTest"), {"identifier": f"T-{test_id}", "title": title,
                                               f"{{{XSI}}}schemaLocation": f"{QTI} {QTI_XSD}"})
    part = etree.SubElement(root, q("testPart"), {"identifier": "PART", "navigationMode": "nonlinear",
                                                  "submissionMode": "simultaneous"})
    section = etree.SubElement(part, q("assessmentSection"), {"identifier": "SECTION", "title": title,
                                                              "visible": "true"})
    for item in items:
        etree.SubElement(section, q("assessmentItemRef"), {"identifier": identifier(item.name),
                                                           "href": f"items/{identifier(item.name)}.xml"})
    return xml_bytes(root, QTI)


def package_manifest(test_id: str, items: list[Item]) -> bytes:
    root = etree.Element(f"{{{IMSCP}}}manifest", {"identifier": f"M-{test_id}"})
    metadata = etree.SubElement(root, f"{{{IMSCP}}}metadata")
    etree.SubElement(metadata, f"{{{IMSCP}}}schema").text = "QTIv2.1 Package"
    etree.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.0.0"
    etree.SubElement(root, f"{{{IMSCP}}}organizations")
    resources = etree.SubElement(root, f"{{{IMSCP}}}resources")
    test = etree.SubElement(resources, f"{{{IMSCP}}}resource", {"identifier": f"R-T-{test_id}",
                                                                 "type": "imsqti_test_xmlv2p1", "href": "assessment.xml"})
    etree.SubElement(test, f"{{{IMSCP}}}file", {"href": "assessment.xml"})
    for item in items:
        etree.SubElement(test, f"{{{IMSCP}}}dependency", {"identifierref": f"R-{identifier(item.name)}"})
    for item in items:
        href = f"items/{identifier(item.name)}.xml"
        resource = etree.SubElement(resources, f"{{{IMSCP}}}resource", {
            "identifier": f"R-{identifier(item.name)}", "type": "imsqti_item_xmlv2p1", "href": href})
        etree.SubElement(resource, f"{{{IMSCP}}}file", {"href": href})
    return xml_bytes(root, IMSCP)


def qti_package(test_id: str, title: str, items: list[Item]) -> dict[str, bytes]:
    """The files of the package by their path in its zip."""
    files = {f"items/{identifier(item.name)}.xml": assessment_item(item) for item in items}
    files["assessment.xml"] = assessment_test(test_id, title, items)
    files["imsmanifest.xml"] = package_manifest(test_id, items)
    return files
