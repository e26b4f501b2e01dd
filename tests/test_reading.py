"""Reading content files: any bytes give the data or one line naming file, line and what is wrong,
quickly, whatever the file holds."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from helpers import FIXTURES
from macros.loader import read_text
from macros.quiz.banks import load_bank
from macros.safe_yaml import MAX_ALIASED_VALUES, MAX_DEPTH, read_yaml

SAMPLE = FIXTURES / "render" / "sample.yml"


def alias_bomb(levels: int = 9) -> str:
    """The "billion laughs": each list repeats the one before nine times, 9**levels values in 2 KB."""
    text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in range(1, levels):
        text += f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]\n"
    return text + f"questions: *l{levels - 1}\n"


def problems_of(text: str) -> list[str]:
    return [str(problem) for problem in read_yaml(text, "x.yml")[2]]


def test_an_alias_bomb_is_refused_at_once() -> None:
    started = time.perf_counter()
    problems = problems_of(alias_bomb())
    assert time.perf_counter() - started < 0.5
    assert problems == [f"x.yml:4: aliases (*name) in this file repeat more than {MAX_ALIASED_VALUES:,} values; "
                        "write the content out instead of repeating it"]


def test_a_few_aliases_are_still_fine() -> None:
    root, data, problems = read_yaml("a: &a [x, y]\nb: *a\nc: *a\n", "x.yml")
    assert problems == [] and data == {"a": ["x", "y"], "b": ["x", "y"], "c": ["x", "y"]}


def test_an_alias_inside_its_own_anchor_is_refused() -> None:
    assert problems_of("questions: &q [*q]\n") == [
        "x.yml:1: the alias *q sits inside its own anchor &q, an endless loop; write the content out instead"]


@pytest.mark.parametrize("text", [
    "questions: " + "[" * 100_000 + "]" * 100_000 + "\n",  # crashed the process: recursion in C
    "questions: " + "{a: " * 100_000 + "}" * 100_000 + "\n",
    "questions:\n" + "- " * 100_000 + "x\n",
    "questions: " + "[" * 100_000 + "\n",  # and never closed
], ids=["flow-lists", "flow-mappings", "block-lists", "unclosed"])
def test_deep_nesting_is_refused_before_the_tree_is_built(text: str) -> None:
    started = time.perf_counter()
    problems = problems_of(text)
    assert time.perf_counter() - started < 0.5
    assert len(problems) == 1
    assert f"lists and mappings are nested more than {MAX_DEPTH} deep here" in problems[0]


def test_nesting_up_to_the_limit_is_read() -> None:
    depth = MAX_DEPTH - 1
    _, data, problems = read_yaml("a: " + "[" * depth + "x" + "]" * depth + "\n", "x.yml")
    assert problems == [] and data is not None


def test_bytes_that_are_not_utf8_are_named_by_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bank.yml"
    path.write_bytes(b"title: ok\nquestions:\n  - id: caf\xe9\n")
    text, problems = read_text(path, "quizzes/bank.yml")
    assert text is None
    assert [str(problem) for problem in problems] == [
        "quizzes/bank.yml:3: not UTF-8 text: byte 0xE9 at column 12 cannot be read; save the file with UTF-8 encoding"]


def test_a_file_that_cannot_be_read_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "folder.yml").mkdir()
    assert read_text(tmp_path / "folder.yml", "quizzes/folder.yml")[1][0].message.startswith("cannot be read: ")


def test_a_bom_and_windows_line_ends_are_read_as_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "bank.yml"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.read_bytes().replace(b"\n", b"\r\n"))
    text, problems = read_text(path, "bank.yml")
    assert problems == [] and text == SAMPLE.read_text(encoding="utf-8")
    bank, problems = load_bank(path, "bank.yml")
    assert problems == [] and bank is not None


@pytest.mark.parametrize(("text", "expected"), [
    ("- id: x\n", "x.yml:1: the top level must be 'field: value' lines, not a list"),
    ("just words\n", "x.yml:1: the top level must be 'field: value' lines, not text"),
    ("42\n", "x.yml:1: the top level must be 'field: value' lines, not a number"),
])
def test_a_file_that_is_not_a_mapping_says_so(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    assert [str(problem) for problem in load_bank(path, "x.yml")[1]] == [expected]


def test_a_date_that_does_not_exist_is_named_by_field() -> None:
    assert problems_of("questions:\n  - id: x\n    prompt: 2026-02-30\n") == [
        "x.yml:3: questions[0].prompt: '2026-02-30' is not a real date (day is out of range for month); write "
        "a date that exists, as YYYY-MM-DD"]


def test_a_value_its_tag_cannot_read_is_named_by_field() -> None:
    assert problems_of("questions:\n  - id: !!int abc\n") == [
        "x.yml:2: questions[0].id: YAML cannot read 'abc' as int: invalid literal for int() with base 10: 'abc'"]


def test_a_quote_left_open_is_reported_where_it_opens_not_where_the_parser_gave_up() -> None:
    lines = ["questions:", "  - id: one", "    type: single", '    prompt: "Which form is current?',
             "    options:", "      - text: Version 2", '        feedback: "Not any more."', "      - text: Version 3",
             "        correct: true", "    explanation: Version 3 replaced it.", "    source: Policy 4"]
    assert problems_of("\n".join(lines) + "\n") == [
        "x.yml:4: YAML syntax error: the quoted text that starts on this line runs on to line 7, where the parser "
        "gave up: expected <block end>, but found '<scalar>'; is its closing quote missing?"]


def test_a_quote_never_closed_is_reported_where_it_opens() -> None:
    assert problems_of("questions:\n  - id: 'one\n    type: single\n") == [
        "x.yml:2: YAML syntax error: the quoted text that starts on this line is never closed (the parser gave "
        "up at line 4: found unexpected end of stream); add its closing quote"]


def test_a_quoted_text_over_several_lines_is_not_suspected() -> None:
    text = 'questions:\n  - prompt: "one\n      two"\n    type: [\n'
    assert problems_of(text) == [
        "x.yml:5: YAML syntax error: expected the node content, but found '<stream end>' (while parsing a flow "
        "node that starts at line 5); check indentation, quotes and brackets"]


def test_a_control_character_is_reported_at_its_line() -> None:
    assert problems_of("title: ok\nquestions: [a\x00b]\n") == [
        "x.yml:2: YAML syntax error: the character #x0000 is not allowed in YAML; delete it"]


@pytest.mark.parametrize("text", [
    "a: 1\nb: [1, 2.5, .nan, 2026-01-02, ~, true, '7']\n", "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n",
    "=: x\n", "1: one\n'1': text one\n", "a: &a [x, {y: z}]\nb: *a\n", "s: !!set {x, y}\n", "b: !!binary aGk=\n",
    "? [a, b]\n: c\n", "- !!str 12\n- !!int '3'\n", "k: v\nk: w\n"])
def test_data_is_what_the_yaml_safe_loader_makes(text: str) -> None:
    import yaml
    root, data, problems = read_yaml(text, "x.yml")
    try:
        expected = yaml.safe_load(text)
    except yaml.YAMLError:
        assert data is None and len(problems) == 1
    else:
        assert repr(data) == repr(expected) and problems == []
