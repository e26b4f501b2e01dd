"""Checks the practice export as an importer and a data quality report would: the FY2026 files and
headers, each value against its column's type, code list and nullability, the links between files,
and the rules that tie fields together; then the data quality rules (quality.py) and the planted
problems' checks. A test asserts that it finds exactly the planted problems and nothing else.

Works on the CSV text a learner downloads, so it sees the export as they do."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable
from datetime import datetime

from .checks import DATA_QUALITY_CHECKS
from .csv_writer import load_spec
from .model import Row, Tables
from .quality import QUALITY_RULES

Found = dict[str, list[str]]
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
STAMP = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")
MONEY = re.compile(r"-?\d+(\.\d{1,2})?")


def read_export(csv_texts: dict[str, str]) -> tuple[dict[str, list[str]], Tables]:
    """Each file's header and rows, read as a spreadsheet reads them: every value a string."""
    headers, tables = {}, {}
    for name, text in csv_texts.items():
        reader = csv.reader(io.StringIO(text))
        headers[name] = next(reader, [])
        tables[name] = [dict(zip(headers[name], values)) for values in reader]
    return headers, tables


def validate(csv_texts: dict[str, str]) -> Found:
    """Every rule's findings, by rule name: record IDs for the planted checks, `file:ID:column`
    (or `file:ID`) for the rest. The specification checks come first, and the data quality rules
    run only on files that pass them."""
    headers, tables = read_export(csv_texts)
    found: Found = {"files_and_headers": _files_and_headers(headers)}
    if found["files_and_headers"]:
        return found
    for rule in (_values, _unique_ids, _links, _heads_of_household, _dependent_fields):
        found[rule.__name__.lstrip("_")] = sorted(set(rule(tables)))
    if any(found.values()):
        return found  # an importer would refuse these files: the data quality rules need sound ones
    for name, rule in (QUALITY_RULES | DATA_QUALITY_CHECKS).items():
        found[name] = rule(tables)
    return found


def _files_and_headers(headers: dict[str, list[str]]) -> list[str]:
    spec = load_spec()["files"]
    problems = [f"{name}.csv: missing" for name in spec if f"{name}.csv" not in headers]
    problems += [f"{name}: not an FY2026 file" for name in headers if name.removesuffix(".csv") not in spec]
    problems += [f"{name}: header" for name, header in headers.items()
                 if name.removesuffix(".csv") in spec and header != [c[0] for c in spec[name.removesuffix(".csv")]]]
    return problems


def _key(name: str, row: Row) -> str:
    return f"{name}:{next(iter(row.values()), '')}"


def _type_ok(kind: str, value: str) -> bool:
    if kind in ("D", "T"):
        try:
            return bool((DATE if kind == "D" else STAMP).fullmatch(value)) and bool(datetime.fromisoformat(value))
        except ValueError:  # a well-formed date that does not exist, such as 30 February
            return False
    if kind == "I":
        return value.lstrip("-").isdigit()
    if kind.startswith("M"):
        return bool(MONEY.fullmatch(value)) and not (kind == "M+" and value.startswith("-"))
    return kind == "S" or len(value) <= int(kind[1:])


def _values(tables: Tables) -> list[str]:
    """Type, nullability and code list of every value (HUD's machine-readable specification)."""
    spec = load_spec()
    problems = []
    for file_name, columns in spec["files"].items():
        for row in tables[f"{file_name}.csv"]:
            for column, kind, code_list, nullable in columns:
                value = row.get(column, "")
                where = f"{_key(file_name + '.csv', row)}:{column}"
                if value == "":
                    if not nullable:
                        problems.append(where)
                    continue
                if not _type_ok(kind, value):
                    problems.append(where)
                    continue
                by = spec["list_by"].get(f"{file_name}.{column}")
                if by:
                    code_list = by[1].get(row.get(by[0], ""), by[2])
                codes = spec["lists"].get(code_list or "")
                if (codes is not None and value not in codes) or \
                        value in spec["not_in_list"].get(f"{file_name}.{column}", ()):
                    problems.append(where)
    return problems


def _unique_ids(tables: Tables) -> list[str]:
    problems = []
    for name, rows in tables.items():
        if name != "Export.csv":
            counts = Counter(next(iter(row.values()), "") for row in rows)
            problems += [f"{name}:{key}" for key, count in counts.items() if count > 1]
    problems += [f"Exit.csv:{key}" for key, count in Counter(row["EnrollmentID"] for row in tables["Exit.csv"]).items()
                 if count > 1]  # one exit per stay
    return problems


