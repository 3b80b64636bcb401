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

    /// For example `7 of 13 members = 53.8% > 50% (7 × 2 = 14 > 13)`.
    public var explanation: String {
        let fraction = rule.fraction
        let symbol = passes ? rule.comparison.symbol : rule.comparison.negatedSymbol
        let right = fraction.numerator == 1 ? "\(baseCount)" : "\(fraction.numerator) × \(baseCount) = \(scaledBase)"
        let arithmetic = fraction.denominator == 1
            ? "\(count) \(symbol) \(right)"
            : "\(count) × \(fraction.denominator) = \(scaledCount) \(symbol) \(right)"
        let share = Percentage.of(count, baseCount)
        let verb = passes ? "is \(rule.comparison.phrase)" : "is not \(rule.comparison.phrase)"
        return "\(count) of \(baseCount) \(rule.base.label) = \(share), \(verb) \(fraction) (\(arithmetic))"
    }
}
