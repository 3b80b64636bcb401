import Foundation

/// Writes meetings as an iCalendar file (RFC 5545): one VEVENT per meeting with its time, place, body, form and the
/// named participants, so calendar programs can import the timetable.
public enum ICalendarWriter {
    public static func write(_ meetings: [Timetable.Meeting], stamp: Date = Date()) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Quorum//Quy hoach can bo//VI", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        for meeting in meetings {
            let participants = meeting.body.members.map { member in meeting.workflow.personName(member.person) + (member.role.map { " (\($0))" } ?? "") }
            var description = ["\(meeting.workflow.name)", "\(meeting.body.name): \(meeting.body.totalMembers) thành viên", meeting.step.form.label]
            if let purpose = meeting.step.purpose { description.append(purpose.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if !participants.isEmpty { description.append("Thành phần: " + participants.joined(separator: ", ")) }
            lines += ["BEGIN:VEVENT",
                      "UID:\(meeting.workflow.id).\(meeting.step.id)@quorum",
                      "DTSTAMP:\(utc(stamp))",
                      "DTSTART:\(utc(meeting.start.instant))",
                      "DTEND:\(utc(meeting.end))",
                      "SUMMARY:\(escape(meeting.step.name))",
                      "DESCRIPTION:\(escape(description.joined(separator: "\n")))"]
            if let place = meeting.step.place { lines.append("LOCATION:\(escape(place))") }
            lines += meeting.body.members.map { member in
                "ATTENDEE;CN=\(quote(meeting.workflow.personName(member.person)));ROLE=REQ-PARTICIPANT:urn:quorum:person:\(member.person)"
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func utc(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// TEXT values escape backslashes, semicolons, commas and line breaks.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func quote(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "'") + "\"" }

    /// Lines longer than 75 octets continue on the next line after a space, never splitting a UTF-8 character.
    static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > (pieces.isEmpty ? 75 : 74) {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }
}
