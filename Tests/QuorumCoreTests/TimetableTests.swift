import Foundation
@testable import QuorumCore
import Testing

struct TimetableTests {
    static let calendar = CalendarValidator.validate(CalendarDocument(
        id: "c", workingDays: ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu"],
        workingHours: [.init(from: "07:30", to: "11:30"), .init(from: "13:30", to: "17:00")],
        holidays: [.init(from: "2021-04-30", to: "2021-05-03", name: "Ngày Chiến thắng")]), file: "c").0!

    private func definition(_ id: String, _ times: [(String, String)], extraMember: Bool = false) -> WorkflowDefinition {
        Fixtures.definition { document in
            document.id = id
            document.steps![0].date = times[0].0
            document.steps![0].time = times[0].1
            document.steps![1].date = times[1].0
            document.steps![1].time = times[1].1
        }
    }

    @Test func theSameBodyInTwoOverlappingMeetingsIsAClash() {
        let first = definition("a", [("2021-03-12", "14:00"), ("2021-03-18", "14:00")])
        let second = definition("b", [("2021-03-12", "14:30"), ("2021-03-19", "08:00")])
        let timetable = Timetable([first, second], calendar: Self.calendar)
        #expect(timetable.meetings.map(\.workflow.id) == ["a", "b", "a", "b"])
        #expect(timetable.findings.map(\.step) == ["agree"])
        #expect(timetable.findings.first?.message.english.contains("overlaps 'Agree the list' (a)") == true)
    }

    @Test func oneJointMeetingOfTwoTracksIsNoClash() {
        let first = definition("a", [("2021-03-12", "14:00"), ("2021-03-18", "14:00")])
        let second = definition("b", [("2021-03-12", "14:00"), ("2021-03-18", "15:00")])
        #expect(Timetable([first, second], calendar: Self.calendar).findings.isEmpty)
    }

    @Test func daysOffHolidaysAndHoursOutsideWorkAreWarnings() {
        let timetable = Timetable([definition("a", [("2021-03-13", "10:00"), ("2021-04-30", "18:00")])], calendar: Self.calendar)
        let messages = timetable.findings.map(\.message.english)
        #expect(messages.contains { $0.contains("meets on Thứ bảy") })
        #expect(messages.contains { $0.contains("a public holiday: Ngày Chiến thắng") })
        #expect(messages.contains { $0.contains("falls outside working hours (07:30–11:30, 13:30–17:00)") })
        #expect(messages.count == 3)
    }

    @Test func aMeetingInTetOfAnyYearIsWarnedWithoutListingTheYear() {
        // The third day of Tết 2023 (Tuesday 24 January), and the Hùng Kings' day of 2030 (computed, not listed).
        let timetable = Timetable([definition("a", [("2023-01-24", "08:00"), ("2030-04-12", "08:00")])], calendar: Self.calendar)
        let messages = timetable.findings.map(\.message.english)
        #expect(messages.contains { $0.contains("a public holiday: Tết Nguyên đán (mùng 1 Tết: 2023-01-22)") }, "\(messages)")
        #expect(messages.contains { $0.contains("a public holiday: Giỗ Tổ Hùng Vương") }, "\(messages)")
    }

    @Test func theCalendarFileIsChecked() {
        let (calendar, problems) = CalendarValidator.validate(CalendarDocument(id: "c", workingDays: ["Thu hai"],
                                                                               holidays: [.init(from: "2021-05-03", to: "2021-04-30")]), file: "c")
        #expect(calendar == nil)
        #expect(problems.map(\.path.description) == ["working-days[0]", "holidays[0].to"])
    }

    @Test func theICalendarFileFollowsRFC5545() {
        let meetings = Timetable([definition("a", [("2021-03-12", "14:00"), ("2021-03-18", "16:00")])], calendar: nil).meetings
        let ics = ICalendarWriter.write(meetings, stamp: Date(timeIntervalSince1970: 0))
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(ics.contains("DTSTART:20210312T070000Z\r\nDTEND:20210312T080000Z\r\n"))
        #expect(ics.contains("ATTENDEE;CN=\"Ann\";ROLE=REQ-PARTICIPANT:urn:quorum:person:ann"))
        #expect(ics.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(ICalendarWriter.escape("a, b; c\nd") == "a\\, b\\; c\\nd")
    }
}
