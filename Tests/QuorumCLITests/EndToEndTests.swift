import Foundation
import Testing

/// The real binary on the bundled definitions, as an HR officer would use it.
@Suite(.serialized)
struct EndToEndTests {
    let quorum: QuorumProcess
    let track = "pho-chanh-van-phong-2021"
    var instance: String { "\(track)-1" }
    var samples: String { "samples/\(track)" }

    init() throws { quorum = try QuorumProcess() }

    @Test func theBundledDefinitionsValidate() throws {
        defer { quorum.remove() }
        let result = try quorum.run("validate")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("6 files checked: 0 errors, 0 warnings"))
    }

    @Test func aBrokenFileGetsLocatedErrors() throws {
        defer { quorum.remove() }
        let file = quorum.path("workflows/pho-chanh-van-phong-2021.yaml")
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "kept: [tran-thi-thu-ha]", with: "kep: [tran-thi-thu-ha]")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try quorum.run("validate", "workflows/pho-chanh-van-phong-2021.yaml")
        #expect(result.status == 1)
        #expect(result.errors.contains("workflows/pho-chanh-van-phong-2021.yaml:14:5: error: unknown key 'kep' in 'titles'"))
        #expect(result.errors.contains("\n    kep: [tran-thi-thu-ha]\n    ^\nnote: did you mean 'kept'?"))
    }

    @Test func theWholeDeputyChiefTrackRunsFromTheCommandLine() throws {
        defer { quorum.remove() }
        #expect(try quorum.run("start", track).output.contains("started \(instance)"))
        #expect(try quorum.run("record", instance, "buoc-1", "--file", "\(samples)/buoc-1.yaml").status == 0)
        #expect(try quorum.run("advance", instance).output.contains("→ next: Bước 2: Hội nghị cán bộ chủ chốt"))

        // Step 2 from a spreadsheet export, with attendance on the command line.
        let csv = "title,name,votes\npho-chanh-van-phong,Nguyễn Hữu Phước,25\npho-chanh-van-phong,Võ Thành Tâm,21\n"
            + "pho-chanh-van-phong,Lê Thị Mỹ Dung,18\npho-chanh-van-phong,Phạm Minh Khoa,12\n"
        try csv.write(toFile: quorum.path("buoc-2.csv"), atomically: true, encoding: .utf8)
        let recorded = try quorum.run("record", instance, "buoc-2", "--file", "buoc-2.csv", "--present", "27")
        #expect(recorded.status == 0, "\(recorded.errors)")
        let second = try quorum.run("advance", instance)
        #expect(second.output.contains("Phạm Minh Khoa: 12 of 27 members present = 44.4%, is not more than 50% (12 × 2 = 24 ≤ 27): fails"))

        #expect(try quorum.run("record", instance, "buoc-3", "--file", "\(samples)/buoc-3.yaml").status == 0)
        let third = try quorum.run("advance", instance, "--json")
        let decision = try JSONSerialization.jsonObject(with: Data(third.output.utf8)) as? [String: Any]
        #expect(decision?["next"] as? String == "buoc-4")

        let status = try quorum.run("status", instance)
        #expect(status.output.contains("current step: Bước 4: Hội nghị lãnh đạo Văn phòng UBND tỉnh (buoc-4), attempt 1"))
        #expect(status.output.contains("meets: 16:00 18/03/2021 (Asia/Ho_Chi_Minh)"))
        #expect(status.output.contains("candidates for Phó Chánh Văn phòng UBND tỉnh: Nguyễn Hữu Phước, Võ Thành Tâm, Lê Thị Mỹ Dung"))

        #expect(try quorum.run("record", instance, "buoc-4", "--file", "\(samples)/buoc-4.yaml").status == 0)
        let last = try quorum.run("advance", instance)
        #expect(last.output.contains("Nguyễn Hữu Phước: 4 of 4 members = 100%, is more than 50% (4 × 2 = 8 > 4): passes, rank 1"))
        #expect(last.output.contains("Lê Thị Mỹ Dung: 2 of 4 members = 50%, is not more than 50% (2 × 2 = 4 ≤ 4): fails"))
        #expect(last.output.contains("added (bổ sung): 1. Nguyễn Hữu Phước, 2. Võ Thành Tâm"))
        #expect(last.output.contains("kept (giữ quy hoạch): Trần Thị Thu Hà"))

        let finished = try JSONSerialization.jsonObject(with: Data(try quorum.run("status", instance, "--json").output.utf8)) as? [String: Any]
        #expect(finished?["finished"] as? Bool == true)
        let history = try JSONSerialization.jsonObject(with: Data(try quorum.run("history", instance, "--json").output.utf8)) as? [[String: Any]]
        #expect(history?.count == 9)
        #expect(history?.allSatisfy { $0["actor"] as? String == "hanh.hctc" } == true)
        #expect(try quorum.run("advance", instance).errors.contains("has ended"))
    }

    @Test func aRefusedCommandLeavesTheStoreAsItWas() throws {
        defer { quorum.remove() }
        try quorum.run("start", track)
        let before = try quorum.run("history", instance, "--json").output
        let advance = try quorum.run("advance", instance)
        #expect(advance.status == 1)
        #expect(advance.errors.contains("error: the results of step 'buoc-1' are not complete yet"))
        let wrongStep = try quorum.run("record", instance, "buoc-2", "--file", "\(samples)/buoc-2.yaml")
        #expect(wrongStep.errors.contains("step 'buoc-2' is not open; the current step is 'buoc-1'"))
        #expect(try quorum.run("history", instance, "--json").output == before)
    }

    @Test func resultsThatCannotBeTrueArePointedAtInTheirFile() throws {
        defer { quorum.remove() }
        try quorum.run("start", track)
        try quorum.run("record", instance, "buoc-1", "--file", "\(samples)/buoc-1.yaml")
        try quorum.run("advance", instance)
        let file = quorum.path("wrong.yaml")
        try "present: 27\nvotes:\n  pho-chanh-van-phong:\n    Nguyễn Hữu Phước: 30\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try quorum.run("record", instance, "buoc-2", "--file", "wrong.yaml")
        #expect(result.status == 1)
        #expect(result.errors.contains("wrong.yaml:4:5: error: 'Nguyễn Hữu Phước' has 30 votes, more than the 27 members present"))
    }

    @Test func aChangedDefinitionIsRefusedUntilMigrated() throws {
        defer { quorum.remove() }
        try quorum.run("start", track)
        let file = quorum.path("workflows/pho-chanh-van-phong-2021.yaml")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "{ id: buoc-1, date: 2021-03-12, time: \"14:00\" }", with: "{ id: buoc-1, date: 2021-03-12, time: \"14:30\" }")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let refused = try quorum.run("record", instance, "buoc-1", "--file", "\(samples)/buoc-1.yaml")
        #expect(refused.status == 1)
        #expect(refused.errors.contains(#"steps[buoc-1].meets.time: "14:00" → "14:30""#))
        #expect(refused.errors.contains("quorum migrate \(instance)"))
        #expect(try quorum.run("status", instance).output.contains("CHANGED"))
        let migrated = try quorum.run("migrate", instance, "--reason", "Hội nghị lùi 30 phút")
        #expect(migrated.status == 0, "\(migrated.errors)")
        #expect(try quorum.run("record", instance, "buoc-1", "--file", "\(samples)/buoc-1.yaml").status == 0)
        #expect(try quorum.run("history", instance).output.contains("migrated to definition"))
    }

    @Test func twoAdvancesAtTheSameMomentAdvanceOnce() throws {
        defer { quorum.remove() }
        try quorum.run("start", track)
        try quorum.run("record", instance, "buoc-1", "--file", "\(samples)/buoc-1.yaml")
        let racers = try (0..<2).map { _ in try quorum.start(["advance", instance]) }
        let results = racers.map { $0.finish() }
        #expect(results.filter { $0.status == 0 }.count == 1, "\(results.map(\.errors))")
        #expect(results.contains { $0.errors.contains("was changed by another command meanwhile") || $0.errors.contains("are not complete yet") })
        let history = try JSONSerialization.jsonObject(with: Data(try quorum.run("history", instance, "--json").output.utf8)) as? [[String: Any]]
        #expect(history?.filter { ($0["payload"] as? [String: Any])?["advanced"] != nil }.count == 1)
    }

    @Test func theDemoRunsTheSampleTracks() throws {
        defer { quorum.remove() }
        let result = try quorum.run("demo")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Final planning list"))
        #expect(result.output.contains("added (bổ sung): 1. Nguyễn Hữu Phước, 2. Võ Thành Tâm"))
        #expect(result.output.contains("kept (giữ quy hoạch): Lê Quốc Đạt, Trương Minh Sang, Nguyễn Văn Huy"))
    }
}
