"""The practice export: a small HMIS CSV export for a fictional CoC, for hands-on exercises.

It is generated, never edited: the same seed gives the same files on every run, and the data-quality
problems that exercises ask learners to find are planted on purpose and listed in `planted`.
Column headers come from quizzes/reference/csv-columns.yml (FY2026 HMIS CSV Format
Specifications). Only the standard library and PyYAML are used, because macros/hooks.py imports
this module by path to add the files to the built site.
"""

from __future__ import annotations

import csv
import functools
import io
import random
import statistics
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

SEED = 2026
EXPORT_ID = "1"
PERIOD_START = date(2025, 10, 1)
PERIOD_END = date(2026, 9, 30)
EXPORT_DATE = "2026-10-01 08:00:00"
OPERATING_START = "2015-01-01"
COC_CODE = "XX-500"  # no state has the code XX, so it cannot be mistaken for a real CoC
USER_ID = "1"
HOUSEHOLD_COUNT = 240
DOWNLOAD_DIR = "downloads/practice-export"
ZIP_NAME = "downloads/practice-export.zip"

Row = dict[str, str]
Tables = dict[str, list[Row]]
FILE_CONTENTS = {
    "Export.csv": "What the export covers: its dates and the system it came from.",
    "Organization.csv": "The organization that runs the projects.",
    "User.csv": "The HMIS user who entered the records: every other file's UserID points here.",
    "Project.csv": "Each project and its project type (2.02).",
    "Funder.csv": "Who funds each project, with its funding source code (2.06).",
    "ProjectCoC.csv": "The CoC each project serves, and where the project is (2.03).",
    "Inventory.csv": "Beds and units in the residential projects, by household type (2.07).",
    "Client.csv": "One row per person: name, date of birth, race and ethnicity, sex and veteran status.",
    "Enrollment.csv": "One row per person per project stay: project start, household, relationship to the "
                      "head of household, prior living situation, move-in date.",
    "Exit.csv": "One row per finished stay: project exit date and destination.",
    "IncomeBenefits.csv": "Income from any source at project start, at each annual assessment and at exit.",
    "HealthAndDV.csv": "Domestic violence answers of heads of household and adults at project start (4.11).",
    "Disabilities.csv": "One row per person, disability type (4.05 to 4.10) and stage: project start and exit.",
    "CurrentLivingSituation.csv": "Where a person was staying, recorded at each street outreach and coordinated "
                                  "entry contact (4.12).",
    "Services.csv": "Bed nights at the night-by-night shelter: one row per person per night stayed (4.14).",
}


@dataclass(frozen=True)
class Beds:
    """One 2.07 inventory record: beds and units for one household type (1 without children,
    3 with at least one adult and one child). Dedicated beds are also counted in `beds`."""
    household_type: int
    units: int
    beds: int
    dedicated: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    project_type: int
    stay_days: tuple[int, int]
    weight: int
    funder: int  # 2.06 funding source code
    inventory: tuple[Beds, ...] = ()


ORGANIZATION_NAME = "Harbor County Housing Partners (fictional)"
# Funding source codes (FY2026 list 2.06.1): 2 CoC PSH, 3 CoC RRH, 4 CoC Supportive Services Only,
# 5 CoC TH, 8 ESG Emergency Shelter, 11 ESG Street Outreach.
PROJECTS = (
    Project("101", "Lighthouse Shelter", 0, (3, 90), 5, 8, (Beds(1, 12, 12), Beds(3, 2, 6))),
    Project("102", "Second Street Shelter", 0, (3, 60), 3, 8, (Beds(1, 6, 6), Beds(3, 2, 6))),
    Project("103", "Northside Night Shelter", 1, (1, 45), 3, 8, (Beds(1, 12, 12),)),
    Project("104", "Riverbank Street Outreach", 4, (14, 200), 3, 11),
    Project("105", "Cedar Transitional Housing", 2, (60, 540), 2, 5,
            (Beds(1, 24, 24, {"YouthBedInventory": 6}), Beds(3, 3, 9))),
    Project("106", "Maple Rapid Re-Housing", 13, (60, 360), 3, 3, (Beds(1, 14, 14), Beds(3, 7, 21))),
    Project("107", "Oak Supportive Housing", 3, (200, 1500), 2, 2,
            (Beds(1, 30, 30, {"CHBedInventory": 16}), Beds(3, 3, 9))),
    Project("108", "Front Door Coordinated Entry", 14, (1, 60), 3, 4),
)
EMERGENCY_SHELTER_TYPES = (0, 1)  # only these report ESBedType (1 facility-based) and Availability (1 year-round)
NIGHT_BY_NIGHT = 1  # records a bed night (4.14) for each night, and exits the day after the last one
NO_INCOME_PROJECT_TYPES = (NIGHT_BY_NIGHT,)  # ESG does not require income and benefits in night-by-night shelters
CONTACT_PROJECT_TYPES = (4, 14)  # street outreach and CE record a Current Living Situation at each contact
HOUSING_PROJECT_TYPES = (3, 13)  # PSH and RRH record the head of household's Housing Move-In Date (3.20)

