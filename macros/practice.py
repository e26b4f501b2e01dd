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
import zipfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

SEED = 2026
EXPORT_ID = "1"
PERIOD_START = date(2025, 10, 1)
PERIOD_END = date(2026, 9, 30)
EXPORT_DATE = "2026-10-01 08:00:00"
COC_CODE = "XX-500"  # no state has the code XX, so it cannot be mistaken for a real CoC
USER_ID = "1"
HOUSEHOLD_COUNT = 240
DOWNLOAD_DIR = "downloads/practice-export"
ZIP_NAME = "downloads/practice-export.zip"

Row = dict[str, str]
FILE_CONTENTS = {
    "Export.csv": "What the export covers: its dates and the system it came from.",
    "Organization.csv": "The organization that runs the projects.",
    "Project.csv": "Each project and its project type (2.02).",
    "Client.csv": "One row per person: name, date of birth, sex and veteran status, with their data quality.",
    "Enrollment.csv": "One row per person per project stay: project start, household, relationship to the "
                      "head of household, prior living situation, move-in date.",
    "Exit.csv": "One row per finished stay: project exit date and destination.",
    "IncomeBenefits.csv": "Income from any source at project start and at each annual assessment.",
}


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    project_type: int
    stay_days: tuple[int, int]
    weight: int


ORGANIZATION_NAME = "Harbor County Housing Partners (fictional)"
PROJECTS = (
    Project("101", "Lighthouse Shelter", 0, (3, 90), 5),
    Project("102", "Second Street Shelter", 0, (3, 60), 3),
    Project("104", "Riverbank Street Outreach", 4, (14, 200), 3),
    Project("105", "Cedar Transitional Housing", 2, (60, 540), 2),
    Project("106", "Maple Rapid Re-Housing", 13, (60, 360), 3),
    Project("107", "Oak Supportive Housing", 3, (200, 1500), 2),
    Project("108", "Front Door Coordinated Entry", 14, (1, 60), 3),
)
HOUSING_PROJECT_TYPES = (3, 13)  # PSH and RRH record the head of household's Housing Move-In Date (3.20)

# Destination codes (FY2026 Appendix A list 3.12.1), weighted: permanent 4xx, temporary 3xx,
# homeless 1xx, 30 no exit interview completed, 99 data not collected.
DESTINATIONS = ((410, 6), (435, 5), (422, 3), (312, 4), (313, 3), (302, 2), (101, 3), (116, 3), (30, 4))
RENTAL_SUBSIDY_TYPES = (419, 431, 433, 439)  # asked when the destination is 435, rental with ongoing subsidy
PRIOR_LIVING_SITUATIONS = ((116, 5), (101, 5), (335, 2), (336, 2), (314, 1), (207, 1))
FIRST_NAMES = ("Avery", "Blake", "Casey", "Dana", "Eden", "Finley", "Gray", "Harper", "Indy", "Jules",
               "Kai", "Lane", "Morgan", "Noel", "Oakley", "Parker", "Quinn", "Reese", "Sage", "Tatum")
LAST_NAMES = ("Example", "Sample", "Practice", "Testcase", "Placeholder", "Fictional", "Mockwell",
              "Demo", "Trainee", "Specimen")


@dataclass
class PracticeExport:
    tables: dict[str, list[Row]]
    planted: dict[str, list[str]] = field(default_factory=dict)
    """Each planted problem and the IDs of the records that carry it."""


