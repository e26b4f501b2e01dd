"""`python -m macros` (make check): validate the content without building the site.

`python -m macros --write-schema` (make schema) regenerates the JSON Schema for editors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from pydantic import BaseModel

from .practice.cases import CASES_DIR, Case
from .content import load_content
from .quiz.banks import BANKS_DIR
from .problems import fail_on
from .formats import json_schema
from .quiz.formats import Bank

PROJECT_DIR = Path(__file__).resolve().parent.parent
# Each file editors point at (first line of a bank or case), and the model and title it describes.
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    f"{BANKS_DIR}/quiz-bank.schema.json": (Bank, "HMIS Training quiz bank"),
    f"{CASES_DIR}/case.schema.json": (Case, "HMIS Training practice case"),
}


def schema_text(name: str) -> str:
    return json.dumps(json_schema(*SCHEMAS[name]), indent=2) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Validate all content and every macro "
                                     "call in the pages, as the build does, without building.")
    parser.add_argument("--write-schema", action="store_true", help="rewrite the JSON Schemas from the models")
    if parser.parse_args(argv).write_schema:
        for name in SCHEMAS:
            (PROJECT_DIR / name).write_text(schema_text(name), encoding="utf-8")
            print(f"wrote {name}")
        return 0
    config = load_config(str(PROJECT_DIR / "mkdocs.yml"))
    docs_dir = Path(config["docs_dir"])
    site = load_content(PROJECT_DIR, docs_dir, config["nav"], config["extra"])
    try:
        fail_on(site.problems)
    except PluginError as error:
        print(error, file=sys.stderr)
        return 1
    questions = sum(len(bank.questions) for bank in site.banks.values())
    print(f"{len(site.modules)} modules, {len(site.banks)} quiz banks, {questions} questions, "
          f"{len(site.cases)} practice cases: all valid")
    print(f"slots your CoC can fill in local/callouts/<slot>.md: {', '.join(site.callout_slots)}")
    if site.unset_settings:
        print(f"not set yet in local/settings.yml (start from settings.example.yml): {', '.join(site.unset_settings)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
