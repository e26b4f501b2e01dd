"""The practice export: the same files on every run, FY2026 column names, and every planted data
quality problem present and found by a plain check, with nothing else found."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import Counter
from datetime import date, timedelta

import pytest
import yaml

from helpers import FIXTURES, PROJECT_DIR
from macros import practice

Rows = list[dict[str, str]]


@pytest.fixture(scope="module")
def tables() -> dict[str, Rows]:
    """The export as a learner sees it: read back from the CSV files in the zip."""
    archive = zipfile.ZipFile(io.BytesIO(practice.files(PROJECT_DIR)[practice.ZIP_NAME]))
    return {name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))
            for name in archive.namelist()}


@pytest.fixture(scope="module")
def planted() -> dict[str, list[str]]:
    return practice.generate().planted


def test_every_run_writes_the_same_bytes() -> None:
    first = practice.files(PROJECT_DIR)
    practice.generate.cache_clear()
    assert practice.files(PROJECT_DIR) == first  # test_build also compares a separate build process's files


def test_headers_are_the_fy2026_column_names_in_order() -> None:
    columns = practice.load_columns(PROJECT_DIR)
    for path, content in practice.files(PROJECT_DIR).items():
        if path.endswith(".csv"):
            name = path.rsplit("/", 1)[1]
            assert content.decode("utf-8").split("\r\n", 1)[0] == ",".join(columns[name]), name


def test_the_column_list_has_the_fy2026_client_changes() -> None:
    client = practice.load_columns(PROJECT_DIR)["Client.csv"]
    assert "Sex" in client and "HispanicLatinao" in client
    assert not {"Woman", "Man", "NonBinary", "HispanicLatinaeo"} & set(client)


def test_a_value_for_a_column_the_spec_does_not_have_is_an_error() -> None:
    with pytest.raises(ValueError, match="not FY2026 CSV columns: Gender"):
        practice.to_csv([{"PersonalID": "1", "Gender": "0"}], ["PersonalID", "Sex"])


def test_the_export_is_big_enough_to_practise_on(tables: dict[str, Rows]) -> None:
    assert len(tables["Client.csv"]) >= 300
    households = {row["HouseholdID"] for row in tables["Enrollment.csv"]}
    assert len(households) >= 200
    project_types = {row["ProjectType"] for row in tables["Project.csv"]}
    assert {"0", "2", "3", "4", "13", "14"} <= project_types


def test_each_household_has_one_head(tables: dict[str, Rows]) -> None:
    heads = Counter(row["HouseholdID"] for row in tables["Enrollment.csv"] if row["RelationshipToHoH"] == "1")
    assert set(heads.values()) == {1}
    assert set(heads) == {row["HouseholdID"] for row in tables["Enrollment.csv"]}


def _day(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize("check", sorted(practice.DATA_QUALITY_CHECKS))
def test_each_planted_problem_is_found_by_its_check_and_nothing_else(
        tables: dict[str, Rows], planted: dict[str, list[str]], check: str) -> None:
    assert practice.DATA_QUALITY_CHECKS[check](tables) == planted[check]
    assert 1 <= len(planted[check]) <= 3


def test_every_check_has_a_planted_problem(planted: dict[str, list[str]]) -> None:
    assert set(planted) == set(practice.DATA_QUALITY_CHECKS)


def test_a_refused_date_of_birth_leaves_the_date_empty(tables: dict[str, Rows]) -> None:
    assert all(row["DOB"] == "" for row in tables["Client.csv"] if row["DOBDataQuality"] == "9")


def test_one_problem_of_each_kind_is_planted_where_an_exercise_asks_for_one_record(
        planted: dict[str, list[str]]) -> None:
    for check in ("move_ins_before_start", "exits_before_start", "late_annual_assessments"):
        assert len(planted[check]) == 1, check
    assert len(planted["overlapping_shelter_stays"]) == 2 and len(planted["likely_duplicates"]) == 2


def test_names_are_obviously_fictional(tables: dict[str, Rows]) -> None:
    assert {row["LastName"] for row in tables["Client.csv"]} <= set(practice.LAST_NAMES)
    assert "Example" in practice.LAST_NAMES and all(row["SSN"] == "" for row in tables["Client.csv"])


def test_a_subsidized_rental_destination_names_its_subsidy(tables: dict[str, Rows]) -> None:
    subsidized = [row for row in tables["Exit.csv"] if row["Destination"] == "435"]
    assert subsidized and all(row["DestinationSubsidyType"] in {"419", "431", "433", "439"} for row in subsidized)
    assert all(row["DestinationSubsidyType"] == "" for row in tables["Exit.csv"] if row["Destination"] != "435")


HAND_CHECKED = {  # worked out by hand from tests/fixtures/practice/ (see its README.md)
    "households_served_lighthouse": 6,
    "rrh_exits_to_permanent_percent": 66.7,
    "second_street_average_stay": 18.0,
    "dob_completeness_percent": 78.6,
    "rrh_heads_waiting_for_housing": 1,
    "homeless_people_counted": 13,
    "homeless_nights_total": 768,
    "homeless_nights_average": 59.1,
    "homeless_nights_median": 5,
    "rrh_average_days_to_move_in": 25.0,
    "lighthouse_occupancy_percent": 66.7,
    "move_in_before_start_personal_id": 18,
    "rrh_entries_with_mental_health_disorder": 1,
    "outreach_people_contacted": 2,
    "night_shelter_people_january": 2,
    "exit_before_start_personal_id": 16,
    "overlapping_shelter_personal_id": 3,
    "late_annual_assessment_personal_id": 11,
    "duplicate_newer_personal_id": 5,
    "adults_without_veteran_status_count": 2,
    "late_entry_personal_id": 20,
    "lighthouse_nights_over_capacity": 2,
    "unexited_stay_personal_id": 3,
    "q6_rrh_people_served": 8,
    "q6_rrh_dob_dont_know_or_refused": 1,
    "q6_rrh_dob_issue_percent": 25.0,
    "q6_rrh_veteran_status_missing": 1,
    "q6_rrh_income_at_start_issues": 1,
    "q6_rrh_late_project_starts": 1,
}


@pytest.mark.parametrize("name", sorted(practice.MEASURES))
def test_each_measure_matches_a_hand_count_on_a_tiny_export(name: str) -> None:
    folder = FIXTURES / "practice"
    tiny = {path.name: list(csv.DictReader(path.open(encoding="utf-8"))) for path in folder.glob("*.csv")}
    assert practice.MEASURES[name](tiny) == HAND_CHECKED[name]


def test_every_measure_is_an_exercise_and_no_answer_is_typed() -> None:
    banks = [yaml.safe_load(path.read_text(encoding="utf-8"))
             for path in (PROJECT_DIR / "quizzes").glob("practice-*.yml")]
    questions = [question for bank in banks for question in bank["questions"]]
    assert sorted(question["computed"] for question in questions) == sorted(practice.MEASURES)
    assert all("number" not in question and "accept" not in question for question in questions)


def test_the_median_explanation_holds_on_the_export() -> None:
    """practice-system-reporting.yml says a few long stays pull the average above the median."""
    assert practice.answer("homeless_nights_median") < practice.answer("homeless_nights_average")


def test_a_client_record_is_created_with_its_first_enrollment(tables: dict[str, Rows]) -> None:
    first_created: dict[str, str] = {}
    for row in tables["Enrollment.csv"]:
        first_created[row["PersonalID"]] = min(first_created.get(row["PersonalID"], "9999"), row["DateCreated"])
    assert all(row["DateCreated"] == first_created[row["PersonalID"]] for row in tables["Client.csv"])


def test_records_are_entered_on_the_day_or_a_few_days_later(tables: dict[str, Rows]) -> None:
    """Timeliness can be measured: most project starts are entered the same day, some days or
    weeks later, and only the planted one more than 30 days later."""
    lags = Counter((_day(row["DateCreated"][:10]) - _day(row["EntryDate"])).days for row in tables["Enrollment.csv"])
    assert lags[0] > sum(lags.values()) / 2 and any(11 <= lag <= 30 for lag in lags)
    assert min(lags) >= 0 and len([lag for lag in lags.elements() if lag > 30]) == 1


def test_every_record_belongs_to_a_stay_of_its_person(tables: dict[str, Rows]) -> None:
    people = {row["EnrollmentID"]: row["PersonalID"] for row in tables["Enrollment.csv"]}
    for name in ("Exit.csv", "IncomeBenefits.csv", "HealthAndDV.csv", "Disabilities.csv",
                 "CurrentLivingSituation.csv"):
        assert all(people[row["EnrollmentID"]] == row["PersonalID"] for row in tables[name]), name
    projects = {row["ProjectID"] for row in tables["Project.csv"]}
    for name in ("Funder.csv", "ProjectCoC.csv", "Inventory.csv", "Enrollment.csv"):
        assert {row["ProjectID"] for row in tables[name]} <= projects, name
    for name in ("Funder.csv", "ProjectCoC.csv"):  # every project has a funder and a CoC
        assert {row["ProjectID"] for row in tables[name]} == projects, name


def test_each_element_has_one_project_start_record_per_stay(tables: dict[str, Rows]) -> None:
    starts = Counter((row["EnrollmentID"], row["DisabilityType"]) for row in tables["Disabilities.csv"]
                     if row["DataCollectionStage"] == "1")
    assert set(starts.values()) == {1} and len(starts) == 6 * len(tables["Enrollment.csv"])
    night_by_night = {row["ProjectID"] for row in tables["Project.csv"] if row["ProjectType"] == "1"}
    adults = {row["EnrollmentID"] for row in tables["Enrollment.csv"] if row["RelationshipToHoH"] in ("1", "3")}
    expected = {"HealthAndDV.csv": adults,  # ESG asks 4.04 of everyone, children too, but not in night-by-night shelters
                "IncomeBenefits.csv": {row["EnrollmentID"] for row in tables["Enrollment.csv"]
                                       if row["ProjectID"] not in night_by_night}}
    for name, stays in expected.items():
        per_stay = Counter(row["EnrollmentID"] for row in tables[name] if row["DataCollectionStage"] == "1")
        assert set(per_stay.values()) == {1} and set(per_stay) == stays, name
    children = [row for row in tables["IncomeBenefits.csv"] if row["EnrollmentID"] not in adults]
    assert children and all(row["IncomeFromAnySource"] == "" and row["InsuranceFromAnySource"] for row in children)


def test_disabling_condition_agrees_with_the_disability_records(tables: dict[str, Rows]) -> None:
    """Reports count a person as disabled from 4.05-4.10 whatever 3.08 says, so the two must agree."""
    disabled = {row["EnrollmentID"] for row in tables["Disabilities.csv"] if row["DataCollectionStage"] == "1"
                and row["DisabilityResponse"] != "0"
                and (row["DisabilityType"] in ("6", "8") or row["IndefiniteAndImpairs"] == "1")}
    for row in tables["Enrollment.csv"]:
        assert row["DisablingCondition"] == ("1" if row["EnrollmentID"] in disabled else "0"), row["EnrollmentID"]
    assert disabled


def test_inventory_dedicated_and_other_beds_add_up_to_the_total(tables: dict[str, Rows]) -> None:
    bed_columns = ("CHVetBedInventory", "YouthVetBedInventory", "VetBedInventory", "CHYouthBedInventory",
                   "YouthBedInventory", "CHBedInventory", "OtherBedInventory")
    for row in tables["Inventory.csv"]:
        assert sum(int(row[column] or 0) for column in bed_columns) == int(row["BedInventory"]), row["InventoryID"]
        assert row["HouseholdType"] in ("1", "3", "4")
    shelters = {row["ProjectID"] for row in tables["Project.csv"] if row["ProjectType"] in ("0", "1")}
    assert all((row["ESBedType"] != "") == (row["ProjectID"] in shelters) for row in tables["Inventory.csv"])


def test_contacts_are_recorded_only_by_outreach_and_coordinated_entry(tables: dict[str, Rows]) -> None:
    contact_projects = {row["ProjectID"] for row in tables["Project.csv"] if row["ProjectType"] in ("4", "14")}
    enrollments = {row["EnrollmentID"]: row for row in tables["Enrollment.csv"]}
    contacted = {enrollments[row["EnrollmentID"]]["ProjectID"] for row in tables["CurrentLivingSituation.csv"]}
    assert contacted == contact_projects
    first_contact = {}
    for row in tables["CurrentLivingSituation.csv"]:
        first_contact.setdefault(row["EnrollmentID"], row["InformationDate"])
    assert all(enrollments[stay]["EntryDate"] == day for stay, day in first_contact.items())


def test_night_by_night_stays_have_bed_nights_from_start_to_the_night_before_exit(tables: dict[str, Rows]) -> None:
    night_by_night = {row["ProjectID"] for row in tables["Project.csv"] if row["ProjectType"] == "1"}
    stays = {row["EnrollmentID"]: row for row in tables["Enrollment.csv"] if row["ProjectID"] in night_by_night}
    exits = {row["EnrollmentID"]: row for row in tables["Exit.csv"]}
    nights: dict[str, list[str]] = {}
    for row in tables["Services.csv"]:
        assert (row["RecordType"], row["TypeProvided"]) == ("200", "200")
        nights.setdefault(row["EnrollmentID"], []).append(row["DateProvided"])
    assert set(nights) == set(stays) and stays
    for stay, dates in nights.items():
        assert min(dates) == stays[stay]["EntryDate"]  # a bed night on the project start date
        if stay in exits:  # the exit date is the day after the last bed night
            assert _day(exits[stay]["ExitDate"]) == _day(max(dates)) + timedelta(days=1)
    open_at_end = [stay for stay in stays if stay not in exits]
    automatic = [row for stay, row in exits.items() if stay in stays and row["DateCreated"].endswith("02:00:00")]
    assert len(open_at_end) >= 5 and len(automatic) >= 5
    for row in automatic:  # the inactivity rule exits a stay after 30 nights without a bed night
        assert row["Destination"] == "30" and (_day(row["DateCreated"][:10]) - _day(row["ExitDate"])).days == 30


def test_the_shelter_is_not_over_capacity_on_the_occupancy_exercise_night() -> None:
    assert 0 < practice.answer("lighthouse_occupancy_percent") <= 100


def test_the_export_holds_only_stays_in_its_reporting_period(tables: dict[str, Rows]) -> None:
    """ExportPeriodType 3: records of stays that started by the end and had not exited before the start."""
    (export,) = tables["Export.csv"]
    assert export["ExportPeriodType"] == "3"
    exits = {row["EnrollmentID"]: row["ExitDate"] for row in tables["Exit.csv"]}
    for row in tables["Enrollment.csv"]:
        assert row["EntryDate"] <= export["ExportEndDate"]
        assert exits.get(row["EnrollmentID"], "9999") >= export["ExportStartDate"] or \
            exits[row["EnrollmentID"]] < row["EntryDate"], row["EnrollmentID"]  # or the planted exit before start
    assert {row["PersonalID"] for row in tables["Client.csv"]} == {row["PersonalID"] for row in tables["Enrollment.csv"]}


def test_every_fy2026_file_is_in_the_zip_in_the_specification_order() -> None:
    archive = zipfile.ZipFile(io.BytesIO(practice.files(PROJECT_DIR)[practice.ZIP_NAME]))
    assert archive.namelist() == list(practice.load_columns(PROJECT_DIR)) == list(practice.FILE_CONTENTS)
    assert len(archive.namelist()) == 24 and "HMISParticipation.csv" in archive.namelist()


def test_string_fields_are_quoted_and_numbers_and_dates_are_not() -> None:
    text = practice.files(PROJECT_DIR)[f"{practice.DOWNLOAD_DIR}/ProjectCoC.csv"].decode("utf-8")
    first = text.split("\r\n")[1]
    assert first.startswith('"101","101","XX-500","999999","1 Harbor Way",,"Harbor City","XX","00000",1,')
    enrollment = practice.files(PROJECT_DIR)[f"{practice.DOWNLOAD_DIR}/Enrollment.csv"].decode("utf-8")
    assert re.match(r'"1","1","\d{3}",\d{4}-\d{2}-\d{2},"1",1,"XX-500",', enrollment.split("\r\n")[1])


def test_a_quote_inside_a_string_is_doubled() -> None:
    assert practice.to_csv([{"PersonalID": "1", "FirstName": 'Jo "JJ"'}], ["PersonalID", "FirstName"]) == \
        'PersonalID,FirstName\r\n"1","Jo ""JJ"""\r\n'


