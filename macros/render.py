"""Turn validated content into HTML through the templates in overrides/partials/ (a fork
overrides one file there to restyle one thing on screen)."""

from __future__ import annotations

import hashlib
import json
import random
import re
import string
from dataclasses import dataclass

from datetime import date

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

from .cases import Case
from .local import LocalPage
from .modules import Module, link_from
from .paths import Path_, Paths
from . import practice
from .reference import Family, Glossary, Term, first_letter
from .safe_markdown import SafeMarkdown, inert
from .settings import Settings
from .schema import AUDIENCE_LABELS, DATA_STANDARDS, Bank, ChoiceQuestion, Question, ShortQuestion, TrueFalseQuestion

QUIZ_TEMPLATE = "partials/quiz.html"
MODULE_LIST_TEMPLATE = "partials/module-list.html"
HELP_DESK_TEMPLATE = "partials/help-desk.html"
COC_DOCUMENTS_TEMPLATE = "partials/coc-documents.html"
COC_BENCHMARKS_TEMPLATE = "partials/coc-benchmarks.html"
LOCAL_PAGES_TEMPLATE = "partials/local-pages.html"
GLOSSARY_TEMPLATE = "partials/glossary.html"
DATA_ELEMENTS_TEMPLATE = "partials/data-elements.html"
PATH_LIST_TEMPLATE = "partials/path-list.html"
PATH_TEMPLATE = "partials/path.html"
MODULE_PATHS_TEMPLATE = "partials/module-paths.html"
TRAINING_PLAN_TEMPLATE = "partials/training-plan.html"
AGENDA_BUILDER_TEMPLATE = "partials/agenda-builder.html"
ANSWER_KEY_TEMPLATE = "partials/answer-key.html"
PRACTICE_FILES_TEMPLATE = "partials/practice-files.html"
PRACTICE_CASE_TEMPLATE = "partials/practice-case.html"
PRACTICE_CASE_KEY_TEMPLATE = "partials/practice-case-key.html"
PRACTICE_CASE_LIST_TEMPLATE = "partials/practice-case-list.html"
CASE_PAGES_DIR = "practice-cases"  # docs/practice-cases/<id>.md shows a case, <id>-key.md its key
BASIS_LABELS = {"federal": "Federal", "local": "Local", "good-practice": "Good practice"}


@dataclass(frozen=True)
class OptionView:
    value: str
    label: Markup
    correct: bool
    feedback: Markup | None


@dataclass(frozen=True)
class QuestionView:
    """What the question template needs, with every piece of text already turned into HTML."""

    key: str            # "<bank-id>/<question-id>", the stable hook for scripts and tests
    dom_id: str
    number: int
    type: str
    version: str        # changes when the question changes, so stale saved answers are ignored
    prompt: Markup
    options: list[OptionView]
    answer_label: str
    answer: list[Markup]
    accept: str | None  # JSON list of normalised text answers, for `short`
    number_answer: float | None
    tolerance: float
    explanation: Markup
    source: Markup


def normalise(text: str) -> str:
    """How typed answers are compared: case, hyphens, runs of spaces and a closing full stop do not
    matter (quiz.js normalises what the learner types the same way)."""
    text = re.sub(r"[.!?]+\s*$", "", re.sub(r"[-\u2010-\u2014]", " ", text.lower()))
    return " ".join(text.split())


