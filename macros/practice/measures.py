"""Answers to the exercises, computed from the export the learner downloads. A bank's `short`
question names one with `computed:`; the number is never typed by hand. Each works on the rows as
strings, as a learner's spreadsheet would."""

from __future__ import annotations

import functools
import statistics
from datetime import date, timedelta

from .checks import (adults_without_veteran_status, exits_before_start, late_annual_assessments, late_entries,
                     likely_duplicates, move_ins_before_start, nightly_people, overlapping_shelter_stays, beds_on)
from .generator import generate
from .model import NIGHT_BY_NIGHT, OCCUPANCY_NIGHT, PERIOD_END, PERIOD_START, Row, Tables
from .q6 import Q6_MEASURES


def _exits(tables: dict[str, list[Row]]) -> dict[str, Row]:
    return {row["EnrollmentID"]: row for row in tables["Exit.csv"]}


def _exits_in_period(tables: dict[str, list[Row]], project_id: str) -> list[tuple[Row, Row]]:
    exits = _exits(tables)
    return [(row, exits[row["EnrollmentID"]]) for row in tables["Enrollment.csv"]
            if row["ProjectID"] == project_id and row["EnrollmentID"] in exits
            and PERIOD_START <= date.fromisoformat(exits[row["EnrollmentID"]]["ExitDate"]) <= PERIOD_END]


def _has_a_night_in_period(entry: str, exit_day: str | None) -> bool:
    """An entry-exit stay's nights run from its start to the night before its exit: it has a night
    in the period when it started by the period's end and exits after both the period's start and
    its own start (a stay that exits before it starts has no nights)."""
    return entry <= PERIOD_END.isoformat() and (not exit_day or exit_day > max(entry, PERIOD_START.isoformat()))


def households_served_lighthouse(tables: dict[str, list[Row]]) -> float:
    exits = _exits(tables)
    return len({row["HouseholdID"] for row in tables["Enrollment.csv"] if row["ProjectID"] == "101"
                and _has_a_night_in_period(row["EntryDate"], exits.get(row["EnrollmentID"], {}).get("ExitDate"))})


def rrh_exits_to_permanent_percent(tables: dict[str, list[Row]]) -> float:
    leavers = _exits_in_period(tables, "106")
    permanent = [exit_row for _, exit_row in leavers if exit_row["Destination"].startswith("4")]
    return round(100 * len(permanent) / len(leavers), 1)


def second_street_average_stay(tables: dict[str, list[Row]]) -> float:
    stays = [(date.fromisoformat(exit_row["ExitDate"]) - date.fromisoformat(row["EntryDate"])).days
             for row, exit_row in _exits_in_period(tables, "102")]
    return round(sum(stays) / len(stays), 1)


def dob_completeness_percent(tables: dict[str, list[Row]]) -> float:
    clients = tables["Client.csv"]
    return round(100 * sum(row["DOBDataQuality"] == "1" for row in clients) / len(clients), 1)


def rrh_heads_waiting_for_housing(tables: dict[str, list[Row]]) -> float:
    exits = _exits(tables)
    return len([row for row in tables["Enrollment.csv"] if row["ProjectID"] == "106"
                and row["RelationshipToHoH"] == "1" and row["EnrollmentID"] not in exits and not row["MoveInDate"]])


def _bed_nights(tables: dict[str, list[Row]]) -> dict[str, set[date]]:
    """Each night-by-night enrollment's bed nights (Services.csv, RecordType 200)."""
    nights: dict[str, set[date]] = {}
    for row in tables["Services.csv"]:
        if row["RecordType"] == "200":
            nights.setdefault(row["EnrollmentID"], set()).add(date.fromisoformat(row["DateProvided"]))
    return nights


