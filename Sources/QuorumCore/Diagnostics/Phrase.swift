/// Words to be said, as data: the key of a message in the catalogs of `messages/` and the values it names by
/// placeholder. The command line puts it into the user's language; the core never holds the words. A value that is
/// itself a phrase (`a list`, `the document`) is put into words first.
public struct Phrase: Hashable, Sendable {
    public let key: String
    public let values: [String: String]
    public let parts: [String: Phrase]

    public init(_ key: String, _ values: KeyValuePairs<String, any CustomStringConvertible> = [:]) {
        self.key = key
        var texts: [String: String] = [:], parts: [String: Phrase] = [:]
        for (name, value) in values {
            if let phrase = value as? Phrase { parts[name] = phrase } else { texts[name] = value.description }
        }
        self.values = texts
        self.parts = parts
    }

    /// The phrase of a diagnostic: `diagnostic.<key>`.
    public static func diagnostic(_ key: String, _ values: KeyValuePairs<String, any CustomStringConvertible> = [:]) -> Phrase {
        Phrase("diagnostic." + key, values)
    }
}

extension Phrase: CustomStringConvertible {
    /// The key and its values, for where no catalog is at hand (a defect of the build itself).
    public var description: String {
        values.isEmpty ? key : key + " (" + values.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
    }
}
