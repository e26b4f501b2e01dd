"""Learning paths: every problem in paths.yml reported with its line; a good file loads."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import FIXTURES, PROJECT_DIR
from macros.paths.formats import PATHS_FILE, load_paths

MODULES = {"security-privacy", "train-the-trainer", "project-specific-data-collection"}


def test_every_problem_is_reported_with_its_line(tmp_path: Path) -> None:
    (tmp_path / PATHS_FILE).parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "paths" / "bad-paths.yml", tmp_path / PATHS_FILE)

    paths, problems = load_paths(tmp_path, MODULES)

    assert paths is None
    assert [str(problem) for problem in sorted(problems)] == [
        "quizzes/reference/paths.yml:6: paths[0].prerequisites: prerequisites go round in a circle: "
        "end-user -> trainer -> end-user",
        "quizzes/reference/paths.yml:9: paths[0].steps[1].module: no module 'no-such-module'; modules are "
        "the pages in docs/introductory/ and docs/advanced/, named by file",
        "quizzes/reference/paths.yml:17: paths[2].id: duplicate path id 'end-user' (also paths[0])",
        "quizzes/reference/paths.yml:21: paths[2].steps: needs at least 1 step",
        "quizzes/reference/paths.yml:26: paths[3].prerequisites[0]: no path 'nobody'",
    ]


def test_the_project_paths_load_and_cover_every_role() -> None:
    modules = {path.stem for level in ("introductory", "advanced") for path in (PROJECT_DIR / "docs" / level).glob("*.md")}
    paths, problems = load_paths(PROJECT_DIR, modules)
    assert problems == []
    roles = {path.id for path in paths.paths if path.kind == "role"}
    assert roles == {"end-user", "agency-admin", "hmis-lead", "trainer"}
    assert all(paths.get(role).summary for role in roles)


def test_local_additions_are_checked_and_appended(tmp_path: Path) -> None:
    from macros.paths.formats import LOCAL_PATHS_FILE, add_local_steps

    modules = {path.stem for level in ("introductory", "advanced") for path in (PROJECT_DIR / "docs" / level).glob("*.md")}
    paths, _ = load_paths(PROJECT_DIR, modules)
    (tmp_path / "local").mkdir()
    shutil.copy(FIXTURES / "paths" / "bad-local-paths.yml", tmp_path / LOCAL_PATHS_FILE)

    merged, problems = add_local_steps(tmp_path, paths, modules)

    assert [str(problem) for problem in problems] == [
        "local/paths.yml:2: add[0].path: no path 'end-usr'; paths are: " + ", ".join(p.id for p in paths.paths),
        "local/paths.yml:7: add[1].steps[0].module: no module 'no-such-local-module'; a local module is a page "
        "in local/pages/ with module front matter (title, description, level, minutes, audiences)",
    ]
    assert len(merged.get("end-user").steps) == len(paths.get("end-user").steps)
