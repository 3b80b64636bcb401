import Foundation
import QuorumCore
import QuorumFiles
import Testing

/// The bundled what-if scenarios: every runnable workflow has some, and every one holds.
struct ScenarioTests {
    static let catalog = DefinitionCatalog(files: [], library: DefinitionCatalog.yamlFiles(in: [ProjectFolder.path("workflows"), ProjectFolder.path("rules")]))
    static let files = DefinitionCatalog.yamlFiles(in: [ProjectFolder.path("scenarios")])

    @Test func everyRunnableWorkflowShipsWithScenarios() throws {
        let covered = Set(try Self.files.map { try ScenarioReader.read($0).workflow })
        #expect(covered == Set(Self.catalog.definitions.keys))
    }

    @Test(arguments: files)
    func theScenarioHolds(file: String) throws {
        let scenario = try ScenarioReader.read(file)
        let definition = try #require(Self.catalog.definitions[scenario.workflow])
        let outcome = ScenarioRunner.run(scenario, on: definition)
        #expect(outcome.passed, "\(outcome.failures)")
        #expect(!outcome.decisions.isEmpty || outcome.refusal != nil)
    }

    @Test func aScenarioWithAWrongExpectationFails() throws {
        let file = try #require(Self.files.first { $0.hasSuffix("giu-nguyen.yaml") })
        let scenario = try ScenarioReader.read(file)
        let wrong = Scenario(name: "sai", workflow: scenario.workflow, roster: scenario.roster, steps: scenario.steps,
                             expectedAdded: ["chanh-van-phong": ["Ai đó"]], expectedStop: nil)
        let outcome = ScenarioRunner.run(wrong, on: try #require(Self.catalog.definitions[scenario.workflow]))
        #expect(outcome.failures == ["expected chanh-van-phong to add Ai đó, but it added nobody"])
    }
}
