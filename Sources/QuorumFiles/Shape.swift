import QuorumCore
/// The expected shape of a YAML value, with a description for people. One description drives both the
/// unknown-key and type checks of `quorum validate` and the JSON Schema that editors use.
indirect enum Shape: Sendable {
    case string(String, pattern: String? = nil)
    case choice([String], String)
    case integer(String, minimum: Int? = nil)
    case boolean(String)
    case list(Shape, String)
    /// A mapping whose keys are data (title ids, names), each with a value of one shape.
    case dictionary(Shape, String)
    /// Any YAML value (rule parameters, example data).
    case any(String)
    case object([Field], String)

    struct Field: Sendable {
        let name: String
        let shape: Shape
        /// Required even in a file that extends another (ids); other required keys are checked after merging.
        let required: Bool

        init(_ name: String, _ shape: Shape, required: Bool = false) {
            self.name = name
            self.shape = shape
            self.required = required
        }
    }

    var summary: String {
        switch self {
        case .string(let text, _), .choice(_, let text), .integer(let text, _), .boolean(let text), .list(_, let text), .dictionary(_, let text),
             .object(_, let text), .any(let text):
            text
        }
    }

    /// What a value of this shape is, in words the command line gives.
    var kind: Phrase {
        switch self {
        case .string, .choice: Phrase("word.text")
        case .integer: Phrase("word.wholeNumber")
        case .boolean: Phrase("word.trueOrFalse")
        case .list: Phrase("word.list")
        case .object, .dictionary: Phrase("word.mapping")
        case .any: Phrase("word.anyValue")
        }
    }
}
