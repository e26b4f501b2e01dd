"""`teaches:` names the section of a module page that teaches a question: a heading id as the site's
Markdown makes it. One that names no heading always fails; a missing one fails once
REQUIRE_TEACHES is on. `make check` and the build report the same lines."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config import load_config

from helpers import FIXTURES, PROJECT_DIR, copy_project, mkdocs_build
from macros.content import load_content
from macros.curriculum import teaches
from macros.curriculum.teaches import check_bank, heading_ids
from macros.pages import read_page
from macros.quiz.banks import load_bank

TEACHES = FIXTURES / "teaches"


def fixture_page():
    page, problems = read_page(TEACHES / "module.md", "tests/fixtures/teaches/module.md")
    assert not problems
    return page


def fixture_bank(name: str):
    bank, problems = load_bank(TEACHES / f"{name}.yml", f"tests/fixtures/teaches/{name}.yml")
    assert not problems
    return bank


def expected(name: str) -> list[str]:
    return (TEACHES / f"{name}.expected").read_text(encoding="utf-8").splitlines()


def test_heading_ids_are_made_as_python_markdown_makes_them() -> None:
    assert heading_ids(fixture_page().body) == {
        "a-module-page-for-the-teaches-tests": "A module page for the teaches tests",
        "who-can-see-what": "Who can see what",  # markup dropped
        "notes": "Notes",
        "sharing-keeping-records": "Sharing & keeping records",  # inside an admonition
        "notes_1": "Notes",  # a repeated heading gets toc's suffix
        "named": "Named on purpose",  # an explicit {#id} wins
    }  # and "## Not a heading", in fenced code, is none


def test_a_bank_naming_existing_sections_passes_even_when_they_are_required() -> None:
    assert check_bank(fixture_bank("good"), [fixture_page()], require=True) == []


def test_a_section_that_is_not_on_the_page_always_fails_at_its_line() -> None:
    found = [str(problem) for problem in check_bank(fixture_bank("unknown-anchor"), [fixture_page()], require=False)]
    assert found == expected("unknown-anchor")
    assert "(did you mean 'who-can-see-what'?)" in found[0]


def test_a_missing_teaches_fails_only_while_the_rule_is_on() -> None:
    bank = fixture_bank("missing-teaches")
    assert check_bank(bank, [fixture_page()], require=False) == []
    assert [str(problem) for problem in check_bank(bank, [fixture_page()], require=True)] == expected("missing-teaches")


def strip_teaches(bank_file: Path) -> None:
    bank_file.write_text(re.sub(r"(?m)^ +teaches:.*\n", "", bank_file.read_text(encoding="utf-8")), encoding="utf-8")


def content_problems(project: Path) -> list[str]:
    config = load_config(str(project / "mkdocs.yml"))
    site = load_content(project, project / "docs", config["nav"], config["extra"])
    return [str(problem) for problem in site.problems]


def test_the_switch_makes_every_module_question_name_its_section(tmp_path: Path, monkeypatch) -> None:
    project = copy_project(tmp_path / "project")
    strip_teaches(project / "quizzes" / "help-desk.yml")
    questions = len(re.findall(r"(?m)^  - ", (project / "quizzes" / "help-desk.yml").read_text(encoding="utf-8")))

    monkeypatch.setattr(teaches, "REQUIRE_TEACHES", False)
    assert [line for line in content_problems(project) if "help-desk.yml" in line] == []
    monkeypatch.setattr(teaches, "REQUIRE_TEACHES", True)
    found = [line for line in content_problems(project) if line.startswith("quizzes/help-desk.yml:")]
    assert len(found) == questions
    assert all(".teaches: say which section of docs/introductory/help-desk.md teaches this question" in line
               for line in found)
    assert not [line for line in content_problems(project) if "practice-" in line]  # exercises are exempt


def test_make_check_and_the_build_report_an_unknown_section_alike(tmp_path: Path, monkeypatch, capsys) -> None:
    import macros.__main__ as command

    project = copy_project(tmp_path / "project")
    bank_file = project / "quizzes" / "logging-in.yml"
    strip_teaches(bank_file)
    lines = bank_file.read_text(encoding="utf-8").split("\n")
    first = next(number for number, line in enumerate(lines) if line.startswith("  - "))
    indent = " " * (len(lines[first]) - len(lines[first].lstrip(" -")))
    lines.insert(first + 1, f"{indent}teaches: your-frist-login")
    bank_file.write_text("\n".join(lines), encoding="utf-8")
    problem = (f"quizzes/logging-in.yml:{first + 2}: questions[0].teaches: 'your-frist-login' is not the id of a "
               "heading on docs/introductory/logging-in.md (did you mean 'your-first-login'?)")

    monkeypatch.setattr(command, "PROJECT_DIR", project)
    assert command.main([]) == 1
    assert any(line.startswith(problem) for line in capsys.readouterr().err.splitlines())
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert any(line.startswith(problem) for line in result.stderr.splitlines())


def test_heading_ids_are_the_built_sites_on_every_module_page(tmp_path: Path) -> None:
    assert mkdocs_build(PROJECT_DIR, tmp_path / "site").returncode == 0
    config = load_config(str(PROJECT_DIR / "mkdocs.yml"))
    site = load_content(PROJECT_DIR, PROJECT_DIR / "docs", config["nav"], config["extra"])
    for module in site.modules:
        built = (tmp_path / "site" / module.path.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        article = built.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
        ids = re.findall(r'<h[1-6] id="([^"]+)"', article)
        page, _ = read_page(PROJECT_DIR / "docs" / module.path, module.path)
        assert list(heading_ids(page.body)) == [found for found in ids if found != "in-learning-paths"], module.path


def test_a_module_page_shows_its_own_quiz_where_its_jump_link_goes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "introductory" / "logging-in.md"
    page.write_text(page.read_text(encoding="utf-8").replace('{{ quiz("logging-in") }}', ""), encoding="utf-8")
    assert 'docs/introductory/logging-in.md:1: a module shows its own quiz, so learners can pass it: add ' \
           '{{ quiz("logging-in") }} on a line of its own' in content_problems(project)
