"""Data quality rules of the kind the APR's Q6 tables and HMIS data quality tools apply: missing
answers to the universal elements, answers that contradict each other, records dated outside their
stay, missing project start and annual records, eligibility for supportive housing, and stays left
open with no activity. None of these is planted, so on the practice export each finds nothing.

Two things are left out on purpose and said on the practice export page: the export has no Social
Security numbers (every SSNDataQuality is 99), and an automatic exit records Destination 30 "No exit
interview completed", an answer a report counts as missing but nobody can go back and fix."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from .model import BENEFIT_COLUMNS, INCOME_COLUMNS, INSURANCE_COLUMNS, PERIOD_END, Row, Tables

MISSING = ("8", "9", "99")
DISABLING_TYPES = ("6", "8")  # always disabling; the others when long-continuing and impairing


def _adults(tables: Tables) -> list[Row]:
    return [row for row in tables["Enrollment.csv"] if row["RelationshipToHoH"] != "2"]


def other_missing_answers(tables: Tables) -> list[str]:
    """Universal elements answered "doesn't know", "prefers not to answer" or "not collected",
    apart from the planted refused dates of birth and adults' veteran status."""
    found = [f"Client.csv:{row['PersonalID']}" for row in tables["Client.csv"]
             if row["NameDataQuality"] in MISSING or row["DOBDataQuality"] in ("8", "99") or row["RaceNone"]
             or (row["VeteranStatus"] in ("8", "9") and row["DOB"])]
    found += [f"Enrollment.csv:{row['EnrollmentID']}" for row in tables["Enrollment.csv"]
              if row["DisablingCondition"] in MISSING or row["RelationshipToHoH"] == "99"]
    found += [f"Enrollment.csv:{row['EnrollmentID']}" for row in _adults(tables)
              if row["LivingSituation"] in ("", *MISSING)]
    found += [f"Exit.csv:{row['ExitID']}" for row in tables["Exit.csv"] if row["Destination"] in MISSING]
    return found


def disabling_condition_disagrees(tables: Tables) -> list[str]:
    """3.08 must agree with 4.05 to 4.10 at project start: reports count a person as disabled from either."""
    disabled = {row["EnrollmentID"] for row in tables["Disabilities.csv"] if row["DataCollectionStage"] == "1"
                and row["DisabilityResponse"] not in ("0", *MISSING)
                and (row["DisabilityType"] in DISABLING_TYPES or row["IndefiniteAndImpairs"] == "1")}
    return [row["EnrollmentID"] for row in tables["Enrollment.csv"]
            if row["DisablingCondition"] in ("0", "1") and (row["DisablingCondition"] == "1") != (row["EnrollmentID"] in disabled)]


def income_sources_disagree(tables: Tables) -> list[str]:
    """4.02 to 4.04: "any source" yes needs a source marked yes, no allows none, and the monthly total
    is the sum of the amounts (APR Q6c counts each disagreement as an income data issue)."""
    found = []
    for row in tables["IncomeBenefits.csv"]:
        for any_source, columns in (("IncomeFromAnySource", INCOME_COLUMNS), ("BenefitsFromAnySource", BENEFIT_COLUMNS),
                                    ("InsuranceFromAnySource", INSURANCE_COLUMNS)):
            if row[any_source] in ("0", "1") and (row[any_source] == "1") != any(row[c] == "1" for c in columns):
                found.append(row["IncomeBenefitsID"])
        amounts = [float(row[f"{c}Amount" if c != "OtherIncomeSource" else "OtherIncomeAmount"] or 0) for c in INCOME_COLUMNS]
        if row["IncomeFromAnySource"] == "1" and abs(sum(amounts) - float(row["TotalMonthlyIncome"] or 0)) > 0.005:
            found.append(row["IncomeBenefitsID"])
    return sorted(set(found), key=int)


def _stays(tables: Tables) -> dict[str, tuple[str, str]]:
    """Each stay's first day and last day on record (its exit date, or the period's end if open);
    a stay that exits before it starts is left out, as its own planted problem."""
    exits = {row["EnrollmentID"]: row["ExitDate"] for row in tables["Exit.csv"]}
    stays = {row["EnrollmentID"]: (row["EntryDate"], exits.get(row["EnrollmentID"], PERIOD_END.isoformat()))
             for row in tables["Enrollment.csv"]}
    return {stay: dates for stay, dates in stays.items() if dates[0] <= dates[1]}