def test_permanent_housing_fills_most_beds_and_shelters_stay_within_theirs(tables: dict[str, Rows]) -> None:
    people = practice.nightly_people(tables)
    beds = {(row["ProjectID"], int(row["HouseholdType"])): int(row["BedInventory"]) for row in tables["Inventory.csv"]}
    average = {key: sum(nights.values()) / len(nights) / beds[key] for key, nights in people.items()}
    assert average[("107", 1)] > 0.85 and average[("101", 1)] > 0.8 and min(average.values()) > 0.4
    assert all(max(nights.values()) <= beds[key] for key, nights in people.items() if key != ("101", 1))


def test_the_newer_of_the_duplicate_pair_was_created_later(tables: dict[str, Rows]) -> None:
    """practice-data-quality.yml tells learners the newer record has the later DateCreated."""
    created = {row["PersonalID"]: row["DateCreated"] for row in tables["Client.csv"]}
    older, newer = sorted(practice.likely_duplicates(tables), key=int)
    assert created[newer] > created[older]


def test_columns_the_spec_requires_are_never_blank(tables: dict[str, Rows]) -> None:
    """Non-nullable columns (HMIS CSV Format Specifications) that the generator fills."""
    required = {"Export.csv": ("SourceID", "ImplementationID"), "Project.csv": ("TargetPopulation",),
                "Client.csv": ("AmIndAKNative", "Asian", "BlackAfAmerican", "HispanicLatinao", "MidEastNAfrican",
                               "NativeHIPacific", "White", "VeteranStatus", "DOBDataQuality"),
                "Enrollment.csv": ("DisablingCondition", "EnrollmentCoC", "RelationshipToHoH"),
                "Exit.csv": ("Destination",), "Disabilities.csv": ("DisabilityResponse",)}
    for name, columns in required.items():
        for column in columns:
            assert all(row[column] != "" for row in tables[name]), (name, column)
    missing_race = [row for row in tables["Client.csv"] if row["RaceNone"]]
    assert all(row[column] == "0" for row in missing_race for column in required["Client.csv"][:7])


