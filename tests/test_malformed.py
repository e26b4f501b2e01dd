"""No input crashes `make check` or the build: every malformed file in tests/fixtures/malformed/
gives exit status 1 and one line per problem naming its file and line, in seconds, never a
traceback; and the build reports exactly what `make check` reports.

Each folder there is one kind of content file; KINDS says where its files go in a copy of the
project. Next to each input, <name>.expected holds every problem line `make check` must print, in
order; a line ending in " ..." matches any line that starts with the text before it (for lists of
banks or settings that grow). An empty .expected file marks a valid input, with a BOM, that must pass.

`make check` runs in a child forked from this process, which has imported the package once: a crash
or a hang is caught as in a subprocess, at a third of the cost. The representative few in BUILT
also run as editors run them, `python -m macros` and `mkdocs build --strict`."""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

import macros.__main__ as make_check  # imported here, once: each forked child inherits it
from helpers import FIXTURES, QUIET_ENV, copy_project

MALFORMED = FIXTURES / "malformed"
KINDS = {  # fixture folder -> where a file of it goes in the project; {name} is the fixture's name
    "banks": "quizzes/{name}.yml",
    "settings": "local/settings.yml",
    "paths": "quizzes/reference/paths.yml",
    "glossary": "quizzes/reference/glossary.yml",
    "data-elements": "quizzes/reference/data-elements.yml",
    "guide-areas": "quizzes/reference/guide-areas.yml",
    "csv-columns": "quizzes/reference/csv-columns.yml",
    "local-paths": "local/paths.yml",
    "cases": "quizzes/cases/rrh-family.yml",  # in place of a real case, so pages still show it
    "module-pages": "docs/introductory/help-desk.md",  # in place of a real module page
    "pages": "docs/{name}.md",
    "local-pages": "local/pages/{name}.md",
    "callouts": "local/callouts/{name}.md",
    "fork": "",  # a folder of files laid over the project, as a CoC's fork adds them
}
SECONDS = 10
# The representative few that also go through `mkdocs build --strict`.
BUILT = ["banks/alias-bomb", "banks/nested-100000-deep", "banks/unclosed-quote", "fork/local-bank-unknown-type",
         "settings/latin1-byte", "cases/invalid-date", "pages/audit-macro-calls", "module-pages/bom-valid"]
PROBLEM_LINE = re.compile(r"[\w.-]+(/[\w.-]+)*:\d+: \S")
HEADER = re.compile(r"(\d+) problems? in the site's content; fix these and build again:")


def inputs() -> list[Path]:
    return sorted(path for kind in KINDS for path in (MALFORMED / kind).iterdir() if path.suffix != ".expected")


def fixture_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name.removesuffix(path.suffix)}"


def project_with(path: Path, destination: Path) -> Path:
    """A copy of the project with the malformed input in its place."""
    project = copy_project(destination)
    if path.is_dir():
        shutil.copytree(path, project, dirs_exist_ok=True)
    else:
        target = project / KINDS[path.parent.name].format(name=path.stem)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    return project


def expected_lines(path: Path) -> list[str]:
    return (path.parent / f"{path.name.removesuffix(path.suffix)}.expected").read_text(encoding="utf-8").splitlines()


def matches(lines: list[str], expected: list[str]) -> bool:
    return len(lines) == len(expected) and all(
        line.startswith(want[:-4]) if want.endswith(" ...") else line == want for line, want in zip(lines, expected))


@dataclass(frozen=True)
class Run:
    returncode: int | None  # None: still running after SECONDS; below 0: killed by a signal (a crash)
    output: str

    def problem_lines(self) -> list[str]:
        """The lines after the 'N problems ...' header."""
        lines = self.output.splitlines()
        start = next((index for index, line in enumerate(lines) if HEADER.search(line)), None)
        return [] if start is None else [line for line in lines[start + 1:] if line.strip()]


