import Synchronization

/// Words rendered once per language and key, then reused. A province's decision words the same few checks, rules and
/// ranks for 110,000 candidates. Bounded, so that a server's lifetime of keys cannot grow without end; shared by every
/// thread that words a decision.
final class RenderedWords<Key: Hashable & Sendable>: Sendable {
    private struct Known {
        var words: [Language: [Key: String]] = [:]
        var count = 0
    }
    private let known = Mutex(Known())
    private let limit = 10_000

    func callAsFunction(_ key: Key, render: () -> String) -> String {
        let language = Messages.language
        if let words = known.withLock({ $0.words[language]?[key] }) { return words }
        let words = render()
        known.withLock { known in
            if known.count >= limit { known = Known() }
            known.words[language, default: [:]][key] = words
            known.count += 1
        }
        return words
    }
}