def _nights_by_person(tables: dict[str, list[Row]]) -> dict[str, int]:
    """Simplified SPM-style length of time homeless: each person's nights in emergency shelter or
    transitional housing during the period, a night shared by two stays counted once. An entry-exit
    stay's nights run from its start to the night before its exit (or to the period's end if still
    open); a night-by-night shelter's nights are its bed nights."""
    exits, bed_nights = _exits(tables), _bed_nights(tables)
    types = {row["ProjectID"]: row["ProjectType"] for row in tables["Project.csv"]}
    nights: dict[str, set[date]] = {}
    for row in tables["Enrollment.csv"]:
        project_type = types[row["ProjectID"]]
        if project_type == str(NIGHT_BY_NIGHT):
            stay = {night for night in bed_nights.get(row["EnrollmentID"], set())
                    if PERIOD_START <= night <= PERIOD_END}
        elif project_type in ("0", "2"):
            first = max(date.fromisoformat(row["EntryDate"]), PERIOD_START)
            exit_day = exits.get(row["EnrollmentID"], {}).get("ExitDate")
            end = PERIOD_END + timedelta(days=1)  # the morning after the last night counted
            if exit_day:
                end = min(date.fromisoformat(exit_day), end)
            stay = {first + timedelta(days=n) for n in range((end - first).days)}
        else:
            continue
        if stay:
            nights.setdefault(row["PersonalID"], set()).update(stay)
    return {person: len(days) for person, days in nights.items()}


def homeless_people_counted(tables: dict[str, list[Row]]) -> float:
    return len(_nights_by_person(tables))


def homeless_nights_total(tables: dict[str, list[Row]]) -> float:
    return sum(_nights_by_person(tables).values())


def homeless_nights_average(tables: dict[str, list[Row]]) -> float:
    nights = _nights_by_person(tables)
    return round(sum(nights.values()) / len(nights), 1)


def homeless_nights_median(tables: dict[str, list[Row]]) -> float:
    return round(statistics.median(_nights_by_person(tables).values()), 1)


def rrh_average_days_to_move_in(tables: dict[str, list[Row]]) -> float:
    waits = [(date.fromisoformat(row["MoveInDate"]) - date.fromisoformat(row["EntryDate"])).days
             for row in tables["Enrollment.csv"] if row["ProjectID"] == "106" and row["RelationshipToHoH"] == "1"
             and row["MoveInDate"] and PERIOD_START <= date.fromisoformat(row["MoveInDate"]) <= PERIOD_END
             and row["MoveInDate"] >= row["EntryDate"]]
    return round(sum(waits) / len(waits), 1)


def lighthouse_occupancy_percent(tables: dict[str, list[Row]]) -> float:
    """People staying at Lighthouse Shelter on one night, as a share of its beds that night."""
    exits = _exits(tables)
    people = [row for row in tables["Enrollment.csv"] if row["ProjectID"] == "101"
              and date.fromisoformat(row["EntryDate"]) <= OCCUPANCY_NIGHT
              and (row["EnrollmentID"] not in exits
                   or date.fromisoformat(exits[row["EnrollmentID"]]["ExitDate"]) > OCCUPANCY_NIGHT)]
    beds = sum(int(row["BedInventory"]) for row in tables["Inventory.csv"] if row["ProjectID"] == "101"
               and date.fromisoformat(row["InventoryStartDate"]) <= OCCUPANCY_NIGHT
               and (not row.get("InventoryEndDate") or date.fromisoformat(row["InventoryEndDate"]) >= OCCUPANCY_NIGHT))
    return round(100 * len(people) / beds, 1)


def _person_of(tables: Tables, table: str, id_column: str, record_id: str) -> int:
    return int(next(row["PersonalID"] for row in tables[table] if row[id_column] == record_id))


def _the_one(records: list[str]) -> str:
    """The single record a client-level exercise asks for; the export plants exactly one."""
    (record,) = records
    return record


def move_in_before_start_personal_id(tables: Tables) -> float:
    return _person_of(tables, "Enrollment.csv", "EnrollmentID", _the_one(move_ins_before_start(tables)))


def exit_before_start_personal_id(tables: Tables) -> float:
    return _person_of(tables, "Enrollment.csv", "EnrollmentID", _the_one(exits_before_start(tables)))


def overlapping_shelter_personal_id(tables: Tables) -> float:
    people = {_person_of(tables, "Enrollment.csv", "EnrollmentID", stay) for stay in overlapping_shelter_stays(tables)}
    (person,) = people
    return person


