import Foundation
import QuorumCore
import QuorumFiles
import QuorumStore

/// `quorum roster` importing a generated CSV of `rows` people into an instance, as a process: its time and its peak
/// resident memory against the size of the file (the goal of issue 12 is at most twice the file).
struct RosterImportWorkload {
    let quorum: String
    let project: String
    let catalog: DefinitionCatalog
    let rows: Int

    func run() throws -> [Row] {
        try Scratch.folder("roster") { folder in
            let definition = try catalog.benchmarkTrack(in: project)
            let store = folder.appendingPathComponent("store.sqlite").path
            let id = try InstanceService(store: try SQLiteInstanceStore(path: store), actor: "benchmark").start(definition).id
            let file = folder.appendingPathComponent("ho-so.csv").path
            guard FileManager.default.createFile(atPath: file, contents: nil), let handle = FileHandle(forWritingAtPath: file) else {
                throw BenchmarkFailure("cannot write \(file)")
            }
            handle.write(Data("id,full_name,birth_date,gender,ethnicity,unit,current_title,degree,political_theory,ratings,discipline,planned_titles\n".utf8))
            // Written in batches of lines, so that the benchmark does not hold the whole text as well.
            let generated = RuleWorkload.roster(rows)
            for start in stride(from: 0, to: rows, by: 100_000) {
                handle.write(Data(generated[start..<min(rows, start + 100_000)].map { person in
                    let ratings = person.ratings.map { "\($0.year):\($0.text)" }.joined(separator: "; ")
                    let discipline = person.discipline.map { "\($0.year):\($0.text)" }.joined(separator: "; ")
                    return "\(person.id),\(person.name),\(person.birthDate ?? ""),\(person.gender ?? ""),\(person.ethnicity ?? ""),"
                        + "Phòng Tổng hợp,,\(person.degree ?? ""),\(person.politicalTheory ?? ""),\(ratings),\(discipline),\n"
                }.joined().utf8))
            }
            try handle.close()
            let size = Double((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0) / (1024 * 1024)
            var peak = 0
            let seconds = try Measure.time {
                peak = try CommandWorkload.spawn(quorum, ["roster", id, "--file", file, "--project", project, "--store", store])
            }.seconds
            return [Row("roster import, \(rows) rows (CLI)", String(format: "%.1f s", seconds)),
                    Row("  peak memory of that import", "\(peak) MiB", against: String(format: "CSV file %.1f MiB", size), ratio: Double(peak) / size)]
        }
    }
}