def test_the_move_in_error_falls_in_the_period_the_exercise_filters_on(tables: dict[str, Rows]) -> None:
    """practice-project-reporting.yml says one of the period's move-ins gives a negative wait."""
    (stay,) = practice.move_ins_before_start(tables)
    move_in = next(row["MoveInDate"] for row in tables["Enrollment.csv"] if row["EnrollmentID"] == stay)
    assert practice.PERIOD_START <= _day(move_in) <= practice.PERIOD_END


def test_most_people_outreach_contacted_were_seen_more_than_once(tables: dict[str, Rows]) -> None:
    """practice-ad-hoc.yml says counting rows instead of people gives a higher number."""
    outreach = {row["EnrollmentID"] for row in tables["Enrollment.csv"] if row["ProjectID"] == "104"}
    contacts = Counter(row["PersonalID"] for row in tables["CurrentLivingSituation.csv"]
                       if row["EnrollmentID"] in outreach)
    assert sum(count > 1 for count in contacts.values()) > len(contacts) / 2


def test_every_record_names_a_user_in_the_user_file(tables: dict[str, Rows]) -> None:
    users = {row["UserID"] for row in tables["User.csv"]}
    assert users
    assert all(row["UserID"] in users for name, rows in tables.items() if name != "Export.csv" for row in rows)


