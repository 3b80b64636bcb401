@testable import QuorumFiles
import QuorumCore
import Testing

struct CycleRolloverTests {
    @Test(arguments: [("2021-03-18", 2022, "2022-03-17"), ("2021-03-12", 2022, "2022-03-11"), ("2021-01-01", 2022, "2022-01-07"),
                      ("2021-12-30", 2023, "2023-12-28")])
    func datesMoveToTheSameWeekday(old: String, year: Int, expected: String) throws {
        let moved = try #require(CycleRollover.moveDate(old, weeks: 52 * (year - Int(old.prefix(4))!), into: year))
        #expect(moved == expected)
        #expect(moved.hasPrefix(String(year)))
    }

    @Test(arguments: [("2021-12-31", 1, "2022-12-31"), ("2024-02-29", 1, "2025-02-28"), ("2024-02-29", 4, "2028-02-29")])
    func theDeadlineMovesToTheSameDay(old: String, years: Int, expected: String) {
        #expect(CycleRollover.sameDay(old, yearsLater: years) == expected)
    }

    @Test func idsFollowTheYearAndNamesBecomeIds() {
        #expect(CycleRollover.trailingYear("pho-chanh-van-phong-2021") == 2021)
        #expect(CycleRollover.trailingYear("quy-trinh-4-buoc") == nil)
        #expect(CycleRollover.slug("Đặng Quốc Việt") == "dang-quoc-viet")
        #expect(CycleRollover.slug("Lê Thị Mỹ Dung") == "le-thi-my-dung")
    }
}

struct CycleRolloverTermTests {
    @Test func aReviewAfterTheTermPlansTheNextTerm() throws {
        let catalog = DefinitionCatalog(files: [], library: DefinitionCatalog.yamlFiles(in: [ProjectFolder.path("workflows"), ProjectFolder.path("rules")]))
        let current = try #require(catalog.definitions["chanh-van-phong-2021"])
        let file = try #require(catalog.workflowFiles["chanh-van-phong-2021"])
        let sameTerm = try CycleRollover.draft(from: file, year: 2022, approved: [:], current: current, ruleSets: catalog.ruleSets)
        #expect(!sameTerm.changes.contains { $0.key == "rollover.term" })
        let nextTerm = try CycleRollover.draft(from: file, year: 2026, approved: [:], current: current, ruleSets: catalog.ruleSets)
        #expect(nextTerm.changes.map(\.english).contains("term: 2021-2026 → 2026-2031"))
        #expect(nextTerm.text.contains("term: 2026-2031"))
        #expect(nextTerm.changes.map(\.english).contains("rules: hd-06-2017 → qd-377-2025, the rule set in force on 2026-03-06"))
    }
}
