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
OCCUPANCY_NIGHT = date(2026, 1, 28)  # the last Wednesday of January: a point-in-time count night
EXPORT_DATE = "2026-10-15 08:00:00"  # two weeks after the period, once late entries are in
OPERATING_START = "2015-01-01"
COC_CODE = "XX-500"  # no state has the code XX, so it cannot be mistaken for a real CoC
USER_ID = "1"
DOWNLOAD_DIR = "downloads/practice-export"
ZIP_NAME = "downloads/practice-export.zip"

Row = dict[str, str]
Tables = dict[str, list[Row]]
FILE_CONTENTS = {  # every file of an FY2026 export, in the specification's order (csv-columns.yml)
    "Export.csv": "What the export covers: its dates and the system it came from.",
    "Organization.csv": "The organization that runs the projects.",
    "User.csv": "The HMIS user who entered the records: every other file's UserID points here.",
    "Project.csv": "Each project, its project type (2.02) and housing type.",
    "Funder.csv": "Who funds each project, with its funding source code (2.06).",
    "ProjectCoC.csv": "The CoC each project serves, and where the project is (2.03).",
    "Inventory.csv": "Beds and units in the residential projects, by household type (2.07).",
    "Affiliation.csv": "Links a services-only project to a residential one. Empty here: no project is affiliated.",
    "HMISParticipation.csv": "Since when each project has entered its data in the HMIS (2.08).",
    "CEParticipation.csv": "The coordinated entry access point and the projects that take its referrals (2.09).",
    "Client.csv": "One row per person: name, date of birth, race and ethnicity, sex and veteran status.",
    "Enrollment.csv": "One row per person per project stay: project start, household, relationship to the "
                      "head of household, prior living situation (3.917), move-in date, date of engagement.",
    "Exit.csv": "One row per finished stay: project exit date and destination.",
    "IncomeBenefits.csv": "Income, non-cash benefits and health insurance (4.02 to 4.04) at project start, at "
                          "each annual assessment and at exit.",
    "HealthAndDV.csv": "Domestic violence answers of heads of household and adults at project start (4.11).",
    "EmploymentEducation.csv": "Education and employment (R4, R6), asked only in youth projects. Empty here.",
    "Disabilities.csv": "One row per person, disability type (4.05 to 4.10) and stage: project start and exit.",
    "Services.csv": "Bed nights at the night-by-night shelter: one row per person per night stayed (4.14).",
    "CurrentLivingSituation.csv": "Where a person was staying, recorded at each street outreach and coordinated "
                                  "entry contact (4.12).",
    "Assessment.csv": "Coordinated entry assessments of heads of household (4.19).",
    "AssessmentQuestions.csv": "The CoC's own assessment questions and answers. Empty here.",
    "AssessmentResults.csv": "The CoC's own assessment scores. Empty here.",
    "Event.csv": "Coordinated entry events: diversion and referrals to projects, with their results (4.20).",
    "YouthEducationStatus.csv": "School status of young people (R5), asked only in youth projects. Empty here.",
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
    funder: int  # 2.06 funding source code
    inventory: tuple[Beds, ...] = ()
    housing_type: int | None = None  # 2.02.D: 1 single site, 2 clustered sites, 3 scattered sites
    households: int = 0  # projects without beds: how many households they serve
    receives_referrals: bool = False  # 2.09: takes coordinated entry referrals


ORGANIZATION_NAME = "Harbor County Housing Partners (fictional)"
# Funding source codes (FY2026 list 2.06.1): 2 CoC PSH, 3 CoC RRH, 4 CoC Supportive Services Only,
# 5 CoC TH, 8 ESG Emergency Shelter, 11 ESG Street Outreach.
PROJECTS = (
    Project("101", "Lighthouse Shelter", 0, (3, 90), 8, (Beds(1, 12, 12), Beds(3, 2, 6)), 1,
            receives_referrals=True),
    Project("102", "Second Street Shelter", 0, (3, 60), 8, (Beds(1, 6, 6), Beds(3, 2, 6)), 1),
    Project("103", "Northside Night Shelter", 1, (2, 60), 8, (Beds(1, 12, 12),), 1),
    Project("104", "Riverbank Street Outreach", 4, (14, 200), 11, households=40),
    Project("105", "Cedar Transitional Housing", 2, (60, 540), 5,
            (Beds(1, 24, 24, {"YouthBedInventory": 6}), Beds(3, 3, 9)), 1),
    Project("106", "Maple Rapid Re-Housing", 13, (60, 360), 3, (Beds(1, 14, 14), Beds(3, 7, 21)), 3,
            receives_referrals=True),
    Project("107", "Oak Supportive Housing", 3, (200, 1500), 2,
            (Beds(1, 30, 30, {"CHBedInventory": 16}), Beds(3, 3, 9)), 2, receives_referrals=True),
    Project("108", "Front Door Coordinated Entry", 14, (1, 60), 4, households=70),
)
PROJECT_BY_ID = {project.id: project for project in PROJECTS}
EMERGENCY_SHELTER_TYPES = (0, 1)  # only these report ESBedType (1 facility-based) and Availability (1 year-round)
NIGHT_BY_NIGHT = 1  # records a bed night (4.14) for each night, and exits the day after the last one
NO_INCOME_PROJECT_TYPES = (NIGHT_BY_NIGHT,)  # ESG does not require income and benefits in night-by-night shelters
CONTACT_PROJECT_TYPES = (4, 14)  # street outreach and CE record a Current Living Situation at each contact
HOUSING_PROJECT_TYPES = (3, 13)  # PSH and RRH record the head of household's Housing Move-In Date (3.20)
PRIOR_SITUATION_A_TYPES = (0, 1, 4)  # 3.917A (every field asked); the others use 3.917B
INACTIVITY_DAYS = 30  # the CoC's rule: a night-by-night stay with no bed night for 30 nights is exited
LATE_ENTRY_DAYS = 30  # the CoC's data quality plan: records entered within 30 days of the event

# Destination codes (FY2026 list 3.12.1), weighted by project type: permanent 4xx, temporary 3xx,
# institutional 2xx, homeless 1xx. 30 "No exit interview completed" is what an automatic exit records.
DESTINATIONS = {
    "shelter": ((410, 3), (435, 2), (422, 3), (423, 2), (312, 4), (313, 3), (302, 2), (101, 3), (116, 2), (207, 1)),
    "outreach": ((101, 6), (116, 3), (312, 2), (302, 1), (435, 1)),
    "transitional": ((410, 5), (435, 5), (422, 3), (312, 2), (313, 2), (116, 1)),
    "housed": ((410, 6), (435, 4), (422, 1), (423, 1)),
    "not housed": ((101, 3), (116, 1), (312, 2), (313, 1)),
    "supportive": ((435, 3), (410, 2), (422, 2), (24, 1), (225, 1)),
    "entry": ((101, 5), (435, 2), (312, 3), (313, 2), (116, 2), (410, 2)),
}
RENTAL_SUBSIDY_TYPES = (419, 431, 433, 439)  # asked when the destination is 435, rental with ongoing subsidy
# 3.917 prior living situations of heads of household and adults, by what the project accepts.
PRIOR_SITUATIONS = {
    "shelter": ((116, 5), (101, 2), (335, 2), (336, 2), (314, 1), (207, 1)),
    "night": ((116, 6), (101, 2), (336, 1)),
    "outreach": ((116, 1),),
    "homeless only": ((116, 4), (101, 6), (207, 1), (204, 1)),  # TH, RRH, PSH: literally homeless
    "entry": ((116, 3), (101, 3), (335, 2), (336, 2), (410, 1)),
}
SHORT_STAY_INSTITUTIONS = (204, 207)  # psychiatric hospital, jail: a stay under 90 days keeps homeless status
# 4.05 to 4.10 as (DisabilityType, share of adults, share of children who have it). Types 5 physical,
# 6 developmental, 7 chronic health condition, 8 HIV/AIDS, 9 mental health disorder, 10 substance use
# disorder, whose "yes" answers are 1 alcohol, 2 drug, 3 both.
DISABILITY_RATES = ((5, 0.15, 0.03), (6, 0.04, 0.04), (7, 0.15, 0.05), (8, 0.01, 0.0), (9, 0.25, 0.05),
                    (10, 0.15, 0.0))
LONG_TERM_TYPES = (5, 7, 9, 10)  # these ask whether the condition is long-continuing and impairs independent living
DV_SURVIVOR = ((0, 80), (1, 16), (9, 4))  # 4.11: no, yes, client prefers not to answer
# 4.12 at a contact: 116 place not meant for habitation, 101 emergency shelter, 37 worker unable to determine.
CURRENT_LIVING_SITUATIONS = ((116, 17), (101, 2), (37, 1))
# 4.02 income sources: (column, monthly amount range, share of adults with income who have it).
INCOME_SOURCES = (("Earned", (400, 2200), 0.45), ("Unemployment", (300, 900), 0.06), ("SSI", (500, 967), 0.2),
                  ("SSDI", (700, 1600), 0.2), ("SocSecRetirement", (800, 1500), 0.06), ("TANF", (250, 600), 0.05),
                  ("GA", (150, 300), 0.05), ("ChildSupport", (100, 500), 0.04))
INCOME_COLUMNS = ("Earned", "Unemployment", "SSI", "SSDI", "VADisabilityService", "VADisabilityNonService",
                  "PrivateDisability", "WorkersComp", "TANF", "GA", "SocSecRetirement", "Pension", "ChildSupport",
                  "Alimony", "OtherIncomeSource")
BENEFIT_COLUMNS = ("SNAP", "WIC", "TANFChildCare", "TANFTransportation", "OtherTANF", "OtherBenefitsSource")
INSURANCE_COLUMNS = ("Medicaid", "Medicare", "SCHIP", "VHAServices", "EmployerProvided", "COBRA", "PrivatePay",
                     "StateHealthIns", "IndianHealthServices", "OtherInsurance")
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