def records_outside_their_stay(tables: Tables) -> list[str]:
    """Dates in order: records within their stay, saved before the export and after the event's
    prerequisites (birth before start, homelessness before start, a referral's result after it)."""
    stays, export = _stays(tables), tables["Export.csv"][0]["ExportDate"]
    dated = {"IncomeBenefits.csv": "InformationDate", "HealthAndDV.csv": "InformationDate",
             "Disabilities.csv": "InformationDate", "CurrentLivingSituation.csv": "InformationDate",
             "Services.csv": "DateProvided", "Assessment.csv": "AssessmentDate", "Event.csv": "EventDate"}
    found = []
    for name, column in dated.items():
        for row in tables[name]:
            dates = stays.get(row["EnrollmentID"])
            if dates is None:
                continue
            last = dates[1] if name != "Services.csv" or dates[1] == PERIOD_END.isoformat() \
                else (date.fromisoformat(dates[1]) - timedelta(days=1)).isoformat()  # no bed night on the exit date
            if not dates[0] <= row[column] <= last:
                found.append(f"{name}:{next(iter(row.values()))}")
    for name, rows in tables.items():
        found += [f"{name}:{next(iter(row.values()))}" for row in rows if name != "Export.csv"
                  and not row["DateCreated"] <= row["DateUpdated"] <= export]
    births = {row["PersonalID"]: row["DOB"] for row in tables["Client.csv"]}
    for row in tables["Enrollment.csv"]:
        dates = stays.get(row["EnrollmentID"])
        if births[row["PersonalID"]] > row["EntryDate"] or row["DateToStreetESSH"] > row["EntryDate"] or (
                dates and row["MoveInDate"] > dates[1]) or (dates and row["DateOfEngagement"] and not
                                                           dates[0] <= row["DateOfEngagement"] <= dates[1]):
            found.append(f"Enrollment.csv:{row['EnrollmentID']}")
    found += [f"Event.csv:{row['EventID']}" for row in tables["Event.csv"] if row["ResultDate"]
              and row["ResultDate"] < row["EventDate"]]
    return found


def prior_living_situation_incomplete(tables: Tables) -> list[str]:
    """3.917 for heads of household and adults: 3.917A (shelter, outreach) asks every time-homeless
    field; 3.917B asks them after a homeless situation, or after a short stay (under 90 days in an
    institution, under 7 nights elsewhere) that followed a night on the street or in shelter.
    Children have none."""
    types = {row["ProjectID"]: row["ProjectType"] for row in tables["Project.csv"]}
    found = []
    for row in tables["Enrollment.csv"]:
        times = [row[c] for c in ("DateToStreetESSH", "TimesHomelessPastThreeYears", "MonthsHomelessPastThreeYears")]
        if row["RelationshipToHoH"] == "2":
            ok = not any(times) and not row["LivingSituation"] and not row["LengthOfStay"]
        elif types[row["ProjectID"]] in ("0", "1", "4", "8"):
            ok = all(times) and row["LengthOfStay"] != "" and not row["LOSUnderThreshold"] and not row["PreviousStreetESSH"]
        else:
            situation = int(row["LivingSituation"] or 0)
            short = row["LengthOfStay"] in (("10", "11", "2", "3") if 200 <= situation < 300 else ("10", "11"))
            asked = situation < 200 or row["PreviousStreetESSH"] == "1"
            ok = (row["LengthOfStay"] != "" and all(times) == asked and any(times) == asked
                  and _when(situation >= 200, row["LOSUnderThreshold"]) and row["LOSUnderThreshold"] in ("", "01"[short])
                  and _when(row["LOSUnderThreshold"] == "1", row["PreviousStreetESSH"]))
        if not ok:
            found.append(row["EnrollmentID"])
    return found


def _when(condition: bool, value: str) -> bool:
    return condition == (value != "")


