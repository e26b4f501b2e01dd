"""The quiz engine builds a site on its own: one page, one bank, our overrides/, no curriculum."""

from __future__ import annotations

from pathlib import Path

from helpers import ENGINE_ENV, INTAKE_BANK as BANK, mkdocs_build, quiz_engine_site


def test_one_bank_and_one_page_build_a_site_with_the_quiz(tmp_path: Path) -> None:
    project = quiz_engine_site(tmp_path / "alone", {"intake": BANK}, '# Practice\n\n{{ quiz("intake") }}\n')
    assert not (project / "quizzes" / "reference").exists() and not (project / "local").exists()

    result = mkdocs_build(project, tmp_path / "site", base_env=ENGINE_ENV)

    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'data-quiz="intake"' in html
    assert html.count('data-quiz-question="intake/') == 2
    assert "The head of household" in html and "hmis.min.js" in html


def test_a_bad_bank_stops_the_engine_alone_with_its_line(tmp_path: Path) -> None:
    broken = {"questions": [{**BANK["questions"][0], "explaination": "typo"}]}
    project = quiz_engine_site(tmp_path / "alone", {"intake": broken}, '{{ quiz("intake") }}\n')

    result = mkdocs_build(project, tmp_path / "site", base_env=ENGINE_ENV)

    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert "quizzes/intake.yml:" in output and "unknown field 'explaination': did you mean 'explanation'?" in output


def test_the_engine_alone_shows_checkpoints_and_the_default_pass_mark(tmp_path: Path) -> None:
    page = '# Practice\n\n{{ quiz("intake", only=["consent"]) }}\n\n{{ quiz("intake") }}\n'
    project = quiz_engine_site(tmp_path / "alone", {"intake": BANK}, page)

    result = mkdocs_build(project, tmp_path / "site", base_env=ENGINE_ENV)

    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'data-pass-mark="80"' in html
    assert 'id="checkpoint-intake-consent"' in html and 'id="quiz-intake-consent"' in html
    assert html.count('data-quiz-question="intake/consent"') == 2
