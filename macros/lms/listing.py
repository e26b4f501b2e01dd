"""index.html beside the exports: what each file is, linked, so a published site's downloads/lms/
is a page a CoC can use (the site's page "Use these modules in your LMS" says which to pick)."""

from __future__ import annotations

import html
from pathlib import Path

FORMATS = (("gift.txt", "GIFT"), ("moodle.xml", "Moodle XML"), ("qti.zip", "QTI 2.1"))


def link(href: str, text: str) -> str:
    return f'<a href="{html.escape(href)}">{html.escape(text)}</a>'


def listing(site_name: str, packages: list[tuple[str, str]], question_sets: list[tuple[str, str]]) -> str:
    """`packages`: (zip name, title); `question_sets`: (file stem, title)."""
    package_rows = "\n".join(f"<tr><td>{html.escape(title)}</td><td>{link(f'scorm/{name}', name)}</td></tr>"
                             for name, title in packages)
    question_rows = "\n".join(
        f"<tr><td>{html.escape(title)}</td><td>"
        + " ".join(link(f"banks/{stem}.{suffix}", label) for suffix, label in FORMATS) + "</td></tr>"
        for stem, title in question_sets)
    title = f"{site_name}: files for your learning management system"
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>body {{ font-family: system-ui, sans-serif; margin: 1rem auto; max-width: 60rem; padding: 0 1rem; }}
table {{ border-collapse: collapse; width: 100%; }} th, td {{ border-bottom: 1px solid #ccc; padding: .4rem; text-align: left; }}
a:focus {{ outline: 3px solid #1a4fa0; outline-offset: 2px; }}</style>
</head>
<body>
<main>
<h1>{html.escape(title)}</h1>
<p>See the site's page "Use these modules in your LMS" for which file to upload where.</p>
<h2>SCORM 1.2 packages</h2>
<table>
<thead><tr><th scope="col">Module or learning path</th><th scope="col">Package</th></tr></thead>
<tbody>
{package_rows}
</tbody>
</table>
<h2>Question files</h2>
<table>
<thead><tr><th scope="col">Quiz</th><th scope="col">Formats</th></tr></thead>
<tbody>
{question_rows}
</tbody>
</table>
</main>
</body>
</html>
"""


def write_listing(out_dir: Path, site_name: str, packages: list[tuple[str, str]],
                  question_sets: list[tuple[str, str]]) -> Path:
    target = out_dir / "index.html"
    target.write_text(listing(site_name, packages, question_sets), encoding="utf-8")
    return target