def show_number(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def version_of(question: Question) -> str:
    """Changes when the question or its answer changes (a computed answer changes with the data),
    so a learner's saved answer to an older version is not shown as right or wrong."""
    content = question.model_dump_json(exclude={"shuffle"})  # answers are saved by option, not by place
    if isinstance(question, ShortQuestion) and question.computed:
        content += repr(practice.answer(question.computed))
    return hashlib.sha256(content.encode()).hexdigest()[:12]


def long_date(value: date) -> str:
    """3 November 2025: unambiguous for readers anywhere."""
    return f"{value.day} {value:%B %Y}"


def template_environment(config: MkDocsConfig) -> jinja2.Environment:
    """The theme's folders (a fork's custom_dir first), with autoescaping on, and the filters
    `markdown` and `markdown_inline` that every piece of content text, quiz banks included, goes
    through to become HTML safely."""
    templates = jinja2.Environment(
        loader=jinja2.FileSystemLoader(config.theme.dirs),
        autoescape=True,
        finalize=inert,  # every value shown is escaped for HTML and inert as Markdown
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    markdown = SafeMarkdown(config)
    templates.filters.update(markdown=lambda text: Markup(markdown.block(text)),
                             markdown_inline=lambda text: Markup(markdown.inline(text)), long_date=long_date)
    return templates


def render_module_list(templates: jinja2.Environment, modules: list[Module], page_path: str) -> str:
    """Links to the modules, relative to the page that shows them, so MkDocs checks them."""
    entries = [(module, link_from(page_path, module.path)) for module in modules]
    return templates.get_template(MODULE_LIST_TEMPLATE).render(entries=entries)


def render_settings(templates: jinja2.Environment, template: str, settings: Settings) -> str:
    """A box built from local/settings.yml (help desk, documents, benchmarks): the CoC's values,
    or what to find out while they are unset."""
    return templates.get_template(template).render(coc=settings)


def render_local_pages(templates: jinja2.Environment, pages: list[LocalPage], page_path: str) -> str:
    entries = [(page, link_from(page_path, page.path)) for page in pages]
    return templates.get_template(LOCAL_PAGES_TEMPLATE).render(entries=entries)


def render_practice_files(templates: jinja2.Environment, page_path: str) -> str:
    """The download links and what each file of the practice export holds, with its row count."""
    files = [(name, practice.FILE_CONTENTS[name], len(rows), link_from(page_path, f"{practice.DOWNLOAD_DIR}/{name}"))
             for name, rows in practice.generate().tables.items()]
    return templates.get_template(PRACTICE_FILES_TEMPLATE).render(
        files=files, zip_link=link_from(page_path, practice.ZIP_NAME))


def case_links(page_path: str, case_id: str) -> tuple[str, str]:
    """Links from a page to a case and to its grading key."""
    return (link_from(page_path, f"{CASE_PAGES_DIR}/{case_id}.md"),
            link_from(page_path, f"{CASE_PAGES_DIR}/{case_id}-key.md"))


def render_practice_case(templates: jinja2.Environment, case_id: str, case: Case, page_path: str) -> str:
    return templates.get_template(PRACTICE_CASE_TEMPLATE).render(case=case,
                                                                 key_link=case_links(page_path, case_id)[1])


def render_practice_case_key(templates: jinja2.Environment, case_id: str, case: Case, page_path: str) -> str:
    return templates.get_template(PRACTICE_CASE_KEY_TEMPLATE).render(
        case=case, case_link=case_links(page_path, case_id)[0], basis_labels=BASIS_LABELS)


def render_practice_case_list(templates: jinja2.Environment, cases: dict[str, Case], page_path: str) -> str:
    entries = [(case, *case_links(page_path, case_id)) for case_id, case in cases.items()]
    return templates.get_template(PRACTICE_CASE_LIST_TEMPLATE).render(entries=entries)


def render_data_elements(templates: jinja2.Environment, family: Family) -> str:
    return templates.get_template(DATA_ELEMENTS_TEMPLATE).render(family=family)


@dataclass(frozen=True)
class PathStep:
    number: int
    module: Module
    required: bool
    link: str


def path_steps(path: Path_, modules: dict[str, Module], page_path: str) -> list[PathStep]:
    return [PathStep(number, modules[step.module], step.required, link_from(page_path, modules[step.module].path))
            for number, step in enumerate(path.steps, 1)]


AGENDA_START = 9 * 60  # a pre-built agenda starts at 9:00
AGENDA_BREAK = 10      # with a 10-minute break after each module but the last


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def agenda(modules: list[Module], start: int = AGENDA_START, pause: int = AGENDA_BREAK) -> list[tuple[str, str, str]]:
    """(start, end, what) rows: each module for its minutes, a break after each but the last.
    agenda.js follows the same rule for the agenda builder."""
    rows, now = [], start
    for index, module in enumerate(modules):
        rows.append((clock(now), clock(now + module.meta.minutes), module.meta.title))
        now += module.meta.minutes
        if pause and index < len(modules) - 1:
            rows.append((clock(now), clock(now + pause), "Break"))
            now += pause
    return rows


def render_agenda_builder(templates: jinja2.Environment, paths: Paths, modules: list[Module]) -> str:
    paths_json = json.dumps([{"id": path.id, "modules": [step.module for step in path.steps if step.required]}
                             for path in paths.paths])
    return templates.get_template(AGENDA_BUILDER_TEMPLATE).render(paths=paths.paths, modules=modules,
                                                                  paths_json=paths_json)


def render_path_list(templates: jinja2.Environment, paths: Paths, modules: dict[str, Module], page_path: str,
                     catalogue: dict[str, dict] | None = None) -> str:
    """Every role and branch with its summary and length, linking to its page, and the progress
    tools, which check an imported file against the paths and the banks' catalogue."""
    entries = [(path, link_from(page_path, f"paths/{path.id}.md"),
                sum(step.module.meta.minutes for step in path_steps(path, modules, page_path) if step.required))
               for path in paths.paths]
    progress_json = json.dumps({"paths": {path.id: path.name for path in paths.paths}, "banks": catalogue or {}},
                               separators=(",", ":"))
    return templates.get_template(PATH_LIST_TEMPLATE).render(entries=entries, progress_json=progress_json)


def render_path(templates: jinja2.Environment, paths: Paths, path_id: str, modules: dict[str, Module],
                banks: dict[str, Bank], page_path: str, site_name: str, settings: Settings,
                answer_key: str) -> str:
    path = paths.get(path_id)
    steps = path_steps(path, modules, page_path)
    prerequisites = [(paths.get(pre), link_from(page_path, f"paths/{pre}.md")) for pre in path.prerequisites]
    progress = [{"id": step.module.id, "title": step.module.meta.title, "required": step.required,
                 "questions": len(banks[step.module.id].questions)} for step in steps]
    return templates.get_template(PATH_TEMPLATE).render(
        path=path, steps=steps, prerequisites=prerequisites,
        required_minutes=sum(step.module.meta.minutes for step in steps if step.required),
        all_minutes=sum(step.module.meta.minutes for step in steps),
        required_count=sum(step.required for step in steps), modules_json=json.dumps(progress),
        pass_mark=settings.quiz.pass_mark_percent, site_name=site_name, coc_name=settings.coc.name,
        standards=DATA_STANDARDS, agenda=agenda([step.module for step in steps if step.required]),
        agenda_break=AGENDA_BREAK, agenda_link=link_from(page_path, "agenda.md"), answer_key=Markup(answer_key))


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
    return templates.get_template(MODULE_PATHS_TEMPLATE).render(places=places) if places else ""


def render_training_plan(templates: jinja2.Environment, modules: list[Module], banks: dict[str, Bank],
                         page_path: str) -> str:
    entries = [(module, link_from(page_path, module.path), len(banks[module.id].questions)) for module in modules]
    return templates.get_template(TRAINING_PLAN_TEMPLATE).render(
        entries=entries, total_minutes=sum(module.meta.minutes for module in modules), audiences=AUDIENCE_LABELS)


def term_anchor(term: str) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def render_glossary(templates: jinja2.Environment, glossary: Glossary) -> str:
    """The terms in groups by first letter, each under a heading the A-to-Z bar links to.
    Definitions are Markdown; the template turns them into HTML with the same safe filter."""
    groups: dict[str, list[tuple[Term, str]]] = {}
    for term in glossary.terms:
        groups.setdefault(first_letter(term.term), []).append((term, term_anchor(term.term)))
    letters = (["#"] if "#" in groups else []) + list(string.ascii_uppercase)
    anchors = {letter: "letter-" + ("other" if letter == "#" else letter.lower()) for letter in letters}
    return templates.get_template(GLOSSARY_TEMPLATE).render(letters=letters, groups=groups, anchors=anchors)


class QuizRenderer:
    def __init__(self, templates: jinja2.Environment, banks: dict[str, Bank]) -> None:
        self.banks = banks
        self.templates = templates
        self._views: dict[str, list[QuestionView]] = {}

    def views(self, bank_id: str) -> list[QuestionView]:
        """The bank's questions ready for a template; made once per build, used by quiz and key."""
        if bank_id not in self._views:
            questions = enumerate(self.banks[bank_id].questions, 1)
            self._views[bank_id] = [self._view(bank_id, number, question) for number, question in questions]
        return self._views[bank_id]

    def render(self, bank_id: str) -> str:
        return self.templates.get_template(QUIZ_TEMPLATE).render(bank_id=bank_id, title=self.banks[bank_id].title,
                                                                 questions=self.views(bank_id))

    def progress_catalogue(self) -> dict[str, dict]:
        """What a progress file may hold for each bank, for paths.js to check an import against
        (docs/assets/progress.schema.json): its title and, per question id, the version, type and
        number of options of the answer quiz.js would restore."""
        return {bank_id: {"title": bank.title,
                          "questions": {view.key.split("/", 1)[1]: [view.version, view.type, len(view.options)]
                                        for view in self.views(bank_id)}}
                for bank_id, bank in self.banks.items()}

    def render_answer_key(self, modules: list[Module]) -> str:
        """Every question of the given modules with its answer, explanation and source, for printing."""
        entries = [(module, self.views(module.id)) for module in modules]
        return self.templates.get_template(ANSWER_KEY_TEMPLATE).render(entries=entries)

    def _view(self, bank_id: str, number: int, question: Question) -> QuestionView:
        block, inline = self.templates.filters["markdown"], self.templates.filters["markdown_inline"]
        options: list[OptionView] = []
        answer: list[Markup] = []
        answer_label = "Answer"
        accept, number_answer, tolerance = None, None, 0.0
        if isinstance(question, ChoiceQuestion):
            options = [
                OptionView(str(index), inline(option.text), option.correct,
                           block(option.feedback) if option.feedback else None)
                for index, option in enumerate(question.options)
            ]
            if question.shuffle:  # the same order on every build, different for each question
                random.Random(f"{bank_id}/{question.id}").shuffle(options)
            answer = [option.label for option in options if option.correct]
            answer_label = "Right answers" if len(answer) > 1 else "Answer"
        elif isinstance(question, TrueFalseQuestion):
            options = [OptionView(value, Markup(value.capitalize()), (value == "true") == question.answer, None)
                       for value in ("true", "false")]
            answer = [Markup(str(question.answer).capitalize())]
        elif isinstance(question, ShortQuestion) and question.accept is None:
            number_answer = question.number if question.computed is None else practice.answer(question.computed)
            tolerance = question.tolerance or 0.0
            within = f" (plus or minus {show_number(tolerance)})" if tolerance else ""
            answer = [Markup.escape(show_number(number_answer) + within)]
        elif isinstance(question, ShortQuestion) and question.accept is not None:
            accept = json.dumps(list(dict.fromkeys(normalise(text) for text in question.accept)))
            answer = [Markup.escape(text) for text in question.accept]
            answer_label = "Accepted answers" if len(answer) > 1 else "Answer"
        return QuestionView(
            key=f"{bank_id}/{question.id}",
            dom_id=f"quiz-{bank_id}-{question.id}",
            number=number,
            type=question.type,
            version=version_of(question),
            prompt=block(question.prompt),
            options=options,
            answer_label=answer_label,
            answer=answer,
            accept=accept,
            number_answer=number_answer,
            tolerance=tolerance,
            explanation=block(question.explanation),
            source=inline(question.source),
        )
