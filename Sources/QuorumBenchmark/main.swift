import Foundation
import QuorumCore
import QuorumFiles

// Measures Quorum's workloads and prints each figure with its ratio to a baseline; it asserts nothing (docs/benchmark.md).

let usage = """
    usage: swift build -c release && .build/release/quorum-benchmark [options], in the repository
      --people N        people the rules are evaluated for (100000)
      --cycles N        engine cycles in process (300)
      --advances N      durable advances, one per instance (50)
      --runs N          runs of each command, the median kept (5)
      --instances N     instances of the listed store (1000)
      --events N        events of the long history (100000)
      --roster N        people added to the sample roster for the large-roster commands (100000)
      --workflows N     workflows of the large project (2000; 0 leaves it out)
      --titles N        titles of the province batch (2000)
      --candidates N    candidates of each of its titles (55)
      --roster-rows N   rows of the imported roster (1000000; 0 leaves it out)
      --keep FOLDER     an empty folder that keeps the stores and projects, to run commands on them again
      --peers           also run the Python peers on the same data (install them once with bench/setup-peers.sh)
      --peer-cycles N   the peers' state-machine cycles (5000)
    """

let arguments = Array(CommandLine.arguments.dropFirst())
let valued: Set = ["--people", "--cycles", "--advances", "--runs", "--instances", "--events", "--roster", "--workflows", "--titles",
                   "--candidates", "--roster-rows", "--keep", "--peer-cycles"]
if arguments.contains("--help") || arguments.contains("-h") {
    print(usage)
    exit(0)
}
// An option misspelt or without its value would otherwise be ignored, and the figures be those of other sizes.
var unread = arguments[...]
while let argument = unread.popFirst() {
    if argument == "--peers" { continue }
    guard valued.contains(argument), let value = unread.popFirst(), argument == "--keep" || Int(value).map({ $0 >= 0 }) == true else {
        FileHandle.standardError.write(Data("quorum-benchmark: cannot read '\(argument)'\n\(usage)\n".utf8))
        exit(2)
    }
}

func option(_ name: String, default value: Int) -> Int {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil } ?? value
}

let project = FileManager.default.currentDirectoryPath
// The commands it runs sign with a key of the benchmark's own, never the signing key of whoever runs it.
let signingKey = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-benchmark-\(getpid()).key").path
setenv("QUORUM_SIGNING_KEY", signingKey, 1)
defer { try? FileManager.default.removeItem(atPath: signingKey) }
let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
let quorum = binaries.appendingPathComponent("quorum").path, hello = binaries.appendingPathComponent("quorum-hello").path
Scratch.kept = arguments.firstIndex(of: "--keep").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
let catalog = DefinitionCatalog(files: [], library: DefinitionCatalog.yamlFiles(in: [project + "/workflows", project + "/rules"]))
do {
    if let kept = Scratch.kept, !((try? FileManager.default.contentsOfDirectory(atPath: kept)) ?? []).isEmpty {
        throw BenchmarkFailure("--keep needs an empty folder, so that the stores hold this run only: \(kept)")
    }
    guard let ruleSet = catalog.ruleSets.first(where: { $0.id == "hd-06-2017" }) else { throw BenchmarkFailure("run it in the repository: no rules/ here") }
    let scenarioFile = project + "/scenarios/truong-pho-phong-2021/binh-thuong.yaml"
    let scenario = try ScenarioReader.read(scenarioFile)
    guard let definition = catalog.definitions[scenario.workflow] else { throw BenchmarkFailure("no workflow \(scenario.workflow)") }
    let rules = try RuleWorkload(ruleSet: ruleSet, people: option("--people", default: 100_000)).run()
    let engine = try EngineWorkload(scenario: scenario, definition: definition, cycles: option("--cycles", default: 300)).run()
    var rows = rules.rows + engine.rows
    rows += try DurableWorkload(project: project, catalog: catalog, advances: option("--advances", default: 50)).run()
    if arguments.contains("--peers") {
        rows += try PeerWorkload(project: project, rules: rules.peers, cycles: option("--peer-cycles", default: 5_000),
                                 quorumRules: rules.rate, quorumCycles: engine.rate).run()
    }
    if FileManager.default.isExecutableFile(atPath: quorum), FileManager.default.isExecutableFile(atPath: hello) {
        rows += try CommandWorkload(quorum: quorum, hello: hello, project: project, catalog: catalog, instances: option("--instances", default: 1_000),
                                    events: option("--events", default: 100_000), rosterPeople: option("--roster", default: 100_000),
                                    workflows: option("--workflows", default: 2_000),
                                    runs: option("--runs", default: 5),
                                    keep: Scratch.kept).run()
        rows += try ProvinceWorkload(quorum: quorum, project: project, titles: option("--titles", default: 2_000),
                                     candidates: option("--candidates", default: 55)).run()
        if case let rosterRows = option("--roster-rows", default: 1_000_000), rosterRows > 0 {
            rows += try RosterImportWorkload(quorum: quorum, project: project, catalog: catalog, rows: rosterRows).run()
        }
    } else {
        print("(no quorum and quorum-hello next to this program, so no command is timed: swift build -c release)")
    }
    print("Quorum benchmark (\(ProcessInfo.processInfo.activeProcessorCount) cores)\n")
    Row.print(rows)
    print("\npeak memory (max RSS) of the benchmark: \(Measure.peakMemory()) MiB")
} catch {
    FileHandle.standardError.write(Data("quorum-benchmark: \(error)\n".utf8))
    exit(1)
}
