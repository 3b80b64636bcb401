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
        let file = quorum.path("workflows/truong-pho-phong-2021.yaml")
        try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "step: buoc-1, by: 1h", with: "step: buoc-1, by: 30m")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try quorum.run("schedule")
        #expect(result.errors.contains("workflows/truong-pho-phong-2021.yaml:21:12: warning: 'Bước 1: Hội nghị lãnh đạo Văn phòng UBND tỉnh' (truong-pho-phong-2021) at 14:30 12/03/2021"))
        #expect(result.errors.contains("'Lãnh đạo Văn phòng UBND tỉnh' cannot be at both"))
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
