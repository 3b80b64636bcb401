import Foundation
import QuorumCEL
import Testing

/// Runs every test of the CEL conformance files and prints a table per file. The tests listed in
/// docs/cel.md as deliberately unsupported are expected to fail; every other test must pass.
struct ConformanceTests {
    @Test func theSpecificationsTestsPass() throws {
        let cases = try ConformanceSuite.load()
        #expect(cases.count == 814, "the bundled conformance data holds 814 tests")
        let outcomes = cases.map(ConformanceSuite.run)
        print(Self.table(outcomes))
        let failed = Set(outcomes.filter { !$0.passed }.map(\.testCase.id))
        let unsupported = Set(Unsupported.tests.keys)
        for outcome in outcomes where !outcome.passed && !unsupported.contains(outcome.testCase.id) {
            Issue.record("\(outcome.testCase.id): \(outcome.testCase.expression) gave \(outcome.actual)")
        }
        for id in unsupported.subtracting(failed).sorted() {
            Issue.record("\(id) is listed as unsupported but passes; remove it from the list")
        }
    }

    static func table(_ outcomes: [ConformanceSuite.Outcome]) -> String {
        var lines = ["CEL conformance", "file            passed  failed   total"]
        let files = Dictionary(grouping: outcomes, by: \.testCase.file)
        for file in files.keys.sorted() {
            let passed = files[file]!.filter(\.passed).count
            lines.append(file.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(format: "%8d%8d%8d", passed, files[file]!.count - passed, files[file]!.count))
        }
        let passed = outcomes.filter(\.passed).count
        lines.append("total         " + String(format: "%8d%8d%8d", passed, outcomes.count - passed, outcomes.count))
        return lines.joined(separator: "\n")
    }
}

/// Conformance tests deliberately left unsupported, with the reason; docs/cel.md repeats the list for users.
enum Unsupported {
    static let tests: [String: String] = [:]
}
