import Foundation
@testable import QuorumCore
import Testing

/// Terms and ages from real dates: the retirement schedule of the Labour Code 2019 and Decree 135/2020, the term's
/// first and last days, and reasons that show the dates they used.
struct TermAndAgeTests {
    static let men = RetirementSchedule(gender: "nam", before: 720, fromYear: 2021, start: 723, step: 3, until: 744)
    static let women = RetirementSchedule(gender: "nữ", before: 660, fromYear: 2021, start: 664, step: 4, until: 720)

    /// Dates worked out by hand from the published schedule (Decree 135/2020, appendix I).
    @Test(arguments: [
        (men, "1961-01-15", "2021-04-15", 723),   // 60y3m in 2021
        (men, "1962-01-20", "2022-07-20", 726),   // 60y6m in 2022
        (men, "1966-12-01", "2028-12-01", 744),   // 62y from 2028
        (men, "1959-05-10", "2019-05-10", 720),   // 60 before the schedule
        (women, "1966-01-10", "2021-05-10", 664), // 55y4m in 2021
        (women, "1970-03-01", "2027-07-01", 688), // 57y4m in 2027: 57y in 2026 would fall in 2027
        (women, "1980-06-30", "2040-06-30", 720), // 60 from 2035
    ])
    func retirementDatesFollowTheSchedule(schedule: RetirementSchedule, born: String, retires: String, months: Int) {
        let result = schedule.retirementDate(born: born)
        #expect(result?.date == retires)
        #expect(result?.months == months)
    }

    @Test func agesAreWrittenInYearsAndMonths() {
        #expect(RetirementSchedule.months("60y3m") == 723)
        #expect(RetirementSchedule.months("62y") == 744)
        #expect(RetirementSchedule.months("4m") == 4)
        #expect(RetirementSchedule.months("60") == nil)
        #expect(RetirementSchedule.months("sáu mươi") == nil)
    }

    @Test func theTermRunsFromItsFirstDayToItsLastUnlessGiven() {
        let derived = Fixtures.definition { $0.term = "2021-2026" }
        #expect(derived.termDates?.start == "2021-01-01")
        #expect(derived.termDates?.end == "2025-12-31")
        let given = Fixtures.definition { $0.term = "2020-2025"; $0.termStart = "2020-10-15"; $0.termEnd = "2025-10-14" }
        #expect(given.termDates?.start == "2020-10-15")
        #expect(given.termDates?.end == "2025-10-14")
        var document = Fixtures.document()
        document.termStart = "2025-02-30"
        document.termEnd = "2020-01-01"
        let problems = WorkflowValidator(ruleSets: [Fixtures.ruleSet]).validate(document, name: "track").1.map(\.message.english)
        #expect(problems.contains("'2025-02-30' is not a date; write YYYY-MM-DD"))
        #expect(problems.contains("the term ends (2020-01-01) before it starts (2025-02-30)"))
    }

    @Test func anIneligibilityReasonShowsTheDatesAndTheYearThatFailed() throws {
        var document = Fixtures.ruleSetDocument
        document.rules! += [
            RuleDocument(id: "whole-term", kind: "eligibility", name: "Can serve a whole term",
                         expression: "has(person.birth_date) && person.retirement_date > cycle.term_end"),
            RuleDocument(id: "three-years", kind: "eligibility", name: "Good three years",
                         expression: "cycle.recent_years.filter(y, y >= cycle.year - 3).all(y, y in person.ratings && person.ratings[y] in ['HTTNV'])"),
        ]
        document.retirementAge = RetirementAgeDocument(schedules: [
            RetirementScheduleDocument(gender: "nam", before: "60y", fromYear: 2021, start: "60y3m", step: "3m", until: "62y")])
        let ruleSet = try #require(RuleSetValidator().validate(document, file: "test").0)
        var workflow = Fixtures.document()
        workflow.year = 2021
        workflow.term = "2021-2026"
        workflow.eligibility = ["whole-term", "three-years"]
        let definition = try #require(WorkflowValidator(ruleSets: [ruleSet]).validate(workflow, name: "track").0)
        let person = RosterPerson(id: "1", name: "Ann", birthDate: "1964-06-30", gender: "nam",
                                  ratings: [.init(year: 2018, text: "HTTNV"), .init(year: 2019, text: "HTNV"), .init(year: 2020, text: "HTTNV")])
        let directory = PersonDirectory(definition: definition, roster: Roster(people: [person], source: nil))
        let findings = EligibilityScreen(definition: definition).screen("ann", for: definition.titles[0], directory: directory,
                                                                         rosterImported: true, overrides: [])
        #expect(findings[0].outcome == .doesNotMeet && findings[0].name == "Can serve a whole term")
        #expect(findings[0].detail == "birth_date = 1964-06-30, retirement_date = 2025-09-30, cycle.term_end = 2025-12-31")
        #expect(findings[1].outcome == .doesNotMeet && findings[1].failing == "y = 2019", "a rule over years names the year that failed")
    }
}
