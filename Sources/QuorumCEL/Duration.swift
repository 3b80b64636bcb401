/// A signed span of time with nanoseconds, limited to what 64 bits of nanoseconds hold (about ±292 years), as
/// the reference implementation and the conformance tests do.
public struct Duration: Hashable, Comparable, Sendable {
    /// Whole seconds; `nanos` has the same sign.
    public let seconds: Int64
    public let nanos: Int32


    public init?(seconds: Int64, nanos: Int64 = 0) {
        var seconds = seconds, nanos = nanos
        seconds += nanos / 1_000_000_000
        nanos %= 1_000_000_000
        if seconds > 0, nanos < 0 { seconds -= 1; nanos += 1_000_000_000 }
        if seconds < 0, nanos > 0 { seconds += 1; nanos -= 1_000_000_000 }
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow, !scaled.addingReportingOverflow(nanos).overflow else { return nil }
        self.seconds = seconds
        self.nanos = Int32(nanos)
    }

    public static func < (lhs: Duration, rhs: Duration) -> Bool { (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos) }

    /// Reads Go-style durations: `90s`, `1h30m`, `-1.5h`, `100ms`, `2us`, `3ns`.
    public init?(parsing text: String) {
        var scalars = Array(text.unicodeScalars)[...]
        var negative = false
        if let sign = scalars.first, sign == "-" || sign == "+" { negative = sign == "-"; scalars = scalars.dropFirst() }
        guard !scalars.isEmpty else { return nil }
        if String(String.UnicodeScalarView(scalars)) == "0" { self.init(seconds: 0); return }
        let units: [(String, Double)] = [("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 6e10), ("h", 3.6e12)]
        var totalNanos: Double = 0
        var exactNanos: Int64 = 0
        var exact = true
        while !scalars.isEmpty {
            var number = ""
            while let next = scalars.first, next.isDigit || next == "." { number.unicodeScalars.append(next); scalars = scalars.dropFirst() }
            var unit = ""
            while let next = scalars.first, !next.isDigit, next != "." { unit.unicodeScalars.append(next); scalars = scalars.dropFirst() }
            guard let value = Double(number), let scale = units.first(where: { $0.0 == unit })?.1 else { return nil }
            totalNanos += value * scale
            if let whole = Int64(number), case let (product, overflow) = whole.multipliedReportingOverflow(by: Int64(scale)),
               !overflow, case let (sum, overflow2) = exactNanos.addingReportingOverflow(product), !overflow2 {
                exactNanos = sum
            } else {
                exact = false
            }
        }
        guard totalNanos.isFinite, abs(totalNanos) < 9.2e18 else { return nil }
        let nanos = exact ? exactNanos : Int64(totalNanos.rounded())
        let sign: Int64 = negative ? -1 : 1
        self.init(seconds: sign * (nanos / 1_000_000_000), nanos: sign * (nanos % 1_000_000_000))
    }

    /// `3600s`, `1.5s`, `-0.001s`.
    public var text: String {
        guard nanos != 0 else { return "\(seconds)s" }
        var fraction = String(format: "%09d", abs(nanos))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = seconds < 0 || nanos < 0 ? "-" : ""
        return "\(sign)\(abs(seconds)).\(fraction)s"
    }

    /// Always fits: the initialiser refuses anything larger.
    var totalNanos: Int64 { seconds * 1_000_000_000 + Int64(nanos) }
}

import Foundation
