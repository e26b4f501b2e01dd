"""Pages, quiz banks and local content are spelled right (codespell, with the HMIS word list in
pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from helpers import PROJECT_DIR

CHECKED = ["docs", "quizzes", "local", "README.md"]


def test_no_misspellings() -> None:
    result = subprocess.run([sys.executable, "-m", "codespell_lib", *CHECKED], cwd=PROJECT_DIR,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_finds_a_misspelling(tmp_path) -> None:
    (tmp_path / "page.md").write_text("The recieve date.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "codespell_lib", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode != 0 and "recieve ==> receive" in result.stdout
