import Foundation
@testable import QuorumFiles
import Testing

struct TrimmingTests {
    /// The same text as Foundation's trimming of `.whitespaces`, over seeded random texts of spaces of every kind,
    /// tabs, line breaks (kept), letters and a combining mark.
    @Test func spacesAreTrimmedAsFoundationTrimsThem() {
        var generator = SeededGenerator(seed: 12)
        let pieces = [" ", "\t", "\u{A0}", "\u{3000}", "\u{2009}", "\n", "\r", "a", "Ư", "ờ", "\u{301}", "2019:HTTNV", ";"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            let part = text[...]
            #expect(part.trimmingSpaces() == part.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }
}
