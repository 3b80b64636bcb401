import Foundation
import Synchronization

/// A date format applied once per minute: within a minute a moment's text differs only in its seconds (`ss`, if the
/// format has them), which are written in directly. A long history's events are often seconds apart, and a
/// formatter is far dearer than writing two digits (a fifth of `history` on 100,000 events). Offsets from UTC are
/// whole minutes, and time zones change them only on a minute, so the rest of the text holds for the minute.
public final class MinuteFormatter: Sendable {
    private let formatter: Mutex<DateFormatter>
    private let hasSeconds: Bool
    /// The minutes formatted last, a few: threads that word different parts of one history each keep theirs.
    private let recent = Mutex<[(minute: Int64, head: String, tail: String)]>([])
    private static let kept = 8
    /// Stands where the seconds go while the minute is formatted.
    private static let mark = "\u{1}"

    /// `format` as DateFormatter takes it, with `ss` for the seconds if at all; nothing else may vary within a minute.
    public init(format: String, locale: Locale, timeZone: TimeZone? = nil) {
        let formatter = DateFormatter()
        formatter.locale = locale
        if let timeZone { formatter.timeZone = timeZone }
        hasSeconds = format.contains("ss")
        formatter.dateFormat = format.replacingOccurrences(of: "ss", with: "'\(Self.mark)'")
        self.formatter = Mutex(formatter)
    }

    public func string(from date: Date) -> String {
        let minute = Int64((date.timeIntervalSince1970 / 60).rounded(.down))
        let (head, tail) = recent.withLock { recent -> (String, String) in
            if let known = recent.last(where: { $0.minute == minute }) { return (known.head, known.tail) }
            let parts = formatter.withLock { $0.string(from: Date(timeIntervalSince1970: TimeInterval(minute * 60))) }.components(separatedBy: Self.mark)
            let made = (minute: minute, head: parts[0], tail: parts.dropFirst().joined(separator: Self.mark))
            if recent.count == Self.kept { recent.removeFirst() }
            recent.append(made)
            return (made.head, made.tail)
        }
        guard hasSeconds else { return head }
        let second = Int64(date.timeIntervalSince1970.rounded(.down)) - minute * 60
        return head + (second < 10 ? "0\(second)" : "\(second)") + tail
    }
}
