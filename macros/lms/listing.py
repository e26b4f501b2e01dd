"""index.html beside the exports: what each file is, linked, so a published site's downloads/lms/
is a page a CoC can use (the site's page "Use these modules in your LMS" says which to pick)."""

from __future__ import annotations

from pathlib import Path

from . import pages_html

FORMATS = (("gift.txt", "GIFT"), ("moodle.xml", "Moodle XML"), ("qti.zip", "QTI 2.1"))


def listing(site_name: str, packages: list[tuple[str, str]], question_sets: list[tuple[str, str]]) -> str:
    """`packages`: (zip name, title); `question_sets`: (file stem, title)."""
    return pages_html.render("listing.html", title=f"{site_name}: files for your learning management system",
                             packages=packages, question_sets=question_sets, formats=FORMATS)


def write_listing(out_dir: Path, site_name: str, packages: list[tuple[str, str]],
                  question_sets: list[tuple[str, str]]) -> Path:
    target = out_dir / "index.html"
    target.write_text(listing(site_name, packages, question_sets), encoding="utf-8")
    return target
