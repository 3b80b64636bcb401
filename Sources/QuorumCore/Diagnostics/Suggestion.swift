/// "Did you mean …?" hints for misspelt keys and ids.
public enum Suggestion {
    /// The closest candidate within a small edit distance, if any.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(2, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        if best == nil, word.count >= 3 {
            // An abbreviation of exactly one candidate, as people shorten long ids.
            let extending = candidates.filter { $0.lowercased().hasPrefix(word.lowercased()) }
            if extending.count == 1 { return extending[0] }
        }
        return best?.0
    }

    /// A ready-made note, or none.
    public static func note(for word: String, in candidates: some Sequence<String>) -> [Phrase] {
        closest(to: word, in: candidates).map { [Phrase("note.didYouMean", ["name": $0])] } ?? []
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
