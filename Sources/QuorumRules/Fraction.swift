import Foundation

/// An exact fraction in (0, 1], such as 1/2 or 2/3, so thresholds never suffer floating-point rounding.
public struct Fraction: Hashable, Sendable, Codable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    /// The largest numerator or denominator a rule may write: far beyond any real threshold, far below overflow.
    public static let maximumTerm = 1_000_000

    public init?(numerator: Int, denominator: Int) {
        guard denominator > 0, numerator >= 0, numerator <= Self.maximumTerm, denominator <= Self.maximumTerm else { return nil }
        let divisor = Self.gcd(numerator, denominator)
        self.numerator = numerator / divisor
        self.denominator = denominator / divisor
    }

    /// Reads `1/2`, `2/3` or a percentage such as `50%` or `66.5%`.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") {
            let digits = trimmed.dropLast().trimmingCharacters(in: .whitespaces)
            let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), let whole = Int(parts[0]), (0...Self.maximumTerm).contains(whole) else { return nil }
            var decimals = ""
            if parts.count == 2 {
                decimals = String(parts[1])
                guard !decimals.isEmpty, decimals.count <= 4, decimals.allSatisfy(\.isASCII), Int(decimals) != nil else { return nil }
            }
            var scale = 100
            for _ in decimals { scale *= 10 }
            let numerator = whole * (scale / 100) + (Int(decimals) ?? 0)
            self.init(numerator: numerator, denominator: scale)
        } else {
            let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2,
                  let numerator = Int(parts[0].trimmingCharacters(in: .whitespaces)),
                  let denominator = Int(parts[1].trimmingCharacters(in: .whitespaces)) else { return nil }
            self.init(numerator: numerator, denominator: denominator)
        }
    }

    /// A threshold fraction must be above zero and at most one whole.
    public var isValidThreshold: Bool { numerator > 0 && numerator <= denominator }

    /// `1/2` reads as `50%`; fractions without an exact short percentage keep their fraction form.
    public var description: String {
        let hundredths = numerator * 10_000 // bounded terms: at most 10^10
        if hundredths % denominator == 0 {
            let basisPoints = hundredths / denominator
            return basisPoints % 100 == 0 ? "\(basisPoints / 100)%" : "\(Percentage.format(basisPoints))%"
        }
        return "\(numerator)/\(denominator)"
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return max(a, 1)
    }
}

public enum Percentage {
    /// Formats basis points (hundredths of a percent) with up to two decimals, no trailing zeros.
    static func format(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100
        let rest = basisPoints % 100
        if rest == 0 { return "\(whole)" }
        return rest % 10 == 0 ? "\(whole).\(rest / 10)" : "\(whole).\(rest < 10 ? "0" : "")\(rest)"
    }

    /// `count / base` as a percentage rounded to one decimal, for display only; decisions never use it.
    public static func of(_ count: Int, _ base: Int) -> String {
        guard base > 0, count >= 0 else { return "–" }
        let (scaled, overflow) = count.multipliedReportingOverflow(by: 2000)
        let (doubled, baseOverflow) = base.multipliedReportingOverflow(by: 2)
        guard !overflow, !baseOverflow, scaled <= Int.max - base else {
            return String(format: "%.1f%%", Double(count) / Double(base) * 100)
        }
        let tenths = (scaled + base) / doubled
        let whole = tenths / 10
        return tenths % 10 == 0 ? "\(whole)%" : "\(whole).\(tenths % 10)%"
    }
}
