import QuorumRules
import Testing

struct ThresholdRuleTests {
    let half = ThresholdRule(id: "half", base: .totalMembers, comparison: .moreThan, fraction: Fraction(numerator: 1, denominator: 2)!)
    let twoThirds = ThresholdRule(id: "quorum", base: .totalMembers, comparison: .atLeast, fraction: Fraction(numerator: 2, denominator: 3)!)

    @Test(arguments: [(2, 4, false), (3, 4, true), (6, 13, false), (7, 13, true), (0, 1, false), (1, 1, true)])
    func strictlyMoreThanHalf(count: Int, members: Int, passes: Bool) {
        #expect(half.check(count, of: members).passes == passes)
    }

    @Test(arguments: [(19, 29, false), (20, 29, true), (2, 3, true), (1, 3, false), (8, 12, true), (7, 12, false)])
    func atLeastTwoThirds(count: Int, members: Int, passes: Bool) {
        #expect(twoThirds.check(count, of: members).passes == passes)
    }

    @Test func explainsTheArithmetic() {
        let check = half.check(7, of: 13)
        #expect(check.scaledCount == 14)
        #expect(check.scaledBase == 13)
        #expect(check.arithmetic == "7 × 2 = 14 > 13" && Percentage.of(7, 13) == "53.8%")
        #expect(half.check(2, of: 4).arithmetic == "2 × 2 = 4 ≤ 4" && !half.check(2, of: 4).passes)
        #expect(twoThirds.check(20, of: 29).arithmetic == "20 × 3 = 60 ≥ 2 × 29 = 58")
    }

    @Test func anEmptyBaseNeverPasses() {
        #expect(!half.check(0, of: 0).passes)
        #expect(!twoThirds.check(5, of: 0).passes)
    }

    @Test func hugeCountsFailInsteadOfCrashing() {
        let check = half.check(Int.max, of: 3)
        #expect(!check.passes, "a count that overflows the exact comparison never passes")
        #expect(check.arithmetic.hasPrefix("\(Int.max) × 2 = "), "and its arithmetic is written without trapping")
        #expect(Fraction(parsing: "1000000000000000/1000000000000001") == nil, "fraction terms are bounded")
        #expect(Fraction(parsing: "9000000000000000000.5%") == nil, "so are percentages")
        #expect(Fraction(numerator: 999_999, denominator: 1_000_000)?.description == "999999/1000000")
    }
}
