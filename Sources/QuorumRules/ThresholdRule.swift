/// A rule such as "strictly more than 1/2 of the body's total members".
public struct ThresholdRule: Hashable, Sendable, Codable {
    public let id: String
    public let base: ThresholdBase
    public let comparison: Comparison
    public let fraction: Fraction

    public init(id: String, base: ThresholdBase, comparison: Comparison, fraction: Fraction) {
        self.id = id
        self.base = base
        self.comparison = comparison
        self.fraction = fraction
    }

    /// Decides exactly, in integers: `count / base ⋛ p / q` is `count · q ⋛ p · base`.
    public func check(_ count: Int, of baseCount: Int) -> ThresholdCheck {
        let (left, leftOverflow) = count.multipliedReportingOverflow(by: fraction.denominator)
        let (right, rightOverflow) = fraction.numerator.multipliedReportingOverflow(by: baseCount)
        let passes = !leftOverflow && !rightOverflow && baseCount > 0 && comparison.holds(left, right)
        return ThresholdCheck(rule: self, count: count, baseCount: baseCount, scaledCount: left, scaledBase: right, passes: passes)
    }

    /// A check as a history recorded it: the arithmetic worked again from the counts, the verdict as it was decided.
    public func check(_ count: Int, of baseCount: Int, recordedAs passes: Bool) -> ThresholdCheck {
        let worked = check(count, of: baseCount)
        return ThresholdCheck(rule: self, count: count, baseCount: baseCount, scaledCount: worked.scaledCount,
                              scaledBase: worked.scaledBase, passes: passes)
    }
}
