"""All the site's content, loaded and checked in one place: by the build and by `make check`.
Each feature loads and checks its own files; this is where they meet and are checked against
each other (a module's bank, a path's page, a page's macro calls)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .cache import Load, read_directly
from .practice.cases import Case, case_files, load_cases
from .coc.local import check_callouts
from .coc.settings import Settings, load_settings
from .curriculum.calls import callout_slots, check_case_calls, check_ids, check_quiz_calls, id_rules
from .curriculum.coverage import check_curriculum
from .curriculum.modules import LEVELS, Module, load_local_modules, load_modules, nav_paths
from .curriculum.timing import check_timing
from .curriculum.page_macros import find_calls
from .curriculum.reference import Reference, load_reference
from .curriculum.teaches import check_teaches
from .pages import LOCAL_PAGES_DIR, read_pages
from .paths.formats import PATHS_FILE, Paths, add_local_steps, load_paths
from .problems import Problem
from .quiz.banks import bank_files, load_banks
from .quiz.formats import Bank


@dataclass(frozen=True)
class Content:
    banks: dict[str, Bank]
    cases: dict[str, Case]  # practice client cases
    modules: list[Module]  # upstream modules, one per training area of HUD's guide
    local_modules: list[Module]  # the CoC's own, from local/pages/
    settings: Settings
    unset_settings: list[str]  # the setup checklist: not yet set in local/settings.yml
    reference: Reference | None
    paths: Paths | None
    callout_slots: list[str]  # the slots pages offer for local/callouts/<slot>.md
    problems: list[Problem]

    def by_id(self) -> dict[str, Module]:
        return {module.id: module for module in [*self.modules, *self.local_modules]}


def load_content(project_dir: Path, docs_dir: Path, nav: object, extra_variables: Iterable[str] = (),
                 load: Load = read_directly) -> Content:
    """`extra_variables`: names mkdocs.yml's `extra:` gives pages, besides those mkdocs-macros and
    this package give. `load` reads one file, or reuses what it found while the file is unchanged
    (macros/cache.py); the checks across files below run every time."""
    banks, problems = load_banks(project_dir, load)
    # A bank file with problems still exists: its problems are reported, not a missing bank.
    bank_ids = {path.stem for path in bank_files(project_dir)}
    modules, modules_found = load_modules(docs_dir, project_dir, nav_paths(nav), load)
    problems += modules_found
    settings, unset, found = load_settings(project_dir, load)
    problems += found
    cases, found = load_cases(project_dir, load)
    problems += found
    reference, found = load_reference(project_dir, load)
    problems += found
    if reference is not None:
        problems += check_curriculum(modules, bank_ids, reference, project_dir, bool(modules_found), load)
    local_modules, local_found = load_local_modules(project_dir, load)
    modules, local_modules = ([module.with_questions(len(banks[module.id].questions)) if module.id in banks else module
                               for module in found_modules] for found_modules in (modules, local_modules))
    problems += local_found
    for module in local_modules:
        if module.id not in bank_ids:
            problems.append(Problem(f"local/pages/{module.id}.md", 1, "", f"a module needs a quiz bank "
                                    f"local/quizzes/{module.id}.yml, so learners can pass it"))
    # A module whose page has problems is still a module: paths that name it need no lines of their own.
    upstream_ids = {page.stem for level in LEVELS for page in (docs_dir / level).glob("*.md")}
    local_ids = {module.id for module in local_modules} | {Path(problem.file).stem for problem in local_found}
    paths, found = load_paths(project_dir, upstream_ids, load)
    problems += found
    if paths is not None:
        paths, found = add_local_steps(project_dir, paths, upstream_ids | local_ids, load)
        problems += found
    for path in paths.paths if paths else []:
        if not (docs_dir / "paths" / f"{path.id}.md").is_file():
            problems.append(Problem(PATHS_FILE, 1, "", f"the path '{path.id}' needs a page docs/paths/{path.id}.md "
                                    f'with {{{{ path_page("{path.id}") }}}}'))
    pages, found = read_pages(docs_dir, project_dir, load)
    problems += found
    calls, found = find_calls(pages, docs_dir, Settings, extra_variables)
    problems += found
    case_ids = [path.stem for path in case_files(project_dir)]
    families = [family.id for family in reference.data_elements.families] if reference else None
    problems += check_ids(calls, id_rules(bank_ids, case_ids, [path.id for path in paths.paths] if paths else None,
                                          families))
    problems += check_quiz_calls(calls, banks) + check_case_calls(calls, case_ids)
    quizzes_shown = {(call.page.shown_as, call.arguments.get("bank_id")) for call in calls
                     if call.macro == "quiz" and call.arguments.get("only") is None}
    module_pages = [(module, (docs_dir / module.path).relative_to(project_dir).as_posix()) for module in modules]
    module_pages += [(module, f"{LOCAL_PAGES_DIR}/{module.id}.md") for module in local_modules]
    # A module whose page has problems is still a module: its bank waits until the page is fixed.
    checkable = {bank_id: bank for bank_id, bank in banks.items()
                 if bank_id not in upstream_ids | local_ids or bank_id in {module.id for module, _ in module_pages}}
    problems += check_teaches(checkable, module_pages, pages, quizzes_shown)
    for module, page in module_pages:
        questions = len(banks[module.id].questions) if module.id in banks else 0
        problems += check_timing(page, module.timing, module.meta.minutes, questions)
    for module, page in module_pages:  # where the page's "Jump to the quiz" link goes
        if module.id in bank_ids and (page, module.id) not in quizzes_shown:
            problems.append(Problem(page, 1, "", f'a module shows its own quiz, so learners can pass it: add '
                                    f'{{{{ quiz("{module.id}") }}}} on a line of its own'))
    slots = callout_slots(calls)
    problems += check_callouts(slots, project_dir)
    return Content(banks, cases, modules, local_modules, settings, unset, reference, paths, sorted(slots), problems)
