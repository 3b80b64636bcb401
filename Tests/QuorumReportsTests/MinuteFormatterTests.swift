import Foundation
import QuorumReports
import Synchronization
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

    /// Two threads wording two parts of one history ask for two minutes in turn, on one formatter, at once.
    @Test func partsOfAHistoryWordedAtOnceReadAsTheFormatterWritesThem() throws {
        let timeZone = try #require(TimeZone(identifier: "Asia/Ho_Chi_Minh"))
        let plain = DateFormatter()
        plain.locale = Locale(identifier: "en_US_POSIX")
        plain.timeZone = timeZone
        plain.dateFormat = "yyyy-MM-dd HH:mm:ss xxx"
        let cached = MinuteFormatter(format: plain.dateFormat, locale: plain.locale, timeZone: timeZone)
        let moments = (0..<4_000).map { Date(timeIntervalSince1970: 1_636_261_200 + Double($0 % 2 == 0 ? $0 : 50_000 + $0) * 1.5) }
        let expected = moments.map(plain.string(from:))
        let wrong = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            for index in stride(from: half, to: moments.count, by: 2) where cached.string(from: moments[index]) != expected[index] {
                wrong.withLock { $0 += 1 }
            }
        }
        #expect(wrong.withLock { $0 } == 0)
    }
}
