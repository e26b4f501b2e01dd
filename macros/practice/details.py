"""What each stay records besides its dates: prior living situation (3.917), disabilities and from
them 3.08 Disabling Condition, income, benefits and health insurance, domestic violence, contacts and
the date of engagement, coordinated entry assessments and events, and bed nights. Runs after the
structural problems are planted, so their stays get the same records."""

from __future__ import annotations

from datetime import date, timedelta

from .generator import Builder, Stay, day, pick
from .model import (CONTACT_PROJECT_TYPES, CURRENT_LIVING_SITUATIONS, DISABILITY_RATES, DV_SURVIVOR,
                    INCOME_SOURCES, INSURANCE_COLUMNS, INCOME_COLUMNS, BENEFIT_COLUMNS, LONG_TERM_TYPES,
                    NO_INCOME_PROJECT_TYPES, PERIOD_END, PRIOR_SITUATION_A_TYPES, PRIOR_SITUATIONS,
                    PROJECT_BY_ID, SHORT_STAY_INSTITUTIONS, Row)

PRIOR_GROUP = {0: "shelter", 1: "night", 4: "outreach", 2: "homeless only", 3: "homeless only",
               13: "homeless only", 14: "entry"}
INCOME_SHARE = {0: 0.35, 2: 0.45, 3: 0.7, 4: 0.2, 13: 0.5, 14: 0.35}
Answers = list[tuple[int, str, str]]


def is_disabling(disability_type: int, response: str, impairs: str) -> bool:
    """How reports read 4.05 to 4.10: a developmental disability or HIV/AIDS always counts; the
    others count when long-continuing and impairing independent living."""
    return response != "0" and (disability_type in (6, 8) or impairs == "1")


def length_code(days: int) -> str:
    """3.917.2 Length of stay in the prior living situation."""
    for limit, code in ((1, "10"), (6, "11"), (29, "2"), (89, "3"), (364, "4")):
        if days <= limit:
            return code
    return "5"


def add_details(builder: Builder) -> None:
    for stay in builder.stays:
        _Details(builder, stay).add()


