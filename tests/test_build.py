"""The whole site builds strictly, and broken content stops the build with clear lines."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

from mkdocs.config import load_config

from helpers import FIXTURES, PROJECT_DIR, copy_project, mkdocs_build
from macros import practice
from macros.content import load_content
from macros.curriculum.modules import nav_paths


def test_the_site_builds_strictly_with_the_quiz_on_its_page(tmp_path: Path) -> None:
    result = mkdocs_build(PROJECT_DIR, tmp_path / "site")

    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert "Material for MkDocs reaches end of life" not in result.stderr
    page = (tmp_path / "site" / "introductory" / "security-privacy" / "index.html").read_text(encoding="utf-8")
    assert page.count('data-quiz-question="security-privacy/') >= 12
    assert 'src="../../assets/javascripts/hmis.min.js?v=' in page
    assert 'href="../../assets/stylesheets/hmis.min.css?v=' in page
    assert '<abbr title="Homeless Management Information System">HMIS</abbr>' in page  # glossary tooltips


def test_the_home_page_lists_every_introductory_module_in_order(tmp_path: Path) -> None:
    assert mkdocs_build(PROJECT_DIR, tmp_path / "site").returncode == 0
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<a href="introductory/([a-z-]+)/">', home.split('class="module-list"')[1])
    pages = [path.removeprefix("introductory/").removesuffix(".md")
             for path in nav_paths(load_config(str(PROJECT_DIR / "mkdocs.yml"))["nav"])
             if path.startswith("introductory/")]
    assert listed == pages and len(pages) == 11


def test_bad_banks_and_pages_fail_the_build_with_every_problem_and_no_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    expected = []
    for name in ("unknown-field", "single-two-right", "yaml-syntax"):
        shutil.copy(FIXTURES / "banks" / f"{name}.yml", project / "quizzes" / f"{name}.yml")
        lines = (FIXTURES / "banks" / f"{name}.expected").read_text(encoding="utf-8").splitlines()
        expected += [line.replace("tests/fixtures/banks/", "quizzes/") for line in lines]
    (project / "docs" / "broken.md").write_text('# Broken\n\n{{ quiz("missing-bank") }}\n', encoding="utf-8")

    result = mkdocs_build(project, tmp_path / "site")

    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert "Aborted with a BuildError!" in output
    assert f"ERROR   -  {len(expected) + 1} problems in the site's content" in output
    for line in expected:
        assert f"\n{line}\n" in output
    assert '\ndocs/broken.md:3: quiz("missing-bank"): there is no bank quizzes/missing-bank.yml' in output


def test_an_undefined_variable_in_a_page_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "index.md").write_text("# Home\n\n{{ site_data.typo }}\n", encoding="utf-8")

    result = mkdocs_build(project, tmp_path / "site")

    assert result.returncode != 0
    assert "site_data" in result.stderr + result.stdout


def test_paths_and_training_plan_are_built_from_the_data(tmp_path: Path) -> None:
    """Counted from the data, so a fork that adds its own modules to a path passes too."""
    assert mkdocs_build(PROJECT_DIR, tmp_path / "site").returncode == 0
    site = tmp_path / "site"
    content = load_content(PROJECT_DIR, PROJECT_DIR / "docs", load_config(str(PROJECT_DIR / "mkdocs.yml"))["nav"])
    end_user_steps = [step.module for step in content.paths.get("end-user").steps]
    chooser = (site / "paths" / "index.html").read_text(encoding="utf-8")
    for role in ("end-user", "agency-admin", "hmis-lead", "trainer"):
        assert f'href="{role}/"' in chooser
        assert (site / "paths" / role / "index.html").is_file()
    end_user = (site / "paths" / "end-user" / "index.html").read_text(encoding="utf-8")
    steps_table = end_user.split('class="path-agenda"')[0]
    assert steps_table.count("<tr>") == 1 + len(end_user_steps)  # a header row and one row per module
    assert "Optional" in end_user and "minutes for the required modules" in end_user
    # Progress lives in this browser: every path page says so and links to the export (audit M-6).
    assert '<a href="../#your-progress">Your progress</a>' in end_user and 'id="your-progress"' in chooser
    plan = (site / "paths" / "training-plan" / "index.html").read_text(encoding="utf-8")
    every_module = content.by_id()  # a fork's own modules too
    assert plan.count("Quiz: ") == len(every_module.keys() & content.banks.keys())
    assert f"Total:</strong> {len(every_module)} modules" in plan
    requirements = content.settings.training.requirements
    for page in (plan, (site / "your-coc" / "index.html").read_text(encoding="utf-8")):
        shown = re.sub(r"<[^>]+>", "", html.unescape(page))  # tooltips wrap acronyms in <abbr>
        assert all(rule in shown for rule in requirements)
        assert ("learning path you must finish, by when" in page) != bool(requirements)
    module = (site / "introductory" / "data-elements" / "index.html").read_text(encoding="utf-8")
    position = end_user_steps.index("data-elements") + 1
    assert 'id="in-learning-paths"' in module and f"step {position} of {len(end_user_steps)}" in module
    # Learners see the self-paced estimate, trainers the session length; path totals are self-paced.
    data_elements = content.by_id()["data-elements"]
    assert 0 < data_elements.self_paced_minutes < data_elements.meta.minutes
    assert (f"about {data_elements.self_paced_minutes} minutes on your own ({data_elements.meta.minutes} as a session"
            in module)
    required = [content.by_id()[step.module] for step in content.paths.get("end-user").steps if step.required]
    assert f"about {sum(m.self_paced_minutes for m in required)} minutes for the required modules" in end_user


def test_the_practice_export_is_in_the_built_site(tmp_path: Path) -> None:
    assert mkdocs_build(PROJECT_DIR, tmp_path / "site").returncode == 0
    site = tmp_path / "site"
    for path, content in practice.files(PROJECT_DIR).items():
        assert (site / path).read_bytes() == content, path
    page = (site / "practice-export" / "index.html").read_text(encoding="utf-8")
    assert 'href="../downloads/practice-export.zip"' in page
    assert 'href="../downloads/practice-export/Client.csv"' in page
    exercises = "".join((site / module / "index.html").read_text(encoding="utf-8") for module in (
        "introductory/ad-hoc-reporting", "advanced/data-quality-policies", "advanced/project-level-reporting",
        "advanced/system-level-reporting"))
    for name in practice.MEASURES:  # each exercise checks against the value computed from the files
        assert f'data-quiz-number="{practice.answer(name)}"' in exercises, name


def test_each_practice_case_has_a_printable_handout_without_answers_and_a_key(tmp_path: Path) -> None:
    assert mkdocs_build(PROJECT_DIR, tmp_path / "site").returncode == 0
    cases = tmp_path / "site" / "practice-cases"
    listing = (cases / "index.html").read_text(encoding="utf-8")
    for case_id in ("rrh-family", "psh-veteran", "th-young-couple"):
        handout = (cases / case_id / "index.html").read_text(encoding="utf-8")
        key = (cases / f"{case_id}-key" / "index.html").read_text(encoding="utf-8")
        assert f'href="{case_id}/"' in listing and f'href="{case_id}-key/"' in listing
        assert "Expected entry" not in handout and "Information Date 20" not in handout
        assert f'href="../{case_id}-key/"' in handout and f'href="../{case_id}/"' in key
        assert "Expected entry" in key and "<td>Federal</td>" in key and "<td>Local</td>" in key
        assert key.count("<table>") == 4  # one per stage: start, update, annual assessment, exit
    for module in ("data-collection", "project-specific-data-collection"):
        page = (tmp_path / "site" / "introductory" / module / "index.html").read_text(encoding="utf-8")
        assert 'href="../../practice-cases/"' in page, module


def test_search_finds_the_teaching_but_never_an_answer(tmp_path: Path) -> None:
    assert mkdocs_build(PROJECT_DIR, tmp_path / "site").returncode == 0
    docs = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = "\n".join(doc["title"] + " " + doc["text"] for doc in docs)
    locations = {doc["location"].split("#")[0] for doc in docs}
    assert "introductory/security-privacy/" in locations and "paths/end-user/" in locations
    assert "Releases of information" in text  # the teaching is searchable
    assert "(for trainers)" not in text  # the answer keys printed from path pages
    assert "Show the answer" not in text  # each quiz question's answer and explanation
    assert "for the group quiz" not in text  # trainer notes' timings (docs/introductory/*.md)
    assert "Check yourself before you go on" not in text  # quiz controls and checkpoints
    assert not {location for location in locations if location.endswith("-key/")}  # practice case keys
