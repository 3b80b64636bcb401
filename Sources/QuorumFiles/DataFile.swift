import Foundation
import QuorumCEL
import Yams

/// Reads a YAML or JSON file into CEL values, for `quorum eval --data` and rule examples.
public enum DataFile {
    /// The top-level keys of the file, each bound to its value.
    public static func variables(from file: String) throws(InputError) -> [String: Value] {
        var problems: [LocatedDiagnostic] = []
        guard let tree = DefinitionCatalog.read(file, problems: &problems) else { throw InputError(diagnostics: problems) }
        guard let entries = tree.entries else {
            throw InputError(diagnostics: [.error(at: tree.location, code: "data-file-mapping-names")])
        }
        var variables: [String: Value] = [:]
        for entry in entries { variables[entry.key] = value(of: entry.value) }
        return variables
    }

    /// YAML scalars become int, double, bool, null or string by their resolved tag; dates stay strings.
    static func value(of tree: YAMLTree) -> Value {
        switch tree {
        case .scalar(let scalar, _):
            let node = Node.scalar(scalar)
            if scalar.style == .plain || scalar.style == .any {
                if node.null != nil { return .null }
                if let flag = node.bool { return .bool(flag) }
                if let number = Int64(scalar.string) { return .int(number) }
                if let number = node.float, node.int == nil, Double(scalar.string) != nil || scalar.string.hasPrefix(".") { return .double(number) }
            }
            return .string(scalar.string)
        case .sequence(let items, _):
            return .list(items.map(value(of:)))
        case .mapping(let entries, _):
            return .map(CELMap(entries.map { (Int64($0.key).map(Value.int) ?? .string($0.key), value(of: $0.value)) }))
        }
    }
}
