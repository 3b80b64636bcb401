/// The outcome of one threshold check, with the arithmetic that decided it.
public struct ThresholdCheck: Hashable, Sendable, Codable {
    public let rule: ThresholdRule
    public let count: Int
    public let baseCount: Int
    /// `count · q`, the left side of the exact comparison.
    public let scaledCount: Int
    /// `p · base`, the right side of the exact comparison.
    public let scaledBase: Int
    public let passes: Bool

    /// The exact comparison in whole numbers, the same in every language: `7 × 2 = 14 > 13`,
    /// `20 × 3 = 60 ≥ 2 × 29 = 58`. The command line words the rest.
    public var arithmetic: String {
        let fraction = rule.fraction
        let symbol = passes ? rule.comparison.symbol : rule.comparison.negatedSymbol
        let right = fraction.numerator == 1 ? "\(baseCount)" : "\(fraction.numerator) × \(baseCount) = \(scaledBase)"
        return fraction.denominator == 1
            ? "\(count) \(symbol) \(right)"
            : "\(count) × \(fraction.denominator) = \(scaledCount) \(symbol) \(right)"
    }
}
