import Foundation
import QuorumCore
import QuorumFiles
import QuorumStore

/// Commands as a user runs them, a process each: on the bundled project, on a store of many instances, and on one
/// instance with a long history. The baseline is `quorum-hello`, a Swift program linked with Foundation that prints
/// one line, started the same way.
struct CommandWorkload {
    let quorum: String
    let hello: String
    let project: String
    let catalog: DefinitionCatalog
    let instances: Int
    let events: Int
    /// People added to the sample roster for the large-roster commands.
    let rosterPeople: Int
    /// Workflows in the generated project for the many-workflows commands (0: none).
    let workflows: Int
    let runs: Int
    /// A folder to leave the stores in, to profile a command on them; otherwise they are removed.
    let keep: String?

    func run() throws -> [Row] {
        let scratch = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("quorum-benchmark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: scratch) } }
        let hello = try Measure.median(runs: runs) { try Self.spawn(self.hello, []) }
        var rows = [Row("baseline: Foundation hello world, started", Measure.milliseconds(hello))]
        /// Times a command; against the hello world, or against the same command on another store.
        @discardableResult
        func command(_ name: String, _ arguments: [String], store: String?, in folder: String? = nil,
                     against baseline: (name: String, seconds: Double)? = nil) throws -> Double {
            let options = store.map { ["--project", folder ?? project, "--store", $0] } ?? []
            let seconds = try Measure.median(runs: runs) { try Self.spawn(quorum, arguments + options) }
            let (label, base) = baseline ?? ("hello world", hello)
            rows.append(Row(name, Measure.milliseconds(seconds), against: label + " " + Measure.milliseconds(base), ratio: seconds / base))
            return seconds
        }

        // The bundled project, with one instance one step in: with the sample roster, then with 100,000 more people.
        let definition = try catalog.benchmarkTrack(in: project)
        let roster = try RosterReader.read(project + "/samples/\(definition.id)/roster.csv", format: catalog.rosterFormat).roster
        func oneStepIn(_ path: String, roster: Roster) throws -> String {
            let service = InstanceService(store: try SQLiteInstanceStore(path: path), actor: "benchmark")
            let id = try service.start(definition).id
            try service.importRoster(roster, into: id, current: definition)
            let first = definition.steps[0].id
            _ = try service.record(try ResultSheetReader.read(project + "/samples/\(definition.id)/\(first).yaml", step: first).record,
                                   in: id, current: definition)
            _ = try service.advance(id, current: definition)
            return id
        }
        let small = scratch.appendingPathComponent("small.sqlite").path, id = try oneStepIn(small, roster: roster)
        var bundled: [String: Double] = [:]
        for name in ["status", "history", "verify"] {
            bundled[name] = try command("\(name) (bundled project)", [name, id], store: small)
        }
        try command("eval", ["eval", "1 + 1"], store: nil)
        let large = scratch.appendingPathComponent("roster.sqlite").path
        let largeID = try oneStepIn(large, roster: Roster(people: roster.people + RuleWorkload.roster(rosterPeople), source: nil))
        for name in ["status", "history", "verify"] {
            try command("\(name), roster of \(roster.people.count + rosterPeople) people", [name, largeID], store: large,
                        against: ("\(roster.people.count) people", bundled[name] ?? 0))
        }

        // A project of many workflows: the bundled ones and copies of the track under other ids, validated once (as
        // `quorum validate` leaves it); the same instance and commands as on the bundled project (`eval` reads no project).
        if workflows > 0 {
            let folder = scratch.appendingPathComponent("workflows-project")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: project + "/rules", toPath: folder.appendingPathComponent("rules").path)
            try FileManager.default.copyItem(atPath: project + "/workflows", toPath: folder.appendingPathComponent("workflows").path)
            let track = try String(contentsOfFile: project + "/workflows/\(definition.id).yaml", encoding: .utf8)
            let bundledCount = try FileManager.default.contentsOfDirectory(atPath: project + "/workflows").count
            for copy in 0..<max(0, workflows - bundledCount) {
                let id = String(format: "\(definition.id)-%05d", copy)
                try track.replacingOccurrences(of: "id: \(definition.id)\n", with: "id: \(id)\n")
                    .write(to: folder.appendingPathComponent("workflows/\(id).yaml"), atomically: false, encoding: .utf8)
            }
            let store = folder.appendingPathComponent("store.sqlite").path, copied = try oneStepIn(store, roster: roster)
            try Self.spawn(quorum, ["validate", "--project", folder.path])
            for name in ["status", "history", "verify"] {
                try command("\(name), project of \(workflows) workflows", [name, copied], store: store, in: folder.path)
            }
        }

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

    /// Runs a program to its end with its output discarded, by `posix_spawn` (Foundation's `Process` adds tens of
    /// milliseconds of its own); fails when the program does. Returns the program's peak resident memory in MiB.
    @discardableResult
    static func spawn(_ path: String, _ arguments: [String]) throws -> Int {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { throw BenchmarkFailure("cannot start \(path)") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        guard status == 0 else { throw BenchmarkFailure("\(path) \(arguments.joined(separator: " ")) failed (status \(status))") }
        return usage.ru_maxrss / 1024
    }
}
