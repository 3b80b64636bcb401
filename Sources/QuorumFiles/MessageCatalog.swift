import QuorumCore
import Foundation
import Yams

/// The messages of one language, read from a catalog a translator edits: `key: "text with {placeholders}"`.
///
/// A placeholder is `{name}`; `{name|one|other}` is the word for `name`'s count, `one` when it is 1, else `other`
/// (English plurals; Vietnamese needs none). Every language's catalog has the same keys and, per key, the same
/// placeholder names.
public struct MessageCatalog: Sendable {
    public let messages: [String: String]
    /// Each text cut into its literal parts and placeholders when first used, then kept: a command uses a handful of
    /// the catalog's texts, and cutting all of them was a tenth of its start.
    private let templates = Templates()

    private final class Templates: @unchecked Sendable {
        private var cut: [String: [Segment]] = [:]
        private let lock = NSLock()

        func segments(of key: String, in messages: [String: String]) -> [Segment]? {
            lock.withLock {
                if let known = cut[key] { return known }
                guard let text = messages[key] else { return nil }
                let segments = MessageCatalog.segments(text)
                cut[key] = segments
                return segments
            }
        }
    }

    public struct Problem: Error, CustomStringConvertible, Sendable {
        public let location: SourceLocation
        public let message: String
        public var description: String { "\(location.file):\(location.line):\(location.column): error: \(message)" }
    }

    public init(yaml: String, file: String) throws {
        messages = try Self.flat(yaml) ?? Self.read(yaml, file: file)
    }

    /// The catalog read as YAML, which takes any form a translator may write.
    static func read(_ yaml: String, file: String) throws -> [String: String] {
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch let error as YamlError {
            let diagnostic = YAMLErrorLocator.diagnostic(for: error, file: file)
            throw Problem(location: diagnostic.location ?? SourceLocation(file: file, line: 1, column: 1), message: "\(diagnostic.message)")
        }
        guard case .mapping(let mapping)? = node else {
            throw Problem(location: SourceLocation(file: file, line: 1, column: 1), message: "a catalog is a mapping of keys to texts")
        }
        var messages: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.string, case .scalar(let text) = value else {
                throw Problem(location: SourceLocation(file: file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1), message: "each key needs one text")
            }
            messages[name] = text.string
        }
        return messages
    }

    /// The catalog read line by line when it has the shape the catalogs of this repository keep, every line blank,
    /// a comment, or `key: "text"` with the escapes `\"`, `\\` and `\n`; nil for anything else, which YAML reads.
    /// Every command reads a catalog before it starts, and YAML's general reader costs a third of a command's start;
    /// a test checks that both readers give the same messages for the catalogs as they are.
    static func flat(_ text: String) -> [String: String]? {
        var messages: [String: String] = [:]
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            defer { start = end + 1 }
            let line = bytes[start..<end]
            if line.allSatisfy({ $0 == 0x20 }) || line.first == 0x23 { continue }   // blank, or "#"
            guard let colon = line.firstIndex(of: 0x3A), colon > start,
                  line[start..<colon].allSatisfy({ Self.keyBytes.contains($0) }),
                  end - colon >= 4, line[colon + 1] == 0x20, line[colon + 2] == 0x22, line[end - 1] == 0x22 else { return nil }
            var value: [UInt8] = []
            var index = colon + 3
            while index < end - 1 {
                let byte = line[index]
                if byte == 0x22 { return nil }                                          // a quote inside: not this form
                if byte == 0x5C {                                                        // a backslash escape
                    guard index + 1 < end - 1 else { return nil }
                    switch line[index + 1] {
                    case 0x22: value.append(0x22)
                    case 0x5C: value.append(0x5C)
                    case 0x6E: value.append(0x0A)
                    default: return nil
                    }
                    index += 2
                    continue
                }
                value.append(byte)
                index += 1
            }
            let key = String(decoding: line[start..<colon], as: UTF8.self)
            guard messages.updateValue(String(decoding: value, as: UTF8.self), forKey: key) == nil else { return nil }
        }
        return messages
    }

    /// The bytes a key of the flat form is written with: ASCII letters and digits, `.`, `-` and `_`.
    private static let keyBytes = Set(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_".utf8))

    /// The placeholder names a text uses.
    public static func placeholders(in text: String) -> Set<String> {
        Set(segments(text).compactMap { if case .placeholder(let name, _) = $0 { name } else { nil } })
    }

    /// The text of `key` with its placeholders filled in; a value missing is left as `{name}`, so it shows.
    public func text(_ key: String, _ values: [String: String]) -> String? {
        guard let template = templates.segments(of: key, in: messages) else { return nil }
        return template.map { segment in
            switch segment {
            case .literal(let text): return text
            case .placeholder(let name, let forms?):
                return values[name].flatMap { Int($0) } == 1 ? forms.one : forms.other
            case .placeholder(let name, nil):
                return values[name] ?? "{\(name)}"
            }
        }.joined()
    }

    /// A phrase of the core in words: its parts first, then its message with every value filled in; nil when this
    /// catalog lacks a message it needs.
    public func words(_ phrase: Phrase) -> String? {
        var values = phrase.values
        for (name, part) in phrase.parts {
            guard let text = words(part) else { return nil }
            values[name] = text
        }
        return text(phrase.key, values)
    }

    private enum Segment: Sendable {
        case literal(String)
        case placeholder(String, (one: String, other: String)?)
    }

    private static func segments(_ text: String) -> [Segment] {
        var segments: [Segment] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            segments.append(.literal(String(rest[..<open])))
            let parts = rest[rest.index(after: open)..<close].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            segments.append(.placeholder(parts[0], parts.count == 3 ? (parts[1], parts[2]) : nil))
            rest = rest[rest.index(after: close)...]
        }
        segments.append(.literal(String(rest)))
        return segments
    }
}
