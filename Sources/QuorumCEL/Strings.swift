import Foundation

/// `contains`, `startsWith`, `endsWith` and `matches` (regular expressions, compiled once per pattern).
enum Strings {
    static let functions: [String: [Int: Library.Implementation]] = [
        "contains": [2: .binary { text($0, $1, "contains") { $0.contains($1) } }],
        "startsWith": [2: .binary { text($0, $1, "startsWith") { $0.unicodeScalars.starts(with: $1.unicodeScalars) } }],
        "endsWith": [2: .binary { text($0, $1, "endsWith") { $0.unicodeScalars.reversed().starts(with: $1.unicodeScalars.reversed()) } }],
        "matches": [2: .binary(matches)],
    ]

    private static func text(_ left: Value, _ right: Value, _ name: String, _ test: (String, String) -> Bool) -> Value {
        guard case .string(let a) = left, case .string(let b) = right else { return .noOverload(name, left, right) }
        return .bool(b.isEmpty || test(a, b))
    }

    /// CEL's string equality: the same code points (not Swift's canonical equivalence), compared as UTF-8 bytes.
    static func identical(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    /// The longest text a regular expression is matched against.
    static let maximumMatchLength = 10_000

    private static func matches(_ left: Value, _ right: Value) -> Value {
        guard case .string(let text) = left, case .string(let pattern) = right else { return .noOverload("matches", left, right) }
        if let problem = RegexGuard.problem(in: pattern) { return .fail("regular expression '\(pattern)': \(problem)") }
        guard text.utf16.count <= maximumMatchLength else {
            return .fail("matches() reads texts of up to \(maximumMatchLength) characters, not \(text.utf16.count)")
        }
        guard let expression = RegexCache.shared.expression(pattern) else { return .fail("invalid regular expression '\(pattern)'") }
        let range = NSRange(text.startIndex..., in: text)
        return .bool(expression.firstMatch(in: text, range: range) != nil)
    }
}

/// Compiled regular expressions by pattern, shared across evaluations.
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private let lock = NSLock()
    private var expressions: [String: NSRegularExpression] = [:]

    func expression(_ pattern: String) -> NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = expressions[pattern] { return cached }
        let compiled = try? NSRegularExpression(pattern: pattern)
        if let compiled, expressions.count < 1000 { expressions[pattern] = compiled }
        return compiled
    }
}
