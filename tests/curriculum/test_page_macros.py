"""Macro calls in pages are checked before any page renders: against the macros' parameters, the
content they name and the settings, at the page's own line."""

from __future__ import annotations

from pathlib import Path

from helpers import FIXTURES, PROJECT_DIR
from macros.curriculum.calls import check_ids, check_quiz_calls, id_rules
from macros.practice.cases import case_files
from macros.quiz.banks import load_bank, load_banks
from macros.curriculum.page_macros import PageNames, find_calls
from macros.pages import read_page, read_pages
from macros.coc.settings import Settings


def page_problems(docs: Path, bank_ids: list[str], project: Path = PROJECT_DIR) -> list[str]:
    pages, problems = read_pages(docs, project)
    calls, found = find_calls(pages, docs, Settings)
    problems += found + check_ids(calls, id_rules(bank_ids, [], ["end-user"], ["pdde"])) + check_quiz_calls(calls)
    return [str(problem) for problem in sorted(problems)]


def write_page(project: Path, name: str, text: str) -> Path:
    page = project / name
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")
    return page


def test_calls_to_missing_or_misplaced_banks_are_reported_with_page_and_line() -> None:
    fixture_problems = [line for line in page_problems(FIXTURES / "pages", ["sample"])
                        if line.startswith("tests/fixtures/")]  # not a fork's own local pages
    assert fixture_problems == [
        'tests/fixtures/pages/calls.md:9: quiz("no-such-bank"): there is no bank quizzes/no-such-bank.yml; known banks: sample',
        'tests/fixtures/pages/calls.md:13: quiz("sample"): put the call at the start of its own line, '
        "outside lists and admonitions, or the quiz will break",
        'tests/fixtures/pages/calls.md:15: quiz("sample"): this bank is already on the page at line 5; '
        "show a bank once per page",
    ]


def test_the_project_pages_call_only_what_exists() -> None:
    banks, _ = load_banks(PROJECT_DIR)
    pages, problems = read_pages(PROJECT_DIR / "docs", PROJECT_DIR)
    calls, found = find_calls(pages, PROJECT_DIR / "docs", Settings)
    assert problems == [] and found == []
    case_ids = [path.stem for path in case_files(PROJECT_DIR)]
    assert check_ids(calls, id_rules(banks, case_ids, None, None)) + check_quiz_calls(calls) == []
    assert {call.arguments["bank_id"] for call in calls if call.macro == "quiz"} >= {"security-privacy", "help-desk"}


def test_every_way_a_call_can_break_the_build_is_reported_at_its_line(tmp_path: Path) -> None:
    """The calls the audit found passing `make check` and then crashing the build, and their kin."""
    lines = ["---", "title: Calls", "---", "", "# Calls", "",
             '{{ quiz(bank_id="missing") }}', "{{ quiz() }}", '{{ data_elements("nope") }}', '{{ path_page("nope") }}',
             "{{ coc.help_desk.fax }}", '{{ coc["quiz"].pass_mark }}', '{{ quizz("help-desk") }}',
             "{{ site_data.typo }}", "{{ coc.coc.name | upperr }}", "{{ path_page(some_path) }}",
             "{{ help_desk(1) }}", '{{ module_list(level="introductory", extra=1) }}', '{% include "nowhere.md" %}']
    write_page(tmp_path, "local/pages/calls.md", "\n".join(lines) + "\n")
    assert page_problems(tmp_path / "docs", ["help-desk"], tmp_path) == [
        'local/pages/calls.md:7: quiz(bank_id="missing"): there is no bank local/quizzes/missing.yml or '
        "quizzes/missing.yml; known banks: help-desk",
        "local/pages/calls.md:8: quiz(): missing a required argument: 'bank_id'; call it as quiz(bank_id, only=...)",
        'local/pages/calls.md:9: data_elements("nope"): there is no family \'nope\' in '
        "quizzes/reference/data-elements.yml; families are: pdde",
        "local/pages/calls.md:10: path_page(\"nope\"): there is no path 'nope' in quizzes/reference/paths.yml; "
        "paths are: end-user",
        "local/pages/calls.md:11: coc.help_desk.fax: no setting 'fax' in coc.help_desk: it has email, phone, hours, "
        "ticket_url",
        "local/pages/calls.md:12: coc.quiz.pass_mark: no setting 'pass_mark' in coc.quiz: it has pass_mark_percent",
        "local/pages/calls.md:13: quizz(\"help-desk\"): unknown macro 'quizz': did you mean 'quiz'?",
        "local/pages/calls.md:14: site_data: unknown variable",
        "local/pages/calls.md:15: upperr: unknown filter: did you mean 'upper'?",
        "local/pages/calls.md:16: path_page(...): write the path_id in quotes, as in path_page(\"...\"), so it can be "
        "checked before the build",
        "local/pages/calls.md:16: some_path: unknown variable",
        "local/pages/calls.md:17: help_desk(1): too many positional arguments; call it as help_desk()",
        "local/pages/calls.md:18: module_list(level=\"introductory\", extra=1): got an unexpected keyword argument "
        "'extra'; call it as module_list(level)",
        "local/pages/calls.md:19: nowhere.md: there is no file docs/nowhere.md to include",
    ]


