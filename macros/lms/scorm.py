"""SCORM 1.2 packages cut from one offline build of the site: one per module, one per learning
path. A package holds its pages, every file they load, the runtime adapter and its manifest."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from . import adapter, manifest, pages
from .sources import Content
from .zips import write_zip

MANIFEST = "imsmanifest.xml"


@dataclass(frozen=True)
class Package:
    id: str           # "module-<module id>" or "path-<path id>": the zip's name and the manifest's identifiers
    title: str
    pages: list[str]  # pages of the offline build, the first one shown at launch


def built_page(source: str) -> str:
    """Where a page of docs/ (or local/) is in the offline build, which writes <name>.html."""
    return source.removesuffix(".md") + ".html"


def packages(content: Content) -> list[Package]:
    """A package per module (the site's, then the CoC's own) and per learning path."""
    by_id = content.by_id()
    found = [Package(f"module-{module.id}", str(module.meta.title), [built_page(module.path)])
             for module in [*content.modules, *content.local_modules]]
    for path in content.paths.paths if content.paths else []:
        steps = [built_page(by_id[step.module].path) for step in path.steps]
        found.append(Package(f"path-{path.id}", f"Learning path: {path.name}", [f"paths/{path.id}.html", *steps]))
    return found


def public_site_url(site_url: str | None) -> str | None:
    """The address the site is published at, or None for the local preview's default address."""
    host = urlsplit(site_url or "").hostname
    if not host or host == "localhost":
        return None
    try:
        return None if ipaddress.ip_address(host).is_loopback else site_url
    except ValueError:
        return site_url


def package_files(package: Package, site_dir: Path, site_url: str | None, pass_mark: int) -> dict[str, bytes]:
    """Every file of the package by its path in the zip, the manifest included."""
    in_package = set(package.pages)
    cut = {page: pages.cut_page((site_dir / page).read_text(encoding="utf-8"), page, in_package, site_url)
           for page in package.pages}
    questions = [question for page in package.pages for question in adapter.questions_in(cut[page])]
    files = {page: text.encode("utf-8") for page, text in cut.items()}
    files |= {name: (site_dir / name).read_bytes() for name in pages.files_for(cut, site_dir)}
    files |= adapter.scripts()
    data = adapter.catalogue(questions, pass_mark)
    files[adapter.LAUNCH] = adapter.launch_page(package.title, package.pages[0], data).encode("utf-8")
    files[MANIFEST] = manifest.manifest(package.id, package.title, adapter.LAUNCH, list(files), pass_mark)
    return files


def write_packages(content: Content, site_dir: Path, out_dir: Path, site_url: str | None) -> list[tuple[str, str]]:
    """Writes a zip per package; returns each zip's name and title."""
    written = []
    for package in packages(content):
        write_zip(out_dir / f"{package.id}.zip", package_files(package, site_dir, public_site_url(site_url),
                                                                content.settings.quiz.pass_mark_percent))
        written.append((f"{package.id}.zip", package.title))
    return written
