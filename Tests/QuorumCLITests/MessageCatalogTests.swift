import Foundation
import QuorumCore
import QuorumFiles
import Synchronization
import Testing
@testable import quorum

@Suite("message catalogs")
struct MessageCatalogTests {
    static func catalog(_ language: String) throws -> MessageCatalog {
        let file = QuorumProcess.repository.appendingPathComponent("messages/\(language).yaml").path
        return try MessageCatalog(yaml: String(contentsOfFile: file, encoding: .utf8), file: file)
    }

    /// The keys of the phrases the sources name: a diagnostic's code (its message unless a `key:` follows), its `key:`
    /// choices, `.diagnostic("…")` and `Phrase("…")`.
    static func phraseKeys() throws -> Set<String> {
        let sources = QuorumProcess.repository.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        var keys = Set<String>()
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                for match in line.matches(of: /code: "([a-z0-9-]+)"(, key: [^\[]*|, saying:)?/) {
                    guard let keyed = match.output.2 else { keys.insert("diagnostic." + match.output.1); continue }
                    keyed.matches(of: /"([a-z0-9-]+)"/).forEach { keys.insert("diagnostic." + $0.output.1) }
                }
                line.matches(of: /\.diagnostic\("([a-z0-9-]+)"/).forEach { keys.insert("diagnostic." + $0.output.1) }
                line.matches(of: /Phrase\("([a-zA-Z.]*[a-zA-Z])"/).forEach { keys.insert(String($0.output.1)) }
            }
        }
        return keys
    }

    @Test("every message exists in Vietnamese and English, with the same placeholders, and nothing else does")
    func bothLanguagesHaveEveryMessage() throws {
        let english = try Self.catalog("en"), vietnamese = try Self.catalog("vi")
        let keys = Set(MessageKey.allCases.map(\.rawValue) + RecordProblem.Kind.allCases.map { "problem." + $0.rawValue }).union(try Self.phraseKeys())
        #expect(Set(english.messages.keys) == keys, "en: missing \(keys.subtracting(english.messages.keys).sorted()), unused \(Set(english.messages.keys).subtracting(keys).sorted())")
        #expect(Set(vietnamese.messages.keys) == keys, "vi: missing \(keys.subtracting(vietnamese.messages.keys).sorted()), unused \(Set(vietnamese.messages.keys).subtracting(keys).sorted())")
        for key in keys.sorted() {
            let inEnglish = MessageCatalog.placeholders(in: english.messages[key] ?? "")
            let inVietnamese = MessageCatalog.placeholders(in: vietnamese.messages[key] ?? "")
            #expect(inEnglish == inVietnamese, "\(key): en has \(inEnglish.sorted()), vi has \(inVietnamese.sorted())")
        }
    }

    @Test("the binary carries the catalogs of messages/ as they are in the repository")
    func theBuiltInCatalogsAreTheFiles() throws {
        #expect(Messages.catalog(.en)?.messages == (try Self.catalog("en")).messages)
        #expect(Messages.catalog(.vi)?.messages == (try Self.catalog("vi")).messages)
    }

    @Test("--lang, then QUORUM_LANG, then LANG choose the language; English otherwise")
    func theLanguageIsChosenInOrder() {
        #expect(Language.resolve(.en, environment: ["QUORUM_LANG": "vi", "LANG": "vi_VN.UTF-8"]) == .en)
        #expect(Language.resolve(nil, environment: ["QUORUM_LANG": "en", "LANG": "vi_VN.UTF-8"]) == .en)
        #expect(Language.resolve(nil, environment: ["QUORUM_LANG": "VI"]) == .vi)
        #expect(Language.resolve(nil, environment: ["LANG": "vi_VN.UTF-8"]) == .vi)
        #expect(Language.resolve(nil, environment: ["QUORUM_LANG": "fr", "LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.resolve(nil, environment: [:]) == .en)
        #expect(Language.written(in: ["quorum", "status", "--lang", "vi"]) == .vi)
        #expect(Language.written(in: ["quorum", "--lang=en", "--help"]) == .en)
        #expect(Language.written(in: ["quorum", "status", "--lang"]) == nil)
    }

    @Test("a deadline is warned about when it has passed or is 14 days or fewer away, in the language of the messages",
          arguments: [("2021-03-01", nil), ("2021-03-04", "14 days left"), ("2021-03-17", "1 day left"),
                      ("2021-03-18", "must reach the authority today"), ("2021-03-20", "passed 2 days ago"), ("2020-03-18", nil)])
    func deadlineWarnings(today: String, warning: String?) throws {
        let deadline = try #require(Deadline(date: "2021-03-18"))
        let message = Messages.deadlineWarning(deadline, today: today)
        if let warning {
            #expect(message?.contains(warning) == true && message?.contains("18/03/2021") == true, "\(String(describing: message))")
        } else {
            #expect(message == nil)
        }
    }

    /// A served request's verdicts are worded on a second core while other work goes on, and tests run side by
    /// side: work in one language never takes another's words.
    @Test func workInTwoLanguagesAtOnceKeepsEachItsOwn() {
        let expected: [Language: String] = [.en: "nobody", .vi: "không có ai"]
        let wrong = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 2_000) { index in
            let language: Language = index.isMultiple(of: 2) ? .en : .vi
            let words = Messages.speaking(language) { (Messages.language, Messages.text(.nobody)) }
            if words != (language, expected[language]) { wrong.withLock { $0 += 1 } }
        }
        #expect(wrong.withLock { $0 } == 0)
    }
}
