"""mkdocs-macros entry point: wiring only. Each feature's folder owns its formats, checks and
rendering: quiz/, curriculum/, paths/, practice/ and coc/ (see README's "Where things live")."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported in define_env, once any code edited since the last build is dropped
    from .cache import ContentCache
    from .quiz.views import QuizRenderer

_builds = 0
_code = None  # the code stamp (macros/cache.py) the modules now imported were loaded at
_tooltips = None  # the glossary's Tooltips, added to each page by on_post_page_macros
_module_paths: dict[str, str] = {}  # module page path -> its "In learning paths" box


def forget_earlier_code() -> None:
    """`mkdocs serve` keeps this package imported between rebuilds: after a code edit, drop every
    submodule, and the package's own names for them (`from . import x` would take those first), so
    the imports below load the code as it is now, however the modules import each other. While the
    code is unchanged they stay, and with them what they made once (the practice export)."""
    for name in [name for name in sys.modules if name.startswith(f"{__name__}.")]:
        del sys.modules[name]
    package = sys.modules[__name__]
    for name, value in list(vars(package).items()):
        if isinstance(value, ModuleType) and value.__name__.startswith(f"{__name__}."):
            delattr(package, name)


def define_env(env) -> None:
    """Check all content before any page renders, then offer the macros pages call."""
    global _builds, _code, _tooltips, _module_paths
    from .cache import code_stamp
    stamp = code_stamp()
    if _builds and stamp != _code:
        forget_earlier_code()
    _builds, _code = _builds + 1, stamp
    from . import assets, cache, content, converted_pages, deferred, problems, safe_markdown
    from .templates import template_environment
    from .coc import local, settings, views as coc_views
    from .curriculum import modules, views as curriculum_views
    from .curriculum.training_plan import render_training_plan
    from .paths import views as path_views
    from .practice import views as practice_views
    from .records import views as record_views
    from .review import schedule, views as review_views
    from .quiz.engine import define_quiz

    project_dir = Path(env.project_dir)
    made = cache.current(stamp)
    site = content.load_content(project_dir, Path(env.conf["docs_dir"]), env.conf["nav"], env.conf["extra"], made.load)
    problems.fail_on(site.problems)
    templates = template_environment(env.conf)  # new each build, so an edited partial is read again
    assets.give_pages_the_version(env)
    quizzes = define_quiz(env, templates, site.banks, site.settings.quiz.pass_mark_percent)
    held = deferred.for_build(env.conf)  # answer keys and the review's questions: out of search
    converted_pages.for_build(env.conf, held.nonce)  # a rebuild converts only the pages that changed
    _tooltips = site.reference.tooltips()
    by_id = site.by_id()
    _module_paths = {module.path: path_views.render_module_paths(templates, site.paths, module, by_id)
                     for module in by_id.values()}
    # e.g. {{ coc.data_quality.timeliness_days }} in a page; text shows as written, never as Markdown or HTML
    env.variables["coc"] = safe_markdown.inert_data(site.settings.model_dump())
    settings.apply_to_config(site.settings, env.conf)
    env.conf["extra"]["hmis_unset_settings"] = site.unset_settings  # the setup checklist in main.html
    env.conf["extra"]["hmis_audiences"] = modules.AUDIENCE_LABELS  # the module-meta line in main.html
    env.conf["extra"]["hmis_self_paced"] = {module.path: module.self_paced_minutes for module in by_id.values()}
    # main.html: who gets trainer tools, and the pass mark records.js dates a module's pass by
    env.conf["extra"]["hmis_records"] = {"trainer_view": site.settings.training.trainer_view,
                                         "pass_mark": site.settings.quiz.pass_mark_percent}
    catalogue = catalogue_keeping_views(made, quizzes, (env.conf["markdown_extensions"], env.conf["mdx_configs"]))
    env.conf["extra"]["hmis_learning"] = schedule.learning_data(site)  # every page's navigation statuses and review schedule

    @env.macro
    def module_list(level: str) -> str:
        """Links to every module of one level ("introductory" or "advanced"), in navigation order."""
        chosen = [module for module in site.modules if module.meta.level == level]
        return curriculum_views.render_module_list(templates, chosen, env.page.file.src_uri)

    @env.macro
    def local_callout(slot: str, caller=None) -> str:
        """{% call local_callout("slot") %}default{% endcall %}: the CoC's local/callouts/<slot>.md,
        or the page's default text when the CoC has not written one."""
        return local.callout_text(project_dir, slot) or (caller() if caller else "")

    @env.macro
    def help_desk() -> str:
        """The CoC's help desk contacts from local/settings.yml, or what to find out if unset."""
        return coc_views.render_settings(templates, coc_views.HELP_DESK_TEMPLATE, site.settings)

    @env.macro
    def coc_documents() -> str:
        """Links to the CoC's documents from local/settings.yml, or where to ask for each."""
        return coc_views.render_settings(templates, coc_views.COC_DOCUMENTS_TEMPLATE, site.settings)

    @env.macro
    def training_requirements() -> str:
        """The CoC's training rules from local/settings.yml, or whom to ask while there are none."""
        return coc_views.render_training_requirements(templates, site.settings, env.page.file.src_uri)

    @env.macro
    def glossary() -> str:
        """Every term of quizzes/reference/glossary.yml, as a definition list."""
        return curriculum_views.render_glossary(templates, site.reference.glossary)

    @env.macro
    def data_elements(family: str) -> str:
        """The reference table for one family of data elements: pdde, ude, psde, ce or metadata."""
        return curriculum_views.render_data_elements(templates, site.reference.family(family))

    @env.macro
    def coc_benchmarks() -> str:
        """The CoC's data quality benchmarks from local/settings.yml, or where to find them."""
        return coc_views.render_settings(templates, coc_views.COC_BENCHMARKS_TEMPLATE, site.settings)

    @env.macro
    def path_list() -> str:
        """Every role's path and every branch, for the "Choose your role" page, and the progress
        tools (deferred: their catalogue of every question is big, and no one searches it)."""
        return (path_views.render_path_list(templates, site.paths, by_id, env.page.file.src_uri) + "\n\n" +
                held.hold(env.page, path_views.render_progress_tools(templates, site.paths, catalogue),
                          path_views.PROGRESS_TOOLS_ANCHOR))

    @env.macro
    def path_page(path_id: str) -> str:
        """One path: what the role does, its modules in order with minutes, and its total time."""
        path = site.paths.get(path_id)
        path_modules = [by_id[step.module] for step in path.steps]
        record = record_views.render_record(templates, path.id, path.name,
                                            [(by_id[step.module], step.required) for step in path.steps],
                                            site.banks, site.settings, env.conf["site_name"], catalogue,
                                            record_views.agreement_link(site.settings, project_dir, env.page.url,
                                                                        env.conf["use_directory_urls"]))
        return path_views.render_path(templates, site.paths, path_id, by_id, site.banks, env.page.file.src_uri,
                                  site.settings, held.hold(env.page, quizzes.render_answer_key(
                                      [(module.meta.title, module.id) for module in path_modules])),
                                  record)

    @env.macro
    def roster() -> str:
        """For HMIS Leads: a table of the completion records they open, with what looks forged
        (deferred: it carries the catalogue of every question, which no one searches)."""
        return held.hold(env.page, record_views.render_roster(
            templates, catalogue, {path.id: path.name for path in site.paths.paths}, site.settings))

    @env.macro
    def continue_card(heading_level: int = 2) -> str:
        """For a returning learner, their path, progress, next module and review questions due;
        for a new one, "Choose your role"."""
        return path_views.render_continue_card(templates, site.paths, by_id, site.banks, site.settings,
                                               env.page.file.src_uri, heading_level)

    @env.macro
    def review_page() -> str:
        """The spaced review: the questions due again, answers hidden until checked, and the schedule."""
        return review_views.render_review(templates, quizzes, site.settings.review.intervals_days,
                                          lambda questions: held.hold(env.page, questions))

    @env.macro
    def training_plan() -> str:
        """The plan an HMIS Lead can paste into the CoC's HMIS Policies and Procedures: who takes
        what, each role's time, every module in detail and the CoC's requirements."""
        return render_training_plan(templates, list(by_id.values()), site.banks, site.paths, site.settings,
                                    env.page.file.src_uri)

    @env.macro
    def agenda_builder() -> str:
        """A form that turns chosen modules, a start time and a break length into a timed agenda."""
        return path_views.render_agenda_builder(templates, site.paths, list(by_id.values()))

    @env.macro
    def practice_files() -> str:
        """Download links for the practice export, with what each file holds."""
        return practice_views.render_practice_files(templates, env.page.file.src_uri)

    @env.macro
    def practice_case(case_id: str) -> str:
        """A practice client case from quizzes/cases/<case_id>.yml, as learners get it."""
        return practice_views.render_practice_case(templates, case_id, site.cases[case_id], env.page.file.src_uri)

    @env.macro
    def practice_case_key(case_id: str) -> str:
        """The grading key of a practice client case: expected entries at every stage."""
        return practice_views.render_practice_case_key(templates, case_id, site.cases[case_id], env.page.file.src_uri)

    @env.macro
    def practice_case_list() -> str:
        """Every practice client case, linking to it and to its key."""
        return practice_views.render_practice_case_list(templates, site.cases, env.page.file.src_uri)

    @env.macro
    def local_page_list() -> str:
        """Links to the CoC's own pages in local/pages/."""
        return coc_views.render_local_pages(templates, local.local_pages(project_dir), env.page.file.src_uri)


