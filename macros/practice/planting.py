"""The planted problems: one or a few records per problem, chosen from the generated data so every
run plants the same. Each is named by the check in checks.py that finds it, and planted so that it
trips no other check."""

from __future__ import annotations

from datetime import date, timedelta

from .checks import (adults_without_veteran_status, beds_over_capacity, dob_refused, exits_before_start,
                     late_annual_assessments, late_entries, likely_duplicates, move_ins_before_start,
                     overlapping_shelter_stays)
from .generator import Builder, Plan, Stay, day
from .model import LATE_ENTRY_DAYS, OCCUPANCY_NIGHT, PERIOD_END, PERIOD_START, PROJECT_BY_ID


def _single(stay: Stay) -> bool:
    return len(stay.enrollments) == 1


def _covers(stay: Stay, night: date) -> bool:
    return stay.entry <= night and (stay.exit is None or stay.exit > night)


def forgotten_stay() -> Plan:
    """Utilization: a stay nobody exited, added to the beds' plans without checking for room, keeps
    a bed "full" for months after the person left. Made with the others, so its IDs fit their order."""
    return Plan(PROJECT_BY_ID["101"], 1, date(2026, 3, 9), PERIOD_END + timedelta(days=60), [41])


def plant_problems(builder: Builder) -> None:
    """Problems in the stays themselves, planted before the details so their stays get the same records."""
    builder.plant(beds_over_capacity, "101-1")  # by forgotten_stay()
    singles = [stay for stay in builder.stays if _single(stay)]
    lighthouse = [stay for stay in singles if stay.project.id == "101" and stay.exit
                  and PERIOD_START < stay.entry and not _covers(stay, OCCUPANCY_NIGHT)]

    housed = next(stay for stay in singles if stay.project.project_type == 13 and stay.enrollments[0]["MoveInDate"]
                  and stay.entry - timedelta(days=12) >= PERIOD_START)  # the error shows in a report on the period
    housed.enrollments[0]["MoveInDate"] = day(housed.entry - timedelta(days=12))
    builder.plant(move_ins_before_start, housed.enrollments[0]["EnrollmentID"])

    backwards = next(stay for stay in lighthouse if (stay.exit - stay.entry).days <= 20)
    backwards.exits[0]["ExitDate"] = day(backwards.entry - timedelta(days=3))
    builder.plant(exits_before_start, backwards.enrollments[0]["EnrollmentID"])

    second_street = PROJECT_BY_ID["102"]  # a second stay, at another shelter, over the first one's last nights
    first, plan = next((stay, plan) for stay in lighthouse if stay is not backwards for plan in (
        Plan(second_street, 1, stay.exit - timedelta(days=overlap), stay.exit + timedelta(days=12), [30])
        for overlap in (6, 5, 4, 3)) if plan.last_night < PERIOD_END and builder.fits(plan, second_street.inventory[0]))
    builder.take(plan)
    client = next(row for row in builder.export.tables["Client.csv"]
                  if row["PersonalID"] == first.enrollments[0]["PersonalID"])
    second = builder.stay(second_street, 1, plan.entry, plan.last_night, [(client, "1")])
    for stay in (first, second):
        builder.plant(overlapping_shelter_stays, stay.enrollments[0]["EnrollmentID"])

    clients = builder.export.tables["Client.csv"]
    copy_start = PERIOD_START + timedelta(days=200)
    original = next(row for row in clients if row["DateCreated"] < day(copy_start) and row["VeteranStatus"] == "0")
    copy = builder.client(30, copy_start)
    copy.update(FirstName=original["FirstName"], LastName=original["LastName"], Sex=original["Sex"],
                DOB=original["DOB"], VeteranStatus="0")
    builder.stay(PROJECT_BY_ID["108"], 1, copy_start, copy_start + timedelta(days=14), [(copy, "1")])
    builder.plant(likely_duplicates, original["PersonalID"])
    builder.plant(likely_duplicates, copy["PersonalID"])



def plant_record_problems(builder: Builder) -> None:
    """Problems in single records, planted after the details exist."""
    tables = builder.export.tables
    singles = [stay for stay in builder.stays if _single(stay)]
    planted = {record for records in builder.export.planted.values() for record in records}
    heads = [tables_row for stay in singles for tables_row in stay.enrollments
             if tables_row["EnrollmentID"] not in planted and tables_row["PersonalID"] not in planted]
    people = {row["PersonalID"]: row for row in tables["Client.csv"]}
    once = {person for person, count in _stays_per_person(tables).items() if count == 1}
    chosen = {project: [people[row["PersonalID"]] for row in heads
                        if row["PersonalID"] in once and row["ProjectID"] == project] for project in ("101", "105", "106")}
    for project in ("106", "101", "105"):  # spread over projects; Maple RRH's Q6 exercise finds one
        client = chosen[project][7]
        client.update(DOB="", DOBDataQuality="9")
        builder.plant(dob_refused, client["PersonalID"])
    for project in ("106", "105"):
        client = next(row for row in chosen[project][12:] if row["VeteranStatus"] == "0" and row["DOB"])
        client["VeteranStatus"] = "99"
        builder.plant(adults_without_veteran_status, client["PersonalID"])

    late = next(stay for stay in singles if stay.exit is None and stay.project.project_type in (2, 3, 13)
                and stay.entry + timedelta(days=410) <= PERIOD_END)
    annual = next(row for row in tables["IncomeBenefits.csv"]
                  if row["EnrollmentID"] == late.enrollments[0]["EnrollmentID"] and row["DataCollectionStage"] == "5")
    when = late.entry + timedelta(days=365 + 45)
    annual.update(InformationDate=day(when), DateCreated=builder.stamp(when, 0))
    annual["DateUpdated"] = annual["DateCreated"]
    builder.plant(late_annual_assessments, annual["IncomeBenefitsID"])

    backdated = next(stay for stay in singles if stay.project.project_type == 13 and stay.enrollments[0]["EnrollmentID"]
                     not in planted and date(2025, 12, 1) <= stay.entry <= date(2026, 6, 30))
    enrollment = backdated.enrollments[0]
    created = builder.stamp(backdated.entry, LATE_ENTRY_DAYS + 45)
    for table in ("Enrollment.csv", "IncomeBenefits.csv", "Disabilities.csv", "HealthAndDV.csv"):
        for row in tables[table]:
            if row["EnrollmentID"] == enrollment["EnrollmentID"] and row.get("DataCollectionStage", "1") == "1":
                row["DateCreated"], row["DateUpdated"] = created, max(created, row["DateUpdated"])
    person = people[enrollment["PersonalID"]]
    person["DateCreated"] = min(row["DateCreated"] for row in tables["Enrollment.csv"]
                                if row["PersonalID"] == person["PersonalID"])
    person["DateUpdated"] = person["DateCreated"]
    builder.plant(late_entries, enrollment["EnrollmentID"])


def _stays_per_person(tables: dict) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in tables["Enrollment.csv"]:
        counts[row["PersonalID"]] = counts.get(row["PersonalID"], 0) + 1
    return counts
