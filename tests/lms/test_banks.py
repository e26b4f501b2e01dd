"""The question files read back: GIFT with a strict reader written from Moodle's format notes, Moodle
XML and QTI with an XML parser. Each must hold every question of the banks with the same text,
right answers, credit and feedback, computed answers as their values."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from gift_parser import GiftError, parse_gift
from helpers import PROJECT_DIR
from macros.lms import gift, items
from macros.lms.sources import (ChoiceQuestion, MultipleQuestion, SafeMarkdown, ShortQuestion, TrueFalseQuestion,
                                computed_answer, load_site)

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
IMSCP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


@dataclass(frozen=True)
class Expected:
    """A bank question as every format must carry it, worked out here from the bank itself."""

    name: str
    kind: str
    prompt: str
    general: str
    options: tuple[tuple[str, bool, str | None], ...] = ()  # text, right, feedback
    truth: bool | None = None
    accept: tuple[str, ...] = ()
    number: float | None = None
    tolerance: float = 0.0


@pytest.fixture(scope="module")
def site() -> tuple:
    return load_site(PROJECT_DIR, PROJECT_DIR / "mkdocs.yml")


@pytest.fixture(scope="module")
def expected(site: tuple) -> dict[str, list[Expected]]:
    config, content = site
    markdown = SafeMarkdown(config)
    found: dict[str, list[Expected]] = {}
    for bank_id, bank in content.banks.items():
        found[bank_id] = []
        for question in bank.questions:
            common = dict(name=f"{bank_id}/{question.id}", prompt=markdown.block(question.prompt),
                          general=markdown.block(question.explanation) + f"<p>Source: {markdown.inline(question.source)}</p>")
            if isinstance(question, ChoiceQuestion):
                options = tuple((markdown.inline(option.text), option.correct,
                                 markdown.block(option.feedback) if option.feedback else None)
                                for option in question.options)
                kind = "multiple" if isinstance(question, MultipleQuestion) else "single"
                found[bank_id].append(Expected(kind=kind, options=options, **common))
            elif isinstance(question, TrueFalseQuestion):
                found[bank_id].append(Expected(kind="true-false", truth=question.answer, **common))
            elif isinstance(question, ShortQuestion) and question.accept:
                found[bank_id].append(Expected(kind="text", accept=tuple(question.accept), **common))
            else:
                value = question.number if question.computed is None else computed_answer(question.computed)
                found[bank_id].append(Expected(kind="number", number=value, tolerance=question.tolerance or 0.0,
                                               **common))
    return found


def sets(lms_out: Path, site: tuple, expected: dict[str, list[Expected]]) -> list[tuple[str, list[Expected]]]:
    """(file name without extension, the questions it must hold) for every bank and path."""
    content = site[1]
    found = [(bank_id, questions) for bank_id, questions in sorted(expected.items())]
    for path in content.paths.paths:
        found.append((f"path-{path.id}", [q for step in path.steps for q in expected[step.module]]))
    return found


def test_every_bank_and_path_has_its_three_files(lms_out: Path, site: tuple, expected: dict) -> None:
    names = {path.name for path in (lms_out / "banks").iterdir()}
    for name, _ in sets(lms_out, site, expected):
        assert {f"{name}.gift.txt", f"{name}.moodle.xml", f"{name}.qti.zip"} <= names


def right_weights(question: Expected) -> dict[str, float]:
    right = sum(correct for _, correct, _ in question.options)
    wrong = len(question.options) - right
    return {text: (100 / right if correct else -100 / wrong if question.kind == "multiple" else 0)
            for text, correct, _ in question.options}


def test_gift_holds_the_banks(lms_out: Path, site: tuple, expected: dict) -> None:
    for name, questions in sets(lms_out, site, expected):
        read = parse_gift((lms_out / "banks" / f"{name}.gift.txt").read_text(encoding="utf-8"))
        assert [q.name for q in read] == [q.name for q in questions], name
        for got, want in zip(read, questions):
            assert (got.format, got.text, got.general_feedback) == ("html", want.prompt, want.general), want.name
            if want.kind in {"single", "multiple"}:
                assert got.kind == "choice"
                assert [(a.text, a.feedback) for a in got.answers] == [(t, f) for t, _, f in want.options]
                if want.kind == "single":
                    assert [a.right for a in got.answers] == [c for _, c, _ in want.options]
                else:
                    weights = right_weights(want)
                    assert all(a.weight == pytest.approx(weights[a.text], abs=1e-4) for a in got.answers), want.name
            elif want.kind == "true-false":
                assert (got.kind, got.truth) == ("true-false", want.truth)
            elif want.kind == "text":
                assert got.kind == "short"
                accepted = [a.text.replace("\\*", "*") for a in got.answers]
                assert set(want.accept) <= set(accepted)
                assert all(a.weight is None for a in got.answers)
            else:
                assert (got.kind, got.number, got.tolerance) == ("number", want.number, want.tolerance)


def test_gift_escapes_every_special_character() -> None:
    awkward = "a ~ b = c # d { e } f : g \\ h\nnext line"
    item = items.Item("bank/awkward", "single", awkward, awkward,
                      choices=[items.Choice(awkward, True, 100.0, awkward), items.Choice("no", False, 0.0, None)])
    (read,) = parse_gift(gift.question(item))
    assert (read.text, read.general_feedback, read.answers[0].text, read.answers[0].feedback) == (awkward,) * 4
    with pytest.raises(GiftError):
        parse_gift("::q::What is 1 = 1?{=yes ~no}")


def moodle_text(element: etree.Element, tag: str) -> str:
    return element.find(f"{tag}/text").text or ""


def test_moodle_xml_holds_the_banks(lms_out: Path, site: tuple, expected: dict) -> None:
    for name, questions in sets(lms_out, site, expected):
        quiz = etree.parse(lms_out / "banks" / f"{name}.moodle.xml").getroot()
        read = [q for q in quiz.findall("question") if q.get("type") != "category"]
        assert [moodle_text(q, "name") for q in read] == [q.name for q in questions], name
        for got, want in zip(read, questions):
            assert (moodle_text(got, "questiontext"), moodle_text(got, "generalfeedback")) == (want.prompt, want.general)
            answers = [(a.findtext("text"), float(a.get("fraction")), a.findtext("feedback/text") or None)
                       for a in got.findall("answer")]
            if want.kind in {"single", "multiple"}:
                assert got.get("type") == "multichoice"
                assert got.findtext("single") == ("true" if want.kind == "single" else "false")
                weights = right_weights(want)
                assert [(t, f) for t, _, f in answers] == [(t, f) for t, _, f in want.options]
                assert all(fraction == pytest.approx(weights[text], abs=1e-4) for text, fraction, _ in answers)
            elif want.kind == "true-false":
                assert dict((t, fr) for t, fr, _ in answers) == {"true": 100.0 * want.truth,
                                                                 "false": 100.0 * (not want.truth)}
            elif want.kind == "text":
                assert got.get("type") == "shortanswer" and got.findtext("usecase") == "0"
                assert set(want.accept) <= {t.replace("\\*", "*") for t, _, _ in answers}
            else:
                assert got.get("type") == "numerical"
                assert float(answers[0][0]) == want.number
                assert float(got.find("answer/tolerance").text) == want.tolerance


def plain(element: etree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def html_plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", '"').split())


def test_qti_packages_hold_the_banks(lms_out: Path, site: tuple, expected: dict) -> None:
    for name, questions in sets(lms_out, site, expected):
        with zipfile.ZipFile(lms_out / "banks" / f"{name}.qti.zip") as archive:
            files = {entry: archive.read(entry) for entry in archive.namelist()}
        manifest = etree.fromstring(files["imsmanifest.xml"])
        listed = {file.get("href") for file in manifest.iter(f"{IMSCP}file")}
        assert listed == set(files) - {"imsmanifest.xml"}
        identifiers = [resource.get("identifier") for resource in manifest.iter(f"{IMSCP}resource")]
        assert len(identifiers) == len(set(identifiers))
        test = etree.fromstring(files["assessment.xml"])
        refs = [ref.get("href") for ref in test.iter(f"{QTI}assessmentItemRef")]
        assert len(refs) == len(questions)
        for href, want in zip(refs, questions):
            item = etree.fromstring(files[href])
            assert item.get("title") == want.name
            assert plain(item.find(f"{QTI}itemBody/{QTI}div")) == html_plain(want.prompt)
            feedback = {fb.get("identifier"): plain(fb) for fb in item.iter(f"{QTI}modalFeedback")}
            assert feedback["GENERAL"] == html_plain(want.general)
            correct = [v.text for v in item.find(f"{QTI}responseDeclaration/{QTI}correctResponse")]
            if want.kind in {"single", "multiple"}:
                choices = {c.get("identifier"): plain(c) for c in item.iter(f"{QTI}simpleChoice")}
                assert list(choices.values()) == [html_plain(t) for t, _, _ in want.options]
                assert [choices[key] for key in correct] == [html_plain(t) for t, c, _ in want.options if c]
                for key, (_, _, option_feedback) in zip(choices, want.options):
                    assert feedback.get(key) == (html_plain(option_feedback) if option_feedback else None)
                if want.kind == "multiple":
                    weights = right_weights(want)
                    mapped = {e.get("mapKey"): float(e.get("mappedValue")) for e in item.iter(f"{QTI}mapEntry")}
                    assert all(mapped[key] * 100 == pytest.approx(weights[t], abs=1e-3)
                               for key, (t, _, _) in zip(choices, want.options))
            elif want.kind == "true-false":
                assert correct == ["TRUE" if want.truth else "FALSE"]
            elif want.kind == "text":
                mapped = {e.get("mapKey") for e in item.iter(f"{QTI}mapEntry")}
                assert set(want.accept) <= mapped
            else:
                assert float(correct[0]) == want.number
                equal = item.find(f".//{QTI}equal")
                assert equal.get("toleranceMode") == ("absolute" if want.tolerance else "exact")
