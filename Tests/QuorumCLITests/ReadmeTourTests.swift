import Foundation
import Testing

/// The README's tour runs as written, line by line, on a fresh copy of the bundled files: every line succeeds, and
/// every line marked `# refused:` is refused.
struct ReadmeTourTests {
    struct Line: CustomStringConvertible {
        let text: String
        let words: [String]
        let refused: Bool
        var description: String { text }
    }

    /// The lines of the tour's shell block, split into words as a shell would (quotes kept together, comments dropped).
    static func tour() throws -> [Line] {
        let readme = try String(contentsOf: QuorumProcess.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## A tour of the command line"))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```sh\n")), close = try #require(rest[open.upperBound...].range(of: "```"))
        return rest[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init).compactMap { text in
            let words = shellWords(text)
            guard !words.isEmpty else { return nil }
            return Line(text: text, words: words, refused: text.contains("# refused:"))
        }
    }

    static func shellWords(_ line: String) -> [String] {
        var words: [String] = [], current = "", quote: Character?, inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == "#", !inWord {
                break
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    @Test func shellWordsKeepQuotedTextTogether() {
        #expect(Self.shellWords("quorum eval \"a b\" --var 'x=[1, 2]'  # note") == ["quorum", "eval", "a b", "--var", "x=[1, 2]"])
        #expect(Self.shellWords("# a comment").isEmpty)
    }

    @Test func everyLineOfTheTourRunsAsWritten() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let lines = try Self.tour()
        #expect(lines.count >= 25)
        for line in lines {
            #expect(line.words.first == "quorum", "the tour runs quorum commands only: \(line)")
            let result = try quorum.run(Array(line.words.dropFirst()))
            if line.refused {
                #expect(result.status != 0, "expected a refusal: \(line)")
                #expect(result.errors.hasPrefix("error: "), "a refusal says why: \(line)")
            } else {
                #expect(result.status == 0, "\(line)\n\(result.errors)")
            }
        }
        let history = try quorum.run("history", "pho-chanh-van-phong-2021-1").output
        #expect(history.contains("corrected buoc-2"))
        #expect(history.contains("reopened buoc-4"))
        #expect(history.contains("review: Nguyễn Thị Hoa: removed"))
    }
}
