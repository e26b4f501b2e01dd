"""Practice client cases: bad files give one line per problem, every case in quizzes/cases/ is
shown with its key, and the handout never shows the key's answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import FIXTURES, PROJECT_DIR
from macros.curriculum.calls import check_case_calls, check_ids, id_rules
from macros.practice.cases import CASES_DIR, load_case, load_cases
from macros.curriculum.page_macros import find_calls
from macros.pages import read_pages
from macros.coc.settings import Settings

BAD_CASES = sorted(path for path in (FIXTURES / "cases").glob("*.yml") if path.stem != "good")


@pytest.mark.parametrize("case", BAD_CASES, ids=[path.stem for path in BAD_CASES])
def test_bad_case_gives_the_expected_lines(case: Path) -> None:
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    loaded, problems = load_case(case, case.relative_to(PROJECT_DIR).as_posix())
    assert loaded is None
    assert [str(problem) for problem in problems] == expected


def test_a_good_case_loads_and_names_the_people_a_key_row_is_about() -> None:
    case, problems = load_case(FIXTURES / "cases" / "good.yml", "good.yml")
    assert problems == [] and case is not None
    assert [stage.id for stage in case.stages] == ["start", "update", "annual", "exit"]
    assert case.names("A") == "Sam Example" and case.names("All") == "Everyone"


def test_every_case_of_the_site_is_valid_and_keys_every_stage() -> None:
    cases, problems = load_cases(PROJECT_DIR)
    assert problems == []
    assert len(cases) >= 3
    for case in cases.values():
        assert all(stage.key for stage in case.stages)
        assert any(row.basis == "local" and "ROI" in row.element for stage in case.stages for row in stage.key)


def case_problems(project: Path, case_ids: list[str]) -> list[str]:
    """What the checks of case calls find in the project's docs/ pages."""
    pages, _ = read_pages(project / "docs", project)
    calls, _ = find_calls(pages, project / "docs", Settings)
    problems = check_ids(calls, id_rules([], case_ids, None, None)) + check_case_calls(calls, case_ids)
    return [str(problem) for problem in sorted(problems)]


def test_a_page_calling_an_unknown_case_or_a_case_without_its_key_fails(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "practice-cases" / "one.md"
    page.parent.mkdir(parents=True)
    key_page_front_matter = "---\nsearch:\n  exclude: true\n---\n"
    page.write_text(key_page_front_matter + '{{ practice_case("one") }}\n\n{{ practice_case_key("nope") }}\n',
                    encoding="utf-8")
    assert case_problems(tmp_path, ["one"]) == [
        'docs/practice-cases/one.md:7: practice_case_key("nope"): there is no case quizzes/cases/nope.yml; '
        "known cases: one",
        'quizzes/cases/one.yml:1: no page shows this case: add {{ practice_case_key("one") }} to a page in '
        "docs/practice-cases/",
    ]


def test_a_case_key_page_that_search_would_show_fails(tmp_path: Path) -> None:
    pages = tmp_path / "docs" / "practice-cases"
    pages.mkdir(parents=True)
    (pages / "one.md").write_text('{{ practice_case("one") }}\n', encoding="utf-8")
    (pages / "one-key.md").write_text('---\ntitle: Key\n---\n\n{{ practice_case_key("one") }}\n', encoding="utf-8")
    assert case_problems(tmp_path, ["one"]) == [
        "docs/practice-cases/one-key.md:1: search: a page with a case key must stay out of search results: "
        "add 'search: {exclude: true}' to its front matter",
    ]

    (pages / "one-key.md").write_text('---\nsearch:\n  exclude: true\n---\n\n{{ practice_case_key("one") }}\n',
                                      encoding="utf-8")
    assert case_problems(tmp_path, ["one"]) == []


def test_cases_point_editors_at_a_schema_that_knows_the_stages() -> None:
    schema = json.loads((PROJECT_DIR / CASES_DIR / "case.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["Stage"]["properties"]["id"]["enum"] == ["start", "update", "annual", "exit"]
    assert {"household", "stages", "source"} <= set(schema["required"])
    for case in (PROJECT_DIR / CASES_DIR).glob("*.yml"):
        first_line = case.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == "# yaml-language-server: $schema=case.schema.json", case.name