def test_names_a_page_defines_or_its_front_matter_gives_are_known(tmp_path: Path) -> None:
    text = ("---\nowner: Riverbend\n---\n{% set team = 'HMIS' %}{% for item in [1] %}{{ loop.index }}{% endfor %}\n"
            "{% macro box(x) %}{{ x }}{% endmacro %}{{ box(team ~ owner) }} {{ page.title }} {{ now().year }}\n"
            "{% call local_callout(\"a-slot\") %}Default{% endcall %} {{ coc.coc.name | upper }}\n")
    write_page(tmp_path, "docs/fine.md", text)
    assert page_problems(tmp_path / "docs", [], tmp_path) == []


def test_syntax_errors_are_reported_at_the_file_line_after_the_front_matter(tmp_path: Path) -> None:
    # mkdocs-macros counts lines from after the front matter (and the blank lines MkDocs drops).
    write_page(tmp_path, "docs/broken.md", "---\ntitle: Broken\n---\n\n\n# Broken\n\nText {{ quiz( }}\n")
    assert page_problems(tmp_path / "docs", [], tmp_path) == [
        "docs/broken.md:8: macro syntax error: unexpected '}', expected ')'; to show {{ or {% as text, put "
        "{% raw %} before it and {% endraw %} after"]


def test_a_title_with_macros_is_checked_at_its_line(tmp_path: Path) -> None:
    write_page(tmp_path, "docs/titled.md", "---\ndescription: x\ntitle: \"{{ coc.coc.nam }}\"\n---\n# Body\n")
    assert page_problems(tmp_path / "docs", [], tmp_path) == [
        "docs/titled.md:3: coc.coc.nam: no setting 'nam' in coc.coc: it has name, number"]


def test_pages_that_do_not_render_macros_are_not_parsed(tmp_path: Path) -> None:
    write_page(tmp_path, "docs/example.md", "---\nrender_macros: false\n---\n{{ quiz( }}\n")
    assert page_problems(tmp_path / "docs", [], tmp_path) == []


def test_front_matter_is_read_like_any_content_file(tmp_path: Path) -> None:
    cases = {"bom.md": b"\xef\xbb\xbf---\ntitle: BOM\n---\n# BOM\n", "latin1.md": b"# Caf\xe9\n",
             "list.md": b"---\n- a\n---\n# List\n", "title.md": b"---\ntitle: [a]\n---\n# Title\n",
             "date.md": b"---\ndate: 2026-02-30\n---\n# Date\n"}
    found = {}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        page, problems = read_page(tmp_path / name, name)
        found[name] = [str(problem) for problem in problems] or page.meta
    assert found == {
        "bom.md": {"title": "BOM"},
        "latin1.md": ["latin1.md:1: not UTF-8 text: byte 0xE9 at column 6 cannot be read; save the file with UTF-8 "
                      "encoding"],
        "list.md": ["list.md:2: the front matter must be 'field: value' lines, not a list"],
        "title.md": ["title.md:2: title: must be text"],
        "date.md": ["date.md:2: date: '2026-02-30' is not a real date (day is out of range for month); write a date "
                    "that exists, as YYYY-MM-DD"],
    }


def test_the_macros_pages_may_call_are_read_from_the_package() -> None:
    names = PageNames.of_package()
    assert {"quiz", "path_page", "data_elements", "local_callout", "help_desk"} <= set(names.macros)
    assert list(names.macros["quiz"].parameters) == ["bank_id", "only"]
    assert names.variables == {"coc"}


def test_checkpoints_name_questions_of_their_bank_once_each_beside_the_whole_quiz() -> None:
    """quiz("bank", only=[...]): every mistake at its page and line, as the build reports it."""
    bank, _ = load_bank(FIXTURES / "render" / "sample.yml", "tests/fixtures/render/sample.yml")
    folder = FIXTURES / "checkpoints"
    pages, problems = read_pages(folder, PROJECT_DIR)
    calls, found = find_calls(pages, folder, Settings)
    problems += found + check_ids(calls, id_rules(["sample"], [], None, None)) + check_quiz_calls(calls, {"sample": bank})
    fixture_problems = [str(problem) for problem in sorted(problems) if problem.file.startswith("tests/")]
    assert fixture_problems == (folder / "expected-problems.txt").read_text(encoding="utf-8").splitlines()
    assert fixture_problems[0].endswith('add {{ quiz("sample") }} at the end of the page')
