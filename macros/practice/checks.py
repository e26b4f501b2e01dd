"""Data quality checks: each finds the records with one kind of planted problem, the way a learner
would in a spreadsheet, and returns their IDs. Tests check that each finds exactly what was planted."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from .model import LATE_ENTRY_DAYS, PERIOD_END, PERIOD_START, Tables


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


def _days_late(created: str, event: str) -> int:
    return (datetime.fromisoformat(created).date() - date.fromisoformat(event)).days


def late_entries(tables: Tables) -> list[str]:
    """Enrollments whose project start, or whose exit, was entered in the HMIS more than 30 days
    after it happened (the CoC's timeliness standard). An exit dated before its start is already
    an error of its own, so its lag is not measured."""
    starts = {row["EnrollmentID"]: row["EntryDate"] for row in tables["Enrollment.csv"]}
    late = {row["EnrollmentID"] for row in tables["Enrollment.csv"]
            if _days_late(row["DateCreated"], row["EntryDate"]) > LATE_ENTRY_DAYS}
    late |= {row["EnrollmentID"] for row in tables["Exit.csv"] if row["ExitDate"] >= starts[row["EnrollmentID"]]
             and _days_late(row["DateCreated"], row["ExitDate"]) > LATE_ENTRY_DAYS}
    return sorted(late, key=int)


def household_types(tables: Tables) -> dict[str, int]:
    """Each household's 2.07 type: 3 when anyone in it was under 18 at the household's start, else 1
    (a missing date of birth counts as an adult)."""
    births = {row["PersonalID"]: row["DOB"] for row in tables["Client.csv"]}
    types: dict[str, int] = {}
    for row in tables["Enrollment.csv"]:
        birth = births.get(row["PersonalID"], "")
        child = bool(birth) and _age(date.fromisoformat(birth), date.fromisoformat(row["EntryDate"])) < 18
        types[row["HouseholdID"]] = max(types.get(row["HouseholdID"], 1), 3 if child else 1)
    return types


def nightly_people(tables: Tables) -> dict[tuple[str, int], Counter[date]]:
    """People in a bed each night of the period, by project and household type: bed nights at a
    night-by-night shelter; the nights from move-in to exit in permanent housing (the housing
    inventory count's rule); the nights from start to exit elsewhere."""
    types = {row["ProjectID"]: row["ProjectType"] for row in tables["Project.csv"]}
    exits = {row["EnrollmentID"]: row["ExitDate"] for row in tables["Exit.csv"]}
    move_ins = {row["HouseholdID"]: row["MoveInDate"] for row in tables["Enrollment.csv"] if row["MoveInDate"]}
    bed_nights: dict[str, list[date]] = {}
    for row in tables["Services.csv"]:
        if row["RecordType"] == "200":
            bed_nights.setdefault(row["EnrollmentID"], []).append(date.fromisoformat(row["DateProvided"]))
    households = household_types(tables)
    people: dict[tuple[str, int], Counter[date]] = {}
    for row in tables["Enrollment.csv"]:
        project_type = types[row["ProjectID"]]
        if project_type in ("4", "14"):
            continue
        counter = people.setdefault((row["ProjectID"], households[row["HouseholdID"]]), Counter())
        if project_type == "1":
            counter.update(night for night in bed_nights.get(row["EnrollmentID"], []) if PERIOD_START <= night <= PERIOD_END)
            continue
        first = row["EntryDate"] if project_type not in ("3", "13") else move_ins.get(row["HouseholdID"], "")
        if not first:
            continue
        first_night = max(date.fromisoformat(max(first, row["EntryDate"])), PERIOD_START)
        end = min(date.fromisoformat(exits.get(row["EnrollmentID"], "9999-12-31")), PERIOD_END + timedelta(days=1))
        counter.update(first_night + timedelta(days=n) for n in range((end - first_night).days))
    return people


def beds_on(tables: Tables, project_id: str, household_type: int, night: date) -> int:
    """A project's beds for one household type on one night, from the inventory records in force."""
    return sum(int(row["BedInventory"]) for row in tables["Inventory.csv"]
               if row["ProjectID"] == project_id and row["HouseholdType"] == str(household_type)
               and row["InventoryStartDate"] <= night.isoformat()
               and (not row.get("InventoryEndDate") or row["InventoryEndDate"] >= night.isoformat()))


def beds_over_capacity(tables: Tables) -> list[str]:
    """Inventory records of a project and household type that, on some night, has more people than
    beds: usually a stay nobody exited."""
    over = {key for key, nights in nightly_people(tables).items()
            if any(people > beds_on(tables, *key, night) for night, people in nights.items())}
    return sorted(row["InventoryID"] for row in tables["Inventory.csv"]
                  if (row["ProjectID"], int(row["HouseholdType"])) in over)


DATA_QUALITY_CHECKS = {check.__name__: check for check in (
    dob_refused, adults_without_veteran_status, move_ins_before_start, exits_before_start,
    overlapping_shelter_stays, late_annual_assessments, likely_duplicates, late_entries, beds_over_capacity)}
