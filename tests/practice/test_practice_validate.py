"""The validator (macros/practice/validate.py) finds exactly the problems planted in the practice
export, and each of its rules reports a record broken on purpose (tests/fixtures/practice-validation)."""

from __future__ import annotations

import pytest
import yaml

from helpers import FIXTURES, PROJECT_DIR
from macros import practice
from macros.practice.validate import read_export, validate

BREAKAGES = yaml.safe_load((FIXTURES / "practice-validation" / "breakages.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {path.rsplit("/", 1)[1]: content.decode("utf-8")
            for path, content in practice.files(PROJECT_DIR).items() if path.endswith(".csv")}


def test_it_finds_exactly_the_planted_problems_and_nothing_else(texts: dict[str, str]) -> None:
    found = validate(texts)
    planted = practice.generate().planted
    assert set(planted) <= set(found)
    assert {rule: records for rule, records in found.items() if records} == planted
    assert len(found) >= 20  # the specification checks, the quality rules and the planted checks all ran


def _broken(texts: dict[str, str], change: dict) -> dict[str, str]:
    headers, tables = read_export(texts)
    name, rows = change["file"], tables[change["file"]]
    if "header" in change:
        old, new = change["header"]
        headers[name] = [new if column == old else column for column in headers[name]]
        rows = [{new if key == old else key: value for key, value in row.items()} for row in rows]
    else:
        stays = {row["EnrollmentID"]: row for row in tables["Enrollment.csv"]}
        row = next(row for row in rows if all(row[k] == v for k, v in change.get("where", {}).items())
                   and all(stays[row["EnrollmentID"]][k] == v for k, v in change.get("enrollment", {}).items()))
        if change.get("delete"):
            rows.remove(row)
        else:
            value = change["value"]
            row[change["column"]] = {"0": "1", "1": "0"}[row[change["column"]]] if value == "toggle" else value
    return texts | {name: practice.to_csv(rows, headers[name])}


@pytest.mark.parametrize("change", BREAKAGES, ids=[f"{c['rule']}-{n}" for n, c in enumerate(BREAKAGES)])
def test_each_rule_reports_a_record_broken_on_purpose(texts: dict[str, str], change: dict) -> None:
    found = validate(_broken(texts, change))
    assert found.get(change["rule"]), {rule: records[:3] for rule, records in found.items() if records}


def test_every_rule_but_the_planted_checks_has_a_breakage(texts: dict[str, str]) -> None:
    """The planted checks are tested on the planted problems themselves."""
    rules = set(validate(texts)) - set(practice.DATA_QUALITY_CHECKS)
    assert rules == {change["rule"] for change in BREAKAGES}
