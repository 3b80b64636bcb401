import Foundation
import Testing

/// The timetable across both tracks of the seed plan, and its calendar file read back by a real iCalendar parser.
struct CalendarExportTests {
    static let pythonHasICalendar: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import icalendar"]
        process.standardError = Pipe()
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test func theSeedTimetableComesOutAsInThePlan() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let result = try quorum.run("schedule")
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").filter { $0.contains("pho-chanh-van-phong-2021 /") }.map { String($0.prefix(43)) }
        #expect(lines == ["Thứ sáu 14:00 12/03/2021 (Asia/Ho_Chi_Minh)", "Thứ năm 14:00 18/03/2021 (Asia/Ho_Chi_Minh)",
                          "Thứ năm 15:00 18/03/2021 (Asia/Ho_Chi_Minh)", "Thứ năm 16:00 18/03/2021 (Asia/Ho_Chi_Minh)"])
        #expect(result.output.contains("13 meetings, 0 warnings"))
    }

    @Test func aClashIsWarnedAtTheLineThatSetsTheTime() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        try quorum.edit("workflows/truong-pho-phong-2021.yaml", replacing: "step: buoc-1, by: 1h", with: "step: buoc-1, by: 30m")
        let result = try quorum.run("schedule")
        #expect(result.errors.contains("workflows/truong-pho-phong-2021.yaml:21:12: warning: 'Bước 1: Hội nghị lãnh đạo Văn phòng UBND tỉnh' (truong-pho-phong-2021) at 14:30 12/03/2021"))
        #expect(result.errors.contains("'Lãnh đạo Văn phòng UBND tỉnh' cannot be at both"))
    }

    @Test func meetingsAfterTheDeadlineAreWarnedInScheduleAndStatus() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let file = "workflows/pho-chanh-van-phong-2021.yaml"
        try quorum.edit(file, replacing: "authority: Ban Thường vụ Tỉnh ủy\n", with: "authority: Ban Thường vụ Tỉnh ủy\ndeadline: 2021-03-15\n")
        #expect(try quorum.run("validate").status == 0)
        let schedule = try quorum.run("schedule")
        for (line, step) in [(19, 2), (20, 3), (21, 4)] {
            #expect(schedule.errors.contains("workflows/pho-chanh-van-phong-2021.yaml:\(line + 1):25: warning: 'Bước \(step):"), "\(schedule.errors)")
        }
        #expect(schedule.errors.components(separatedBy: "after the deadline for the result to reach the authority, 15/03/2021").count - 1 == 3)
        #expect(try quorum.run("start", "pho-chanh-van-phong-2021").status == 0)
        let status = try quorum.run("status", "pho-chanh-van-phong-2021-1")
        #expect(status.output.contains("⚠ the deadline for the result to reach the authority, 15/03/2021, passed"), "\(status.output)")
        #expect(status.output.contains("is planned on 16:00 18/03/2021 (Asia/Ho_Chi_Minh), after the deadline 15/03/2021"))
        let json = try JSONSerialization.jsonObject(with: Data(try quorum.run("status", "pho-chanh-van-phong-2021-1", "--json").output.utf8)) as? [String: Any]
        #expect(json?["deadline"] as? String == "2021-03-15")
        #expect((json?["deadlineWarnings"] as? [String])?.count == 4)
        #expect(try quorum.run("reschedule", "pho-chanh-van-phong-2021-1", "--date", "2021-03-16", "--time", "08:00", "--reason", "thiếu thành viên").status == 0)
        #expect(try quorum.run("status", "pho-chanh-van-phong-2021-1").output.contains("'Bước 1: Hội nghị lãnh đạo Văn phòng UBND tỉnh' is planned on 08:00 16/03/2021"),
                "the moved meeting counts, not the planned one")

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        let soon = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(5 * 86_400))
        let day = String(format: "%04d-%02d-%02d", soon.year!, soon.month!, soon.day!)
        try quorum.edit(file, replacing: "deadline: 2021-03-15", with: "deadline: \(day)")
        let near = try quorum.run("schedule", "pho-chanh-van-phong-2021")
        #expect(near.errors.contains("warning: pho-chanh-van-phong-2021: 5 days left until the deadline for the result to reach the authority"), "\(near.errors)")
        #expect(near.output.contains("4 meetings, 1 warning"))
    }

    @Test(.enabled(if: pythonHasICalendar || QuorumProcess.requireTools, "Python's icalendar is not installed; .ci/run installs it"))
    func theCalendarFileLoadsInARealParser() throws {
        guard Self.pythonHasICalendar else { Issue.record("Python's icalendar is required here (QUORUM_REQUIRE_TOOLS=1) but not installed"); return }
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        #expect(try quorum.run("schedule", "--ics", "--output", "lich.ics").status == 0)
        let script = """
            import icalendar, sys
            calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            for event in calendar.walk('VEVENT'):
                print(event.decoded('dtstart').isoformat(), '|', str(event.get('summary')), '|', len(event.get('attendee', [])))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, quorum.path("lich.ics")]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let events = text.split(separator: "\n")
        #expect(events.count == 13, "the Office's 9 meetings and the department's 4")
        #expect(events.contains("2021-03-18T09:00:00+00:00 | Bước 4: Hội nghị lãnh đạo Văn phòng UBND tỉnh | 4"))
    }
}
