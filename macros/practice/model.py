"""The practice export's world: the fictional CoC's projects and their beds, the export period,
the files it writes and the code lists the generator draws from. Only the standard library, because
every other module of the package reads these."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


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

