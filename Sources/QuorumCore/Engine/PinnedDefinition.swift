import Crypto
import Foundation

/// A definition in canonical JSON with its SHA-256, as an instance is pinned to it.
public struct PinnedDefinition: Sendable, Equatable {
    public let hash: String
    public let json: Data

    /// The definition encoded and hashed; once per definition in a process, as a process that starts many instances
    /// pins them all to the same one.
    public init(_ definition: WorkflowDefinition) {
        self = CompiledDefinitions.shared.pinned(definition)
    }

    init(encoding definition: WorkflowDefinition) {
        json = (try? Self.encoder.encode(definition)) ?? Data()
        hash = Self.digest(json)
    }

    /// The hash of the stored JSON, to check it still matches the hash it is filed under.
    var recomputedHash: String { Self.digest(json) }

    private static func digest(_ data: Data) -> String {
        EventChain.hex(SHA256.hash(data: data))
    }

    public init(hash: String, json: Data) {
        self.hash = hash
        self.json = json
    }

    public func definition() throws -> WorkflowDefinition {
        try Self.decoder.decode(WorkflowDefinition.self, from: json)
    }

    /// What differs from another pinned definition, one line per changed value: `steps[buoc-4].meets.time: "16:00" → "17:00"`.
    public func changes(to other: PinnedDefinition) -> [String] {
        let old = (try? JSONSerialization.jsonObject(with: json)) ?? [:]
        let new = (try? JSONSerialization.jsonObject(with: other.json)) ?? [:]
        var lines: [String] = []
        Self.compare(old, new, path: "", into: &lines)
        return lines
    }

    private static func compare(_ old: Any?, _ new: Any?, path: String, into lines: inout [String]) {
        switch (old, new) {
        case let (old as [String: Any], new as [String: Any]):
            for key in Set(old.keys).union(new.keys).sorted() {
                compare(old[key], new[key], path: path.isEmpty ? key : "\(path).\(key)", into: &lines)
            }
        case let (old as [Any], new as [Any]):
            for index in 0..<max(old.count, new.count) {
                let element = index < old.count ? old[index] : new[index]
                let label = ((element as? [String: Any])?["id"] as? String) ?? String(index)
                compare(index < old.count ? old[index] : nil, index < new.count ? new[index] : nil,
                        path: "\(path)[\(label)]", into: &lines)
            }
        default:
            let before = old.map(literal), after = new.map(literal)
            guard before != after else { return }
            lines.append("  \(path): \(before ?? "—") → \(after ?? "—")")
        }
    }

    private static func literal(_ value: Any) -> String {
        let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
        let text = data.map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
        return text.count > 120 ? String(text.prefix(117)) + "…" : text
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
