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

    /// Starts the track and imports the sample roster its candidates are screened against.
    private func start() throws {
        #expect(try quorum.run("start", track).output.contains("started \(instance)"))
        let imported = try quorum.run("roster", instance, "--file", "\(samples)/roster.csv")
        #expect(imported.output.contains("imported 8 people"), "\(imported.errors)")
    }

    @Test func theBundledDefinitionsValidate() throws {
        defer { quorum.remove() }
        let result = try quorum.run("validate")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("12 files checked: 0 errors, 0 warnings"))
    }

    @Test func aBrokenFileGetsLocatedErrors() throws {
        defer { quorum.remove() }
        let file = quorum.path("workflows/pho-chanh-van-phong-2021.yaml")
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "kept: [tran-thi-thu-ha, nguyen-thi-hoa]", with: "kep: [tran-thi-thu-ha, nguyen-thi-hoa]")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try quorum.run("validate", "workflows/pho-chanh-van-phong-2021.yaml")
        #expect(result.status == 2)
        #expect(result.errors.contains("workflows/pho-chanh-van-phong-2021.yaml:15:5: error: unknown key 'kep' in 'titles'"))
        #expect(result.errors.contains("\n    kep: [tran-thi-thu-ha, nguyen-thi-hoa]\n    ^\nnote: did you mean 'kept'?"))
    }

    @Test func theWholeDeputyChiefTrackRunsFromTheCommandLine() throws {
        defer { quorum.remove() }
        try start()
        #expect(try quorum.run("record", instance, "buoc-1", "--file", "\(samples)/buoc-1.yaml").status == 0)
        let first = try quorum.run("advance", instance)
        #expect(first.output.contains("→ next: Bước 2: Hội nghị cán bộ chủ chốt"))
        #expect(first.output.contains("Huỳnh Văn Lộc: not eligible: does not meet 'Quy hoạch lần đầu phải đủ tuổi công tác trọn một nhiệm kỳ'"))

        // Step 2 from a spreadsheet export, with attendance and ballot counts on the command line.
        let csv = "title,name,votes\npho-chanh-van-phong,Nguyễn Hữu Phước,25\npho-chanh-van-phong,Võ Thành Tâm,21\n"
            + "pho-chanh-van-phong,Lê Thị Mỹ Dung,18\npho-chanh-van-phong,Phạm Minh Khoa,12\n"
        try csv.write(toFile: quorum.path("buoc-2.csv"), atomically: true, encoding: .utf8)
        let recorded = try quorum.run("record", instance, "buoc-2", "--file", "buoc-2.csv", "--present", "27", "--ballots", "27,27,26,1")
        #expect(recorded.status == 0, "\(recorded.errors)")
        // The leadership decides the list on the counts; taking someone on below the reference threshold needs a reason.
        #expect(try quorum.run("advance", instance).errors.contains("it still needs the decision of 'lanh-dao-vp' on who goes on for pho-chanh-van-phong"))
        #expect(try quorum.run("decide", instance, "--title", "pho-chanh-van-phong",
                               "--choose", "Nguyễn Hữu Phước; Võ Thành Tâm; Lê Thị Mỹ Dung").status == 0)
        let second = try quorum.run("advance", instance)
        #expect(second.output.contains("Phạm Minh Khoa: 12 of 27 present = 44.4%, is not more than 50% of those present (12 × 2 = 24 ≤ 27): not taken on by the body"))

        // Step 3 is entered twice, by two people, and closes only when both entries agree.
        try "present: 13\nballots: { issued: 13, returned: 13, valid: 13, invalid: 0 }\nvotes:\n  pho-chanh-van-phong:\n    Nguyễn Hữu Phước: 12\n    Võ Thành Tâm: 10\n    Lê Thị Mỹ Dung: 9\n"
            .write(toFile: quorum.path("buoc-3.yaml"), atomically: true, encoding: .utf8)
        let once = try quorum.run("record", instance, "buoc-3", "--file", "buoc-3.yaml")
        #expect(once.errors.contains("give --entry 1 or --entry 2"))
        #expect(try quorum.run("record", instance, "buoc-3", "--file", "buoc-3.yaml", "--entry", "1").status == 0)
        let sameClerk = try quorum.run("record", instance, "buoc-3", "--file", "buoc-3.yaml", "--entry", "2")
        #expect(sameClerk.errors.contains("entry 1 was made by 'hanh.hctc'; entry 2 must be made by someone else"))
        try "present: 13\nballots: { issued: 13, returned: 13, valid: 13, invalid: 0 }\nvotes:\n  pho-chanh-van-phong:\n    Nguyễn Hữu Phước: 12\n    Võ Thành Tâm: 10\n    Lê Thị Mỹ Dung: 6\n"
            .write(toFile: quorum.path("buoc-3-typo.yaml"), atomically: true, encoding: .utf8)
        #expect(try quorum.run("record", instance, "buoc-3", "--file", "buoc-3-typo.yaml", "--entry", "2", "--actor", "lan.hctc").status == 0)
        let disagree = try quorum.run("advance", instance)
        #expect(disagree.status == 1)
        #expect(disagree.errors.contains("Lê Thị Mỹ Dung (pho-chanh-van-phong): entry 1 = 9, entry 2 = 6"))
        #expect(try quorum.run("record", instance, "buoc-3", "--file", "buoc-3.yaml", "--entry", "2", "--actor", "lan.hctc").status == 0)
        let third = try quorum.run("advance", instance, "--json")
        let decision = try JSONSerialization.jsonObject(with: Data(third.output.utf8)) as? [String: Any]
        #expect(decision?["next"] as? String == "buoc-4")

        let status = try quorum.run("status", instance)
        #expect(status.output.contains("current step: Bước 4: Hội nghị lãnh đạo Văn phòng UBND tỉnh (buoc-4), attempt 1"))
        #expect(status.output.contains("meets: 16:00 18/03/2021 (Asia/Ho_Chi_Minh)"))
        #expect(status.output.contains("candidates for Phó Chánh Văn phòng UBND tỉnh: Nguyễn Hữu Phước, Võ Thành Tâm, Lê Thị Mỹ Dung"))

        // Step 4 ballot by ballot: a paper naming someone not on the list is invalid and not counted.
        try "ballot,marked\n1,Nguyễn Hữu Phước; Võ Thành Tâm; Lê Thị Mỹ Dung\n2,Nguyễn Hữu Phước; Võ Thành Tâm; Lê Thị Mỹ Dung\n3,Nguyễn Hữu Phước; Võ Thành Tâm\n4,Nguyễn Hữu Phước; Phạm Minh Khoa\n"
            .write(toFile: quorum.path("phieu.csv"), atomically: true, encoding: .utf8)
        #expect(try quorum.run("record", instance, "buoc-4", "--file", "phieu.csv", "--present", "4", "--issued", "4").status == 0)
        let last = try quorum.run("advance", instance)
        #expect(last.output.contains("Ballots: 4 issued, 4 returned, 3 valid, 1 invalid"))
        #expect(last.output.contains("Nguyễn Hữu Phước: 3 of 4 members = 75%, is more than 50% of all members (3 × 2 = 6 > 4): passes, rank 1"))
        #expect(last.output.contains("Lê Thị Mỹ Dung: 2 of 4 members = 50%, is not more than 50% of all members (2 × 2 = 4 ≤ 4): fails"))
        #expect(last.output.contains("added (bổ sung): 1. Nguyễn Hữu Phước, 2. Võ Thành Tâm"))
        #expect(last.output.contains("kept (giữ quy hoạch): Trần Thị Thu Hà"))

        let finished = try JSONSerialization.jsonObject(with: Data(try quorum.run("status", instance, "--json").output.utf8)) as? [String: Any]
        #expect(finished?["finished"] as? Bool == true)
        let history = try JSONSerialization.jsonObject(with: Data(try quorum.run("history", instance, "--json").output.utf8)) as? [[String: Any]]
        #expect(history?.count == 17)
        #expect(Set(history?.compactMap { $0["actor"] as? String } ?? []) == ["hanh.hctc", "lan.hctc"])
        #expect(try quorum.run("advance", instance).errors.contains("has ended"))
        #expect(try quorum.run("verify", instance).output.contains("all 17 events verified"))

        // The official records, from the stored history.
        let minutes = try quorum.run("report", instance, "--step", "buoc-4")
        #expect(minutes.output.contains("BIÊN BẢN KIỂM PHIẾU"))
        #expect(minutes.output.contains("Số phiếu không hợp lệ: 1"))
        #expect(minutes.output.contains("| 1 | Nguyễn Hữu Phước | 3 | 75% | Đạt, xếp thứ 1 |"))
        let submission = try quorum.run("report", instance, "--format", "html", "--output", "to-trinh.html")
        #expect(submission.status == 0, "\(submission.errors)")
        let html = try String(contentsOfFile: quorum.path("to-trinh.html"), encoding: .utf8)
        #expect(html.contains("<h1>TỜ TRÌNH</h1>"))
        #expect(html.contains("Kính gửi: Ban Thường vụ Tỉnh ủy."))
        let meeting = try quorum.run("report", instance, "--step", "buoc-1").output
        #expect(meeting.contains("BIÊN BẢN HỘI NGHỊ"), "a discussion has its meeting's minutes")
        #expect(meeting.contains("RÀ SOÁT NHỮNG NGƯỜI ĐANG TRONG QUY HOẠCH"))
    }

    @Test func aRefusedCommandLeavesTheStoreAsItWas() throws {
        defer { quorum.remove() }
        try quorum.run("start", track)
        let before = try quorum.run("history", instance, "--json").output
        let advance = try quorum.run("advance", instance)
        #expect(advance.status == 1)
        #expect(advance.errors.contains("error: step 'buoc-1' cannot be decided yet; it still needs"))
        let wrongStep = try quorum.run("record", instance, "buoc-2", "--file", "\(samples)/buoc-2.yaml")
        #expect(wrongStep.errors.contains("step 'buoc-2' is not open; the current step is 'buoc-1'"))
        #expect(try quorum.run("history", instance, "--json").output == before)
    }

    @Test func resultsThatCannotBeTrueArePointedAtInTheirFile() throws {
        defer { quorum.remove() }
        try start()
        try quorum.run("record", instance, "buoc-1", "--file", "\(samples)/buoc-1.yaml")
        try quorum.run("advance", instance)
        let file = quorum.path("wrong.yaml")
        try "present: 27\nvotes:\n  pho-chanh-van-phong:\n    Nguyễn Hữu Phước: 30\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try quorum.run("record", instance, "buoc-2", "--file", "wrong.yaml")
        #expect(result.status == 2)
        #expect(result.errors.contains("wrong.yaml:4:5: error: 'Nguyễn Hữu Phước' has 30 votes, more than the 27 members present"))
    }

    @Test func aChangedDefinitionIsRefusedUntilMigrated() throws {
        defer { quorum.remove() }
        try start()
        let file = quorum.path("workflows/pho-chanh-van-phong-2021.yaml")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "{ id: buoc-1, date: 2021-03-12, time: \"14:00\",", with: "{ id: buoc-1, date: 2021-03-12, time: \"14:30\",")
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
        try start()
        try quorum.run("record", instance, "buoc-1", "--file", "\(samples)/buoc-1.yaml")
        let racers = try (0..<2).map { _ in try quorum.start(["advance", instance]) }
        let results = racers.map { $0.finish() }
        #expect(results.filter { $0.status == 0 }.count == 1, "\(results.map(\.errors))")
        #expect(results.contains { $0.errors.contains("was changed by another command meanwhile") || $0.errors.contains("cannot be decided yet") })
        let history = try JSONSerialization.jsonObject(with: Data(try quorum.run("history", instance, "--json").output.utf8)) as? [[String: Any]]
        #expect(history?.filter { ($0["payload"] as? [String: Any])?["advanced"] != nil }.count == 1)
    }

    @Test func aRosterWithMistakesIsRefusedWithLocatedErrors() throws {
        defer { quorum.remove() }
        try start()
        let file = quorum.path("ho-so.csv")
        try "id,full_name,birth_date,gender,ratings\ncb-1,Nguyễn Văn A,31/02/1980,nam,2020:HTTNV\ncb-2,Trần Thị B,1985-01-01,nu,2020:TOT\ncb-1,Lê C,1980-01-01,nam,\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try quorum.run("roster", instance, "--file", "ho-so.csv")
        #expect(result.status == 2)
        #expect(result.errors.contains("ho-so.csv:2:19: error: '31/02/1980' is not a date"))
        #expect(result.errors.contains("ho-so.csv:3:28: error: 'nu' is not a gender; write nam or nữ"))
        #expect(result.errors.contains("ho-so.csv:3:31: error: 'TOT' is not a rating"))
        #expect(result.errors.contains("ho-so.csv:4:1: error: id 'cb-1' is already used on line 2"))
        let screened = try quorum.run("screen", instance, "--all")
        #expect(screened.output.contains("2 kept, 6 others in the roster"), "the earlier roster stays: nothing was imported")
    }

    @Test func anOverrideLetsAnIneligibleCandidateThrough() throws {
        defer { quorum.remove() }
        try start()
        let before = try quorum.run("screen", instance, "--all")
        #expect(before.output.contains("✗ Huỳnh Văn Lộc: not eligible"))
        #expect(before.output.contains("du-tuoi-cong-tac-mot-nhiem-ky: does not meet"))
        let unknown = try quorum.run("override", instance, "--person", "Huỳnh Văn Lộc", "--rule", "du-tuoi", "--reason", "x")
        #expect(unknown.errors.contains("did you mean 'du-tuoi-cong-tac-mot-nhiem-ky'?"))
        let recorded = try quorum.run("override", instance, "--person", "Huỳnh Văn Lộc", "--rule", "du-tuoi-cong-tac-mot-nhiem-ky",
                                      "--reason", "Tập thể lãnh đạo thống nhất theo ý kiến cấp ủy")
        #expect(recorded.status == 0, "\(recorded.errors)")
        #expect(try quorum.run("screen", instance, "--all").output.contains("✓ Huỳnh Văn Lộc: eligible by override"))
        #expect(try quorum.run("history", instance).output.contains("override for Huỳnh Văn Lộc"))
    }

    @Test func evalTriesARuleOut() throws {
        defer { quorum.remove() }
        let value = try quorum.run("eval", "person.ratings[2020] in ['HTTNV', 'HTXSNV'] && x.size() == 3", "--var", "x=[1, 2u, \"a\"]",
                                   "--data", "\(samples)/../../rules/hd-06-2017.yaml")
        #expect(value.status == 2, "the rules file has no 'person', so the evaluation fails")
        #expect(value.errors.contains("undeclared reference to 'person"))
        try "person:\n  ratings: {2020: HTTNV}\n".write(toFile: quorum.path("p.yaml"), atomically: true, encoding: .utf8)
        let passed = try quorum.run("eval", "person.ratings[2020] in ['HTTNV', 'HTXSNV'] && x.size() == 3", "--var", "x=[1, 2u, \"a\"]",
                                    "--data", "p.yaml")
        #expect(passed.output == "true\n")
        #expect(try quorum.run("eval", "timestamp('2021-03-18T14:00:00+07:00')").output == "timestamp(\"2021-03-18T07:00:00Z\")\n")
        let broken = try quorum.run("eval", "1 + ")
        #expect(broken.status == 2)
        #expect(broken.errors.contains("1:5: syntax error"))
    }

    @Test func simulateRunsTheScenariosAndFailsOnABrokenOne() throws {
        defer { quorum.remove() }
        let passing = try quorum.run("simulate", track)
        #expect(passing.status == 0, "\(passing.errors)")
        #expect(passing.output.contains("3 of 3 scenarios as expected"))
        let file = quorum.path("scenarios/chanh-van-phong-2021/giu-nguyen.yaml")
        try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "added: { chanh-van-phong: [] }", with: "added: { chanh-van-phong: [Lê Văn Z] }")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let failing = try quorum.run("simulate", "chanh-van-phong-2021")
        #expect(failing.status == 1)
        #expect(failing.output.contains("✗ expected chanh-van-phong to add Lê Văn Z, but it added nobody"))
        #expect(!FileManager.default.fileExists(atPath: quorum.store), "a simulation never touches the store")
    }

    @Test func showDrawsTheStateMachine() throws {
        defer { quorum.remove() }
        let mermaid = try quorum.run("show", track)
        #expect(mermaid.output.hasPrefix("flowchart TD"))
        #expect(mermaid.output.contains("Bước 4: Hội nghị lãnh đạo Văn phòng UBND tỉnh"))
        let dot = try quorum.run("show", track, "--format", "dot")
        #expect(dot.output.hasPrefix("digraph \"pho-chanh-van-phong-2021\" {"))
    }

    @Test func aNewCycleCarriesTheApprovedPeopleAndValidates() throws {
        defer { quorum.remove() }
        #expect(try quorum.run("demo", "--store", quorum.store, "--formats", "md", "html", "docx").status == 0)
        let result = try quorum.run("new-cycle", track, "--year", "2022")
        #expect(result.status == 0, "\(result.errors)")
        for line in ["buoc-2: 2021-03-18 → 2022-03-17, the same weekday", "pho-chanh-van-phong: keeps Võ Thành Tâm, approved in the previous cycle",
                     "rules: hd-06-2017 → qd-50-2021, the rule set in force on 2022-03-11", "+ year: 2022",
                     "validation: 0 errors, 0 warnings in the old and new files"] {
            #expect(result.output.contains(line), "missing: \(line)")
        }
        let office = try quorum.run("new-cycle", "truong-pho-phong-2021", "--year", "2022")
        #expect(office.output.contains("buoc-2: follows pho-chanh-van-phong-2022 instead of pho-chanh-van-phong-2021"))
        #expect(try quorum.run("validate").output.contains("14 files checked: 0 errors, 0 warnings"))
        #expect(try quorum.run("new-cycle", track, "--year", "2022").errors.contains("already exists"))
        let plan = try quorum.run("report", "pho-chanh-van-phong-2022", "--plan")
        #expect(plan.status == 0, "\(plan.errors)")
        #expect(plan.output.contains("năm 2022") && plan.output.contains("ngày 17/3/2022"), "next year's plan is drafted from next year's definition")
        // Under the rules of 2026 the procedure's steps still find their rules; the only problem of a draft for 2027
        // is the one the new rules make: the 4 people the demo approved are more than their cap of 3.
        let later = try quorum.run("new-cycle", track, "--year", "2027")
        #expect(later.output.contains("rules: hd-06-2017 → qd-377-2025"), "\(later.output)")
        #expect(later.output.contains("validation: 1 error, 0 warnings"), "\(later.output)")
        #expect((later.output + later.errors).contains("error: title 'pho-chanh-van-phong' keeps 4 people but its cap is 3"))
    }

    @Test func theDemoRunsTheSampleTracks() throws {
        defer { quorum.remove() }
        let result = try quorum.run("demo", "--formats", "md", "html", "docx")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Final planning list"))
        #expect(result.output.contains("added (bổ sung): 1. Nguyễn Hữu Phước, 2. Võ Thành Tâm, 3. Lê Thị Mỹ Dung"))
        #expect(result.output.contains("kept (giữ quy hoạch): Lê Quốc Đạt, Trương Minh Sang, Nguyễn Văn Huy"))
        #expect(result.output.contains("each have 3 votes for the last 2 places"))
        #expect(result.output.contains("as entry 2"))
        #expect(result.output.contains("state and party layouts) in ./.quorum/reports/pho-chanh-van-phong-2021-1/: bien-ban-buoc-1, "
            + "bien-ban-kiem-phieu-buoc-2, phieu-buoc-2, bang-kiem-phieu-buoc-2, bien-ban-kiem-phieu-buoc-3, phieu-buoc-3, bang-kiem-phieu-buoc-3, "
            + "bien-ban-kiem-phieu-buoc-4, phieu-buoc-4, bang-kiem-phieu-buoc-4, to-trinh"))
        for style in ["state", "party"] {
            for format in ["md", "html", "docx"] {
                #expect(FileManager.default.fileExists(atPath: quorum.path(".quorum/reports/pho-chanh-van-phong-2021-1/\(style)/to-trinh.\(format)")))
            }
        }
        #expect(result.output.contains("✗ Huỳnh Văn Lộc: not eligible"))
        #expect(result.output.contains("✗ Nguyễn Thị Hoa (kept): not eligible; propose removal from the plan"), "a kept person who no longer qualifies")
        #expect(result.output.contains("removed (đưa ra khỏi quy hoạch): Nguyễn Thị Hoa: Không còn đủ tiêu chuẩn"))
        #expect(result.output.contains("Võ Thành Tâm (pho-chanh-van-phong): was = 12, now = 21"), "one corrected entry")
        #expect(result.output.contains("✓ meets 'Tỷ lệ cán bộ nữ trong danh sách quy hoạch'"))
    }
}
