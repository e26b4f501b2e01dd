"""The training plan an HMIS Lead files: who takes what, with the paths each role builds on
counted in; a version that follows what the plan shows; and a fork's CoC, date and requirements,
shown as written."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config import load_config

from helpers import FIXTURES, PROJECT_DIR, QUIET_ENV, copy_project, mkdocs_build
from macros.content import load_content
from macros.curriculum.training_plan import paths_first, plan_column, plan_version
from macros.paths.formats import Paths

RIVERBEND = FIXTURES / "local-coc" / "local"
# Three roles, the last building on the second, which builds on the first.
PATHS = Paths.model_validate({"paths": [
    {"id": "intake", "name": "Intake", "kind": "role", "summary": "Meets people.",
     "steps": [{"module": "security-privacy"}, {"module": "ad-hoc-reporting", "required": False}]},
    {"id": "supervisor", "name": "Supervisor", "kind": "role", "summary": "Checks data.", "prerequisites": ["intake"],
     "steps": [{"module": "data-quality-policies"}, {"module": "managing-projects", "required": False}]},
    {"id": "lead", "name": "Lead", "kind": "role", "summary": "Runs the system.", "prerequisites": ["supervisor"],
     "steps": [{"module": "managing-projects"}, {"module": "project-setup"}]},
]})


def site_content():
    config = load_config(str(PROJECT_DIR / "mkdocs.yml"))
    return load_content(PROJECT_DIR, PROJECT_DIR / "docs", config["nav"], config["extra"])


def test_a_role_counts_every_path_it_builds_on() -> None:
    modules = site_content().by_id()
    lead = plan_column(PATHS.get("lead"), PATHS, modules)
    assert [path.id for path in paths_first(PATHS.get("lead"), PATHS)] == ["intake", "supervisor"]
    assert lead.cells == {"security-privacy": "Required first", "ad-hoc-reporting": "Optional first",
                          "data-quality-policies": "Required first",
                          "managing-projects": "Required",  # the role's own step outranks the earlier path's
                          "project-setup": "Required"}
    required = [modules[module_id] for module_id in
                ("security-privacy", "data-quality-policies", "managing-projects", "project-setup")]
    assert (lead.required_count, lead.optional_count) == (4, 1)
    assert lead.self_paced_minutes == sum(module.self_paced_minutes for module in required)
    assert lead.session_minutes == sum(module.meta.minutes for module in required)
    intake = plan_column(PATHS.get("intake"), PATHS, modules)
    assert intake.first == [] and intake.cells == {"security-privacy": "Required", "ad-hoc-reporting": "Optional"}


def test_the_version_follows_what_the_plan_shows() -> None:
    content = site_content()
    modules = list(content.by_id().values())
    version = plan_version(modules, content.banks, content.paths, [])
    assert re.fullmatch(r"[0-9a-f]{8}", version)
    assert plan_version(modules, content.banks, content.paths, []) == version
    assert plan_version(modules, content.banks, content.paths, ["Retrain each year."]) != version
    assert plan_version(modules, content.banks, PATHS, []) != version
    assert plan_version(modules[1:], content.banks, content.paths, []) != version


def test_a_forks_plan_names_its_coc_date_and_requirements_and_shows_them_as_written(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", local=RIVERBEND)
    settings = project / "local" / "settings.yml"
    settings.write_text(settings.read_text(encoding="utf-8") +
                        '    - "<script>alert(1)</script> Read [the policy](javascript:alert(1))."\n', encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", base_env={**QUIET_ENV, "SOURCE_DATE_EPOCH": "1759276800"})
    assert result.returncode == 0, result.stderr
    plan = (tmp_path / "site" / "paths" / "training-plan" / "index.html").read_text(encoding="utf-8")
    your_coc = (tmp_path / "site" / "your-coc" / "index.html").read_text(encoding="utf-8")

    assert "Training plan for Riverbend County CoC (XX-500)." in plan
    assert "Made from this site's curriculum on 1 October 2025. Plan version " in plan  # SOURCE_DATE_EPOCH
    for page in (plan, your_coc):
        assert "Every user takes the annual refresher by 30 June each year." in page
        assert "<script>alert" not in page and 'href="javascript' not in page
        assert "&lt;script&gt;alert" in page  # shown as the CoC wrote it
    matrix = plan.split('class="training-plan__matrix"')[1].split("</table>")[0]
    riverbend_row = next(row for row in matrix.split("<tr>") if 'href="../../local/intake-forms/"' in row)
    cells = re.findall(r"<td>(.*?)</td>", riverbend_row)
    assert cells[1:3] == ["Required", "Required first"]  # Riverbend's module ends the end-user path
    assert 'href="../paths/training-plan/"' in your_coc

