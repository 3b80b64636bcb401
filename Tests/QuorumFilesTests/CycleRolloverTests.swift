@testable import QuorumFiles
import Testing

struct CycleRolloverTests {
    @Test(arguments: [("2021-03-18", 2022, "2022-03-17"), ("2021-03-12", 2022, "2022-03-11"), ("2021-01-01", 2022, "2022-01-07"),
                      ("2021-12-30", 2023, "2023-12-28")])
    func datesMoveToTheSameWeekday(old: String, year: Int, expected: String) throws {
        let moved = try #require(CycleRollover.moveDate(old, weeks: 52 * (year - Int(old.prefix(4))!), into: year))
        #expect(moved == expected)
        #expect(moved.hasPrefix(String(year)))
    }

    @Test func idsFollowTheYearAndNamesBecomeIds() {
        #expect(CycleRollover.trailingYear("pho-chanh-van-phong-2021") == 2021)
        #expect(CycleRollover.trailingYear("quy-trinh-4-buoc") == nil)
        #expect(CycleRollover.slug("Đặng Quốc Việt") == "dang-quoc-viet")
        #expect(CycleRollover.slug("Lê Thị Mỹ Dung") == "le-thi-my-dung")
    }
}
