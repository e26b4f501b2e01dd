"""The practice material on screen: the export's download list, and practice client cases with
their grading keys."""

from __future__ import annotations

import jinja2

from .. import practice
from .cases import Case
from ..templates import link_from

PRACTICE_FILES_TEMPLATE = "partials/practice/files.html"
PRACTICE_CASE_TEMPLATE = "partials/practice/case.html"
PRACTICE_CASE_KEY_TEMPLATE = "partials/practice/case-key.html"
PRACTICE_CASE_LIST_TEMPLATE = "partials/practice/case-list.html"
CASE_PAGES_DIR = "practice-cases"  # docs/practice-cases/<id>.md shows a case, <id>-key.md its key
BASIS_LABELS = {"federal": "Federal", "local": "Local", "good-practice": "Good practice"}


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