def _links(tables: Tables) -> list[str]:
    """Every ID names a record of its file, and a stay's records belong to the stay's person."""
    owners = {"PersonalID": "Client.csv", "EnrollmentID": "Enrollment.csv", "ProjectID": "Project.csv",
              "UserID": "User.csv", "OrganizationID": "Organization.csv", "AssessmentID": "Assessment.csv"}
    ids = {column: {row[column] for row in tables[name]} for column, name in owners.items()}
    export_id = tables["Export.csv"][0]["ExportID"]
    people = {row["EnrollmentID"]: row["PersonalID"] for row in tables["Enrollment.csv"]}
    cocs = {(row["ProjectID"], row["CoCCode"]) for row in tables["ProjectCoC.csv"]}
    problems = []
    for name, rows in tables.items():
        for row in rows:
            problems += [f"{_key(name, row)}:{column}" for column, known in ids.items()
                         if column in row and owners[column] != name and row[column] not in known]
            if row.get("ExportID") != export_id:
                problems.append(f"{_key(name, row)}:ExportID")
            if "EnrollmentID" in row and name != "Enrollment.csv" and people.get(row["EnrollmentID"]) != row["PersonalID"]:
                problems.append(f"{_key(name, row)}:PersonalID")
    problems += [f"{_key('Enrollment.csv', row)}:EnrollmentCoC" for row in tables["Enrollment.csv"]
                 if (row["ProjectID"], row["EnrollmentCoC"]) not in cocs]
    return problems


def _heads_of_household(tables: Tables) -> list[str]:
    """One head of household per household, and a household in one project."""
    heads = Counter(row["HouseholdID"] for row in tables["Enrollment.csv"] if row["RelationshipToHoH"] == "1")
    projects: dict[str, set[str]] = {}
    for row in tables["Enrollment.csv"]:
        projects.setdefault(row["HouseholdID"], set()).add(row["ProjectID"])
    return [f"household:{household}" for household, where in projects.items()
            if heads[household] != 1 or len(where) > 1]


def _when(condition: bool, value: str) -> bool:
    """A dependent field is filled exactly when its condition holds."""
    return condition == (value != "")


def _dependent_fields(tables: Tables) -> list[str]:
    rules: dict[str, list[tuple[str, Callable[[Row], bool]]]] = {
        "Exit.csv": [("DestinationSubsidyType", lambda r: _when(r["Destination"] == "435", r["DestinationSubsidyType"]))],
        "Enrollment.csv": [("RentalSubsidyType", lambda r: _when(r["LivingSituation"] == "435", r["RentalSubsidyType"]))],
        "HealthAndDV.csv": [(column, lambda r, c=column: _when(r["DomesticViolenceSurvivor"] == "1", r[c]))
                            for column in ("WhenOccurred", "CurrentlyFleeing")],
        "Disabilities.csv": [("IndefiniteAndImpairs", lambda r: _when(
            r["DisabilityType"] in ("5", "7", "9", "10") and r["DisabilityResponse"] not in ("0", "8", "9", "99"),
            r["IndefiniteAndImpairs"]))],
        "CEParticipation.csv": [(column, lambda r, c=column: _when(r["AccessPoint"] == "1", r[c])) for column in
                                ("PreventionAssessment", "CrisisAssessment", "HousingAssessment", "DirectServices")],
        "Event.csv": [("ProbSolDivRRResult", lambda r: _when(r["Event"] == "2", r["ProbSolDivRRResult"])),
                      ("LocationCrisisOrPHHousing", lambda r: _when(r["Event"] in ("10", "11", "12", "13", "14", "15"),
                                                                    r["LocationCrisisOrPHHousing"])),
                      ("ResultDate", lambda r: _when(r["ReferralResult"] != "", r["ResultDate"]))],
    }
    types = {row["ProjectID"]: row["ProjectType"] for row in tables["Project.csv"]}
    rules["Project.csv"] = [
        ("RRHSubType", lambda r: _when(r["ProjectType"] == "13", r["RRHSubType"])),
        ("HousingType", lambda r: _when(r["ProjectType"] in ("0", "1", "2", "3", "8", "9", "10")
                                        or r["RRHSubType"] == "2", r["HousingType"]))]
    rules["Inventory.csv"] = [(column, lambda r, c=column: _when(types.get(r["ProjectID"]) in ("0", "1"), r[c]))
                              for column in ("Availability", "ESBedType")]
    rules["Inventory.csv"].append(("BedInventory", lambda r: int(r["BedInventory"]) == sum(
        int(r[c] or 0) for c in r if c.endswith("BedInventory") and c != "BedInventory")))
    rules["Enrollment.csv"] += [
        ("MoveInDate", lambda r: r["MoveInDate"] == "" or (r["RelationshipToHoH"] == "1"
                                                           and types.get(r["ProjectID"]) in ("3", "13"))),
        ("DateOfEngagement", lambda r: r["DateOfEngagement"] == "" or types.get(r["ProjectID"]) in ("1", "4", "6"))]
    return [f"{_key(name, row)}:{column}" for name, checks in rules.items() for row in tables[name]
            for column, holds in checks if not holds(row)]
