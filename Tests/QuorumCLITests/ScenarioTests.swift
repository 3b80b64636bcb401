import Foundation
import QuorumCore
import QuorumFiles
import Testing
@testable import quorum

/// The bundled what-if scenarios: every runnable workflow has some, and every one holds (a refusal's reason is matched
/// against its words, which the command line gives).
struct ScenarioTests {
    static func path(_ relative: String) -> String { QuorumProcess.repository.appendingPathComponent(relative).path }
    static let catalog = DefinitionCatalog(files: [], library: DefinitionCatalog.yamlFiles(in: [path("workflows"), path("rules")]))
    static let files = DefinitionCatalog.yamlFiles(in: [path("scenarios")])

    @Test func everyRunnableWorkflowShipsWithScenarios() throws {
        let covered = Set(try Self.files.map { try ScenarioReader.read($0).workflow })
        #expect(covered == Set(Self.catalog.definitions.keys))
    }

    @Test("a scenario's 'because' is matched against the refusal in either language, and a wrong one fails")
    func becauseIsMatchedInEitherLanguage() throws {
        let file = try #require(Self.files.first { $0.hasSuffix("nhap-kep-lech.yaml") })
        let scenario = try ScenarioReader.read(file)
        let definition = try #require(Self.catalog.definitions[scenario.workflow])
        func run(because: String) -> ScenarioOutcome {
            ScenarioRunner.run(Scenario(name: scenario.name, workflow: scenario.workflow, roster: scenario.roster, steps: scenario.steps,
                                        expectedAdded: nil, expectedStop: scenario.expectedStop, expectedReason: because),
                               on: definition, explain: Simulate.explanations)
        }
        #expect(run(because: "lần nhập 1 = 12, lần nhập 2 = 9").passed)
        #expect(run(because: "entry 1 = 12, entry 2 = 9").passed)
        #expect(run(because: "entry 1 = 13").failures.count == 1)
    }

    @Test(arguments: files)
    func theScenarioHolds(file: String) throws {
        let scenario = try ScenarioReader.read(file)
        let definition = try #require(Self.catalog.definitions[scenario.workflow])
        let outcome = ScenarioRunner.run(scenario, on: definition, explain: Simulate.explanations)
        #expect(outcome.passed, "\(outcome.failures)")
        #expect(!outcome.decisions.isEmpty || outcome.refusal != nil)
    }

    @Test func aScenarioWithAWrongExpectationFails() throws {
        let file = try #require(Self.files.first { $0.hasSuffix("giu-nguyen.yaml") })
        let scenario = try ScenarioReader.read(file)
        let wrong = Scenario(name: "sai", workflow: scenario.workflow, roster: scenario.roster, steps: scenario.steps,
                             expectedAdded: ["chanh-van-phong": ["Ai đó"]], expectedStop: nil)
        let outcome = ScenarioRunner.run(wrong, on: try #require(Self.catalog.definitions[scenario.workflow]), explain: Simulate.explanations)
        #expect(outcome.failures == [.addedOtherwise(title: "chanh-van-phong", expected: ["Ai đó"], added: [])])
        #expect(Messages.speaking(.en) { Simulate.failure(outcome.failures[0], reason: "") } == "expected chanh-van-phong to add Ai đó, but it added nobody")
        #expect(Messages.speaking(.vi) { Simulate.failure(outcome.failures[0], reason: "") } == "dự kiến chanh-van-phong bổ sung Ai đó, nhưng kết quả bổ sung không có ai")
    }
}
