import Foundation
import QuorumCore
import QuorumFiles
import QuorumStore

/// Commands as a user runs them, a process each: on the bundled project, on a store of many instances, and on one
/// instance with a long history. The baseline is this program started in `--hello` mode: a Swift program linked with
/// Foundation that prints one line.
struct CommandWorkload {
    let quorum: String
    let project: String
    let catalog: DefinitionCatalog
    let instances: Int
    let events: Int
    let runs: Int

    func run() throws -> [Row] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-benchmark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let hello = try Measure.median(runs: runs) { try Self.spawn(CommandLine.arguments[0], ["--hello"]) }
        var rows = [Row("baseline: Foundation hello world, started", Measure.milliseconds(hello))]
        func command(_ name: String, _ arguments: [String], store: String?) throws {
            let options = store.map { ["--project", project, "--store", $0] } ?? []
            let seconds = try Measure.median(runs: runs) { try Self.spawn(quorum, arguments + options) }
            rows.append(Row(name, Measure.milliseconds(seconds), against: "hello world " + Measure.milliseconds(hello), ratio: seconds / hello))
        }

        // The bundled project, with one instance one step in.
        guard let definition = catalog.definitions["pho-chanh-van-phong-2021"] else { throw BenchmarkFailure("no pho-chanh-van-phong-2021 in \(project)") }
        let small = scratch.appendingPathComponent("small.sqlite").path
        let service = InstanceService(store: try SQLiteInstanceStore(path: small), actor: "benchmark")
        let id = try service.start(definition).id
        let roster = try RosterReader.read(project + "/samples/pho-chanh-van-phong-2021/roster.csv", format: catalog.rosterFormat).roster
        try service.importRoster(roster, into: id, current: definition)
        _ = try service.record(try ResultSheetReader.read(project + "/samples/pho-chanh-van-phong-2021/buoc-1.yaml", step: "buoc-1").record,
                               in: id, current: definition)
        _ = try service.advance(id, current: definition)
        try command("status (bundled project)", ["status", id], store: small)
        try command("history (bundled project)", ["history", id], store: small)
        try command("verify (bundled project)", ["verify", id], store: small)
        try command("eval", ["eval", "1 + 1"], store: nil)

        // Many instances in one store.
        let many = scratch.appendingPathComponent("many.sqlite").path
        let crowd = InstanceService(store: try SQLiteInstanceStore(path: many), actor: "benchmark")
        for _ in 0..<instances { _ = try crowd.start(definition, another: true) }
        try command("status listing \(instances) instances", ["status"], store: many)

        // One instance with a long history, appended in one transaction.
        let long = scratch.appendingPathComponent("long.sqlite").path
        let store = try SQLiteInstanceStore(path: long)
        let longID = try InstanceService(store: store, actor: "benchmark").start(definition).id
        guard let log = try store.load(longID), var previous = log.events.last else { throw BenchmarkFailure("the instance was not stored") }
        var appended: [Event] = []
        appended.reserveCapacity(events)
        for index in 0..<events {
            let event = Event(sequence: previous.sequence + 1, at: previous.at.addingTimeInterval(1), actor: "benchmark",
                              payload: .overridden(Override(person: "nguyen-huu-phuoc", rule: "roster", reason: "lần \(index)")), previousHash: previous.hash)
            appended.append(event)
            previous = event
        }
        try store.append(appended, to: longID, expectedRevision: log.events.count, definitions: [])
        try command("history of \(events) events", ["history", longID], store: long)
        try command("verify of \(events) events", ["verify", longID], store: long)
        return rows
    }

    /// Runs a program to its end with its output discarded; fails when it does.
    static func spawn(_ path: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchmarkFailure("\(path) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)") }
    }
}
