/// Words rendered once per language and key, then reused. A province's decision words the same few checks, rules and
/// ranks for 110,000 candidates. Bounded, so that a server's lifetime of keys cannot grow without end; like the
/// catalogs, used from one thread at a time (a command, or the server's desk).
final class RenderedWords<Key: Hashable> {
    private var known: [Language: [Key: String]] = [:]
    private var count = 0
    private let limit = 10_000

    func callAsFunction(_ key: Key, render: () -> String) -> String {
        let language = Messages.language
        if let words = known[language]?[key] { return words }
        let words = render()
        if count >= limit {
            known.removeAll()
            count = 0
        }
        known[language, default: [:]][key] = words
        count += 1
        return words
    }
}
