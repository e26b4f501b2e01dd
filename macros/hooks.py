"""A MkDocs hook (mkdocs.yml `hooks:`), not a macros module. It adds files that are not in docs/
to the build: the CoC's own pages in local/pages/ and files in local/assets/ (such as a logo),
under local/, so a fork never edits docs/; and the generated practice export, under downloads/.
It also escapes every page's front matter, which Material prints as HTML (a title, a description).
Under `mkdocs serve` it keeps the last good build on show while an edit has problems.
MkDocs loads this file by path, not as part of the package; importing the package itself, as
mkdocs-macros does, when the files are added (after define_env has dropped any code edited since
the last build) means both share one practice module and the export is generated once."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

PROJECT_DIR = str(Path(__file__).resolve().parent.parent)
if PROJECT_DIR not in sys.path:  # mkdocs serve loads this file again on every rebuild
    sys.path.insert(0, PROJECT_DIR)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    local = Path(config.config_file_path).parent / "local"
    for folder in (local / "pages", local / "assets"):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file() and not path.name.startswith("."):
                src_uri = "local/" + path.relative_to(folder).as_posix()
                files.append(File.generated(config, src_uri, abs_src_path=str(path)))
    from macros import cache, practice  # as this build's define_env left them
    columns = local.parent / "quizzes" / "reference" / "csv-columns.yml"
    made = cache.current()  # the export is the same until the code or its column list changes
    export = made.derive("practice export", made.files_signature([columns]), lambda: practice.files(local.parent))
    for src_uri, content in export.items():
        files.append(File.generated(config, src_uri, content=content))
    return files


def escaped(value: object) -> object:
    """Front matter text as plain text: Markup prints as written wherever Material shows it."""
    if isinstance(value, str):
        return Markup.escape(value)
    if isinstance(value, list):
        return [escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: escaped(item) for key, item in value.items()}
    return value


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    page.meta = escaped(page.meta)
    return markdown


def on_page_content(html: str, **_: object) -> str:
    """Trainer notes stay out of search: a learner who searches should find teaching, not notes
    meant for the trainer (Material's search skips an element marked data-search-exclude)."""
    return html.replace('<div class="admonition trainer">', '<div class="admonition trainer" data-search-exclude>')


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    """mkdocs serve answers no page request until a rebuild succeeds, so one bad edit would hang the
    browser until it is fixed. A failed rebuild has already printed its problems and changed no file
    of the last good build (content is checked before the site is written): serve that meanwhile."""
    rebuild = server.builder

    def rebuild_or_keep_the_last_good_build(*args, **kwargs) -> None:
        try:
            rebuild(*args, **kwargs)
        except (Exception, SystemExit) as error:  # mkdocs' Abort, after a build error, is a SystemExit
            cause = "" if isinstance(error, SystemExit) else f" ({type(error).__name__}: {error})"
            logging.getLogger("mkdocs").error(f"The site was not rebuilt{cause}: the server keeps showing the last "
                                              "good build. Fix the problems above and save again.")

    server.builder = rebuild_or_keep_the_last_good_build
    return server
