import Foundation
import QuorumCore

/// A body's decision written in a file, title by title: `TITLE: { choose: [names], reason: … }`.
public struct DecisionSheet: Sendable {
    public let entries: [BodyDecision]

    public static func read(_ file: String) throws(InputError) -> DecisionSheet {
        var problems: [LocatedDiagnostic] = []
        guard let tree = DefinitionCatalog.read(file, problems: &problems) else { throw InputError(diagnostics: problems) }
        return try read(tree)
    }

    /// A decision sent as YAML or JSON text (the body of a request to `quorum serve`), located in `name`.
    public static func read(yaml data: Data, named name: String) throws(InputError) -> DecisionSheet {
        var problems: [LocatedDiagnostic] = []
        guard let tree = DefinitionCatalog.parse(data, file: name, problems: &problems) else { throw InputError(diagnostics: problems) }
        return try read(tree)
    }

    static func read(_ tree: YAMLTree) throws(InputError) -> DecisionSheet {
        let problems = ShapeChecker.check(tree, against: FormatShapes.decision)
        guard !problems.hasErrors else { throw InputError(diagnostics: problems) }
        return DecisionSheet(entries: (tree.entries ?? []).map { entry in
            BodyDecision(title: entry.key, chosen: (entry.value["choose"]?.items ?? []).compactMap(\.string).map(ResultSheet.normalizedName),
                  reason: entry.value["reason"]?.string.map(ResultSheetReader.trimmed))
        })
    }
}
