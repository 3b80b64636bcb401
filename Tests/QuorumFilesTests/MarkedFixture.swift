import Foundation
import QuorumCore
import QuorumFiles

/// A fixture whose text carries markers such as `1️⃣` where a diagnostic must land, and expectation lines
/// `#! 1️⃣ error: text` at the end. The markers and expectation lines are removed before the file is read.
struct MarkedFixture {
    struct Expectation {
        let line: Int
        let column: Int
        let severity: String
        let text: String
    }

    let text: String
    let expectations: [Expectation]

    init(contentsOf url: URL) throws {
        let source = try String(contentsOf: url, encoding: .utf8)
        var kept: [String] = []
        var positions: [String: (line: Int, column: Int)] = [:]
        var wanted: [(marker: String, severity: String, text: String)] = []
        for line in source.components(separatedBy: "\n") {
            if line.hasPrefix("#! ") {
                let parts = line.dropFirst(3).split(separator: " ", maxSplits: 2).map(String.init)
                wanted.append((parts[0], String(parts[1].dropLast()), parts[2]))
                continue
            }
            var cleaned = String.UnicodeScalarView()
            var scalars = Array(line.unicodeScalars)
            while !scalars.isEmpty {
                if scalars.count >= 3, ("1"..."9").contains(scalars[0]), scalars[1] == "\u{FE0F}", scalars[2] == "\u{20E3}" {
                    positions[String(String.UnicodeScalarView(scalars[0..<3]))] = (kept.count + 1, cleaned.count + 1)
                    scalars.removeFirst(3)
                } else {
                    cleaned.append(scalars.removeFirst())
                }
            }
            kept.append(String(cleaned))
        }
        text = kept.joined(separator: "\n")
        expectations = wanted.map { want in
            let position = positions[want.marker] ?? (0, 0)
            return Expectation(line: position.line, column: position.column, severity: want.severity, text: want.text)
        }
    }
}

enum ProjectFolder {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

extension Phrase {
    /// The English catalog of the repository, for tests that read what a user reads.
    static let englishCatalog = try! MessageCatalog(yaml: String(contentsOfFile: ProjectFolder.path("messages/en.yaml"), encoding: .utf8),
                                                    file: ProjectFolder.path("messages/en.yaml"))

    /// The phrase as the English command line words it.
    var english: String { Self.englishCatalog.words(self) ?? "missing message \(self)" }
}

extension DiagnosticRenderer {
    /// A renderer in English, as the command line renders with `--lang en`.
    init() { self.init(words: \.english) }
}
