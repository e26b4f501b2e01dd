"""Data quality checks: each finds the records with one kind of planted problem, the way a learner
would in a spreadsheet, and returns their IDs. Tests check that each finds exactly what was planted."""

from __future__ import annotations

from collections import Counter
from datetime import date

from .model import Tables


def _first_starts(tables: Tables) -> dict[str, date]:
    starts: dict[str, date] = {}
    for row in tables["Enrollment.csv"]:
        entry = date.fromisoformat(row["EntryDate"])
        starts[row["PersonalID"]] = min(starts.get(row["PersonalID"], entry), entry)
    return starts


def dob_refused(tables: Tables) -> list[str]:
    """People who preferred not to give their date of birth (3.03 data quality 9)."""
    return [row["PersonalID"] for row in tables["Client.csv"] if row["DOBDataQuality"] == "9"]


def adults_without_veteran_status(tables: Tables) -> list[str]:
    """People 18 or older at their first project start whose Veteran Status (3.07) was not collected."""
    starts = _first_starts(tables)
    return [row["PersonalID"] for row in tables["Client.csv"] if row["VeteranStatus"] == "99" and row["DOB"]
            and row["PersonalID"] in starts and _age(date.fromisoformat(row["DOB"]), starts[row["PersonalID"]]) >= 18]


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def move_ins_before_start(tables: Tables) -> list[str]:
    """Enrollments whose Housing Move-In Date is before the Project Start Date."""
    return [row["EnrollmentID"] for row in tables["Enrollment.csv"]
            if row["MoveInDate"] and row["MoveInDate"] < row["EntryDate"]]


def exits_before_start(tables: Tables) -> list[str]:
    """Enrollments whose Project Exit Date is before the Project Start Date."""
    starts = {row["EnrollmentID"]: row["EntryDate"] for row in tables["Enrollment.csv"]}
    return [row["EnrollmentID"] for row in tables["Exit.csv"] if row["ExitDate"] < starts[row["EnrollmentID"]]]


def overlapping_shelter_stays(tables: Tables) -> list[str]:
    """Entry-exit shelter enrollments of one person that share a night."""
    exits = {row["EnrollmentID"]: row["ExitDate"] for row in tables["Exit.csv"]}
    shelters = {row["ProjectID"] for row in tables["Project.csv"] if row["ProjectType"] == "0"}
    stays: dict[str, list[tuple[str, str, str]]] = {}
    for row in tables["Enrollment.csv"]:
        if row["ProjectID"] in shelters:
            end = exits.get(row["EnrollmentID"], "9999-12-31")
            stays.setdefault(row["PersonalID"], []).append((row["EntryDate"], end, row["EnrollmentID"]))
    return sorted((enrollment for person in stays.values() for start, end, enrollment in person
                   if any(other != enrollment and start < other_end and other_start < end
                          for other_start, other_end, other in person)), key=int)


def late_annual_assessments(tables: Tables) -> list[str]:
    """Annual assessment records (stage 5) more than 30 days from the anniversary of the head of
    household's Project Start Date."""
    starts = {row["EnrollmentID"]: date.fromisoformat(row["EntryDate"]) for row in tables["Enrollment.csv"]}
    heads = {row["HouseholdID"]: starts[row["EnrollmentID"]] for row in tables["Enrollment.csv"]
             if row["RelationshipToHoH"] == "1"}
    household_start = {row["EnrollmentID"]: heads[row["HouseholdID"]] for row in tables["Enrollment.csv"]}
    late = []
    for row in tables["IncomeBenefits.csv"]:
        if row["DataCollectionStage"] == "5":
            start, on = household_start[row["EnrollmentID"]], date.fromisoformat(row["InformationDate"])
            anniversary = start.replace(year=start.year + round((on - start).days / 365.25))
            if abs((on - anniversary).days) > 30:
                late.append(row["IncomeBenefitsID"])
    return late


def likely_duplicates(tables: Tables) -> list[str]:
    """Client records that share a first name, last name and date of birth."""
    people = Counter((row["FirstName"], row["LastName"], row["DOB"]) for row in tables["Client.csv"] if row["DOB"])
    return [row["PersonalID"] for row in tables["Client.csv"]
            if row["DOB"] and people[(row["FirstName"], row["LastName"], row["DOB"])] > 1]


DATA_QUALITY_CHECKS = {check.__name__: check for check in (
    dob_refused, adults_without_veteran_status, move_ins_before_start, exits_before_start,
    overlapping_shelter_stays, late_annual_assessments, likely_duplicates)}
