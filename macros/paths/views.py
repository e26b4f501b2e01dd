"""Learning paths on screen: the "Choose your role" list, a path's page, the box on each module page
naming its paths, and the agenda builder."""

from __future__ import annotations

import json
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from ..coc.settings import Settings
from ..curriculum.modules import Module
from ..quiz.formats import Bank
from ..templates import link_from
from .agenda import AGENDA_BREAK, agenda
from .formats import Path_, Paths

PATH_LIST_TEMPLATE = "partials/paths/path-list.html"
PROGRESS_TOOLS_TEMPLATE = "partials/paths/progress-tools.html"
PROGRESS_TOOLS_ANCHOR = "your-progress"  # on "Choose your role"; each path page links there
PATH_TEMPLATE = "partials/paths/path.html"
MODULE_PATHS_TEMPLATE = "partials/paths/module-paths.html"
AGENDA_BUILDER_TEMPLATE = "partials/paths/agenda-builder.html"


@dataclass(frozen=True)
class PathStep:
    number: int
    module: Module
    required: bool
    link: str


def path_steps(path: Path_, modules: dict[str, Module], page_path: str) -> list[PathStep]:
    return [PathStep(number, modules[step.module], step.required, link_from(page_path, modules[step.module].path))
            for number, step in enumerate(path.steps, 1)]


def render_agenda_builder(templates: jinja2.Environment, paths: Paths, modules: list[Module]) -> str:
    paths_json = json.dumps([{"id": path.id, "modules": [step.module for step in path.steps if step.required]}
                             for path in paths.paths])
    return templates.get_template(AGENDA_BUILDER_TEMPLATE).render(paths=paths.paths, modules=modules,
                                                                  paths_json=paths_json)


def render_path_list(templates: jinja2.Environment, paths: Paths, modules: dict[str, Module], page_path: str) -> str:
    """Every role and branch with its summary and length, linking to its page."""
    entries = [(path, link_from(page_path, f"paths/{path.id}.md"),
                sum(step.module.self_paced_minutes for step in path_steps(path, modules, page_path) if step.required))
               for path in paths.paths]
    return templates.get_template(PATH_LIST_TEMPLATE).render(entries=entries)


def render_progress_tools(templates: jinja2.Environment, paths: Paths, catalogue: dict[str, dict]) -> str:
    """The progress tools, which check an imported file against the paths and the banks' catalogue."""
    progress_json = json.dumps({"paths": {path.id: path.name for path in paths.paths}, "banks": catalogue},
                               separators=(",", ":"))
    return templates.get_template(PROGRESS_TOOLS_TEMPLATE).render(progress_json=progress_json,
                                                                  anchor=PROGRESS_TOOLS_ANCHOR)


def render_path(templates: jinja2.Environment, paths: Paths, path_id: str, modules: dict[str, Module],
                banks: dict[str, Bank], page_path: str, settings: Settings, answer_key: str,
                record: str) -> str:
    path = paths.get(path_id)
    steps = path_steps(path, modules, page_path)
    prerequisites = [(paths.get(pre), link_from(page_path, f"paths/{pre}.md")) for pre in path.prerequisites]
    progress = [{"id": step.module.id, "title": step.module.meta.title, "required": step.required,
                 "questions": len(banks[step.module.id].questions)} for step in steps]
    return templates.get_template(PATH_TEMPLATE).render(
        path=path, steps=steps, prerequisites=prerequisites,
        required_minutes=sum(step.module.self_paced_minutes for step in steps if step.required),
        all_minutes=sum(step.module.self_paced_minutes for step in steps),
        session_minutes=sum(step.module.meta.minutes for step in steps if step.required),
        required_count=sum(step.required for step in steps), modules_json=json.dumps(progress),
        pass_mark=settings.quiz.pass_mark_percent, agenda=agenda([step.module for step in steps if step.required]),
        agenda_break=AGENDA_BREAK, agenda_link=link_from(page_path, "agenda.md"), answer_key=Markup(answer_key),
        progress_tools_link=link_from(page_path, "paths/index.md") + "#" + PROGRESS_TOOLS_ANCHOR,
        record=Markup(record))


def render_module_paths(templates: jinja2.Environment, paths: Paths, module: Module,
                        modules: dict[str, Module]) -> str:
    """For a module page: each path it is in, with the previous and next module of that path."""
    places = []
    for path in paths.paths:
        ids = [step.module for step in path.steps]
        if module.id in ids:
            index = ids.index(module.id)
            places.append({
                "path": path, "link": link_from(module.path, f"paths/{path.id}.md"),
                "position": index + 1, "length": len(ids),
                "previous": modules[ids[index - 1]] if index else None,
                "next": modules[ids[index + 1]] if index + 1 < len(ids) else None,
            })
    for place in places:
        for side in ("previous", "next"):
            place[f"{side}_link"] = link_from(module.path, place[side].path) if place[side] else None
    return templates.get_template(MODULE_PATHS_TEMPLATE).render(places=places, module=module) if places else ""


CONTINUE_CARD_TEMPLATE = "partials/paths/continue-card.html"


def render_continue_card(templates: jinja2.Environment, paths: Paths, modules: dict[str, Module],
                         banks: dict[str, Bank], settings: Settings, page_path: str, heading_level: int) -> str:
    """The home page's "Continue" card: what resume.js needs to show a returning learner's path,
    progress, next module and review questions due (every path's required modules, the pass mark),
    and a "Choose your role" link that new learners, and readers without JavaScript, see instead."""
    data = {"passMark": settings.quiz.pass_mark_percent,
            "paths": {path.id: {"name": path.name, "refresher": path.kind == "refresher",
                                "modules": [{"id": step.module, "title": modules[step.module].meta.title,
                                             "questions": len(banks[step.module].questions)}
                                            for step in path.steps if step.required]}
                      for path in paths.paths}}
    used = sorted({step.module for path in paths.paths for step in path.steps if step.required})
    return templates.get_template(CONTINUE_CARD_TEMPLATE).render(
        data_json=json.dumps(data, separators=(",", ":")), level=heading_level,
        paths=[(path, link_from(page_path, f"paths/{path.id}.md")) for path in paths.paths],
        modules=[(modules[module_id], link_from(page_path, modules[module_id].path)) for module_id in used],
        choose_link=link_from(page_path, "paths/index.md"), review_link=link_from(page_path, "review.md"))
