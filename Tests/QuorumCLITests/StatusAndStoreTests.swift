import Foundation
import Testing

/// Every command tells the truth about where it looks and what blocks: the store of the project it is given, no store
/// created by reading, and `status` naming what `advance` would refuse.
@Suite(.serialized)
struct StatusAndStoreTests {
    let quorum: QuorumProcess
    let track = "pho-chanh-van-phong-2021"
    var instance: String { "\(track)-1" }
    var samples: String { "samples/\(track)" }

    init() throws { quorum = try QuorumProcess() }

    @Test func theStoreBelongsToTheProjectAndReadingNeverCreatesOne() throws {
        defer { quorum.remove() }
        let elsewhere = FileManager.default.temporaryDirectory
        let noStore: [String: String?] = ["QUORUM_STORE": nil]
        let missing = try quorum.run(["status", "--project", quorum.project.path], in: elsewhere, environment: noStore)
        #expect(missing.status == 2)
        #expect(missing.errors.contains("there is no store at \(quorum.project.path)/.quorum/quorum.sqlite yet"))
        #expect(!FileManager.default.fileExists(atPath: quorum.path(".quorum/quorum.sqlite")), "reading creates no store")
        #expect(try quorum.run(["start", track, "--project", quorum.project.path], in: elsewhere, environment: noStore).status == 0)
        #expect(FileManager.default.fileExists(atPath: quorum.path(".quorum/quorum.sqlite")), "the store is in the project, not the working directory")
        let listed = try quorum.run(["status", "--project", quorum.project.path], in: elsewhere, environment: noStore)
        #expect(listed.output.contains("\(instance)  at buoc-1"))
        let unknown = try quorum.run(["history", "no-such-1", "--project", quorum.project.path], in: elsewhere, environment: noStore)
        #expect(unknown.errors.contains("no instance 'no-such-1' in the store \(quorum.project.path)/.quorum/quorum.sqlite"))
    }

    @Test func theDemoNeverWritesIntoTheStoreTheEnvironmentNames() throws {
        defer { quorum.remove() }
        #expect(try quorum.run("demo", "--formats", "md", "html", "docx").status == 0)
        #expect(!FileManager.default.fileExists(atPath: quorum.store), "the demo's invented people stay out of the real store")
    }

    @Test func statusWordsADoubleEntryFromOneAccount() throws {
        defer { quorum.remove() }
        for command in [["start", track], ["roster", instance, "--file", "\(samples)/roster.csv"], ["record", instance, "buoc-1", "--file", "\(samples)/buoc-1.yaml"],
                        ["advance", instance], ["record", instance, "buoc-2", "--file", "\(samples)/buoc-2.yaml"],
                        ["decide", instance, "--file", "\(samples)/buoc-2.decision.yaml"], ["advance", instance],
                        ["record", instance, "buoc-3", "--file", "\(samples)/buoc-3.yaml", "--entry", "1"],
                        ["record", instance, "buoc-3", "--file", "\(samples)/buoc-3.entry-2.yaml", "--entry", "2", "--actor", "Trần Văn Khác"]] {
            let result = try quorum.run(command)
            #expect(result.status == 0, "\(command): \(result.errors)")
        }
        let status = try quorum.run("status", instance).output
        #expect(status.contains("⚠ both entries of step 'buoc-3' (attempt 1) were made by the system user 'hanh.hctc', under the names 'hanh.hctc', 'Trần Văn Khác'"),
                "\(status)")
        #expect(!status.contains("Finding("))
    }

    @Test func statusNamesWhatBlocksTheNextStep() throws {
        defer { quorum.remove() }
        #expect(try quorum.run("start", track).status == 0)
        #expect(try quorum.run("roster", instance, "--file", "\(samples)/roster.csv").status == 0)
        try "present: 4\nagreed:\n  pho-chanh-van-phong: [Nguyễn Hữu Phước]\n".write(toFile: quorum.path("b1.yaml"), atomically: true, encoding: .utf8)
        #expect(try quorum.run("record", instance, "buoc-1", "--file", "b1.yaml").status == 0)
        var status = try quorum.run("status", instance).output
        #expect(status.contains("blocking the next step: step 'buoc-1' cannot be decided yet; it still needs the review decision (keep or remove) for Trần Thị Thu Hà, Nguyễn Thị Hoa"))
        #expect(status.contains("kept for Phó Chánh Văn phòng UBND tỉnh: Trần Thị Thu Hà, Nguyễn Thị Hoa (not yet reviewed)"))
        try "present: 4\nagreed:\n  pho-chanh-van-phong: [Nguyễn Hữu Phước]\nreview:\n  pho-chanh-van-phong:\n    - { person: Trần Thị Thu Hà, decision: keep }\n    - { person: Nguyễn Thị Hoa, decision: keep }\n"
            .write(toFile: quorum.path("b1.yaml"), atomically: true, encoding: .utf8)
        #expect(try quorum.run("correct", instance, "buoc-1", "--file", "b1.yaml", "--reason", "thêm phần rà soát").status == 0)
        status = try quorum.run("status", instance).output
        #expect(status.contains("blocking the next step: 'Nguyễn Thị Hoa' is kept in the plan for 'pho-chanh-van-phong' but does not meet"))
        let advance = try quorum.run("advance", instance)
        #expect(advance.status == 1, "status said what advance refuses")
        #expect(advance.errors.contains("'Nguyễn Thị Hoa' is kept in the plan"))

        try "present: 4\nagreed:\n  pho-chanh-van-phong: [Nguyễn Hữu Phước]\nreview:\n  pho-chanh-van-phong:\n    - { person: tran-thi-thu-ha, decision: keep }\n    - { person: cb-0099, decision: remove, reason: Không hoàn thành nhiệm vụ năm 2020 }\n"
            .write(toFile: quorum.path("b1.yaml"), atomically: true, encoding: .utf8)
        #expect(try quorum.run("correct", instance, "buoc-1", "--file", "b1.yaml", "--reason", "đưa ra khỏi quy hoạch").status == 0)
        #expect(try quorum.run("status", instance).output.contains("nothing; the results are complete"))
        #expect(try quorum.run("advance", instance).status == 0)
        try "present: 18\n".write(toFile: quorum.path("b2.yaml"), atomically: true, encoding: .utf8)
        let missed = try quorum.run("record", instance, "buoc-2", "--file", "b2.yaml")
        #expect(missed.status == 0, "\(missed.errors)")
        #expect(try quorum.run("status", instance).output.contains("nothing; the results are complete"), "a missed quorum is decided: held again")
        try "present: 18\nvotes:\n  pho-chanh-van-phong: { Nguyễn Hữu Phước: 17 }\n".write(toFile: quorum.path("b2.yaml"), atomically: true, encoding: .utf8)
        let refused = try quorum.run("correct", instance, "buoc-2", "--file", "b2.yaml", "--reason", "x")
        #expect(refused.errors.contains("b2.yaml:1:10: error: the meeting missed its quorum (18 of 29 members = 62.1%"))
    }
}
