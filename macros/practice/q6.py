"""An APR-style Q6 data quality table for Maple Rapid Re-Housing (project 106), cell by cell. The
prompts (quizzes/practice-q6.yml) define each cell; they follow the APR's columns (client doesn't
know or prefers not to answer, information missing, data issues) in a simplified form."""

from __future__ import annotations

from datetime import date

from .model import INCOME_COLUMNS, PERIOD_END, PERIOD_START, Row, Tables

Q6_PROJECT = "106"


def _q6_stays(tables: Tables) -> list[Row]:
    """Project 106 stays active in the period: started by its end, not exited before its start."""
    exits = {row["EnrollmentID"]: row["ExitDate"] for row in tables["Exit.csv"]}
    return [row for row in tables["Enrollment.csv"] if row["ProjectID"] == Q6_PROJECT
            and row["EntryDate"] <= PERIOD_END.isoformat()
            and exits.get(row["EnrollmentID"], "9999") >= PERIOD_START.isoformat()]


def _q6_people(tables: Tables) -> list[Row]:
    served = {row["PersonalID"] for row in _q6_stays(tables)}
    return [row for row in tables["Client.csv"] if row["PersonalID"] in served]


def q6_rrh_people_served(tables: Tables) -> float:
    return len(_q6_people(tables))


def q6_rrh_dob_dont_know_or_refused(tables: Tables) -> float:
    return sum(row["DOBDataQuality"] in ("8", "9") for row in _q6_people(tables))


def q6_rrh_dob_issue_percent(tables: Tables) -> float:
    """Every answer that is not a full, reported date of birth, or a date after the project start."""
    starts = {row["PersonalID"]: row["EntryDate"] for row in _q6_stays(tables)}
    people = _q6_people(tables)
    issues = [row for row in people if row["DOBDataQuality"] != "1" or not row["DOB"]
              or row["DOB"] > starts[row["PersonalID"]]]
    return round(100 * len(issues) / len(people), 1)


def _adult_stays(tables: Tables) -> list[Row]:
    """Stays of people 18 or older at their start there; a person with no date of birth has no known age."""
    births = {row["PersonalID"]: row["DOB"] for row in tables["Client.csv"]}
    return [row for row in _q6_stays(tables) if births.get(row["PersonalID"])
            and _age_on(births[row["PersonalID"]], row["EntryDate"]) >= 18]


def _age_on(birth: str, on: str) -> int:
    born, day_ = date.fromisoformat(birth), date.fromisoformat(on)
    return day_.year - born.year - ((day_.month, day_.day) < (born.month, born.day))


def q6_rrh_veteran_status_missing(tables: Tables) -> float:
    veterans = {row["PersonalID"]: row["VeteranStatus"] for row in tables["Client.csv"]}
    return len({row["PersonalID"] for row in _adult_stays(tables) if veterans[row["PersonalID"]] in ("8", "9", "99")})


def q6_rrh_income_at_start_issues(tables: Tables) -> float:
    """Heads of household and adults who started in the period: no project start income record, or
    one whose "income from any source" is missing or disagrees with its sources."""
    records = {row["EnrollmentID"]: row for row in tables["IncomeBenefits.csv"] if row["DataCollectionStage"] == "1"}
    adults = {row["EnrollmentID"] for row in _adult_stays(tables)}
    issues = 0
    for row in _q6_stays(tables):
        if row["EntryDate"] < PERIOD_START.isoformat() or (row["RelationshipToHoH"] != "1" and row["EnrollmentID"] not in adults):
            continue
        record = records.get(row["EnrollmentID"], {})
        answer, any_yes = record.get("IncomeFromAnySource", ""), any(record.get(c) == "1" for c in INCOME_COLUMNS)
        issues += answer not in ("0", "1") or (answer == "1") != any_yes
    return issues


def q6_rrh_late_project_starts(tables: Tables) -> float:
    """Project starts in the period entered 11 or more days after the start (APR Q6e's last column)."""
    return sum(row["EntryDate"] >= PERIOD_START.isoformat()
               and (date.fromisoformat(row["DateCreated"][:10]) - date.fromisoformat(row["EntryDate"])).days >= 11
               for row in _q6_stays(tables))


Q6_MEASURES = {measure.__name__: measure for measure in (
    q6_rrh_people_served, q6_rrh_dob_dont_know_or_refused, q6_rrh_dob_issue_percent, q6_rrh_veteran_status_missing,
    q6_rrh_income_at_start_issues, q6_rrh_late_project_starts)}