def supportive_housing_eligibility(tables: Tables) -> list[str]:
    """Permanent supportive housing (type 3) needs a head of household with a disabling condition;
    here every head is also chronically homeless (a year or more, 3.917), matching the beds the
    project dedicates to chronic homelessness."""
    types = {row["ProjectID"]: row["ProjectType"] for row in tables["Project.csv"]}
    found = []
    for row in tables["Enrollment.csv"]:
        if types[row["ProjectID"]] == "3" and row["RelationshipToHoH"] == "1":
            long_enough = row["DateToStreetESSH"] and (
                date.fromisoformat(row["EntryDate"]) - date.fromisoformat(row["DateToStreetESSH"])).days >= 365
            if row["DisablingCondition"] != "1" or int(row["LivingSituation"]) >= 200 or not long_enough:
                found.append(row["EnrollmentID"])
    return found


def missing_records(tables: Tables) -> list[str]:
    """Stays without the records their project collects: 4.05-4.10 for everyone at start and exit;
    4.11 for adults at start; 4.04 for everyone and 4.02-4.03 for adults at start, at exit and near
    each anniversary (except at a night-by-night shelter)."""
    types = {row["ProjectID"]: row["ProjectType"] for row in tables["Project.csv"]}
    exits = {row["EnrollmentID"]: row["ExitDate"] for row in tables["Exit.csv"]}
    kept: dict[str, set[tuple[str, str]]] = {}
    for name in ("IncomeBenefits.csv", "Disabilities.csv", "HealthAndDV.csv"):
        for row in tables[name]:
            kept.setdefault(row["EnrollmentID"], set()).add((name, row["DataCollectionStage"]))
    annual = {(row["EnrollmentID"], row["InformationDate"][:4]) for row in tables["IncomeBenefits.csv"]
              if row["DataCollectionStage"] == "5"}
    heads = {row["HouseholdID"]: row["EntryDate"] for row in tables["Enrollment.csv"] if row["RelationshipToHoH"] == "1"}
    found = []
    for row in tables["Enrollment.csv"]:
        stages = ("1", "3") if row["EnrollmentID"] in exits else ("1",)
        needed = {("Disabilities.csv", stage) for stage in stages}
        if row["RelationshipToHoH"] != "2":
            needed.add(("HealthAndDV.csv", "1"))
        if types[row["ProjectID"]] != "1":
            needed |= {("IncomeBenefits.csv", stage) for stage in stages}
            start = date.fromisoformat(heads[row["HouseholdID"]])
            end = date.fromisoformat(exits.get(row["EnrollmentID"], PERIOD_END.isoformat()))
            for years in range(1, 5):
                due = start.replace(year=start.year + years) if (start.month, start.day) != (2, 29) else None
                if due and due + timedelta(days=30) < end and not any(
                        (row["EnrollmentID"], str(year)) in annual for year in (due.year - 1, due.year, due.year + 1)):
                    found.append(row["EnrollmentID"])
        if not needed <= kept.get(row["EnrollmentID"], set()):
            found.append(row["EnrollmentID"])
    return sorted(set(found), key=int)


def inactive_open_stays(tables: Tables) -> list[str]:
    """APR Q6f: open street outreach stays with no contact, and open night-by-night stays with no bed
    night, in the period's last 90 days."""
    types = {row["ProjectID"]: row["ProjectType"] for row in tables["Project.csv"]}
    exits = {row["EnrollmentID"] for row in tables["Exit.csv"]}
    since = (PERIOD_END - timedelta(days=89)).isoformat()
    active = {row["EnrollmentID"] for row in tables["CurrentLivingSituation.csv"] if row["InformationDate"] >= since}
    active |= {row["EnrollmentID"] for row in tables["Services.csv"] if row["DateProvided"] >= since}
    heads = {row["HouseholdID"] for row in tables["Enrollment.csv"] if row["EnrollmentID"] in active}
    return [row["EnrollmentID"] for row in tables["Enrollment.csv"] if types[row["ProjectID"]] in ("1", "4")
            and row["EnrollmentID"] not in exits and row["HouseholdID"] not in heads]


QUALITY_RULES: dict[str, Callable[[Tables], list[str]]] = {rule.__name__: rule for rule in (
    other_missing_answers, disabling_condition_disagrees, income_sources_disagree, records_outside_their_stay,
    prior_living_situation_incomplete, supportive_housing_eligibility, missing_records, inactive_open_stays)}
