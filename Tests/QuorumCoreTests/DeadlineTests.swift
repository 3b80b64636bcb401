import Foundation
@testable import QuorumCore
import Testing

/// The day by which the result must reach the authority: meetings after it, and the days left.
struct DeadlineTests {
    private func definition(deadline: String?, second: String = "2021-03-18") -> WorkflowDefinition {
        Fixtures.definition { document in
            document.deadline = deadline
            document.steps![0].date = "2021-03-12"
            document.steps![1].date = second
        }
    }

    @Test func aMeetingPlannedAfterTheDeadlineIsAScheduleWarning() throws {
        let late = definition(deadline: "2021-03-15")
        let deadline = try #require(Deadline(late))
        #expect(deadline.stepsPlannedAfter(in: late).map(\.id) == ["vote"])
        let findings = Timetable([late], calendar: nil).findings
        #expect(findings.map(\.step) == ["vote"])
        #expect(findings.first?.message.english.contains("after the deadline for the result to reach the authority, 15/03/2021") == true)
        #expect(Timetable([definition(deadline: "2021-03-18")], calendar: nil).findings.isEmpty, "a meeting on the day itself is in time")
        #expect(Timetable([definition(deadline: nil)], calendar: nil).findings.isEmpty)
    }

    @Test(arguments: [("2021-03-01", 17), ("2021-03-04", 14), ("2021-03-17", 1), ("2021-03-18", 0), ("2021-03-20", -2), ("2020-03-18", 365)])
    func theDaysLeftAreCounted(today: String, days: Int) throws {
        let deadline = try #require(Deadline(definition(deadline: "2021-03-18")))
        #expect(deadline.daysLeft(from: today) == days)
        #expect(deadline.display == "18/03/2021")
    }

    @Test func aDeadlineThatIsNoDateIsAnError() {
        var document = Fixtures.document()
        document.deadline = "2021-02-30"
        let (definition, problems) = WorkflowValidator(ruleSets: [Fixtures.ruleSet]).validate(document, name: "track")
        #expect(definition == nil)
        #expect(problems.contains { $0.path == DocumentPath.root.key("deadline") && $0.message.english.contains("'2021-02-30' is not a date") })
    }
}
