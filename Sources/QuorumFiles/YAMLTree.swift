import QuorumCore
import Yams

/// A composed YAML document whose every node knows its file and position, so that merged documents
/// (`extends:`) still point each value at the file it came from.
indirect enum YAMLTree {
    struct Entry {
        let key: String
        let keyLocation: SourceLocation
        var value: YAMLTree
    }

    case scalar(Node.Scalar, SourceLocation)
    case mapping([Entry], SourceLocation)
    case sequence([YAMLTree], SourceLocation)

    /// The most values a document may hold once its aliases are expanded: far more than any definition or results
    /// file, far fewer than an alias bomb (a few lines of `&a [*b, *b, …]` that expand to billions).
    static let maximumValues = 200_000

    /// Thrown when a document expands past `maximumValues`.
    struct TooLarge: Error {}

    /// Builds the tree, counting every value; aliases share nodes in Yams, so a document can expand exponentially.
    init(_ node: Node, file: String) throws(TooLarge) {
        var budget = Self.maximumValues
        self = try Self.build(node, file: file, budget: &budget)
    }

    private static func build(_ node: Node, file: String, budget: inout Int) throws(TooLarge) -> YAMLTree {
        budget -= 1
        guard budget >= 0 else { throw TooLarge() }
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            return .scalar(scalar, location)
        case .mapping(let mapping):
            var entries: [Entry] = []
            for (key, value) in mapping {
                entries.append(Entry(key: key.string ?? "", keyLocation: SourceLocation(file: file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1),
                                     value: try build(value, file: file, budget: &budget)))
            }
            return .mapping(entries, location)
        case .sequence(let sequence):
            var items: [YAMLTree] = []
            for item in sequence { items.append(try build(item, file: file, budget: &budget)) }
            return .sequence(items, location)
        case .alias(let alias):
            return .scalar(Node.Scalar("*\(alias.anchor.rawValue)"), location)
        }
    }

    var location: SourceLocation {
        switch self {
        case .scalar(_, let location), .mapping(_, let location), .sequence(_, let location): location
        }
    }

    var entries: [Entry]? { if case .mapping(let entries, _) = self { entries } else { nil } }
    var items: [YAMLTree]? { if case .sequence(let items, _) = self { items } else { nil } }
    var string: String? { if case .scalar(let scalar, _) = self { scalar.string } else { nil } }

    subscript(key: String) -> YAMLTree? { entries?.first { $0.key == key }?.value }

    /// Back to a Yams node, for decoding into the document types.
    var node: Node {
        switch self {
        case .scalar(let scalar, _): .scalar(scalar)
        case .mapping(let entries, _): .mapping(Node.Mapping(entries.map { (Node($0.key), $0.value.node) }))
        case .sequence(let items, _): .sequence(Node.Sequence(items.map(\.node)))
        }
    }

    /// Every path in the tree with where it was written; keys map to their value's position.
    func locations(at path: DocumentPath = .root, into map: inout [DocumentPath: SourceLocation]) {
        map[path] = location
        switch self {
        case .scalar: break
        case .mapping(let entries, _):
            for entry in entries { entry.value.locations(at: path.key(entry.key), into: &map) }
        case .sequence(let items, _):
            for (index, item) in items.enumerated() { item.locations(at: path.index(index), into: &map) }
        }
    }
}
