import Foundation
import QuorumReports
import Testing

/// Formatting once a minute writes what a formatter writes for every moment: seconds, time zones with daylight
/// saving (the hour that repeats and the one skipped), moments before 1970 and fractions of a second.
struct MinuteFormatterTests {
    static let zones = ["Asia/Ho_Chi_Minh", "America/New_York", "UTC"]

    @Test(arguments: zones)
    func eachMomentReadsAsTheFormatterWritesIt(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        for format in ["yyyy-MM-dd HH:mm:ss xxx", "dd/MM/yyyy HH:mm", "ss 'giây', HH:mm"] {
            let plain = DateFormatter()
            plain.locale = Locale(identifier: "en_US_POSIX")
            plain.timeZone = timeZone
            plain.dateFormat = format
            let cached = MinuteFormatter(format: format, locale: Locale(identifier: "en_US_POSIX"), timeZone: timeZone)
            // 2021-11-07 05:00 UTC is 01:00 in New York, the hour it lives twice; 2021-03-14 07:00 UTC skips 02:00.
            let starts: [TimeInterval] = [1_636_261_200 - 4_000, 1_615_705_200 - 4_000, -86_400 * 3 - 0.25, 1_700_000_000.999]
            for start in starts {
                for step in stride(from: 0.0, to: 8_000, by: 7.5) {
                    let moment = Date(timeIntervalSince1970: start + step)
                    #expect(cached.string(from: moment) == plain.string(from: moment), "\(format) \(zone) \(moment.timeIntervalSince1970)")
                }
            }
        }
    }
}
