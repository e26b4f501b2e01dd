"""The seeded generator. Each project's households are packed into its beds night by night, so no
night holds more people than the inventory has beds for their household type; then the stays are
made in date order, so IDs grow with time as an HMIS's do. The same seed gives the same rows."""

from __future__ import annotations

import functools
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .model import (COC_CODE, DESTINATIONS, EMERGENCY_SHELTER_TYPES, EXPORT_DATE, EXPORT_ID, FILE_CONTENTS,
                    FIRST_NAMES, HOUSING_PROJECT_TYPES, INACTIVITY_DAYS, LAST_NAMES, NIGHT_BY_NIGHT,
                    OPERATING_START, ORGANIZATION_NAME, PERIOD_END, PERIOD_START, PROJECTS, RACE_COLUMNS,
                    RENTAL_SUBSIDY_TYPES, SEED, USER_ID, Beds, PracticeExport, Project, Row, Tables)

EXPORT_DAY = datetime.fromisoformat(EXPORT_DATE).date()
HISTORY_START = PERIOD_START - timedelta(days=max(project.stay_days[1] for project in PROJECTS))
FILL_ATTEMPTS = {0: 40, 1: 40, 2: 8, 3: 6, 13: 12}  # tries per bed: how full each project type runs
DESTINATION_GROUP = {0: "shelter", 1: "shelter", 2: "transitional", 3: "supportive", 4: "outreach", 14: "entry"}


def pick(rng: random.Random, weighted: tuple[tuple[int, int], ...]) -> int:
    codes, weights = zip(*weighted)
    return rng.choices(codes, weights)[0]


def day(value: date) -> str:
    return value.isoformat()


@dataclass
class Plan:
    """A household's stay before its people exist: enough to test it against the beds."""
    project: Project
    household_type: int
    entry: date
    last_night: date  # the stay's last night, which may be after the period
    ages: list[int]  # the head of household first; children are under 18
    move_in: date | None = None  # permanent housing: beds are taken from the move-in date

    @property
    def first_night(self) -> date:
        return self.move_in or self.entry


@dataclass
class Stay:
    """One household's enrollment in one project, kept while building so problems can be planted."""
    project: Project
    household_type: int
    entry: date
    exit: date | None
    enrollments: list[Row]
    exits: list[Row]
    bed_nights: list[date] = field(default_factory=list)  # night-by-night shelters only