class _Details:
    def __init__(self, builder: Builder, stay: Stay) -> None:
        self.b, self.rng, self.stay = builder, builder.rng, stay
        self.exits = {row["EnrollmentID"]: row for row in stay.exits}
        self.end = stay.exit - timedelta(days=1) if stay.exit else PERIOD_END  # the stay's last day

    def add(self) -> None:
        stay, project_type = self.stay, self.stay.project.project_type
        prior = self.prior_situation()
        for enrollment in stay.enrollments:
            adult = enrollment["RelationshipToHoH"] != "2"
            head = enrollment["RelationshipToHoH"] == "1"
            exit_row = self.exits.get(enrollment["EnrollmentID"])
            if adult:
                enrollment.update(prior)
            answers = self.disability_answers(adult, needs_one=head and project_type == 3)
            enrollment["DisablingCondition"] = "1" if any(is_disabling(*answer) for answer in answers) else "0"
            self.disabilities(enrollment, answers, enrollment["EntryDate"], "1", enrollment["DateCreated"])
            if exit_row:
                self.disabilities(enrollment, answers, exit_row["ExitDate"], "3", exit_row["DateCreated"])
            if project_type not in NO_INCOME_PROJECT_TYPES:
                self.income_records(enrollment, adult, exit_row)
            if adult:
                self.domestic_violence(enrollment)
                if project_type in CONTACT_PROJECT_TYPES:
                    contacts = self.contacts(enrollment)
                    if project_type == 4 and self.rng.random() < 0.75:  # 4.13: engaged at one of the first contacts
                        enrollment["DateOfEngagement"] = day(self.rng.choice(contacts[:4]))
            if head and project_type == 14:
                self.coordinated_entry(enrollment)
            for night in stay.bed_nights:
                self.b.add("Services.csv", {
                    "ServicesID": self.b.new_id("service"), "EnrollmentID": enrollment["EnrollmentID"],
                    "PersonalID": enrollment["PersonalID"], "DateProvided": day(night), "RecordType": "200",
                    "TypeProvided": "200", "DateCreated": self.b.stamp(night, self.rng.choice((0, 0, 1)))})

    def prior_situation(self) -> Row:
        """3.917 for the head of household and adults, shared by the household. 3.917A asks every
        field; 3.917B asks about time homeless only after a homeless situation or a short stay that
        followed one. Supportive housing heads are chronically homeless: a year or more homeless."""
        rng, stay = self.rng, self.stay
        project_type = stay.project.project_type
        situation = pick(rng, PRIOR_SITUATIONS[PRIOR_GROUP[project_type]])
        homeless = situation < 200
        if project_type == 3:
            situation, homeless = rng.choice((116, 101)), True
        days_there = rng.randint(400, 1500) if project_type == 3 else rng.randint(0, 400)
        if situation in SHORT_STAY_INSTITUTIONS:
            days_there = rng.randint(2, 80)
        elif not homeless:
            days_there = rng.randint(3, 200)
        row = {"LivingSituation": str(situation), "LengthOfStay": length_code(days_there)}
        if situation == 435:
            row["RentalSubsidyType"] = "431"
        full = project_type in PRIOR_SITUATION_A_TYPES
        if not full and not homeless:
            under = situation in SHORT_STAY_INSTITUTIONS or (situation >= 300 and days_there <= 6)
            row["LOSUnderThreshold"] = "1" if under else "0"
            if not under:
                return row
            row["PreviousStreetESSH"] = "1" if situation in SHORT_STAY_INSTITUTIONS else "0"
            if row["PreviousStreetESSH"] == "0":
                return row
            days_there += rng.randint(20, 200)  # homeless before the short stay
        if full and not homeless:  # asked anyway: this episode of homelessness starts today
            days_there = 0
        months = min(13, max(1, round(days_there / 30.4) + (rng.randint(0, 3) if project_type != 3 else 0)))
        times = "1" if days_there > 365 or rng.random() < 0.6 else str(rng.randint(2, 4))
        row |= {"DateToStreetESSH": day(stay.entry - timedelta(days=days_there)),
                "TimesHomelessPastThreeYears": times, "MonthsHomelessPastThreeYears": str(100 + months)}
        return row

    def disability_answers(self, adult: bool, needs_one: bool) -> Answers:
        """(DisabilityType, DisabilityResponse, IndefiniteAndImpairs) for 4.05 to 4.10. A supportive
        housing head of household has at least one disabling condition: the project requires it."""
        answers = []
        for disability_type, adult_rate, child_rate in DISABILITY_RATES:
            has = self.rng.random() < (adult_rate if adult else child_rate)
            response = ("1" if disability_type != 10 else self.rng.choice("123")) if has else "0"
            impairs = self.rng.choice("01") if has and disability_type in LONG_TERM_TYPES else ""
            answers.append((disability_type, response, impairs))
        if needs_one and not any(is_disabling(*answer) for answer in answers):
            index = self.rng.choice((0, 4))  # physical disability or mental health disorder
            answers[index] = (answers[index][0], "1", "1")
        return answers

    def disabilities(self, enrollment: Row, answers: Answers, on: str, stage: str, created: str) -> None:
        for disability_type, response, impairs in answers:
            self.b.add("Disabilities.csv", {
                "DisabilitiesID": self.b.new_id("disability"), "EnrollmentID": enrollment["EnrollmentID"],
                "PersonalID": enrollment["PersonalID"], "InformationDate": on, "DisabilityType": str(disability_type),
                "DisabilityResponse": response, "IndefiniteAndImpairs": impairs, "DataCollectionStage": stage,
                "DateCreated": created})

    def income_records(self, enrollment: Row, adult: bool, exit_row: Row | None) -> None:
        """4.02 and 4.03 for adults and 4.04 for everyone, the same answers at start, at each annual
        assessment (within 30 days of the head of household's anniversary) and at exit."""
        answers = self.income_answers(adult)
        entry = date.fromisoformat(enrollment["EntryDate"])
        self.income(enrollment, answers, entry, "1", enrollment["DateCreated"])
        anniversary = self.stay.entry.replace(year=self.stay.entry.year + 1) if self.stay.entry.month != 2 or \
            self.stay.entry.day != 29 else self.stay.entry + timedelta(days=365)
        while anniversary <= self.end:
            when = min(anniversary + timedelta(days=self.rng.randint(-25, 25)), self.end)
            self.income(enrollment, answers, when, "5", self.b.stamp(when))
            anniversary = anniversary.replace(year=anniversary.year + 1)
        if exit_row:
            self.income(enrollment, answers, date.fromisoformat(exit_row["ExitDate"]), "3", exit_row["DateCreated"])

    def income_answers(self, adult: bool) -> Row:
        rng, project_type = self.rng, self.stay.project.project_type
        row: Row = {}
        if adult:
            sources = []
            if rng.random() < INCOME_SHARE[project_type]:
                sources = [(column, amounts) for column, amounts, share in INCOME_SOURCES if rng.random() < share]
                sources = sources or [INCOME_SOURCES[0][:2]]  # at least one source: earned income
            chosen = {column: rng.randint(*amounts) for column, amounts in sources}
            row |= {"IncomeFromAnySource": "1" if chosen else "0",
                    **{column: "1" if column in chosen else "0" for column in INCOME_COLUMNS},
                    **{f"{column}Amount": f"{amount}.00" for column, amount in chosen.items()},
                    "TotalMonthlyIncome": f"{sum(chosen.values())}.00" if chosen else ""}
            family = self.stay.household_type == 3
            benefits = {"SNAP"} if rng.random() < (0.8 if family else 0.5) else set()
            if benefits and family and rng.random() < 0.4:
                benefits.add("WIC")
            row |= {"BenefitsFromAnySource": "1" if benefits else "0",
                    **{column: "1" if column in benefits else "0" for column in BENEFIT_COLUMNS}}
        covered = rng.random() < (0.78 if adult else 0.95)
        plan = {"Medicaid" if not adult or rng.random() < 0.85 else "Medicare"} if covered else set()
        row |= {"InsuranceFromAnySource": "1" if plan else "0",
                **{column: "1" if column in plan else "0" for column in INSURANCE_COLUMNS}}
        return row

    def income(self, enrollment: Row, answers: Row, on: date, stage: str, created: str) -> None:
        self.b.add("IncomeBenefits.csv", {
            "IncomeBenefitsID": self.b.new_id("income"), "EnrollmentID": enrollment["EnrollmentID"],
            "PersonalID": enrollment["PersonalID"], "InformationDate": day(on), **answers,
            "DataCollectionStage": stage, "DateCreated": created})

    def domestic_violence(self, enrollment: Row) -> None:
        survivor = pick(self.rng, DV_SURVIVOR)
        self.b.add("HealthAndDV.csv", {
            "HealthAndDVID": self.b.new_id("health"), "EnrollmentID": enrollment["EnrollmentID"],
            "PersonalID": enrollment["PersonalID"], "InformationDate": enrollment["EntryDate"],
            "DomesticViolenceSurvivor": str(survivor),
            "WhenOccurred": str(self.rng.randint(1, 4)) if survivor == 1 else "",
            "CurrentlyFleeing": self.rng.choice("001") if survivor == 1 else "",
            "DataCollectionStage": "1", "DateCreated": enrollment["DateCreated"]})

    def contacts(self, enrollment: Row) -> list[date]:
        """A Current Living Situation at the first contact on the start date, then every week or few."""
        on, days = self.stay.entry, []
        while on <= self.end:
            days.append(on)
            self.b.add("CurrentLivingSituation.csv", {
                "CurrentLivingSitID": self.b.new_id("contact"), "EnrollmentID": enrollment["EnrollmentID"],
                "PersonalID": enrollment["PersonalID"], "InformationDate": day(on),
                "CurrentLivingSituation": str(pick(self.rng, CURRENT_LIVING_SITUATIONS)),
                "DateCreated": self.b.stamp(on, self.rng.choice((0, 0, 1, 2)))})
            on += timedelta(days=self.rng.randint(7, 30))
        return days

    def coordinated_entry(self, enrollment: Row) -> None:
        """4.19 a crisis needs assessment soon after the start, then one 4.20 event: problem solving
        (diversion), or a referral to a shelter bed, rapid re-housing or supportive housing."""
        rng = self.rng
        assessed = min(self.stay.entry + timedelta(days=rng.randint(0, 5)), self.end)
        self.b.add("Assessment.csv", {
            "AssessmentID": self.b.new_id("assessment"), "EnrollmentID": enrollment["EnrollmentID"],
            "PersonalID": enrollment["PersonalID"], "AssessmentDate": day(assessed),
            "AssessmentLocation": "Front Door Coordinated Entry", "AssessmentType": str(pick(rng, ((3, 6), (1, 3),
                                                                                                 (2, 1)))),
            "AssessmentLevel": "1", "PrioritizationStatus": "1" if rng.random() < 0.7 else "2",
            "DateCreated": self.b.stamp(assessed)})
        event = pick(rng, ((2, 3), (10, 4), (13, 2), (14, 1)))
        on = min(assessed + timedelta(days=rng.randint(0, 7)), self.end)
        row = {"EventID": self.b.new_id("event"), "EnrollmentID": enrollment["EnrollmentID"],
               "PersonalID": enrollment["PersonalID"], "EventDate": day(on), "Event": str(event),
               "DateCreated": self.b.stamp(on)}
        if event == 2:
            row["ProbSolDivRRResult"] = "1" if rng.random() < 0.4 else "0"
        else:
            row |= {"LocationCrisisOrPHHousing": PROJECT_BY_ID[{10: "101", 13: "106", 14: "107"}[event]].name,
                    "ReferralResult": str(pick(rng, ((1, 6), (2, 2), (3, 1)))),
                    "ResultDate": day(min(on + timedelta(days=rng.randint(1, 10)), PERIOD_END))}
        self.b.add("Event.csv", row)