# Destination codes (FY2026 Appendix A list 3.12.1), weighted: permanent 4xx, temporary 3xx,
# homeless 1xx, 30 no exit interview completed, 99 data not collected.
DESTINATIONS = ((410, 6), (435, 5), (422, 3), (312, 4), (313, 3), (302, 2), (101, 3), (116, 3), (30, 4))
RENTAL_SUBSIDY_TYPES = (419, 431, 433, 439)  # asked when the destination is 435, rental with ongoing subsidy
PRIOR_LIVING_SITUATIONS = ((116, 5), (101, 5), (335, 2), (336, 2), (314, 1), (207, 1))
# 4.05 to 4.10 as (DisabilityType, share of adults, share of children who have it). Types 5 physical,
# 6 developmental, 7 chronic health condition, 8 HIV/AIDS, 9 mental health disorder, 10 substance use
# disorder, whose "yes" answers are 1 alcohol, 2 drug, 3 both.
DISABILITY_RATES = ((5, 0.15, 0.03), (6, 0.04, 0.04), (7, 0.15, 0.05), (8, 0.01, 0.0), (9, 0.25, 0.05),
                    (10, 0.15, 0.0))
LONG_TERM_TYPES = (5, 7, 9, 10)  # these ask whether the condition is long-continuing and impairs independent living
DV_SURVIVOR = ((0, 80), (1, 16), (9, 4))  # 4.11: no, yes, client prefers not to answer
# 4.12 at a contact: 116 place not meant for habitation, 101 emergency shelter, 37 worker unable to determine.
CURRENT_LIVING_SITUATIONS = ((116, 17), (101, 2), (37, 1))
# Client.csv race and ethnicity columns (FY2026 names), with made-up weights for the generator.
RACE_COLUMNS = (("AmIndAKNative", 4), ("Asian", 3), ("BlackAfAmerican", 30), ("HispanicLatinao", 18),
                ("MidEastNAfrican", 2), ("NativeHIPacific", 2), ("White", 40))
FIRST_NAMES = ("Avery", "Blake", "Casey", "Dana", "Eden", "Finley", "Gray", "Harper", "Indy", "Jules",
               "Kai", "Lane", "Morgan", "Noel", "Oakley", "Parker", "Quinn", "Reese", "Sage", "Tatum")
LAST_NAMES = ("Example", "Sample", "Practice", "Testcase", "Placeholder", "Fictional", "Mockwell",
              "Demo", "Trainee", "Specimen")


@dataclass
class PracticeExport:
    tables: dict[str, list[Row]]
    planted: dict[str, list[str]] = field(default_factory=dict)
    """Each planted problem, named by the data quality check that finds it (DATA_QUALITY_CHECKS),
    and the IDs of the records that carry it."""