class Builder:
    """Builds the tables; IDs are sequential so every run is identical."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.export = PracticeExport(tables={name: [] for name in FILE_CONTENTS})
        self.next_id: dict[str, int] = {}
        self.stays: list[Stay] = []
        self.people: dict[tuple[str, int], list[int]] = {}  # people staying each night since HISTORY_START
        self.households: dict[tuple[str, int], list[int]] = {}
        self.identities: set[tuple[str, str, date]] = set()

    def new_id(self, kind: str) -> str:
        self.next_id[kind] = self.next_id.get(kind, 0) + 1
        return str(self.next_id[kind])

    def plant(self, check: Callable[[Tables], list[str]], record_id: str) -> None:
        self.export.planted.setdefault(check.__name__, []).append(record_id)

    def add(self, table: str, row: Row) -> Row:
        if table != "Export.csv":
            row.setdefault("DateCreated", EXPORT_DATE)
            row.setdefault("DateUpdated", row["DateCreated"])
            row["UserID"] = USER_ID
        row["ExportID"] = EXPORT_ID
        self.export.tables[table].append(row)
        return row

    def lag(self) -> int:
        """Days between an event and its entry in the HMIS: most the same day, a few weeks late."""
        draw = self.rng.random()
        bands = ((0.55, 0, 0), (0.82, 1, 3), (0.91, 4, 6), (0.96, 7, 10), (1.0, 11, 20))  # (share so far, days)
        _, low, high = next(band for band in bands if draw < band[0])
        return self.rng.randint(low, high)

    def stamp(self, on: date, lag: int | None = None) -> str:
        """When a record about a day's event was saved: office hours, never after the export."""
        saved = min(on + timedelta(days=self.lag() if lag is None else lag), EXPORT_DAY - timedelta(days=1))
        return f"{day(saved)} {self.rng.randint(8, 17):02}:{self.rng.randint(0, 59):02}:{self.rng.randint(0, 59):02}"

    # Packing households into beds.

    def _nights(self, first: date, last: date) -> range:
        return range(max((first - HISTORY_START).days, 0), (min(last, PERIOD_END) - HISTORY_START).days + 1)

    def fits(self, plan: Plan, beds: Beds) -> bool:
        key = (plan.project.id, plan.household_type)
        people = self.people.setdefault(key, [0] * ((PERIOD_END - HISTORY_START).days + 1))
        units = self.households.setdefault(key, [0] * len(people))
        return all(people[n] + len(plan.ages) <= beds.beds and units[n] < beds.units
                   for n in self._nights(plan.first_night, plan.last_night))

    def take(self, plan: Plan) -> None:
        key = (plan.project.id, plan.household_type)
        for n in self._nights(plan.first_night, plan.last_night):
            self.people[key][n] += len(plan.ages)
            self.households[key][n] += 1

    def compose(self, project: Project, household_type: int) -> list[int]:
        """Ages at project start: households without children are one adult or two; families have one
        or two adults and one to three children."""
        rng = self.rng
        youth = project.project_type == 2 and rng.random() < 0.3
        head = rng.randint(18, 24) if youth else rng.randint(19, 70)
        adults = [head] + ([rng.randint(19, 60)] if rng.random() < (0.15 if household_type == 1 else 0.3) else [])
        children = [rng.randint(0, 17) for _ in range(rng.randint(1, 3))] if household_type == 3 else []
        return adults + children

    def plan(self, project: Project, household_type: int, earliest: date) -> Plan:
        rng = self.rng
        low, high = project.stay_days
        length = round(math.exp(rng.uniform(math.log(low), math.log(high))))  # many short stays, a few long
        entry = earliest + timedelta(days=rng.randint(0, (PERIOD_END - earliest).days))
        plan = Plan(project, household_type, entry, entry + timedelta(days=length - 1),
                    self.compose(project, household_type))
        if project.project_type in HOUSING_PROJECT_TYPES:
            wait = rng.randint(7, 120) if project.project_type == 13 else rng.randint(0, 45)
            if wait < length and (project.project_type == 3 or rng.random() >= 0.1):  # some never find a unit
                plan.move_in = entry + timedelta(days=wait)
        return plan

    def plans(self) -> list[Plan]:
        """Every household's stay that touches the period, packed into its project's beds."""
        rng, chosen = self.rng, []
        for project in PROJECTS:
            for beds in project.inventory:
                for _ in range(FILL_ATTEMPTS[project.project_type] * beds.beds):
                    plan = self.plan(project, beds.household_type, PERIOD_START - timedelta(days=project.stay_days[1]))
                    if plan.last_night >= PERIOD_START - timedelta(days=1) and self.fits(plan, beds):
                        self.take(plan)
                        chosen.append(plan)
            served = 0
            while served < project.households:
                plan = self.plan(project, 3 if rng.random() < 0.2 else 1, PERIOD_START - timedelta(days=90))
                if plan.last_night >= PERIOD_START - timedelta(days=1):
                    chosen.append(plan)
                    served += 1
        return chosen

    # Records.

    def client(self, age: int, on: date) -> Row:
        """A new person. Name and date of birth never match an earlier person's, so the only likely
        duplicate is the planted one."""
        while True:
            birth = on - timedelta(days=age * 365 + self.rng.randint(5, 360))
            name = (self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES))
            if (*name, birth) not in self.identities:
                self.identities.add((*name, birth))
                break
        row = {"PersonalID": self.new_id("client"), "FirstName": name[0],
               "LastName": name[1], "NameDataQuality": "1", "SSNDataQuality": "99",
               "DOB": day(birth), "DOBDataQuality": "1", "Sex": self.rng.choice("01"),
               "VeteranStatus": ("1" if self.rng.random() < 0.06 else "0") if age >= 18 else "99", **self.race(),
               "DateCreated": "9999"}  # set from the person's first project start
        return self.add("Client.csv", row)

    def race(self) -> Row:
        """3.04 Race and Ethnicity: one or more answers, each column 1 or 0."""
        columns, weights = zip(*RACE_COLUMNS)
        chosen = set(self.rng.choices(columns, weights, k=2 if self.rng.random() < 0.15 else 1))
        return {column: "1" if column in chosen else "0" for column in columns}

    def build(self, plan: Plan) -> Stay:
        members = [(self.client(age, plan.entry), "1" if n == 0 else ("2" if age < 18 else "3"))
                   for n, age in enumerate(plan.ages)]
        return self.stay(plan.project, plan.household_type, plan.entry, plan.last_night, members, plan.move_in)

    def stay(self, project: Project, household_type: int, entry: date, last_night: date,
             members: list[tuple[Row, str]], move_in: date | None = None) -> Stay:
        rng = self.rng
        exit_day: date | None = last_night + timedelta(days=1)
        nights: list[date] = []
        automatic = False
        if project.project_type == NIGHT_BY_NIGHT:  # bed nights on the first and last nights, most nights between
            last = min(last_night, PERIOD_END)
            nights = sorted({entry, last} | {entry + timedelta(days=n) for n in range(1, (last - entry).days)
                                             if rng.random() < 0.8})
            automatic = rng.random() < 0.5
            if automatic and exit_day + timedelta(days=INACTIVITY_DAYS) >= EXPORT_DAY:
                exit_day = None  # the inactivity rule has not run by the export: the stay is still open
        if exit_day and exit_day > PERIOD_END:
            exit_day = None
        if move_in and move_in > PERIOD_END:
            move_in = None  # not yet housed when the period ends
        group = DESTINATION_GROUP.get(project.project_type) or ("housed" if move_in else "not housed")
        destination = "30" if automatic else str(pick(rng, DESTINATIONS[group]))
        subsidy = str(rng.choice(RENTAL_SUBSIDY_TYPES)) if destination == "435" else ""
        household_id = self.new_id("household")
        stay = Stay(project, household_type, entry, exit_day, [], [], nights)
        created = self.stamp(entry)
        exit_created = (f"{day(exit_day + timedelta(days=INACTIVITY_DAYS))} 02:00:00" if automatic and exit_day
                        else self.stamp(exit_day) if exit_day else "")
        moved = self.stamp(move_in) if move_in else created
        for client, relationship in members:
            enrollment = self.add("Enrollment.csv", {
                "EnrollmentID": self.new_id("enrollment"), "PersonalID": client["PersonalID"],
                "ProjectID": project.id, "EntryDate": day(entry), "HouseholdID": household_id,
                "RelationshipToHoH": relationship, "EnrollmentCoC": COC_CODE,
                "MoveInDate": day(move_in) if move_in and relationship == "1" else "",
                "DateCreated": created, "DateUpdated": max(created, moved if relationship == "1" else created)})
            stay.enrollments.append(enrollment)
            client["DateCreated"] = min(client["DateCreated"], created)  # the record is made at the first start
            client["DateUpdated"] = client["DateCreated"]
            if exit_day:
                stay.exits.append(self.add("Exit.csv", {
                    "ExitID": enrollment["EnrollmentID"], "EnrollmentID": enrollment["EnrollmentID"],
                    "PersonalID": client["PersonalID"], "ExitDate": day(exit_day), "Destination": destination,
                    "DestinationSubsidyType": subsidy, "DateCreated": exit_created}))
        self.stays.append(stay)
        return stay

    def base_tables(self) -> None:
        self.add("Export.csv", {"ExportStartDate": day(PERIOD_START), "ExportEndDate": day(PERIOD_END),
                                "ExportDate": EXPORT_DATE, "SourceName": ORGANIZATION_NAME,
                                "SoftwareName": "HMIS Training practice generator", "CSVVersion": "2026 v1.0",
                                "SourceType": "1", "SourceID": COC_CODE, "ExportPeriodType": "3",
                                "ExportDirective": "2", "HashStatus": "1", "ImplementationID": "PRACTICE-HMIS"})
        setup = f"{OPERATING_START} 09:00:00"
        self.add("Organization.csv", {"OrganizationID": "1", "OrganizationName": ORGANIZATION_NAME,
                                      "VictimServiceProvider": "0", "DateCreated": setup})
        self.add("User.csv", {"UserFirstName": "Practice", "UserLastName": "User", "DateCreated": setup,
                              "UserEmail": "practice.user@example.org"})  # example.org is reserved for examples
        for number, project in enumerate(PROJECTS, start=1):
            self.add("Project.csv", {"ProjectID": project.id, "OrganizationID": "1", "ProjectName": project.name,
                                     "OperatingStartDate": OPERATING_START, "ContinuumProject": "1",
                                     "ProjectType": str(project.project_type),
                                     "HousingType": str(project.housing_type or ""),
                                     "RRHSubType": "2" if project.project_type == 13 else "",
                                     "TargetPopulation": "4", "DateCreated": setup})  # 2.02.7: 4 not applicable
            self.add("Funder.csv", {"FunderID": project.id, "ProjectID": project.id, "Funder": str(project.funder),
                                    "GrantID": f"PRACTICE-{project.id}", "StartDate": OPERATING_START,
                                    "DateCreated": setup})
            # Geocode, state and ZIP are fictional on purpose, like the CoC code.
            self.add("ProjectCoC.csv", {"ProjectCoCID": project.id, "ProjectID": project.id, "CoCCode": COC_CODE,
                                        "Geocode": "999999", "Address1": f"{number} Harbor Way",
                                        "City": "Harbor City", "State": "XX", "ZIP": "00000",
                                        "GeographyType": "1", "DateCreated": setup})
            for beds in project.inventory:
                shelter = project.project_type in EMERGENCY_SHELTER_TYPES
                self.add("Inventory.csv", {
                    "InventoryID": f"{project.id}-{beds.household_type}", "ProjectID": project.id,
                    "CoCCode": COC_CODE, "HouseholdType": str(beds.household_type),
                    "Availability": "1" if shelter else "", "ESBedType": "1" if shelter else "",
                    "UnitInventory": str(beds.units), "BedInventory": str(beds.beds),
                    **{column: str(count) for column, count in beds.dedicated.items()},
                    "OtherBedInventory": str(beds.beds - sum(beds.dedicated.values())),
                    "InventoryStartDate": OPERATING_START, "DateCreated": setup})
            self.add("HMISParticipation.csv", {
                "HMISParticipationID": project.id, "ProjectID": project.id, "HMISParticipationType": "1",
                "HMISParticipationStatusStartDate": OPERATING_START, "DateCreated": setup})
            access = project.project_type == 14
            if access or project.receives_referrals:  # 2.09: the access point, and the projects it refers to
                self.add("CEParticipation.csv", {
                    "CEParticipationID": project.id, "ProjectID": project.id, "AccessPoint": "1" if access else "0",
                    **({"PreventionAssessment": "0", "CrisisAssessment": "1", "HousingAssessment": "1",
                        "DirectServices": "0"} if access else {}),
                    "ReceivesReferrals": "0" if access else "1", "CEParticipationStatusStartDate": OPERATING_START,
                    "DateCreated": setup})


@functools.cache
def generate() -> PracticeExport:
    """The practice export; a fixed seed makes it identical on every run, so one copy serves the
    whole build (the download page, the files and the computed answers). Treat it as read-only."""
    from .details import add_details  # the details and the planted problems build on this module
    from .planting import forgotten_stay, plant_problems, plant_record_problems
    builder = Builder(random.Random(SEED))
    builder.base_tables()
    for plan in sorted(builder.plans() + [forgotten_stay()], key=lambda plan: (plan.entry, plan.project.id)):
        builder.build(plan)
    plant_problems(builder)
    add_details(builder)
    plant_record_problems(builder)
    for records in builder.export.planted.values():
        records.sort(key=lambda record: (len(record), record))  # numeric IDs in number order, as checks list them
    return builder.export
