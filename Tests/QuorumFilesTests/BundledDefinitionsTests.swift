import Foundation
import QuorumCore
import QuorumFiles
import Testing

struct BundledDefinitionsTests {
    static let files = DefinitionCatalog.yamlFiles(in: [ProjectFolder.path("workflows"), ProjectFolder.path("rules")])
    static let catalog = DefinitionCatalog(files: files)

    @Test func thereAreBundledFiles() {
        #expect(Self.files.count >= 6)
    }

    @Test(arguments: files)
    func validatesWithoutProblems(file: String) {
        let problems = Self.catalog.diagnostics.filter { $0.location?.file == file }
        var renderer = DiagnosticRenderer()
        #expect(problems.isEmpty, "\(renderer.render(problems))")
    }

    @Test func bothTracksOfTheSeedPlanAndTheSecondUnitAreRunnable() throws {
        let runnable = Set(Self.catalog.definitions.keys)
        #expect(runnable == ["chanh-van-phong-2021", "pho-chanh-van-phong-2021", "truong-pho-phong-2021", "lanh-dao-so-tnmt-2021"])
        #expect(Self.catalog.abstractWorkflows == ["quy-trinh-4-buoc", "van-phong-ubnd-tinh-2021", "so-tai-nguyen-moi-truong-2021"])
        // The procedure is shared without renaming its steps; each unit's name fills in {organization}.
        let department = try #require(Self.catalog.definitions["lanh-dao-so-tnmt-2021"])
        #expect(department.steps.map(\.id) == ["buoc-1", "buoc-2", "buoc-3", "buoc-4"])
        #expect(department.steps[0].name == "Bước 1: Hội nghị lãnh đạo Sở Tài nguyên và Môi trường tỉnh")
        #expect(Self.catalog.definitions["pho-chanh-van-phong-2021"]?.steps[0].name == "Bước 1: Hội nghị lãnh đạo Văn phòng UBND tỉnh")
    }

    @Test func theDeputyChiefTrackFollowsThePlan() throws {
        let track = try #require(Self.catalog.definitions["pho-chanh-van-phong-2021"])
        #expect(track.steps.map(\.meets?.display) == ["14:00 12/03/2021 (Asia/Ho_Chi_Minh)", "14:00 18/03/2021 (Asia/Ho_Chi_Minh)",
                                                      "15:00 18/03/2021 (Asia/Ho_Chi_Minh)", "16:00 18/03/2021 (Asia/Ho_Chi_Minh)"])
        #expect(track.steps.map(\.form) == [.discussion, .nominationBallot, .secretBallot, .secretBallot])
        #expect(track.steps[3].threshold?.base == .totalMembers)
        #expect(track.steps[3].threshold?.comparison == .moreThan)
        #expect(track.titles.map(\.cap) == [4])
        #expect(track.titles.map(\.authority) == ["Ban Thường vụ Tỉnh ủy"])
        let keyCadres = try #require(track.body("can-bo-chu-chot"))
        #expect(keyCadres.includes == ["lanh-dao-vp", "bch-dang-bo", "truong-phong", "pho-phong", "truong-doan-the"])
        #expect(track.body("lanh-dao-vp")?.totalMembers == 4)
    }

    /// What a definition rests on, so that a command can tell it unchanged by hashing those files alone.
    @Test func aDefinitionKnowsTheWorkflowFilesItRestsOn() {
        let names = { (id: String) in Self.catalog.workflowSources[id].map { Set($0.map { URL(fileURLWithPath: $0).lastPathComponent }) } }
        #expect(names("pho-chanh-van-phong-2021") == ["pho-chanh-van-phong-2021.yaml", "van-phong-ubnd-tinh-2021.yaml", "quy-trinh-4-buoc.yaml"])
        #expect(names("truong-pho-phong-2021") == ["truong-pho-phong-2021.yaml", "pho-chanh-van-phong-2021.yaml", "van-phong-ubnd-tinh-2021.yaml",
                                                   "quy-trinh-4-buoc.yaml"], "its meetings follow the deputy chief's track")
        #expect(names("quy-trinh-4-buoc") == nil, "an abstract workflow does not run")
    }

    @Test func theChiefTrackRunsOnlyTheFirstStepAndKeepsThree() throws {
        let track = try #require(Self.catalog.definitions["chanh-van-phong-2021"])
        #expect(track.steps.map(\.id) == ["buoc-1"])
        #expect(track.steps[0].next == .end)
        #expect(track.titles[0].kept.map(track.personName) == ["Lê Quốc Đạt", "Trương Minh Sang", "Nguyễn Văn Huy"])
    }

    @Test func theOfficeTrackMeetsAfterTheFirstTrack() throws {
        let first = try #require(Self.catalog.definitions["pho-chanh-van-phong-2021"])
        let office = try #require(Self.catalog.definitions["truong-pho-phong-2021"])
        #expect(office.titles.map(\.id) == ["truong-phong", "pho-truong-phong"])
        for (earlier, later) in zip(first.steps, office.steps) {
            #expect(earlier.meets! < later.meets!, "\(later.id) must follow the first track's \(earlier.id)")
        }
    }

    @Test func theSwiftSourcesNameNoneOfTheSeedsStepsBodiesOrTitles() throws {
        let names = Self.catalog.definitions.values.flatMap { $0.steps.map(\.id) + $0.bodies.map(\.id) + $0.titles.map(\.id) }
        let sources = (FileManager.default.subpaths(atPath: ProjectFolder.path("Sources")) ?? []).filter { $0.hasSuffix(".swift") }
        #expect(!sources.isEmpty)
        for source in sources {
            let text = try String(contentsOfFile: ProjectFolder.path("Sources/\(source)"), encoding: .utf8)
            for name in Set(names) { #expect(!text.contains("\"\(name)\""), "\(source) names '\(name)'") }
        }
    }
}
