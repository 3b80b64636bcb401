import Foundation
import Testing

/// `validate` reports every problem in one run, each root cause once, in file and line order.
@Suite("validate in one pass")
struct ValidateOnePassTests {
    /// The `file:line:col: error: message` lines of a run.
    static func errors(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
    }

    @Test("a misspelt key does not hide the file's other problems, nor cascade into the track that follows it")
    func everyProblemOnceInOneRun() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let track = "workflows/pho-chanh-van-phong-2021.yaml"
        try quorum.edit(track, replacing: "    kept: [tran-thi-thu-ha, nguyen-thi-hoa]", with: "    kep: [tran-thi-thu-ha, nguyen-thi-hoa]")
        try quorum.edit(track, replacing: "place: Hội trường Văn phòng UBND tỉnh }", with: "place: Hội trường Văn phòng UBND tỉnh, body: khong-co }")
        let result = try quorum.run("validate")
        #expect(result.status == 2)
        let errors = Self.errors(result.errors)
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.first?.hasPrefix("./\(track):15:5: error: unknown key 'kep' in 'titles'") == true, "\(errors)")
        #expect(errors.last?.contains("\(track):19:") == true && errors.last?.contains("unknown body 'khong-co'") == true, "\(errors)")
        #expect(!result.errors.contains("no meeting times are known"), "the track that follows this one is not blamed")
        #expect(result.errors.hasSuffix("12 files checked: 2 errors, 0 warnings\n"), "\(result.errors)")
        // Neither the broken track nor the one that follows its times runs; the second says what it waits for.
        let broken = try quorum.run("start", "pho-chanh-van-phong-2021")
        #expect(broken.status == 2 && broken.errors.contains("does not validate"), "\(broken.errors)")
        let following = try quorum.run("start", "truong-pho-phong-2021")
        #expect(following.status == 2 && following.errors.contains("cannot run until what it rests on validates: pho-chanh-van-phong-2021"),
                "\(following.errors)")
        // The misspelt key is read as meant, so nothing else is said about the title it belongs to: its people
        // are still checked (a person unknown there is found in the same run).
        try quorum.edit(track, replacing: "kep: [tran-thi-thu-ha, nguyen-thi-hoa]", with: "kep: [tran-thi-thu-ha, nguyen-thi-hoa, ai-do]")
        let again = Self.errors(try quorum.run("validate").errors)
        #expect(again.count == 3 && again.contains { $0.contains("'ai-do'") }, "\(again)")
    }

    @Test("a rule that does not resolve is one error where it is named, not one per title of every track")
    func oneRootCauseOneError() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        try quorum.edit("workflows/quy-trinh-4-buoc.yaml", replacing: "selection: lay-tu-cao-xuong\n", with: "selection: lay-tu-cao-xuong-x\n")
        let result = try quorum.run("validate")
        let errors = Self.errors(result.errors)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.contains("quy-trinh-4-buoc.yaml:68:16: error: unknown rule 'lay-tu-cao-xuong-x'") == true, "\(errors)")
        #expect(!result.errors.contains("has no cap"))
    }

    @Test("problems come sorted by file and line, the summary last")
    func sortedWithASummary() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        try quorum.edit("workflows/truong-pho-phong-2021.yaml", replacing: "authority: Văn phòng UBND tỉnh", with: "authorty: Văn phòng UBND tỉnh")
        try quorum.edit("workflows/chanh-van-phong-2021.yaml", replacing: "authority: Ban Thường vụ Tỉnh ủy", with: "authority: Ban Thường vụ Tỉnh ủy\nghi-chu-rieng: 1")
        try quorum.edit("rules/hd-06-2017.yaml", replacing: "    fraction: 1/2\n    examples:\n      - { count: 3, of: 4",
                        with: "    fraction: một nửa\n    examples:\n      - { count: 3, of: 4")
        let result = try quorum.run("validate", "--json")
        let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let diagnostics = report?["diagnostics"] as? [[String: Any]] ?? []
        let places = diagnostics.map { "\($0["file"] as? String ?? ""):\(String(format: "%05d", $0["line"] as? Int ?? 0))" }
        #expect(places.count == 3, "\(diagnostics)")
        #expect(places == places.sorted())
        #expect(report?["errors"] as? Int == 3)
        #expect(!result.output.contains("unknown rule set"), "a rule set with a problem is not unknown to the workflows naming it")
    }
}
