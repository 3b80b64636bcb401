/// A lexical token with the position where it starts (a 0-based offset in Unicode scalars).
struct Token: Equatable {
    enum Kind: Equatable {
        case identifier(String)
        /// A field name in backticks, allowed only after `.`.
        case quotedIdentifier(String)
        case int(Int64)
        /// 9223372036854775808: valid only right after a unary minus, giving Int64.min.
        case minimumMagnitude
        case uint(UInt64)
        case double(Double)
        case string(String)
        case bytes([UInt8])
        case punctuation(String)
        case end
    }

    let kind: Kind
    let offset: Int

    var punctuation: String? { if case .punctuation(let text) = kind { text } else { nil } }
}
