import QuorumRules
import Testing

struct FractionTests {
    @Test(arguments: [("1/2", 1, 2), ("2/3", 2, 3), ("4/8", 1, 2), ("50%", 1, 2), ("66.5%", 133, 200), ("100%", 1, 1)])
    func parses(text: String, numerator: Int, denominator: Int) throws {
        let fraction = try #require(Fraction(parsing: text))
        #expect(fraction.numerator == numerator)
        #expect(fraction.denominator == denominator)
        #expect(fraction.isValidThreshold)
    }

    @Test(arguments: ["", "abc", "1/0", "1/", "/2", "-1/2", "50", "5.%", "1.23456%"])
    func rejectsNonsense(text: String) {
        #expect(Fraction(parsing: text) == nil)
    }

    @Test(arguments: ["0/1", "3/2", "0%", "150%"])
    func thresholdsMustLieInZeroToOne(text: String) throws {
        let fraction = try #require(Fraction(parsing: text))
        #expect(!fraction.isValidThreshold)
    }

    @Test func readsAsPercentWhenExact() throws {
        #expect(try #require(Fraction(parsing: "1/2")).description == "50%")
        #expect(try #require(Fraction(parsing: "2/3")).description == "2/3")
        #expect(try #require(Fraction(parsing: "66.5%")).description == "66.5%")
    }
}