def make_check_in_child(project: Path, log: Path) -> None:
    """In a forked child: `make check` (python -m macros) on the copy, its output to `log`. The
    package is already imported, so each run costs a third of a new interpreter's."""
    sys.stdout = sys.stderr = log.open("w", encoding="utf-8")
    make_check.PROJECT_DIR = project
    try:
        status = make_check.main([])
    except BaseException:  # the test fails on the traceback this prints
        traceback.print_exc()
        status = 2
    sys.stdout.flush()
    os._exit(status)


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """`make check` on every input, each in its own child process, two at a time (two cores); a child
    still running after SECONDS is stopped. Children are forked from this one thread only."""
    root = tmp_path_factory.mktemp("malformed")
    forking = multiprocessing.get_context("fork")
    todo, running, done = list(inputs()), [], {}
    while todo or running:
        while todo and len(running) < 2:
            path = todo.pop()
            project = project_with(path, root / fixture_id(path).replace("/", "-"))
            child = forking.Process(target=make_check_in_child, args=(project, project / "check.log"))
            child.start()
            running.append((fixture_id(path), child, time.monotonic() + SECONDS, project / "check.log"))
        for name, child, deadline, log in list(running):
            if child.is_alive() and time.monotonic() < deadline:
                continue
            timed_out = child.is_alive()
            if timed_out:
                child.kill()
            child.join()
            done[name] = Run(None if timed_out else child.exitcode,
                             log.read_text(encoding="utf-8") if log.is_file() else "")
            running.remove((name, child, deadline, log))
        time.sleep(0.01)
    return done


def run(command: list[str], project: Path, seconds: float) -> Run:
    try:
        result = subprocess.run(command, cwd=project, env=QUIET_ENV, capture_output=True, text=True, timeout=seconds)
    except subprocess.TimeoutExpired as timeout:
        return Run(None, f"{timeout.stdout or ''}{timeout.stderr or ''}")
    return Run(result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Run, Run]]:
    """For the representative few: `python -m macros` and `mkdocs build --strict`, as editors run them."""
    root = tmp_path_factory.mktemp("built")

    def both(name: str) -> tuple[str, tuple[Run, Run]]:
        path = next(path for path in inputs() if fixture_id(path) == name)
        project = project_with(path, root / name.replace("/", "-"))
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")]
        return name, (run([sys.executable, "-m", "macros"], project, 60), run(build, project, 300))

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(both, BUILT))


def test_the_corpus_covers_every_kind_of_file_with_at_least_forty_inputs() -> None:
    assert len([path for path in inputs() if expected_lines(path)]) >= 40
    assert {path.parent.name for path in inputs()} == set(KINDS)


@pytest.mark.parametrize("path", inputs(), ids=fixture_id)
def test_make_check_reports_each_problem_at_its_file_and_line(path: Path, checked: dict[str, Run]) -> None:
    result, expected = checked[fixture_id(path)], expected_lines(path)
    assert result.returncode is not None, f"still running after {SECONDS} s"
    assert result.returncode >= 0, f"crashed: killed by signal {-result.returncode}"
    assert "Traceback" not in result.output, result.output
    if not expected:  # a valid input
        assert result.returncode == 0 and "all valid" in result.output, result.output
        return
    assert result.returncode == 1, result.output
    lines = result.problem_lines()
    assert HEADER.search(result.output)[1] == str(len(lines)), result.output
    assert [line for line in lines if not PROBLEM_LINE.match(line)] == [], "a line without file:line"
    assert matches(lines, expected), "\n".join(lines)


@pytest.mark.parametrize("name", BUILT)
def test_the_build_reports_what_make_check_reports(name: str, built: dict[str, tuple[Run, Run]]) -> None:
    check, build = built[name]
    assert "Traceback" not in check.output + build.output, build.output
    if not expected_lines(next(path for path in inputs() if fixture_id(path) == name)):
        assert check.returncode == 0 and build.returncode == 0, build.output
        return
    assert check.returncode == 1 and build.returncode == 1, build.output
    assert "Aborted with a BuildError!" in build.output
    assert [line for line in build.problem_lines() if not line.startswith("Aborted")] == check.problem_lines()
