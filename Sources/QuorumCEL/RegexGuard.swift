/// Refuses the regular expressions whose matching can take exponential time in a backtracking engine: a repeated
/// group that itself repeats or offers alternatives (`(a+)+`, `(a|a)*`), and backreferences. What remains matches in
/// time polynomial in the text, which `matches()` also bounds in length.
enum RegexGuard {
    static let maximumPatternLength = 1_000

    static func problem(in pattern: String) -> String? {
        let scalars = Array(pattern.unicodeScalars)
        guard scalars.count <= maximumPatternLength else { return "patterns are limited to \(maximumPatternLength) characters" }
        // For each open group: whether it holds a quantifier or an alternation so far.
        var groups: [Bool] = []
        var lastGroupRisky = false
        var index = 0
        var inClass = false
        while index < scalars.count {
            let scalar = scalars[index]
            defer { index += 1 }
            if scalar == "\\" {
                if index + 1 < scalars.count, ("1"..."9").contains(scalars[index + 1]) { return "backreferences are not supported" }
                index += 1
                lastGroupRisky = false
                continue
            }
            if inClass {
                if scalar == "]" { inClass = false }
                continue
            }
            switch scalar {
            case "[":
                inClass = true
                lastGroupRisky = false
            case "(":
                groups.append(false)
            case ")":
                lastGroupRisky = groups.popLast() ?? false
                if lastGroupRisky, !groups.isEmpty { groups[groups.count - 1] = true }
                continue
            case "|":
                if !groups.isEmpty { groups[groups.count - 1] = true }
            case "*", "+", "?", "{":
                // `?` makes a group optional, not repeated; `??` and `*?` are lazy forms of the quantifier before them;
                // a small exact count such as `{2}` repeats a fixed number of times.
                if lastGroupRisky, scalar != "?", !(scalar == "{" && isSmallExactCount(scalars, from: index)) {
                    return "a repeated group may not itself repeat or hold alternatives (it can take exponential time)"
                }
                if !groups.isEmpty { groups[groups.count - 1] = true }
            default:
                break
            }
            lastGroupRisky = false
        }
        return nil
    }

    /// `{n}` with n at most 10, starting at `index`.
    private static func isSmallExactCount(_ scalars: [Unicode.Scalar], from index: Int) -> Bool {
        guard let close = scalars[index...].firstIndex(of: "}") else { return false }
        let digits = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
        return Int(digits).map { $0 <= 10 } ?? false
    }
}
