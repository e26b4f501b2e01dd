"""The seeded generator: builds the practice export's tables one household at a time and plants
the data-quality problems that exercises ask learners to find. The same seed gives the same rows on
every run."""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from .checks import (adults_without_veteran_status, dob_refused, exits_before_start, late_annual_assessments,
                     likely_duplicates, move_ins_before_start, overlapping_shelter_stays)
from .model import (COC_CODE, CONTACT_PROJECT_TYPES, CURRENT_LIVING_SITUATIONS, DESTINATIONS, DISABILITY_RATES,
                    DV_SURVIVOR, EMERGENCY_SHELTER_TYPES, EXPORT_DATE, EXPORT_ID, FILE_CONTENTS, FIRST_NAMES,
                    HOUSEHOLD_COUNT, HOUSING_PROJECT_TYPES, LAST_NAMES, LONG_TERM_TYPES, NIGHT_BY_NIGHT,
                    NO_INCOME_PROJECT_TYPES, OPERATING_START, ORGANIZATION_NAME, PERIOD_END, PERIOD_START,
                    PRIOR_LIVING_SITUATIONS, PROJECTS, RACE_COLUMNS, RENTAL_SUBSIDY_TYPES, SEED, USER_ID,
                    PracticeExport, Project, Row, Tables)


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
