"""Writing the practice export: each table as CSV text with the FY2026 columns in order, and the
zip of them all, as the site paths the build adds (macros/hooks.py)."""

from __future__ import annotations

import functools
import io
import json
import zipfile
from pathlib import Path

import yaml

from .generator import generate
from .model import DOWNLOAD_DIR, ZIP_NAME, Row

SPEC_FILE = Path(__file__).with_name("fy2026_spec.json")


def load_columns(project_dir: Path) -> dict[str, list[str]]:
    text = (project_dir / "quizzes" / "reference" / "csv-columns.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@functools.cache
def load_spec() -> dict:
    """Each file's columns as [name, type, code list, nullable], and each code list's values."""
    return json.loads(SPEC_FILE.read_text(encoding="utf-8"))


@functools.cache
def string_columns() -> frozenset[str]:
    """Columns of a string type (S, S32, S50...): the specification asks for these values in double
    quotes, which also keeps a spreadsheet from dropping a ZIP code's leading zeros."""
    return frozenset(column for columns in load_spec()["files"].values()
                     for column, kind, _, _ in columns if kind.startswith("S"))


def _field(column: str, value: str) -> str:
    if value == "":
        return ""  # a null: nothing between the commas
    if column in string_columns():
        return '"' + value.replace('"', '""') + '"'
    return value


def to_csv(rows: list[Row], columns: list[str]) -> str:
    """One file's text with the spec's columns in the spec's order; blank where a row has no value."""
    unknown = sorted({key for row in rows for key in row} - set(columns))
    if unknown:
        raise ValueError(f"not FY2026 CSV columns: {', '.join(unknown)}")
    lines = [",".join(columns)]
    lines += [",".join(_field(column, row.get(column, "")) for column in columns) for row in rows]
    return "".join(line + "\r\n" for line in lines)


def files(project_dir: Path) -> dict[str, bytes]:
    """The site paths and bytes of every CSV and of the zip holding them all."""
    columns = load_columns(project_dir)
    export = generate()
    csvs = {f"{DOWNLOAD_DIR}/{name}": to_csv(rows, columns[name]).encode("utf-8")
            for name, rows in export.tables.items()}
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path, content in csvs.items():
            info = zipfile.ZipInfo(path.rsplit("/", 1)[1], date_time=(2026, 10, 15, 8, 0, 0))
            zipped.writestr(info, content, zipfile.ZIP_DEFLATED)
    return csvs | {ZIP_NAME: archive.getvalue()}
