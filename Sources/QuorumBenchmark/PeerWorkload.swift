import Foundation
import QuorumCore

/// What the Python peers need to evaluate the same rules over the same people: the rules' CEL text and parameters,
/// the cycle, every person as the rules see them, and how many people Quorum let through each rule.
struct PeerRules: Encodable {
    struct Rule: Encodable {
        let id: String
        let expression: String
        let params: [String: RuleParameter]
    }

    let rules: [Rule]
    let cycle: RuleParameter
    let people: [RuleParameter]
    let passes: [String: Int]
}

/// The Python peers of issue 12, run side by side when asked (`--peers`): `bench/peers.py` in the virtual
/// environment `bench/setup-peers.sh` makes, with the versions pinned in `bench/requirements.txt`. The script times
/// itself and checks that every rule engine lets the same people through as Quorum did.
struct PeerWorkload {
    let project: String
    let rules: PeerRules
    let cycles: Int
    /// Quorum's figures measured in this run: rule evaluations and whole cycles a second.
    let quorumRules: Double
    let quorumCycles: Double

    private struct Report: Decodable {
        struct Figure: Decodable {
            let name: String
            let rate: Double
        }

        let rules: [Figure]
        let cycles: [Figure]
    }

    func run() throws -> [Row] {
        let python = project + "/bench/.venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw BenchmarkFailure("the Python peers are not installed: run bench/setup-peers.sh first")
        }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-peers-\(UUID().uuidString).json")
        try JSONEncoder().encode(rules).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [project + "/bench/peers.py", input.path, "--cycles", String(cycles)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchmarkFailure("bench/peers.py failed (status \(process.terminationStatus))") }
        let report = try JSONDecoder().decode(Report.self, from: data)
        return report.rules.map {
            Row("peer rules: \($0.name)", Measure.rate(perSecond: $0.rate), against: "Quorum " + Measure.rate(perSecond: quorumRules), ratio: quorumRules / $0.rate)
        } + report.cycles.map {
            Row("peer cycles: \($0.name)", String(format: "%.0f cycles/s", $0.rate), against: String(format: "Quorum %.0f cycles/s", quorumCycles),
                ratio: quorumCycles / $0.rate)
        }
    }
}
