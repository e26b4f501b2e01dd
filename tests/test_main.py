"""`make check` (python -m macros): the same messages as the build, without building."""

from __future__ import annotations

import subprocess
import sys

from helpers import PROJECT_DIR, QUIET_ENV, copy_project


def run_check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=PROJECT_DIR, env=QUIET_ENV,
                          capture_output=True, text=True, timeout=60)


def test_check_passes_on_the_project_content() -> None:
    result = run_check()
    assert result.returncode == 0, result.stderr
    assert "all valid" in result.stdout


def test_check_reports_problems_one_per_line_and_fails(tmp_path, monkeypatch, capsys) -> None:
    import macros.__main__ as command

    project = copy_project(tmp_path / "project")
    (project / "quizzes" / "bad.yml").write_text("questions:\n  - id: x\n    type: nope\n", encoding="utf-8")
    (project / "quizzes" / "worse.yml").write_text("questions: [", encoding="utf-8")
    monkeypatch.setattr(command, "PROJECT_DIR", project)

    assert command.main([]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "2 problems in the site's content; fix these and build again:",
        "quizzes/bad.yml:3: questions[0].type: unknown type 'nope': use one of single, multiple, true-false, short",
        "quizzes/worse.yml:1: YAML syntax error: expected the node content, but found '<stream end>' "
        "(while parsing a flow node that starts at line 1); check indentation, quotes and brackets",
    ]


def test_unknown_arguments_are_refused() -> None:
    result = run_check("--nonsense")
    assert result.returncode == 2
    assert "usage" in result.stderr
