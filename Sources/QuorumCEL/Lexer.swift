/// Splits CEL source into tokens. Hand-written; every token keeps its offset so errors can point inside an expression.
struct Lexer {
    private let source: [Unicode.Scalar]
    private var position = 0
    private var previous: Token.Kind?

    init(_ source: [Unicode.Scalar]) { self.source = source }

    static let punctuation = ["==", "!=", "<=", ">=", "&&", "||", ".?", "[?",
                              "+", "-", "*", "/", "%", "!", "<", ">", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}"]

    mutating func tokens() throws(SyntaxError) -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = try next()
            tokens.append(token)
            previous = token.kind
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < source.count ? source[position + ahead] : nil
    }

    private func error(_ message: String, at offset: Int? = nil) -> SyntaxError {
        SyntaxError(message, at: offset ?? position, in: source)
    }

    private mutating func skipSpaceAndComments() {
        while let scalar = peek() {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                position += 1
            } else if scalar == "/", peek(1) == "/" {
                while let next = peek(), next != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    private mutating func next() throws(SyntaxError) -> Token {
        skipSpaceAndComments()
        let start = position
        guard let scalar = peek() else { return Token(kind: .end, offset: start) }
        if scalar.isDigit || (scalar == "." && (peek(1)?.isDigit ?? false) && !previousIsOperand) {
            return Token(kind: try number(), offset: start)
        }
        if scalar.isIdentifierStart {
            var name = ""
            while let next = peek(), next.isIdentifierStart || next.isDigit { name.unicodeScalars.append(next); position += 1 }
            if let quote = peek(), quote == "\"" || quote == "'", let prefix = StringPrefix(name) {
                return Token(kind: try LiteralScanner.string(source, at: &position, prefix: prefix), offset: start)
            }
            return Token(kind: .identifier(name), offset: start)
        }
        if scalar == "`" {
            // A quoted field name, for keys that are not identifiers: `content-type`.
            position += 1
            var name = ""
            while let next = peek(), next != "`", next != "\n" { name.unicodeScalars.append(next); position += 1 }
            guard peek() == "`", !name.isEmpty else { throw error("unterminated quoted field name", at: start) }
            position += 1
            return Token(kind: .quotedIdentifier(name), offset: start)
        }
        if scalar == "\"" || scalar == "'" {
            return Token(kind: try LiteralScanner.string(source, at: &position, prefix: StringPrefix("")!), offset: start)
        }
        for symbol in Self.punctuation where matches(symbol) {
            position += symbol.unicodeScalars.count
            return Token(kind: .punctuation(symbol), offset: start)
        }
        throw error("unexpected character '\(scalar)'")
    }

    private var previousIsOperand: Bool {
        switch previous {
        case .identifier, .quotedIdentifier, .int, .minimumMagnitude, .uint, .double, .string, .bytes: true
        case .punctuation(let text): text == ")" || text == "]" || text == "}"
        default: false
        }
    }

    private func matches(_ symbol: String) -> Bool {
        for (index, scalar) in symbol.unicodeScalars.enumerated() where peek(index) != scalar { return false }
        return true
    }

    private mutating func number() throws(SyntaxError) -> Token.Kind {
        let start = position
        if peek() == "0", peek(1) == "x" || peek(1) == "X" {
            position += 2
            var digits = ""
            while let next = peek(), next.properties.isASCIIHexDigit { digits.unicodeScalars.append(next); position += 1 }
            return try integer(digits, radix: 16, start: start)
        }
        var text = ""
        var isDouble = false
        while let next = peek(), next.isDigit { text.unicodeScalars.append(next); position += 1 }
        if peek() == ".", peek(1)?.isDigit ?? false {
            isDouble = true
            text += "."
            position += 1
            while let next = peek(), next.isDigit { text.unicodeScalars.append(next); position += 1 }
        }
        if peek() == "e" || peek() == "E" {
            var exponent = "e"
            var ahead = 1
            if peek(1) == "+" || peek(1) == "-" { exponent.unicodeScalars.append(peek(1)!); ahead = 2 }
            if peek(ahead)?.isDigit ?? false {
                isDouble = true
                position += ahead
                while let next = peek(), next.isDigit { exponent.unicodeScalars.append(next); position += 1 }
                text += exponent
            }
        }
        if isDouble {
            guard let value = Double(text.hasPrefix(".") ? "0" + text : text) else { throw error("invalid number '\(text)'", at: start) }
            return .double(value)
        }
        return try integer(text, radix: 10, start: start)
    }

    private mutating func integer(_ digits: String, radix: Int, start: Int) throws(SyntaxError) -> Token.Kind {
        if peek() == "u" || peek() == "U" {
            position += 1
            guard let value = UInt64(digits, radix: radix) else { throw error("unsigned integer out of range", at: start) }
            return .uint(value)
        }
        // The magnitude may be 2^63 when a minus sign follows in the parser; keep it as uint until then.
        if let value = Int64(digits, radix: radix) { return .int(value) }
        if let magnitude = UInt64(digits, radix: radix), magnitude == UInt64(Int64.max) + 1 { return .minimumMagnitude }
        throw error("integer out of range", at: start)
    }
}

extension Unicode.Scalar {
    var isDigit: Bool { ("0"..."9").contains(self) }
    var isIdentifierStart: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_" }
}
