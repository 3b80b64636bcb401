import Foundation
import QuorumCore

/// Reads a scenario file: the workflow, an optional roster (a path relative to the file), each step's results
/// written inline in the results format, and what should come of them.
public enum ScenarioReader {
    public static func read(_ file: String) throws(InputError) -> Scenario {
        var problems: [LocatedDiagnostic] = []
        guard let tree = DefinitionCatalog.read(file, problems: &problems) else { throw InputError(diagnostics: problems) }
        problems += ShapeChecker.check(tree, against: FormatShapes.scenario)
        guard !problems.hasErrors else { throw InputError(diagnostics: problems) }
        var roster: Roster?
        if let path = tree["roster"]?.string {
            let folder = (file as NSString).deletingLastPathComponent
            roster = try RosterReader.read(path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)).roster
        }
        var steps: [Scenario.Step] = []
        for item in tree["steps"]?.items ?? [] {
            guard let step = item["step"]?.string, let results = item["results"] else { continue }
            func sheet(_ key: String) throws(InputError) -> StepRecord? {
                try item[key].map { tree throws(InputError) in try ResultSheetReader.read(tree, file: file, step: step).record }
            }
            let decisions = try item["decision"].map { tree throws(InputError) in try DecisionSheet.read(tree).entries } ?? []
            steps.append(Scenario.Step(step: step, results: try ResultSheetReader.read(results, file: file, step: step).record,
                                       secondEntry: try sheet("second-entry"), runOff: try sheet("run-off"),
                                       decisions: decisions))
        }
        let added = tree["expect"]?["added"]?.entries.map { entries in
            Dictionary(uniqueKeysWithValues: entries.map { ($0.key, ($0.value.items ?? []).compactMap(\.string).map(ResultSheet.normalizedName)) })
        }
        return Scenario(name: tree["name"]?.string ?? file, workflow: tree["workflow"]?.string ?? "", roster: roster, steps: steps,
                        expectedAdded: added, expectedStop: tree["expect"]?["stops-at"]?.string,
                        expectedReason: tree["expect"]?["because"]?.string)
    }
}