def load_columns(project_dir: Path) -> dict[str, list[str]]:
    text = (project_dir / "quizzes" / "reference" / "csv-columns.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _is_disabling(disability_type: int, response: str, impairs: str) -> bool:
    """How reports read 4.05 to 4.10: a developmental disability or HIV/AIDS always counts; the
    others count when long-continuing and impairing independent living."""
    return response != "0" and (disability_type in (6, 8) or impairs == "1")


def _pick(rng: random.Random, weighted: tuple[tuple[int, int], ...]) -> int:
    codes, weights = zip(*weighted)
    return rng.choices(codes, weights)[0]


def _day(value: date) -> str:
    return value.isoformat()


def _stamp(value: date) -> str:
    return f"{value.isoformat()} 10:00:00"


@dataclass
class _Stay:
    """One household's enrollment in one project, kept while building so problems can be planted."""
    project: Project
    entry: date
    exit: date | None
    enrollments: list[Row]
    exits: list[Row]
    bed_nights: list[date] = field(default_factory=list)  # night-by-night shelters only


class _Builder:
    """Builds the tables one household at a time; IDs are sequential so every run is identical."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.export = PracticeExport(tables={name: [] for name in FILE_CONTENTS})
        self.next_id = {kind: 1 for kind in ("client", "enrollment", "household", "income", "health", "disability",
                                              "contact", "service")}
        self.stays: list[_Stay] = []

    def new_id(self, kind: str) -> str:
        value = self.next_id[kind]
        self.next_id[kind] += 1
        return str(value)

    def plant(self, check: Callable[[Tables], list[str]], record_id: str) -> None:
        self.export.planted.setdefault(check.__name__, []).append(record_id)

    def add(self, table: str, row: Row) -> Row:
        if table != "Export.csv":
            row.setdefault("DateCreated", EXPORT_DATE)
            row.update(DateUpdated=EXPORT_DATE, UserID=USER_ID)
        row["ExportID"] = EXPORT_ID
        self.export.tables[table].append(row)
        return row

    def client(self, birth: date, adult: bool) -> Row:
        row = {"PersonalID": self.new_id("client"), "FirstName": self.rng.choice(FIRST_NAMES),
               "LastName": self.rng.choice(LAST_NAMES), "NameDataQuality": "1", "SSNDataQuality": "99",
               "DOB": _day(birth), "DOBDataQuality": "1", "Sex": self.rng.choice("01"),
               "VeteranStatus": ("1" if self.rng.random() < 0.06 else "0") if adult else "99", **self.race()}
        return self.add("Client.csv", row)

    def race(self) -> Row:
        """3.04 Race and Ethnicity: one or more answers, each column 1 or 0; or, rarely, a missing-data
        answer in RaceNone with every column 0."""
        if self.rng.random() < 0.03:
            return {column: "0" for column, _ in RACE_COLUMNS} | {"RaceNone": self.rng.choice(("8", "9", "99"))}
        columns, weights = zip(*RACE_COLUMNS)
        chosen = set(self.rng.choices(columns, weights, k=2 if self.rng.random() < 0.15 else 1))
        return {column: "1" if column in chosen else "0" for column in columns}

    def income(self, enrollment: Row, on: date, stage: str) -> Row:
        return self.add("IncomeBenefits.csv", {
            "IncomeBenefitsID": self.new_id("income"), "EnrollmentID": enrollment["EnrollmentID"],
            "PersonalID": enrollment["PersonalID"], "InformationDate": _day(on),
            "IncomeFromAnySource": self.rng.choice("001"), "DataCollectionStage": stage})

    def stay(self, project: Project, entry: date, exit_day: date | None, members: list[tuple[Row, str]]) -> _Stay:
        rng = self.rng
        move_in = None
        if project.project_type in HOUSING_PROJECT_TYPES:
            move_in = entry + timedelta(days=rng.randint(7, 120))
            if move_in > (exit_day or PERIOD_END) or rng.random() < 0.15:  # some never find a unit
                move_in = None
        destination = str(_pick(rng, DESTINATIONS))
        subsidy = str(rng.choice(RENTAL_SUBSIDY_TYPES)) if destination == "435" else ""
        household_id = self.new_id("household")
        stay = _Stay(project, entry, exit_day, [], [])
        for client, relationship in members:
            enrollment = self.add("Enrollment.csv", {
                "EnrollmentID": self.new_id("enrollment"), "PersonalID": client["PersonalID"],
                "ProjectID": project.id, "EntryDate": _day(entry), "HouseholdID": household_id,
                "RelationshipToHoH": relationship, "EnrollmentCoC": COC_CODE,
                "LivingSituation": str(_pick(rng, PRIOR_LIVING_SITUATIONS)),
                "MoveInDate": _day(move_in) if move_in and relationship == "1" else "",
                "DateCreated": _stamp(entry)})
            stay.enrollments.append(enrollment)
            client["DateCreated"] = min(client["DateCreated"], enrollment["DateCreated"])  # record made at first start
            if relationship in ("1", "3") and project.project_type not in NO_INCOME_PROJECT_TYPES:
                self.income(enrollment, entry, "1")
            if exit_day:
                stay.exits.append(self.add("Exit.csv", {
                    "ExitID": enrollment["EnrollmentID"], "EnrollmentID": enrollment["EnrollmentID"],
                    "PersonalID": client["PersonalID"], "ExitDate": _day(exit_day),
                    "Destination": destination, "DestinationSubsidyType": subsidy,
                    "DateCreated": _stamp(exit_day)}))
        self.stays.append(stay)
        return stay

    def household(self) -> None:
        rng = self.rng
        project = rng.choices(PROJECTS, [p.weight for p in PROJECTS])[0]
        entry = PERIOD_START + timedelta(days=rng.randint(-420 if project.project_type == 3 else -120, 350))
        size = 1 if rng.random() < 0.7 else rng.randint(2, 4)
        members = [(self.client(entry - timedelta(days=rng.randint(18 * 365 + 5, 70 * 365)), adult=True), "1")]
        for _ in range(size - 1):
            if len(members) == 1 and rng.random() < 0.5:
                partner = self.client(entry - timedelta(days=rng.randint(19 * 365, 60 * 365)), adult=True)
                members.append((partner, "3"))
            else:
                members.append((self.client(entry - timedelta(days=rng.randint(30, 17 * 365)), adult=False), "2"))
        planned_exit = entry + timedelta(days=rng.randint(*project.stay_days))
        if project.project_type != NIGHT_BY_NIGHT:
            self.stay(project, entry, planned_exit if planned_exit <= PERIOD_END else None, members)
            return
        last = min(planned_exit, PERIOD_END)  # a bed night on the start date, then most nights after it
        nights = [entry] + [entry + timedelta(days=n) for n in range(1, (last - entry).days + 1) if rng.random() < 0.75]
        exit_day = nights[-1] + timedelta(days=1) if planned_exit <= PERIOD_END else None
        self.stay(project, entry, exit_day, members).bed_nights = nights

    def annual_assessments(self) -> None:
        """Adults who have stayed a year or more get an annual assessment near each anniversary."""
        for stay in self.stays:
            if stay.project.project_type in NO_INCOME_PROJECT_TYPES:
                continue
            anniversary = stay.entry + timedelta(days=365)
            while anniversary <= (stay.exit or PERIOD_END):
                when = anniversary + timedelta(days=self.rng.randint(-25, 25))
                for enrollment in stay.enrollments:
                    if enrollment["RelationshipToHoH"] in ("1", "3"):
                        self.income(enrollment, when, "5")
                anniversary += timedelta(days=365)

    def base_tables(self) -> None:
        self.add("Export.csv", {"ExportStartDate": _day(PERIOD_START), "ExportEndDate": _day(PERIOD_END),
                                "ExportDate": EXPORT_DATE, "SourceName": ORGANIZATION_NAME,
                                "SoftwareName": "HMIS Training practice generator", "CSVVersion": "2026 v1.0",
                                "SourceType": "1", "SourceID": COC_CODE, "ExportPeriodType": "3",
                                "ExportDirective": "2", "HashStatus": "1", "ImplementationID": "PRACTICE-HMIS"})
        self.add("Organization.csv", {"OrganizationID": "1", "OrganizationName": ORGANIZATION_NAME,
                                      "VictimServiceProvider": "0"})
        self.add("User.csv", {"UserFirstName": "Practice", "UserLastName": "User",
                              "UserEmail": "practice.user@example.org"})  # example.org is reserved for examples
        for number, project in enumerate(PROJECTS, start=1):
            self.add("Project.csv", {"ProjectID": project.id, "OrganizationID": "1", "ProjectName": project.name,
                                     "OperatingStartDate": OPERATING_START, "ContinuumProject": "1",
                                     "ProjectType": str(project.project_type),
                                     "RRHSubType": "2" if project.project_type == 13 else "",
                                     "TargetPopulation": "4"})  # 2.02.7: 4 not applicable
            self.add("Funder.csv", {"FunderID": project.id, "ProjectID": project.id, "Funder": str(project.funder),
                                    "GrantID": f"PRACTICE-{project.id}", "StartDate": OPERATING_START})
            # Geocode, state and ZIP are fictional on purpose, like the CoC code.
            self.add("ProjectCoC.csv", {"ProjectCoCID": project.id, "ProjectID": project.id, "CoCCode": COC_CODE,
                                        "Geocode": "999999", "Address1": f"{number} Harbor Way",
                                        "City": "Harbor City", "State": "XX", "ZIP": "00000",
                                        "GeographyType": "1"})
            for beds in project.inventory:
                shelter = project.project_type in EMERGENCY_SHELTER_TYPES
                self.add("Inventory.csv", {
                    "InventoryID": f"{project.id}-{beds.household_type}", "ProjectID": project.id,
                    "CoCCode": COC_CODE, "HouseholdType": str(beds.household_type),
                    "Availability": "1" if shelter else "", "ESBedType": "1" if shelter else "",
                    "UnitInventory": str(beds.units), "BedInventory": str(beds.beds),
                    **{column: str(count) for column, count in beds.dedicated.items()},
                    "OtherBedInventory": str(beds.beds - sum(beds.dedicated.values())),
                    "InventoryStartDate": OPERATING_START})

    def enrollment_details(self) -> None:
        """What each stay records besides its dates: disabilities (and from them 3.08 Disabling
        Condition), bed nights, domestic violence, exit income, and contacts. Runs after problems
        are planted, so their stays get the same records."""
        for stay in self.stays:
            exits = {row["EnrollmentID"]: row for row in stay.exits}
            for enrollment in stay.enrollments:
                adult = enrollment["RelationshipToHoH"] in ("1", "3")
                exit_row = exits.get(enrollment["EnrollmentID"])
                answers = self.disability_answers(adult)
                enrollment["DisablingCondition"] = "1" if any(_is_disabling(*answer) for answer in answers) else "0"
                self.disabilities(enrollment, answers, enrollment["EntryDate"], "1")
                if exit_row:
                    self.disabilities(enrollment, answers, exit_row["ExitDate"], "3")
                for night in stay.bed_nights:
                    self.add("Services.csv", {
                        "ServicesID": self.new_id("service"), "EnrollmentID": enrollment["EnrollmentID"],
                        "PersonalID": enrollment["PersonalID"], "InformationDate": _day(night),
                        "DateProvided": _day(night), "RecordType": "200", "TypeProvided": "200"})
                if adult:
                    self.domestic_violence(enrollment)
                    if exit_row and stay.project.project_type not in NO_INCOME_PROJECT_TYPES:
                        self.income(enrollment, date.fromisoformat(exit_row["ExitDate"]), "3")
                    if stay.project.project_type in CONTACT_PROJECT_TYPES:
                        self.contacts(enrollment, stay)

    def disability_answers(self, adult: bool) -> list[tuple[int, str, str]]:
        """(DisabilityType, DisabilityResponse, IndefiniteAndImpairs) for 4.05 to 4.10."""
        answers = []
        for disability_type, adult_rate, child_rate in DISABILITY_RATES:
            has = self.rng.random() < (adult_rate if adult else child_rate)
            response = ("1" if disability_type != 10 else self.rng.choice("123")) if has else "0"
            impairs = self.rng.choice("01") if has and disability_type in LONG_TERM_TYPES else ""
            answers.append((disability_type, response, impairs))
        return answers

    def disabilities(self, enrollment: Row, answers: list[tuple[int, str, str]], on: str, stage: str) -> None:
        for disability_type, response, impairs in answers:
            self.add("Disabilities.csv", {
                "DisabilitiesID": self.new_id("disability"), "EnrollmentID": enrollment["EnrollmentID"],
                "PersonalID": enrollment["PersonalID"], "InformationDate": on, "DisabilityType": str(disability_type),
                "DisabilityResponse": response, "IndefiniteAndImpairs": impairs, "DataCollectionStage": stage})

    def domestic_violence(self, enrollment: Row) -> None:
        survivor = _pick(self.rng, DV_SURVIVOR)
        self.add("HealthAndDV.csv", {
            "HealthAndDVID": self.new_id("health"), "EnrollmentID": enrollment["EnrollmentID"],
            "PersonalID": enrollment["PersonalID"], "InformationDate": enrollment["EntryDate"],
            "DomesticViolenceSurvivor": str(survivor),
            "WhenOccurred": str(self.rng.randint(1, 4)) if survivor == 1 else "",
            "CurrentlyFleeing": self.rng.choice("001") if survivor == 1 else "",
            "DataCollectionStage": "1"})

    def contacts(self, enrollment: Row, stay: _Stay) -> None:
        """A Current Living Situation at the first contact on the start date, then every week or few."""
        on, last = stay.entry, min(stay.exit or PERIOD_END, PERIOD_END)
        while on <= last:
            self.add("CurrentLivingSituation.csv", {
                "CurrentLivingSitID": self.new_id("contact"), "EnrollmentID": enrollment["EnrollmentID"],
                "PersonalID": enrollment["PersonalID"], "InformationDate": _day(on),
                "CurrentLivingSituation": str(_pick(self.rng, CURRENT_LIVING_SITUATIONS))})
            on += timedelta(days=self.rng.randint(7, 30))

    def plant_problems(self) -> None:
        """One or a few records per problem, chosen from the generated data so every run plants the same."""
        singles = [stay for stay in self.stays if len(stay.enrollments) == 1]
        clients = self.export.tables["Client.csv"]
        for client in clients[3:30:9]:
            client.update(DOB="", DOBDataQuality="9")
            self.plant(dob_refused, client["PersonalID"])
        adults_missing_veteran = [c for c in clients if c["VeteranStatus"] == "0" and c["DOB"]][5:25:10]
        for client in adults_missing_veteran:
            client["VeteranStatus"] = "99"
            self.plant(adults_without_veteran_status, client["PersonalID"])

        housed = next(s for s in singles if s.project.project_type == 13 and s.enrollments[0]["MoveInDate"]
                      and s.entry - timedelta(days=12) >= PERIOD_START)  # the error shows in a report on the period
        housed.enrollments[0]["MoveInDate"] = _day(housed.entry - timedelta(days=12))
        self.plant(move_ins_before_start, housed.enrollments[0]["EnrollmentID"])

        backwards = next(s for s in singles if s.project.id == "101" and s.exit)
        backwards.exits[0]["ExitDate"] = _day(backwards.entry - timedelta(days=3))
        self.plant(exits_before_start, backwards.enrollments[0]["EnrollmentID"])

        first = next(s for s in singles if s.project.id == "101" and s.exit and (s.exit - s.entry).days > 20
                     and s is not backwards)
        client = next(c for c in clients if c["PersonalID"] == first.enrollments[0]["PersonalID"])
        second = self.stay(PROJECTS[1], first.entry + timedelta(days=10), first.exit + timedelta(days=15),
                           [(client, "1")])
        for stay in (first, second):
            self.plant(overlapping_shelter_stays, stay.enrollments[0]["EnrollmentID"])

        late = next(s for s in singles if s.exit is None and s.entry + timedelta(days=400) <= PERIOD_END)
        annual = next(r for r in self.export.tables["IncomeBenefits.csv"]
                      if r["EnrollmentID"] == late.enrollments[0]["EnrollmentID"] and r["DataCollectionStage"] == "5")
        annual["InformationDate"] = _day(late.entry + timedelta(days=365 + 45))
        self.plant(late_annual_assessments, annual["IncomeBenefitsID"])

        original = next(c for c in clients if c["DOBDataQuality"] == "1" and c["VeteranStatus"] != "99")
        copy = self.client(date.fromisoformat(original["DOB"]), adult=True)
        copy.update(FirstName=original["FirstName"], LastName=original["LastName"], Sex=original["Sex"])
        self.stay(PROJECTS[-1], PERIOD_START + timedelta(days=200), PERIOD_START + timedelta(days=215),
                  [(copy, "1")])
        self.plant(likely_duplicates, original["PersonalID"])
        self.plant(likely_duplicates, copy["PersonalID"])


@functools.cache
def generate() -> PracticeExport:
    """The practice export; a fixed seed makes it identical on every run, so one copy serves the
    whole build (the download page, the files and the computed answers). Treat it as read-only."""
    builder = _Builder(random.Random(SEED))
    builder.base_tables()
    for _ in range(HOUSEHOLD_COUNT):
        builder.household()
    builder.annual_assessments()
    builder.plant_problems()
    builder.enrollment_details()
    return builder.export


def to_csv(rows: list[Row], columns: list[str]) -> str:
    """One file's text with the spec's columns in the spec's order; blank where a row has no value."""
    unknown = sorted({key for row in rows for key in row} - set(columns))
    if unknown:
        raise ValueError(f"not FY2026 CSV columns: {', '.join(unknown)}")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def files(project_dir: Path) -> dict[str, bytes]:
    """The site paths and bytes of every CSV and of the zip holding them all."""
    columns = load_columns(project_dir)
    export = generate()
    csvs = {f"{DOWNLOAD_DIR}/{name}": to_csv(rows, columns[name]).encode("utf-8")
            for name, rows in export.tables.items()}
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path, content in csvs.items():
            info = zipfile.ZipInfo(path.rsplit("/", 1)[1], date_time=(2026, 10, 1, 8, 0, 0))
            zipped.writestr(info, content, zipfile.ZIP_DEFLATED)
    return csvs | {ZIP_NAME: archive.getvalue()}


# Data quality checks: each finds the records with one kind of planted problem, the way a learner
# would in a spreadsheet, and returns their IDs. Tests check that each finds exactly what was planted.

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


# Answers to the exercises, computed from the export the learner downloads. A bank's `short`
# question names one with `computed:`; the number is never typed by hand. Each works on the rows
# as strings, as a learner's spreadsheet would.

def _in_period(entry: str, exit_day: str | None) -> bool:
    """Active at some time in the export period: started by its end, not exited before its start."""
    return date.fromisoformat(entry) <= PERIOD_END and (not exit_day or date.fromisoformat(exit_day) >= PERIOD_START)


def _exits(tables: dict[str, list[Row]]) -> dict[str, Row]:
    return {row["EnrollmentID"]: row for row in tables["Exit.csv"]}


def _exits_in_period(tables: dict[str, list[Row]], project_id: str) -> list[tuple[Row, Row]]:
    exits = _exits(tables)
    return [(row, exits[row["EnrollmentID"]]) for row in tables["Enrollment.csv"]
            if row["ProjectID"] == project_id and row["EnrollmentID"] in exits
            and PERIOD_START <= date.fromisoformat(exits[row["EnrollmentID"]]["ExitDate"]) <= PERIOD_END]


def households_served_lighthouse(tables: dict[str, list[Row]]) -> float:
    exits = _exits(tables)
    return len({row["HouseholdID"] for row in tables["Enrollment.csv"] if row["ProjectID"] == "101"
                and _in_period(row["EntryDate"], exits.get(row["EnrollmentID"], {}).get("ExitDate"))})


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


OCCUPANCY_NIGHT = date(2026, 7, 29)  # the last Wednesday of July


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
    late_annual_assessment_personal_id, duplicate_newer_personal_id, adults_without_veteran_status_count)}


@functools.cache
def answer(name: str) -> float:
    """The value of one measure on the practice export (computed once a build)."""
    return float(MEASURES[name](generate().tables))
