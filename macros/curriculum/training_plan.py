"""The training plan an HMIS Lead pastes into the CoC's HMIS Policies and Procedures: who takes
which module (a role by module matrix with each role's time), what the branches add, every module
in detail, and the CoC's own requirements, stamped with the date and a version to match a printed
copy to the site."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import jinja2
from mkdocs.utils import get_build_datetime

from ..coc.settings import Settings
from ..paths.formats import Path_, Paths
from ..quiz.formats import Bank
from ..templates import link_from
from .modules import AUDIENCE_LABELS, Module

TRAINING_PLAN_TEMPLATE = "partials/curriculum/training-plan.html"


@dataclass(frozen=True)
class PlanColumn:
    """One role's (or the refresher's) column of the matrix: each module's place in it, and the
    totals of everything the role must finish, the paths to finish first included."""

    path: Path_
    first: list[Path_]  # the paths to finish before this one, nearest last
    cells: dict[str, str]  # module id -> "Required", "Optional", "Required first" or "Optional first"
    required_count: int
    optional_count: int
    self_paced_minutes: int  # of the required modules
    session_minutes: int


def paths_first(path: Path_, paths: Paths) -> list[Path_]:
    """The prerequisite paths, and theirs, each once, the earliest first (the paths file has no cycles)."""
    ordered: list[Path_] = []
    for prerequisite_id in path.prerequisites:
        for earlier in [*paths_first(paths.get(prerequisite_id), paths), paths.get(prerequisite_id)]:
            if earlier not in ordered:
                ordered.append(earlier)
    return ordered


def plan_column(path: Path_, paths: Paths, modules: dict[str, Module]) -> PlanColumn:
    first = paths_first(path, paths)
    required = {step.module: step.required for earlier in first for step in earlier.steps}
    cells = {module_id: ("Required first" if is_required else "Optional first") for module_id, is_required in required.items()}
    for step in path.steps:  # the role's own steps say what it needs, whatever the earlier paths said
        required[step.module] = step.required
        cells[step.module] = "Required" if step.required else "Optional"
    chosen = [modules[module_id] for module_id, is_required in required.items() if is_required]
    return PlanColumn(path, first, cells, len(chosen), len(required) - len(chosen),
                      sum(module.self_paced_minutes for module in chosen), sum(module.meta.minutes for module in chosen))


def questions(module: Module, banks: dict[str, Bank]) -> int:
    """How many questions the module's quiz has; a CoC's own module may have none."""
    return len(banks[module.id].questions) if module.id in banks else 0


def plan_version(modules: list[Module], banks: dict[str, Bank], paths: Paths, requirements: list[str]) -> str:
    """Eight characters that change whenever anything the plan shows changes: a module, its time
    or quiz, a path, or the CoC's requirements. A printed plan names it, so it can be matched to
    the site."""
    shown = {"modules": [[module.id, module.meta.title, module.meta.minutes, module.self_paced_minutes,
                          list(module.objectives), list(module.activities), questions(module, banks)]
                         for module in modules],
             "paths": paths.model_dump(mode="json"), "requirements": requirements}
    return hashlib.sha256(json.dumps(shown, sort_keys=True).encode()).hexdigest()[:8]


def render_training_plan(templates: jinja2.Environment, modules: list[Module], banks: dict[str, Bank],
                         paths: Paths, settings: Settings, page_path: str) -> str:
    """`modules`: every module, the CoC's own after the upstream ones."""
    by_id = {module.id: module for module in modules}
    links = {module.id: link_from(page_path, module.path) for module in modules}
    return templates.get_template(TRAINING_PLAN_TEMPLATE).render(
        coc=settings, plan_link=None, modules=modules, links=links, audiences=AUDIENCE_LABELS,
        questions={module.id: questions(module, banks) for module in modules},
        columns=[plan_column(path, paths, by_id) for path in paths.paths if path.kind != "branch"],
        branches=[path for path in paths.paths if path.kind == "branch"], by_id=by_id,
        total_minutes=sum(module.meta.minutes for module in modules),
        self_paced_minutes=sum(module.self_paced_minutes for module in modules),
        made_on=get_build_datetime().date(), version=plan_version(modules, banks, paths, settings.training.requirements))
