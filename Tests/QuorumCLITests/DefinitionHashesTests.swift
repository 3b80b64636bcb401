import Foundation
import QuorumCore
import QuorumFiles
import Testing
@testable import quorum

/// `status` compares an instance's pinned definition with the hashes kept from the last validation, filed under the
/// bytes of every definition file: any change to a file is seen, and a file that is not what it claims is not used.
struct DefinitionHashesTests {
    @Test("the key changes with any byte of any file, and with a file added")
    func theKeyFollowsEveryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-hashes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.yaml").path, b = folder.appendingPathComponent("b.yaml").path
        try "id: a\n".write(toFile: a, atomically: true, encoding: .utf8)
        let one = DefinitionHashes.key(of: [a])
        #expect(DefinitionHashes.key(of: [a]) == one, "the same bytes give the same key")
        try "id: b\n".write(toFile: a, atomically: true, encoding: .utf8)
        let changed = DefinitionHashes.key(of: [a])
        #expect(changed != one)
        try "".write(toFile: b, atomically: true, encoding: .utf8)
        #expect(DefinitionHashes.key(of: [a, b]) != changed, "an empty file added still changes the key")
        #expect(ContentHash.of([Data("ab".utf8), Data()]) != ContentHash.of([Data("a".utf8), Data("b".utf8)]), "parts are not run together")
    }

    @Test("status sees a changed file at once, and ignores hashes filed under another key")
    func statusSeesEveryChange() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        #expect(try quorum.run("start", "pho-chanh-van-phong-2021").status == 0)
        let id = "pho-chanh-van-phong-2021-1"
        #expect(try !quorum.run("status", id).output.contains("CHANGED"))
        let cache = quorum.path(".quorum/cache/definition-hashes.json")
        #expect(FileManager.default.fileExists(atPath: cache), "the validation's hashes are kept for the next command")
        // The kept hashes are what status reads while the files are unchanged (a wrong one there shows).
        let kept = try JSONDecoder().decode(DefinitionHashes.self, from: try Data(contentsOf: URL(fileURLWithPath: cache)))
        DefinitionHashes(key: kept.key, hashes: ["pho-chanh-van-phong-2021": "0"]).write(cache)
        #expect(try quorum.run("status", id).output.contains("CHANGED"), "the kept hashes are used")
        kept.write(cache)
        #expect(try !quorum.run("status", id).output.contains("CHANGED"))
        try quorum.edit("workflows/pho-chanh-van-phong-2021.yaml", replacing: "name: Rà soát, bổ sung quy hoạch chức danh",
                        with: "name: Rà soát lại, bổ sung quy hoạch chức danh")
        #expect(try quorum.run("status", id).output.contains("CHANGED"), "an edited file is seen although hashes were kept")
        // Hashes filed under a key that is not the files' own are never read: the files are validated instead.
        let forged = DefinitionHashes(key: "not the files", catalog: DefinitionCatalog(files: [], library: []))
        forged.write(cache)
        #expect(try quorum.run("status", id).output.contains("CHANGED"))
    }
}
