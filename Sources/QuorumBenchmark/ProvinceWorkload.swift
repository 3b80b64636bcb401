import Foundation
import QuorumCore
import QuorumFiles
import QuorumStore

/// A province's batch through the command line: one secret-ballot step over `titles` titles with `candidates`
/// candidates each (2,000 × 55 ≈ 110,000 rows), its results as one CSV sheet, recorded and decided by `quorum record`
/// and `quorum advance` as processes (after `quorum validate`, timed on its own), on a generated project beside the
/// repository's rules. The votes are seeded and
/// tie-free at every boundary, so that the step is decided; every candidate is someone of the imported roster.
struct ProvinceWorkload {
    let quorum: String
    let project: String
    let titles: Int
    let candidates: Int

    static let members = 60

    func run() throws -> [Row] {
        try Scratch.folder("province") { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("workflows"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: project + "/rules", toPath: folder.appendingPathComponent("rules").path)
            let file = folder.appendingPathComponent("workflows/tinh.yaml").path
            try workflow().write(toFile: file, atomically: true, encoding: .utf8)
            let catalog = DefinitionCatalog(files: [file], library: DefinitionCatalog.yamlFiles(in: [folder.path + "/rules"]))
            guard let definition = catalog.definitions["tinh-benchmark"] else {
                throw BenchmarkFailure("the generated province workflow does not validate: \(catalog.diagnostics.prefix(3))")
            }
            // Enough people that a title never names one twice, whatever the sizes asked for.
            let people = max((titles * candidates) * 10 / 25, candidates)
            let roster = RuleWorkload.roster(people).map { person -> RosterPerson in
                var person = person
                person.plannedTitles = []
                return person
            }
            let store = folder.appendingPathComponent("store.sqlite").path
            // Closed before the commands run, its log folded into the file, so that `--keep` copies the whole store.
            let id = try { () throws -> String in
                let service = InstanceService(store: try SQLiteInstanceStore(path: store), actor: "benchmark")
                let id = try service.start(definition).id
                try service.importRoster(Roster(people: roster, source: nil), into: id, current: definition)
                return id
            }()
            let (sheet, rows) = results(names: roster.map(\.name))
            let sheetFile = folder.appendingPathComponent("bo-phieu.csv").path
            try sheet.write(toFile: sheetFile, atomically: true, encoding: .utf8)

            if Scratch.kept != nil {
                // For profiling the batch again: the store as it stood before `record`.
                try FileManager.default.copyItem(atPath: store, toPath: folder.appendingPathComponent("before-record.sqlite").path)
            }
            let options = ["--project", folder.path, "--store", store]
            // As a province works: the definitions are validated once after they are written (which every later
            // command then trusts while the files are unchanged), then the sheet is recorded and the step decided,
            // once each, since recording again would append another sheet to the history the next command reads.
            let validate = try Measure.time { try CommandWorkload.spawn(quorum, ["validate", "--project", folder.path]) }.seconds
            let record = try Measure.time {
                try CommandWorkload.spawn(quorum, ["record", id, "bo-phieu", "--file", sheetFile, "--present", "\(Self.members)",
                                                   "--ballots", "\(Self.members),\(Self.members),\(Self.members),0"] + options)
            }.seconds
            let advance = try Measure.time { try CommandWorkload.spawn(quorum, ["advance", id] + options) }.seconds
            let label = "\(titles) titles, \(rows) rows"
            return [Row("province batch: validate (\(titles) titles, CLI)", Measure.milliseconds(validate)),
                    Row("province batch: record (\(label), CLI)", Measure.milliseconds(record), against: "goal 1 s for the batch", ratio: record),
                    Row("province batch: advance (\(titles) titles, CLI)", Measure.milliseconds(advance), against: "goal 1 s for the batch", ratio: advance)]
        }
    }

    /// One abstract-free workflow: a body of 60, `titles` titles with a cap of 4, one secret ballot decided by more
    /// than half of all members, taken from the top.
    private func workflow() -> String {
        let members = (1...Self.members).map { "  - { id: tv-\($0), name: Thành viên \($0) }" }.joined(separator: "\n")
        let titleLines = (1...titles).map { String(format: "  - { id: cd-%04d, name: Chức danh %04d, cap: 4 }", $0, $0) }.joined(separator: "\n")
        return """
            id: tinh-benchmark
            name: Tỉnh — bỏ phiếu cho \(titles) chức danh
            rules: hd-06-2017
            year: 2021
            term: 2021-2026
            authority: Ban Thường vụ Tỉnh ủy
            people:
            \(members)
            bodies:
              - id: hoi-dong
                name: Hội đồng
                members: [\((1...Self.members).map { "{ person: tv-\($0) }" }.joined(separator: ", "))]
            titles:
            \(titleLines)
            steps:
              - id: bo-phieu
                name: Bỏ phiếu kín
                body: hoi-dong
                form: secret-ballot
                quorum: it-nhat-2-3-thanh-vien
                threshold: tren-50-tong-so-thanh-vien
                selection: lay-tu-cao-xuong

            """
    }

    /// `title,name,votes`, each title's candidates with distinct vote counts (no tie anywhere), some titles with
    /// nobody above half, the candidates spread over the roster so that nobody is chosen for more titles than allowed.
    private func results(names: [String]) -> (sheet: String, rows: Int) {
        var random = SplitMix(state: 2000)
        var lines = ["title,name,votes"]
        lines.reserveCapacity(titles * candidates + 1)
        var next = 0
        for title in 1...titles {
            let votes = Array((0...Self.members).shuffled(using: &random).prefix(candidates))
            let ceiling = title % 10 == 0 ? Self.members / 2 : Self.members
            for vote in votes {
                lines.append(String(format: "cd-%04d", title) + ",\(names[next % names.count]),\(min(vote, ceiling))")
                next += 1
            }
        }
        return (lines.joined(separator: "\n") + "\n", lines.count - 1)
    }
}