def load_columns(project_dir: Path) -> dict[str, list[str]]:
    text = (project_dir / "quizzes" / "reference" / "csv-columns.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


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


class _Builder:
    """Builds the tables one household at a time; IDs are sequential so every run is identical."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.export = PracticeExport(tables={name: [] for name in FILE_CONTENTS})
        self.next_id = {"client": 1, "enrollment": 1, "household": 1, "income": 1}
        self.stays: list[_Stay] = []

    def new_id(self, kind: str) -> str:
        value = self.next_id[kind]
        self.next_id[kind] += 1
        return str(value)

    def plant(self, problem: str, record_id: str) -> None:
        self.export.planted.setdefault(problem, []).append(record_id)

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
               "VeteranStatus": ("1" if self.rng.random() < 0.06 else "0") if adult else "99"}
        return self.add("Client.csv", row)

    def income(self, enrollment: Row, on: date, stage: str) -> Row:
        return self.add("IncomeBenefits.csv", {
            "IncomeBenefitsID": self.new_id("income"), "EnrollmentID": enrollment["EnrollmentID"],
            "PersonalID": enrollment["PersonalID"], "InformationDate": _day(on),
            "IncomeFromAnySource": self.rng.choice("001"), "DataCollectionStage": stage})

    def stay(self, project: Project, entry: date, exit_day: date | None, members: list[tuple[Row, str]]) -> _Stay:
        rng = self.rng
        move_in = None
        if project.project_type in HOUSING_PROJECT_TYPES:
            move_in = entry + timedelta(days=rng.randint(7, 75))
            if move_in > (exit_day or PERIOD_END):
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
                "DisablingCondition": rng.choice("0001"),
                "DateCreated": _stamp(entry)})
            stay.enrollments.append(enrollment)
            client["DateCreated"] = min(client["DateCreated"], enrollment["DateCreated"])  # record made at first start
            if relationship in ("1", "3"):
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
        exit_day = entry + timedelta(days=rng.randint(*project.stay_days))
        self.stay(project, entry, exit_day if exit_day <= PERIOD_END else None, members)

    def annual_assessments(self) -> None:
        """Adults who have stayed a year or more get an annual assessment near each anniversary."""
        for stay in self.stays:
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
                                "SourceType": "1", "ExportPeriodType": "3", "ExportDirective": "2",
                                "HashStatus": "1"})
        self.add("Organization.csv", {"OrganizationID": "1", "OrganizationName": ORGANIZATION_NAME,
                                      "VictimServiceProvider": "0"})
        for project in PROJECTS:
            self.add("Project.csv", {"ProjectID": project.id, "OrganizationID": "1", "ProjectName": project.name,
                                     "OperatingStartDate": "2015-01-01", "ContinuumProject": "1",
                                     "ProjectType": str(project.project_type),
                                     "RRHSubType": "2" if project.project_type == 13 else ""})

    def plant_problems(self) -> None:
        """One or a few records per problem, chosen from the generated data so every run plants the same."""
        singles = [stay for stay in self.stays if len(stay.enrollments) == 1]
        clients = self.export.tables["Client.csv"]
        for client in clients[3:30:9]:
            client.update(DOB="", DOBDataQuality="9")
            self.plant("DOB: client prefers not to answer", client["PersonalID"])
        adults_missing_veteran = [c for c in clients if c["VeteranStatus"] == "0"][5:25:10]
        for client in adults_missing_veteran:
            client["VeteranStatus"] = "99"
            self.plant("Veteran Status: data not collected for an adult", client["PersonalID"])

        housed = next(s for s in singles if s.project.project_type == 13 and s.enrollments[0]["MoveInDate"])
        housed.enrollments[0]["MoveInDate"] = _day(housed.entry - timedelta(days=12))
        self.plant("Housing Move-In Date before Project Start Date", housed.enrollments[0]["EnrollmentID"])

        backwards = next(s for s in singles if s.project.id == "101" and s.exit)
        backwards.exits[0]["ExitDate"] = _day(backwards.entry - timedelta(days=3))
        self.plant("Project Exit Date before Project Start Date", backwards.enrollments[0]["EnrollmentID"])

        first = next(s for s in singles if s.project.id == "101" and s.exit and (s.exit - s.entry).days > 20
                     and s is not backwards)
        client = next(c for c in clients if c["PersonalID"] == first.enrollments[0]["PersonalID"])
        second = self.stay(PROJECTS[1], first.entry + timedelta(days=10), first.exit + timedelta(days=15),
                           [(client, "1")])
        for stay in (first, second):
            self.plant("Overlapping shelter enrollments for one client", stay.enrollments[0]["EnrollmentID"])

        late = next(s for s in singles if s.exit is None and s.entry + timedelta(days=400) <= PERIOD_END)
        annual = next(r for r in self.export.tables["IncomeBenefits.csv"]
                      if r["EnrollmentID"] == late.enrollments[0]["EnrollmentID"] and r["DataCollectionStage"] == "5")
        annual["InformationDate"] = _day(late.entry + timedelta(days=365 + 45))
        self.plant("Annual assessment outside the 30-day window", annual["IncomeBenefitsID"])

        original = next(c for c in clients if c["DOBDataQuality"] == "1" and c["VeteranStatus"] != "99")
        copy = self.client(date.fromisoformat(original["DOB"]), adult=True)
        copy.update(FirstName=original["FirstName"], LastName=original["LastName"], Sex=original["Sex"])
        self.stay(PROJECTS[-1], PERIOD_START + timedelta(days=200), PERIOD_START + timedelta(days=215),
                  [(copy, "1")])
        self.plant("Likely duplicate client (same name and date of birth)", original["PersonalID"])
        self.plant("Likely duplicate client (same name and date of birth)", copy["PersonalID"])


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


MEASURES = {measure.__name__: measure for measure in (
    households_served_lighthouse, rrh_exits_to_permanent_percent, second_street_average_stay,
    dob_completeness_percent, rrh_heads_waiting_for_housing)}


@functools.cache
def answer(name: str) -> float:
    """The value of one measure on the practice export (computed once a build)."""
    return float(MEASURES[name](generate().tables))
