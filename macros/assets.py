"""Our scripts and styles as a browser gets them: one minified script and one minified stylesheet
on every page, and minified page parts that the script loads only on the pages that use them.

The sources stay readable in overrides/assets/. After the build (mkdocs-macros `on_post_build`)
the bundles are written into the site and the copies MkDocs made of the sources are removed, so
the site holds only what its pages load. Pages ask for the bundles with `?v=<version>`, a digest of
the sources: a browser that cached an old script never runs it against a new page.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import rcssmin
import rjsmin

from .problems import Problem, fail_on

SCRIPTS = "assets/javascripts"
STYLES = "assets/stylesheets"
# In this order: quiz.js defines the store the others use; review.js's schedule comes before
# resume.js, which counts the questions due.
EVERY_PAGE_SCRIPTS = ("site.js", "quiz.js", "result.js", "paths.js", "trainer.js", "tally.js", "records.js",
                      "review.js", "resume.js")
# Loaded by site.js only where a page has their part (its PAGE_PARTS names them).
PAGE_PART_SCRIPTS = ("agenda.js", "roster.js", "review-page.js", "progress-file.js")
STYLESHEETS = ("site.css", "quiz.css", "records.css", "learning.css")
SCRIPT_BUNDLE = f"{SCRIPTS}/hmis.min.js"
STYLE_BUNDLE = f"{STYLES}/hmis.min.css"


def sources(theme_dir: Path) -> dict[str, str]:
    """Every source file, by its path in the site; the build stops, naming each, if any is missing."""
    names = [f"{SCRIPTS}/{name}" for name in EVERY_PAGE_SCRIPTS + PAGE_PART_SCRIPTS]
    names += [f"{STYLES}/{name}" for name in STYLESHEETS]
    fail_on([Problem(f"{theme_dir.name}/{name}", 1, "", "missing: every page's script and stylesheet are built "
                     "from it (macros/assets.py lists them)") for name in names if not (theme_dir / name).is_file()])
    return {name: (theme_dir / name).read_text(encoding="utf-8") for name in names}


def version(theme_dir: Path) -> str:
    """A short digest of all sources, for the pages' `?v=`."""
    digest = hashlib.sha256()
    for name, text in sources(theme_dir).items():
        digest.update(f"{name}\0{text}\0".encode("utf-8"))
    return digest.hexdigest()[:12]


def minified(name: str, text: str) -> str:
    """A script or stylesheet without comments and spare white space (names are left alone)."""
    return rcssmin.cssmin(text) if name.endswith(".css") else rjsmin.jsmin(text)


def bundles(theme_dir: Path) -> dict[str, str]:
    """The files the site serves instead of the sources, by path. Each source in a bundle starts
    with a comment naming it, to find it again from a browser's developer tools."""
    found = {name: minified(name, text) for name, text in sources(theme_dir).items()}
    script = "".join(f"/*! {name} */\n{found[f'{SCRIPTS}/{name}']}\n" for name in EVERY_PAGE_SCRIPTS)
    style = "".join(f"/*! {name} */\n{found[f'{STYLES}/{name}']}\n" for name in STYLESHEETS)
    parts = {f"{SCRIPTS}/{name}": found[f"{SCRIPTS}/{name}"] for name in PAGE_PART_SCRIPTS}
    return {SCRIPT_BUNDLE: script, STYLE_BUNDLE: style, **parts}


def write_bundles(theme_dir: Path, site_dir: Path) -> None:
    """Put the bundles and minified parts in the built site, in place of the sources' copies."""
    for name in sources(theme_dir):
        (site_dir / name).unlink(missing_ok=True)
    for name, text in bundles(theme_dir).items():
        (site_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / name).write_text(text, encoding="utf-8")


def give_pages_the_version(env) -> None:
    """For main.html's `?v=` (mkdocs-macros `define_env`)."""
    env.conf["extra"]["hmis_assets_version"] = version(Path(env.conf["theme"].custom_dir))


def write_after_build(env) -> None:
    """mkdocs-macros `on_post_build`: the bundles into the site just built."""
    write_bundles(Path(env.conf["theme"].custom_dir), Path(env.conf["site_dir"]))
