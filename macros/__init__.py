"""mkdocs-macros entry point: wiring only. The work lives in the modules named below."""

from __future__ import annotations

import importlib
from pathlib import Path

from . import (problems, practice, schema, safe_yaml, loader, pages, modules, settings, local, reference, cases, paths,
               page_macros, calls, content, safe_markdown, render)

_builds = 0
_tooltips: reference.Tooltips | None = None  # the glossary's, added to each page by on_post_page_macros
_module_paths: dict[str, str] = {}  # module page path -> its "In learning paths" box


def define_env(env) -> None:
    """Check all content before any page renders, then offer the macros pages call."""
    global _builds, _tooltips, _module_paths
    # `mkdocs serve` keeps this package imported between rebuilds; reload so code edits apply,
    # each module after the ones it imports from.
    if _builds:
        for module in (problems, practice, schema, safe_yaml, loader, pages, modules, settings, local, reference, cases,
                       paths, page_macros, calls, content, safe_markdown, render):
            importlib.reload(module)
    _builds += 1

    project_dir = Path(env.project_dir)
    site = content.load_content(project_dir, Path(env.conf["docs_dir"]), env.conf["nav"], env.conf["extra"])
    problems.fail_on(site.problems)
    templates = render.template_environment(env.conf)
    quizzes = render.QuizRenderer(templates, site.banks)
    _tooltips = site.reference.tooltips()
    by_id = site.by_id()
    _module_paths = {module.path: render.render_module_paths(templates, site.paths, module, by_id)
                     for module in by_id.values()}
    # e.g. {{ coc.data_quality.timeliness_days }} in a page; text shows as written, never as Markdown or HTML
    env.variables["coc"] = safe_markdown.inert_data(site.settings.model_dump())
    settings.apply_to_config(site.settings, env.conf)
    env.conf["extra"]["hmis_unset_settings"] = site.unset_settings  # the setup checklist in main.html
    env.conf["extra"]["hmis_audiences"] = schema.AUDIENCE_LABELS  # the module-meta line in main.html

    @env.macro
    def quiz(bank_id: str) -> str:
        """The self-checking quiz for quizzes/<bank_id>.yml."""
        return quizzes.render(bank_id)

    @env.macro
    def module_list(level: str) -> str:
        """Links to every module of one level ("introductory" or "advanced"), in navigation order."""
        chosen = [module for module in site.modules if module.meta.level == level]
        return render.render_module_list(templates, chosen, env.page.file.src_uri)

    @env.macro
    def local_callout(slot: str, caller=None) -> str:
        """{% call local_callout("slot") %}default{% endcall %}: the CoC's local/callouts/<slot>.md,
        or the page's default text when the CoC has not written one."""
        return local.callout_text(project_dir, slot) or (caller() if caller else "")

    @env.macro
    def help_desk() -> str:
        """The CoC's help desk contacts from local/settings.yml, or what to find out if unset."""
        return render.render_settings(templates, render.HELP_DESK_TEMPLATE, site.settings)

    @env.macro
    def coc_documents() -> str:
        """Links to the CoC's documents from local/settings.yml, or where to ask for each."""
        return render.render_settings(templates, render.COC_DOCUMENTS_TEMPLATE, site.settings)

    @env.macro
    def glossary() -> str:
        """Every term of quizzes/reference/glossary.yml, as a definition list."""
        return render.render_glossary(templates, site.reference.glossary)

    @env.macro
    def data_elements(family: str) -> str:
        """The reference table for one family of data elements: pdde, ude, psde, ce or metadata."""
        return render.render_data_elements(templates, site.reference.family(family))

    @env.macro
    def coc_benchmarks() -> str:
        """The CoC's data quality benchmarks from local/settings.yml, or where to find them."""
        return render.render_settings(templates, render.COC_BENCHMARKS_TEMPLATE, site.settings)

    @env.macro
    def path_list() -> str:
        """Every role's path and every branch, for the "Choose your role" page."""
        return render.render_path_list(templates, site.paths, by_id, env.page.file.src_uri,
                                       quizzes.progress_catalogue())

    @env.macro
    def path_page(path_id: str) -> str:
        """One path: what the role does, its modules in order with minutes, and its total time."""
        path_modules = [by_id[step.module] for step in site.paths.get(path_id).steps]
        return render.render_path(templates, site.paths, path_id, by_id, site.banks, env.page.file.src_uri,
                                  env.conf["site_name"], site.settings, quizzes.render_answer_key(path_modules))

    @env.macro
    def training_plan() -> str:
        """The curriculum matrix an HMIS Lead can paste into the CoC's HMIS Policies and Procedures."""
        return render.render_training_plan(templates, site.modules, site.banks, env.page.file.src_uri)

    @env.macro
    def agenda_builder() -> str:
        """A form that turns chosen modules, a start time and a break length into a timed agenda."""
        return render.render_agenda_builder(templates, site.paths, list(by_id.values()))

    @env.macro
    def practice_files() -> str:
        """Download links for the practice export, with what each file holds."""
        return render.render_practice_files(templates, env.page.file.src_uri)

    @env.macro
    def practice_case(case_id: str) -> str:
        """A practice client case from quizzes/cases/<case_id>.yml, as learners get it."""
        return render.render_practice_case(templates, case_id, site.cases[case_id], env.page.file.src_uri)

    @env.macro
    def practice_case_key(case_id: str) -> str:
        """The grading key of a practice client case: expected entries at every stage."""
        return render.render_practice_case_key(templates, case_id, site.cases[case_id], env.page.file.src_uri)

    @env.macro
    def practice_case_list() -> str:
        """Every practice client case, linking to it and to its key."""
        return render.render_practice_case_list(templates, site.cases, env.page.file.src_uri)

    @env.macro
    def local_page_list() -> str:
        """Links to the CoC's own pages in local/pages/."""
        return render.render_local_pages(templates, local.local_pages(project_dir), env.page.file.src_uri)


def on_post_page_macros(env) -> None:
    """Give every acronym in the glossary a tooltip on every page (Python-Markdown abbr), and end
    each module page with the learning paths it belongs to."""
    env.markdown += "\n\n" + _module_paths.get(env.page.file.src_uri, "")
    env.markdown += "\n\n" + _tooltips.for_page(env.markdown) + "\n"