def late_annual_assessment_personal_id(tables: Tables) -> float:
    return _person_of(tables, "IncomeBenefits.csv", "IncomeBenefitsID", _the_one(late_annual_assessments(tables)))


def duplicate_newer_personal_id(tables: Tables) -> float:
    """Of a likely duplicate pair, the record made later: the one an administrator would merge away."""
    return max(int(person) for person in likely_duplicates(tables))


def adults_without_veteran_status_count(tables: Tables) -> float:
    return len(adults_without_veteran_status(tables))


def rrh_entries_with_mental_health_disorder(tables: dict[str, list[Row]]) -> float:
    entered = {row["EnrollmentID"] for row in tables["Enrollment.csv"] if row["ProjectID"] == "106"
               and PERIOD_START <= date.fromisoformat(row["EntryDate"]) <= PERIOD_END}
    return len({row["PersonalID"] for row in tables["Disabilities.csv"] if row["EnrollmentID"] in entered
                and row["DisabilityType"] == "9" and row["DisabilityResponse"] == "1"
                and row["DataCollectionStage"] == "1"})


def late_entry_personal_id(tables: Tables) -> float:
    return _person_of(tables, "Enrollment.csv", "EnrollmentID", _the_one(late_entries(tables)))


def lighthouse_nights_over_capacity(tables: Tables) -> float:
    """Nights in the period with more people in households without children at Lighthouse Shelter
    than its beds for them."""
    nights = nightly_people(tables).get(("101", 1), {})
    return sum(people > beds_on(tables, "101", 1, night) for night, people in nights.items())


def unexited_stay_personal_id(tables: Tables) -> float:
    """The open Lighthouse stay that started first: shelter stays last weeks, so an open stay that
    began months ago is one nobody exited."""
    exits = _exits(tables)
    open_stays = [row for row in tables["Enrollment.csv"] if row["ProjectID"] == "101" and row["EnrollmentID"] not in exits]
    return int(min(open_stays, key=lambda row: (row["EntryDate"], int(row["EnrollmentID"])))["PersonalID"])


def outreach_people_contacted(tables: dict[str, list[Row]]) -> float:
    outreach = {row["EnrollmentID"] for row in tables["Enrollment.csv"] if row["ProjectID"] == "104"}
    return len({row["PersonalID"] for row in tables["CurrentLivingSituation.csv"] if row["EnrollmentID"] in outreach
                and PERIOD_START <= date.fromisoformat(row["InformationDate"]) <= PERIOD_END})


def night_shelter_people_january(tables: dict[str, list[Row]]) -> float:
    """People with at least one bed night at Northside Night Shelter in January 2026: a
    night-by-night shelter's activity is its bed nights, not its enrollment dates."""
    enrollments = {row["EnrollmentID"] for row in tables["Enrollment.csv"] if row["ProjectID"] == "103"}
    return len({row["PersonalID"] for row in tables["Services.csv"] if row["EnrollmentID"] in enrollments
                and row["RecordType"] == "200" and row["DateProvided"].startswith("2026-01")})


MEASURES = {measure.__name__: measure for measure in (
    households_served_lighthouse, rrh_exits_to_permanent_percent, second_street_average_stay,
    dob_completeness_percent, rrh_heads_waiting_for_housing, homeless_people_counted, homeless_nights_total,
    homeless_nights_average, homeless_nights_median, rrh_average_days_to_move_in, lighthouse_occupancy_percent,
    move_in_before_start_personal_id, rrh_entries_with_mental_health_disorder, outreach_people_contacted,
    night_shelter_people_january, exit_before_start_personal_id, overlapping_shelter_personal_id,
    late_annual_assessment_personal_id, duplicate_newer_personal_id, adults_without_veteran_status_count,
    late_entry_personal_id, lighthouse_nights_over_capacity, unexited_stay_personal_id)} | Q6_MEASURES


@functools.cache
def answer(name: str) -> float:
    """The value of one measure on the practice export (computed once a build)."""
    return float(MEASURES[name](generate().tables))

