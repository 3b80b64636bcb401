import Foundation
import QuorumCore
import QuorumFiles
import Testing
@testable import quorum

/// `status` compares an instance's pinned definition with the hash kept from the last validation while the files
/// that definition rests on are unchanged, hashing those files alone; any other change to the project's files, or
/// hashes it cannot read, costs a validation instead.
struct DefinitionHashesTests {
    /// Files the kept hashes were not taken from are never believed.
    @Test func keptHashesNeedTheSameFilesAndTheirBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-hashes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.yaml").path, b = folder.appendingPathComponent("b.yaml").path
        try "id: a\n".write(toFile: a, atomically: true, encoding: .utf8)
        let root = folder.path
        let kept = DefinitionHashes(listing: DefinitionHashes.listing([a], root: root), definition: "h", files: DefinitionHashes.files([a], root: root))
        #expect(kept.files.keys.sorted() == ["a.yaml"], "kept by the path in the project")
        #expect(kept.definitionHash(library: [a], root: root) == .some("h"))
        let invalid = DefinitionHashes(listing: DefinitionHashes.listing([a], root: root), definition: nil, files: DefinitionHashes.files([a], root: root))
        #expect(invalid.definitionHash(library: [a], root: root) == .some(nil), "unchanged files: a workflow that did not validate still does not")
        try "".write(toFile: b, atomically: true, encoding: .utf8)
        #expect(kept.definitionHash(library: [a, b], root: root) == nil, "a file added, even empty, costs a validation")
        try "id: a # sửa\n".write(toFile: a, atomically: true, encoding: .utf8)
        #expect(kept.definitionHash(library: [a], root: root) == nil)
        #expect(ContentHash.of([Data("ab".utf8), Data()]) != ContentHash.of([Data("a".utf8), Data("b".utf8)]), "parts are not run together")
    }

    @Test("status hashes only the files an instance's definition rests on, and sees any change to them")
    func statusSeesEveryChangeToWhatTheDefinitionRestsOn() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        #expect(try quorum.run("start", "pho-chanh-van-phong-2021").status == 0)
        #expect(try quorum.run("start", "truong-pho-phong-2021").status == 0)
        let deputy = "pho-chanh-van-phong-2021-1", heads = "truong-pho-phong-2021-1"
        #expect(try !quorum.run("status", deputy).output.contains("CHANGED"))
        let cache = quorum.path(".quorum/cache/definitions")
        #expect(DefinitionHashes.read("pho-chanh-van-phong-2021", in: cache) != nil,
                "the validation's hashes are kept for the next command")
        /// Keeps a wrong definition hash for `workflow`: status shows CHANGED while it believes what is kept.
        func forge(_ workflow: String) throws {
            let kept = try #require(DefinitionHashes.read(workflow, in: cache))
            DefinitionHashes(listing: kept.listing, definition: "0", files: kept.files).write(DefinitionHashes.entry(workflow, in: cache))
        }
        func believed(_ id: String) throws -> Bool { try quorum.run("status", id).output.contains("CHANGED") }
        func appendComment(_ file: String) throws {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: quorum.path(file)))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("\n# ghi chú\n".utf8))
            try handle.close()
        }

        try forge("pho-chanh-van-phong-2021")
        #expect(try believed(deputy), "the kept hashes are used")
        try appendComment("workflows/lanh-dao-so-tnmt-2021.yaml")
        #expect(try believed(deputy), "another unit's file is not what this definition rests on")
        for file in ["workflows/quy-trinh-4-buoc.yaml", "rules/lich-lam-viec.yaml"] {
            try forge("pho-chanh-van-phong-2021")
            try appendComment(file)
            #expect(try !believed(deputy), "\(file) is validated again")
        }
        try forge("pho-chanh-van-phong-2021")
        try "id: nhap\n".write(toFile: quorum.path("workflows/nhap.yaml"), atomically: true, encoding: .utf8)
        #expect(try !believed(deputy), "a file added to the project is validated")
        try forge("truong-pho-phong-2021")
        try appendComment("workflows/pho-chanh-van-phong-2021.yaml")
        #expect(try !believed(heads), "the file of the track its meetings follow")

        try quorum.edit("workflows/pho-chanh-van-phong-2021.yaml", replacing: "name: Rà soát, bổ sung quy hoạch chức danh",
                        with: "name: Rà soát lại, bổ sung quy hoạch chức danh")
        #expect(try quorum.run("status", deputy).output.contains("CHANGED"), "an edited definition is seen")
        try Data("không phải JSON".utf8).write(to: URL(fileURLWithPath: DefinitionHashes.entry("pho-chanh-van-phong-2021", in: cache)))
        #expect(try quorum.run("status", deputy).output.contains("CHANGED"), "a damaged entry is validated instead")
    }

    /// The project named another way (its full path instead of `.`, as a command run from elsewhere names it) is the
    /// same project: what its last validation found still holds, and is not validated and written again.
    @Test func theKeptHashesHoldHoweverTheProjectIsNamed() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        #expect(try quorum.run("start", "pho-chanh-van-phong-2021").status == 0)
        let cache = quorum.path(".quorum/cache/definitions"), entry = DefinitionHashes.entry("pho-chanh-van-phong-2021", in: cache)
        let kept = try #require(DefinitionHashes.read("pho-chanh-van-phong-2021", in: cache))
        // A wrong hash kept on purpose: `status` says CHANGED only while it believes the kept entry.
        DefinitionHashes(listing: kept.listing, definition: "0", files: kept.files).write(entry)
        for project in [quorum.path("."), quorum.path("../" + URL(fileURLWithPath: quorum.path(".")).standardized.lastPathComponent)] {
            #expect(try quorum.run("status", "pho-chanh-van-phong-2021-1", "--project", project).output.contains("CHANGED"), "\(project)")
        }
    }

    /// `validate` of the whole project keeps what it found, like any command that validates; of single files, not.
    @Test func validatingTheProjectKeepsWhatItFound() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let cache = quorum.path(".quorum/cache/definitions")
        #expect(try quorum.run("validate", "workflows/pho-chanh-van-phong-2021.yaml").status == 0)
        #expect(DefinitionHashes.read("pho-chanh-van-phong-2021", in: cache) == nil)
        #expect(try quorum.run("validate").status == 0)
        let kept = try #require(DefinitionHashes.read("pho-chanh-van-phong-2021", in: cache))
        #expect(kept.definition != nil)
        #expect(kept.files.keys.contains { $0.hasSuffix("workflows/pho-chanh-van-phong-2021.yaml") })
        #expect(kept.files.keys.contains { $0.hasSuffix("rules/hd-06-2017.yaml") })
    }

    /// A command that changes the store takes the definition the store keeps while the files it rests on are those
    /// the last validation hashed, and validates again as soon as one of them differs.
    @Test func recordingValidatesOnlyWhenTheFilesChanged() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let id = "pho-chanh-van-phong-2021-1", sheet = quorum.path("samples/pho-chanh-van-phong-2021/buoc-1.yaml")
        #expect(try quorum.run("start", "pho-chanh-van-phong-2021").status == 0)
        let record = try quorum.run("record", id, "buoc-1", "--file", sheet, "--log-level", "debug")
        #expect(record.status == 0, "\(record.errors)")
        #expect(!record.errors.contains("validating"), "the files are as start left them: \(record.errors)")
        try quorum.edit("workflows/pho-chanh-van-phong-2021.yaml", replacing: "name: Rà soát, bổ sung quy hoạch chức danh",
                        with: "name: Rà soát lại, bổ sung quy hoạch chức danh")
        let advance = try quorum.run("advance", id, "--log-level", "debug")
        #expect(advance.errors.contains("validating"))
        #expect(advance.status != 0 && advance.errors.contains("pho-chanh-van-phong-2021"), "the changed definition is refused: \(advance.errors)")
    }
}
