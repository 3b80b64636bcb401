/// The prefix of a string literal: `r` for raw (no escapes), `b` for bytes, in any case and order.
struct StringPrefix {
    let raw: Bool
    let bytes: Bool

    init?(_ text: String) {
        let lower = text.lowercased()
        guard ["", "r", "b", "rb", "br"].contains(lower) else { return nil }
        raw = lower.contains("r")
        bytes = lower.contains("b")
    }
}

/// Reads string and bytes literals with CEL's quoting and escapes.
enum LiteralScanner {
    static func string(_ source: [Unicode.Scalar], at position: inout Int, prefix: StringPrefix) throws(SyntaxError) -> Token.Kind {
        let start = position
        let quote = source[position]
        let triple = position + 2 < source.count && source[position + 1] == quote && source[position + 2] == quote
        position += triple ? 3 : 1
        var bytes: [UInt8] = []
        func append(_ scalar: Unicode.Scalar) { bytes.append(contentsOf: Array(String(scalar).utf8)) }
        while true {
            guard position < source.count else { throw SyntaxError("unterminated string literal", at: start, in: source) }
            let scalar = source[position]
            if scalar == quote {
                if !triple { position += 1; break }
                if position + 2 < source.count, source[position + 1] == quote, source[position + 2] == quote { position += 3; break }
            }
            if !triple, scalar == "\n" || scalar == "\r" {
                throw SyntaxError("a line break inside a quoted string; use triple quotes for several lines", at: position, in: source)
            }
            if scalar == "\\", !prefix.raw {
                try escape(source, at: &position, into: &bytes, forBytes: prefix.bytes)
                continue
            }
            append(scalar)
            position += 1
        }
        if prefix.bytes { return .bytes(bytes) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SyntaxError("the string is not valid UTF-8", at: start, in: source)
        }
        return .string(text)
    }

    private static func escape(_ source: [Unicode.Scalar], at position: inout Int, into bytes: inout [UInt8], forBytes: Bool) throws(SyntaxError) {
        let start = position
        position += 1
        guard position < source.count else { throw SyntaxError("unterminated escape", at: start, in: source) }
        let letter = source[position]
        position += 1
        let simple: [Unicode.Scalar: Unicode.Scalar] = ["a": "\u{07}", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t",
                                                        "v": "\u{0B}", "\\": "\\", "'": "'", "\"": "\"", "`": "`", "?": "?"]
        if let value = simple[letter] {
            bytes.append(UInt8(value.value))
            return
        }
        func digits(_ count: Int, radix: Int) throws(SyntaxError) -> UInt32 {
            guard position + count <= source.count else { throw SyntaxError("incomplete escape", at: start, in: source) }
            let text = String(String.UnicodeScalarView(source[position..<position + count]))
            guard let value = UInt32(text, radix: radix) else { throw SyntaxError("invalid escape '\\\(letter)\(text)'", at: start, in: source) }
            position += count
            return value
        }
        let code: UInt32
        var isByte = forBytes
        switch letter {
        case "x", "X": code = try digits(2, radix: 16)
        case "u", "U":
            if forBytes { throw SyntaxError("\\\(letter) escapes are not allowed in bytes literals", at: start, in: source) }
            code = try digits(letter == "u" ? 4 : 8, radix: 16)
            isByte = false
        case "0"..."3":
            position -= 1
            code = try digits(3, radix: 8)
        default:
            throw SyntaxError("invalid escape '\\\(letter)'", at: start, in: source)
        }
        if isByte {
            bytes.append(UInt8(code))
        } else {
            guard let scalar = Unicode.Scalar(code) else { throw SyntaxError("invalid code point in escape", at: start, in: source) }
            bytes.append(contentsOf: Array(String(scalar).utf8))
        }
    }
}
