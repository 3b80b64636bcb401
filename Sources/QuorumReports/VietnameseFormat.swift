import Foundation
import QuorumCore

/// Dates, times, weekdays and numbers as Vietnamese official documents write them.
public enum VietnameseFormat {
    static let weekdays = ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"]

    /// `ngày 18 tháng 3 năm 2021`, from `2021-03-18`. As Decree 30/2020/NĐ-CP asks, a day below 10 and the months
    /// January and February take a leading zero: `ngày 05 tháng 01 năm 2023`.
    public static func longDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return iso }
        let day = parts[2] < 10 ? "0\(parts[2])" : "\(parts[2])"
        let month = parts[1] <= 2 ? "0\(parts[1])" : "\(parts[1])"
        return "ngày \(day) tháng \(month) năm \(parts[0])"
    }

    /// `18/3/2021`.
    public static func shortDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return iso }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    /// `Thứ năm` for a Thursday.
    public static func weekday(_ iso: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else { return "" }
        return weekdays[calendar.component(.weekday, from: date) - 1]
    }

    /// `16 giờ 00 phút`.
    public static func time(_ hhmm: String) -> String {
        let parts = hhmm.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2 else { return hhmm }
        return "\(parts[0]) giờ \(String(format: "%02d", parts[1])) phút"
    }

    /// `Vào lúc 16 giờ 00 phút, Thứ năm, ngày 18/3/2021`.
    public static func meeting(_ time: MeetingTime) -> String {
        "Vào lúc \(self.time(time.time)), \(weekday(time.date)), ngày \(shortDate(time.date))"
    }

    /// `53,8%`: one decimal, comma as the decimal mark; whole numbers without decimals.
    public static func percent(_ count: Int, of base: Int) -> String {
        guard base > 0, count >= 0 else { return "–" }
        let (scaled, overflow) = count.multipliedReportingOverflow(by: 2000)
        guard !overflow, scaled <= Int.max - base, base <= Int.max / 2 else {
            return String(format: "%.1f%%", Double(count) / Double(base) * 100).replacingOccurrences(of: ".", with: ",")
        }
        let tenths = (scaled + base) / (base * 2)
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10),\(tenths % 10)%"
    }

    /// `18/03/2021 14:05`, in Vietnam's time.
    public static func timestamp(_ date: Date) -> String { timestampFormatter.string(from: date) }

    /// One formatter for every line: making one is far dearer than using it.
    private static let timestampFormatter = MinuteFormatter(format: "dd/MM/yyyy HH:mm", locale: Locale(identifier: "vi_VN"),
                                                            timeZone: TimeZone(identifier: MeetingTime.defaultTimeZone))

    /// `số phiếu của Lê Thị Mỹ Dung: 6 → 9`.
    static func difference(_ change: RecordChange, label: (String) -> String) -> String {
        let what = switch change.field {
        case .present: "số người có mặt"
        case .issued: "số phiếu phát ra"
        case .returned: "số phiếu thu vào"
        case .valid: "số phiếu hợp lệ"
        case .invalid: "số phiếu không hợp lệ"
        case let .votes(_, person): "số phiếu của \(label(person))"
        case let .agreed(title): "danh sách thống nhất (\(title))"
        case let .review(_, person): "kết quả rà soát \(label(person))"
        }
        return "\(what): \(change.before ?? "không có") → \(change.after ?? "không có")"
    }

    /// Text as a sentence: ending in one full stop.
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.hasSuffix(".") ? trimmed : trimmed + "."
    }

    /// `trên 50%` or `từ 2/3 trở lên`, for a threshold.
    public static func threshold(_ comparison: String, _ fraction: String, of base: String) -> String {
        comparison == "more-than" ? "trên \(fraction) \(base)" : "từ \(fraction) \(base) trở lên"
    }
}
