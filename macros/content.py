"""All the site's content, loaded and checked in one place: by the build and by `make check`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .cases import CASES_DIR, Case, case_files, load_cases
from .loader import load_banks
from .modules import Module, load_local_modules, load_modules, nav_paths
from .pages import LOCAL_PAGES_DIR, QUIZ_CALL, check_callouts, check_case_calls, check_quiz_calls, page_lines
from .paths import PATHS_FILE, Paths, add_local_steps, load_paths
from .problems import Problem
from .reference import REFERENCE_DIR, Reference, load_reference
from .schema import Bank
from .settings import Settings, load_settings


@dataclass(frozen=True)
class Content:
    banks: dict[str, Bank]
    cases: dict[str, Case]  # practice client cases
    modules: list[Module]  # upstream modules, one per training area of HUD's guide
    local_modules: list[Module]  # the CoC's own, from local/pages/
    settings: Settings
    unset_settings: list[str]  # still FIXME in local/settings.yml
    reference: Reference | None
    paths: Paths | None
    problems: list[Problem]

    def by_id(self) -> dict[str, Module]:
        return {module.id: module for module in [*self.modules, *self.local_modules]}


def check_curriculum(modules: list[Module], banks: dict[str, object], reference: Reference,
                     project_dir: Path) -> list[Problem]:
    """Every training area of HUD's guide has one module page of its level and a quiz bank of the
    same id; every module names an area of the guide."""
    areas_file = f"{REFERENCE_DIR}/guide-areas.yml"
    areas_text = (project_dir / areas_file).read_text(encoding="utf-8").splitlines()
    problems = []
    for area in reference.guide_areas.areas:
        line = next((number for number, text in enumerate(areas_text, 1) if area.area in text), 1)
        covering = [module for module in modules if module.meta.guide_area == area.area]
        if len(covering) != 1:
            found = ", ".join(module.path for module in covering) or "none"
            problems.append(Problem(areas_file, line, "", f"'{area.area}' needs exactly one module page "
                                    f"with this guide_area; found {found}"))
        elif covering[0].meta.level != area.level:
            problems.append(Problem(areas_file, line, "", f"'{area.area}' is {area.level} in the guide, but "
                                    f"{covering[0].path} says level: {covering[0].meta.level}"))
    known = {area.area for area in reference.guide_areas.areas}
    for module in modules:
        shown_as = f"docs/{module.path}"
        if module.meta.guide_area not in known:
            problems.append(Problem(shown_as, 1, "guide_area", f"'{module.meta.guide_area}' is not a training "
                                    f"area of the guide; use one listed in {areas_file}"))
        if module.id not in banks:
            problems.append(Problem(shown_as, 1, "", f"a module needs a quiz bank quizzes/{module.id}.yml"))
    return problems


def load_content(project_dir: Path, docs_dir: Path, nav: object) -> Content:
    banks, problems = load_banks(project_dir)
    modules, found = load_modules(docs_dir, project_dir, nav_paths(nav))
    settings, unset, settings_problems = load_settings(project_dir)
    lines = page_lines(docs_dir, project_dir)
    problems += found + settings_problems + check_quiz_calls(lines, banks)
    problems += check_callouts(lines, project_dir)
    cases, found = load_cases(project_dir)
    problems += found + check_case_calls(lines, project_dir, CASES_DIR, [path.stem for path in case_files(project_dir)])
    reference, found = load_reference(project_dir)
    problems += found
    if reference is not None:
        problems += check_curriculum(modules, banks, reference, project_dir)
    local_modules, found = load_local_modules(project_dir)
    problems += found
    quizzes_shown = {(shown_as, call["bank"]) for shown_as, _, line in lines for call in QUIZ_CALL.finditer(line)}
    for module in local_modules:
        page = f"{LOCAL_PAGES_DIR}/{module.id}.md"
        if module.id not in banks:
            problems.append(Problem(page, 1, "", f"a module needs a quiz bank "
                                    f"local/quizzes/{module.id}.yml, so learners can pass it"))
        elif (page, module.id) not in quizzes_shown:
            problems.append(Problem(page, 1, "", f'a module shows its own quiz, so learners can pass it: add '
                                    f'{{{{ quiz("{module.id}") }}}} on a line of its own'))
    paths, found = load_paths(project_dir, {module.id for module in modules})
    problems += found
    if paths is not None:
        paths, found = add_local_steps(project_dir, paths, {module.id for module in [*modules, *local_modules]})
        problems += found
    for path in paths.paths if paths else []:
        if not (docs_dir / "paths" / f"{path.id}.md").is_file():
            problems.append(Problem(PATHS_FILE, 1, "", f"the path '{path.id}' needs a page docs/paths/{path.id}.md "
                                    f'with {{{{ path_page("{path.id}") }}}}'))
    return Content(banks, cases, modules, local_modules, settings, unset, reference, paths, problems)