def test_no_planted_problem_touches_the_occupancy_night(tables: dict[str, Rows], planted: dict[str, list[str]]) -> None:
    """practice-project-reporting.yml says so in the shelter-occupancy prompt."""
    exits = {row["EnrollmentID"]: row["ExitDate"] for row in tables["Exit.csv"]}
    night = practice.OCCUPANCY_NIGHT.isoformat()
    planted_stays = {stay for check in ("exits_before_start", "overlapping_shelter_stays") for stay in planted[check]}
    for row in tables["Enrollment.csv"]:
        if row["EnrollmentID"] in planted_stays:
            assert not row["EntryDate"] <= night < exits.get(row["EnrollmentID"], "9999"), row["EnrollmentID"]
    assert practice.answer("unexited_stay_personal_id") not in {float(row["PersonalID"]) for row in tables[
        "Enrollment.csv"] if row["EntryDate"] <= night}


def test_the_stay_nobody_exited_is_the_only_long_open_shelter_stay(tables: dict[str, Rows]) -> None:
    """practice-data-quality.yml: every other open Lighthouse stay started in the last three months."""
    exits = {row["EnrollmentID"] for row in tables["Exit.csv"]}
    open_stays = sorted(row["EntryDate"] for row in tables["Enrollment.csv"]
                        if row["ProjectID"] == "101" and row["EnrollmentID"] not in exits)
    assert open_stays[0] < "2026-04-01" <= "2026-07-01" <= open_stays[1]


def test_the_q6_explanations_hold_on_the_export(tables: dict[str, Rows], planted: dict[str, list[str]]) -> None:
    """practice-q6.yml: a clean income cell, one refused date of birth and one adult without veteran
    status at Maple, and two late project starts of which only the planted one is over 30 days."""
    assert practice.answer("q6_rrh_income_at_start_issues") == 0
    assert practice.answer("q6_rrh_dob_dont_know_or_refused") == 1 == practice.answer("q6_rrh_veteran_status_missing")
    assert practice.answer("q6_rrh_late_project_starts") == 2
    (late,) = planted["late_entries"]
    assert next(row["ProjectID"] for row in tables["Enrollment.csv"] if row["EnrollmentID"] == late) == "106"
