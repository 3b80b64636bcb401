import Foundation
import QuorumFiles
import Testing
@testable import quorum

@Suite("message catalogs")
struct MessageCatalogTests {
    static func catalog(_ language: String) throws -> MessageCatalog {
        let file = QuorumProcess.repository.appendingPathComponent("messages/\(language).yaml").path
        return try MessageCatalog(yaml: String(contentsOfFile: file, encoding: .utf8), file: file)
    }

    @Test("every message exists in Vietnamese and English, with the same placeholders, and nothing else does")
    func bothLanguagesHaveEveryMessage() throws {
        let english = try Self.catalog("en"), vietnamese = try Self.catalog("vi")
        let keys = Set(MessageKey.allCases.map(\.rawValue))
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
        #expect(Messages.catalogs[.en]?.messages == (try Self.catalog("en")).messages)
        #expect(Messages.catalogs[.vi]?.messages == (try Self.catalog("vi")).messages)
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
}
