"""The curriculum against HUD's HMIS Training Guide: every training area covered by one module page
of its level with a quiz bank of the same id."""

from __future__ import annotations

from pathlib import Path

from ..cache import Load, read_directly
from ..loader import read_text
from ..problems import Problem
from .modules import Module
from .reference import REFERENCE_DIR, Reference


def check_curriculum(modules: list[Module], bank_ids: set[str], reference: Reference, project_dir: Path,
                     pages_in_error: bool, load: Load = read_directly) -> list[Problem]:
    """Every training area of HUD's guide has one module page of its level and a quiz bank of the
    same id; every module names an area of the guide. An area with no page is not reported while a
    module page has problems: that page may be the one, and its own problems say what to fix."""
    areas_file = f"{REFERENCE_DIR}/guide-areas.yml"
    areas_text = (load(read_text, project_dir / areas_file, areas_file)[0] or "").splitlines()
    problems = []
    for area in reference.guide_areas.areas:
        line = next((number for number, text in enumerate(areas_text, 1) if area.area in text), 1)
        covering = [module for module in modules if module.meta.guide_area == area.area]
        if not covering and pages_in_error:
            continue
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
        if module.id not in bank_ids:
            problems.append(Problem(shown_as, 1, "", f"a module needs a quiz bank quizzes/{module.id}.yml"))
    return problems