def catalogue_keeping_views(made: ContentCache, quizzes: QuizRenderer, markdown_settings: tuple) -> dict[str, dict]:
    """quizzes.progress_catalogue(), which turns every bank's questions into HTML (QuizRenderer's
    views): a bank the cache gave back unchanged keeps what an earlier build made of it with the
    same Markdown settings, views and rendered questions, so a rebuild turns only the edited bank's
    questions into HTML again."""
    kept = made.derive("question views", markdown_settings, dict)  # bank id -> (bank, its question views)
    quizzes.reuse_views(kept)
    quizzes.reuse_question_html(made.derive("question html", markdown_settings, dict))
    catalogue = quizzes.progress_catalogue()
    kept.clear()
    kept.update(quizzes.views_made())
    return catalogue


def on_post_build(env) -> None:
    """Our scripts and styles, bundled and minified, into the site just built."""
    from .assets import write_after_build
    write_after_build(env)


def on_post_page_macros(env) -> None:
    """Give every acronym in the glossary a tooltip on every page (Python-Markdown abbr), and end
    each module page with the learning paths it belongs to."""
    env.markdown += "\n\n" + _module_paths.get(env.page.file.src_uri, "")
    env.markdown += "\n\n" + _tooltips.for_page(env.markdown) + "\n"
