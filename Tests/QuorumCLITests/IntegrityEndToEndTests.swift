import Foundation
import Testing

/// Integrity as a user meets it at the command line: a tampered store is read by no command, a history cut off is
/// caught by the hash written down, archives open read-only, and nothing from a file reaches the terminal raw.
@Suite(.serialized)
struct IntegrityEndToEndTests {
    let quorum: QuorumProcess
    let instance = "pho-chanh-van-phong-2021-1"

    init() throws { quorum = try QuorumProcess() }

    /// Runs SQL on the store behind Quorum's back, as someone with the file could: with every trigger dropped, then
    /// restored, so that only the chain can tell.
    private func tamper(_ statements: String) throws {
        let script = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
            for name, _ in triggers: db.execute("DROP TRIGGER " + name)
            db.executescript(sys.argv[2])
            for _, sql in triggers: db.execute(sql)
            db.commit()
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, quorum.store, statements]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func aTamperedHistoryIsReportedAndDecidedOnByNoCommand() throws {
        defer { quorum.remove() }
        #expect(try quorum.run("demo", "--store", quorum.store, "--formats", "md", "html", "docx").status == 0)
        try tamper("UPDATE event SET payload = replace(payload, ',3]', ',4]') WHERE instance_id = '\(instance)' AND kind = 'recorded' AND payload LIKE '%buoc-4%'")
        for command in [["report", instance, "--step", "buoc-4"], ["report", instance], ["status", instance], ["history", instance],
                        ["reopen", instance, "buoc-4", "--reason", "x"]] {
            let result = try quorum.run(command)
            #expect(result.status == 3, "a tampered history exits 3: \(command)")
            #expect(result.errors.contains("the history of '\(instance)' does not verify — event #"), "\(command): \(result.errors)")
            #expect(result.errors.contains("was altered after it was recorded"), "\(command)")
        }
        let verify = try quorum.run("verify", instance)
        #expect(verify.status == 3)
        #expect(verify.errors.contains("was altered after it was recorded"))
        #expect(try quorum.run("verify", "chanh-van-phong-2021-1").status == 0, "the other instance is intact")
    }

    @Test func aHistoryCutOffAtItsEndIsCaughtByTheHashWrittenDown() throws {
        defer { quorum.remove() }
        let anchor = quorum.path("neo.txt")
        let environment: [String: String?] = ["QUORUM_ANCHOR": anchor]
        #expect(try quorum.run(["start", "pho-chanh-van-phong-2021"], environment: environment).status == 0)
        #expect(try quorum.run(["roster", instance, "--file", "samples/pho-chanh-van-phong-2021/roster.csv"], environment: environment).status == 0)
        let lines = try String(contentsOfFile: anchor, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2, "one line per change")
        let fields = try #require(lines.last?.split(separator: "\t"))
        #expect(fields[0] == Substring(instance) && fields[1] == "3")
        let head = String(fields[2])
        let mode = try FileManager.default.attributesOfItem(atPath: anchor)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try quorum.run("verify", instance, "--expect", head).status == 0)
        try tamper("DELETE FROM event WHERE instance_id = '\(instance)' AND sequence = 3")
        #expect(try quorum.run("verify", instance).status == 0, "the chain alone cannot see the cut")
        let caught = try quorum.run("verify", instance, "--expect", head)
        #expect(caught.status == 3)
        #expect(caught.errors.contains("the history ends at event #2"))
        #expect(caught.errors.contains("events were cut off or added since that hash was written down"))
    }

    @Test func manyClerksStartingOnANewStoreAtOnceAllSucceed() throws {
        defer { quorum.remove() }
        let racers = try (0..<8).map { _ in try quorum.start(["start", "pho-chanh-van-phong-2021", "--another"]) }
        let results = racers.map { $0.finish() }
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.errors))")
        let listed = try quorum.run("status").output.split(separator: "\n").map { String($0.prefix(while: { $0 != " " })) }
        #expect(Set(listed).count == 8)
    }

    @Test func aReadOnlyArchiveOpensForReading() throws {
        defer { quorum.remove() }
        #expect(try quorum.run("demo", "--store", quorum.store, "--formats", "md", "html", "docx").status == 0)
        let folder = (quorum.store as NSString).deletingLastPathComponent
        let manager = FileManager.default
        try manager.setAttributes([.posixPermissions: 0o555], ofItemAtPath: quorum.project.path)
        try manager.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        for file in try manager.contentsOfDirectory(atPath: folder) {
            try manager.setAttributes([.posixPermissions: 0o444], ofItemAtPath: (folder as NSString).appendingPathComponent(file))
        }
        defer {
            try? manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: quorum.project.path)
            try? manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
        }
        // As root every file is writable; the archive is read as another account would read it.
        let asReader = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "nobody", "--"] : []
        for command in [["status", instance], ["history", instance], ["verify", instance], ["report", instance, "--step", "buoc-4"]] {
            let result = try run(asReader + [QuorumProcess.binary.path] + command + ["--store", quorum.store, "--project", quorum.project.path])
            #expect(result.status == 0, "\(command): \(result.errors)")
        }
        let reopen = [QuorumProcess.binary.path, "reopen", instance, "buoc-4", "--reason", "x", "--store", quorum.store, "--project", quorum.project.path]
        // Without a place for the reader's signing key (a home it cannot write), a command that would write says so.
        let keyless = try run(asReader + reopen)
        #expect(keyless.status == 2)
        #expect(keyless.errors.contains("cannot keep the signing key at ") && keyless.errors.contains("Set QUORUM_SIGNING_KEY"), "\(keyless.errors)")
        let key = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-reader-\(UUID().uuidString).key").path
        defer { try? FileManager.default.removeItem(atPath: key) }
        let refused = try run(asReader + reopen, environment: ["QUORUM_SIGNING_KEY": key])
        #expect(refused.status == 1, "an archive is not written to")
        #expect(refused.errors.contains("is read-only (an archive, or a file this account cannot write)"), "\(refused.errors)")
    }

    /// An archive kept from 0.1, read-only, is not migrated: it never had the protections added later, and it
    /// keeps no summaries; it still lists, reports and verifies.
    @Test func anArchiveFromTheFirstVersionOpensForReading() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-archive-\(UUID().uuidString)")
        let store = folder.appendingPathComponent("quorum.sqlite").path
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try manager.copyItem(at: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("QuorumStoreTests/Fixtures/history-v1.sqlite"), to: URL(fileURLWithPath: store))
        try manager.setAttributes([.posixPermissions: 0o444], ofItemAtPath: store)
        try manager.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer {
            try? manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            try? manager.removeItem(at: folder)
        }
        let asReader = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "nobody", "--"] : []
        for command in [["status"], ["status", instance], ["history", instance], ["verify", instance]] {
            let result = try run(asReader + [QuorumProcess.binary.path] + command + ["--store", store, "--project", quorum.project.path, "--lang", "en"])
            #expect(result.status == 0, "\(command): \(result.errors)")
            #expect(result.output.contains("pho-chanh-van-phong-2021"), "\(command)")
        }
        #expect(try manager.contentsOfDirectory(atPath: folder.path) == ["quorum.sqlite"], "nothing is written beside an archive")
    }

    @Test func nothingFromAFileOrAnActorReachesTheTerminalRaw() throws {
        defer { quorum.remove() }
        #expect(try quorum.run("start", "pho-chanh-van-phong-2021").status == 0)
        let refused = try quorum.run("roster", instance, "--file", "samples/pho-chanh-van-phong-2021/roster.csv", "--actor", "clerk\u{1B}[2J")
        #expect(refused.status == 2)
        #expect(refused.errors.contains("the actor must be a name without control characters"))
        try "id,full_name\ncb-1,Nguyễn\u{1B}[31mĐỏ\u{7}\n".write(toFile: quorum.path("ho-so.csv"), atomically: true, encoding: .utf8)
        #expect(try quorum.run("roster", instance, "--file", "ho-so.csv").status == 0)
        let screen = try quorum.run("screen", instance, "--all")
        #expect(!screen.output.contains("\u{1B}") && !screen.output.contains("\u{7}"))
        #expect(screen.output.contains("Nguyễn\\u{1B}[31mĐỏ\\u{7}"))
    }

    @Test func bothHalvesOfADoubleEntryFromOneAccountAreFlagged() throws {
        defer { quorum.remove() }
        #expect(try quorum.run("demo", "--store", quorum.store, "--formats", "md", "html", "docx").status == 0)
        let status = try quorum.run("verify", instance)
        #expect(status.output.contains("note: actors are labels typed at the command line"))
        #expect(status.output.contains("⚠ both entries of step 'buoc-3' (attempt 1) were made by the system user 'hanh.hctc', under the names 'hanh.hctc', 'hanh.hctc (nhập lần 2)'"))
        #expect(status.output.contains("⚠ both entries of step 'buoc-3' (attempt 1) were signed with the same key "), "one desk's key signed both")
        let minutes = try quorum.run("report", instance, "--step", "buoc-3").output
        #expect(minutes.contains("hai lần nhập kết quả đều được thực hiện từ cùng một tài khoản máy (hanh.hctc)"))
        #expect(minutes.contains("hai lần nhập kết quả đều được ký bằng cùng một khóa ("))
        #expect(minutes.contains("chưa được xác thực"))
    }

    @Test func recordsAreWrittenOwnerOnly() throws {
        defer { quorum.remove() }
        let previous = umask(0o022)
        defer { umask(previous) }
        #expect(try quorum.run("demo", "--store", quorum.store, "--formats", "md", "html", "docx").status == 0)
        #expect(try quorum.run("report", instance, "--output", "to-trinh.md").status == 0)
        let manager = FileManager.default
        #expect(try manager.attributesOfItem(atPath: quorum.path("to-trinh.md"))[.posixPermissions] as? Int == 0o600)
        #expect(try manager.attributesOfItem(atPath: quorum.path(".quorum/reports/\(instance)/state"))[.posixPermissions] as? Int == 0o700)
        #expect(try manager.attributesOfItem(atPath: quorum.path(".quorum/reports/\(instance)/state/to-trinh.html"))[.posixPermissions] as? Int == 0o600)
        #expect(try manager.attributesOfItem(atPath: quorum.path(".quorum/reports/\(instance)/state/to-trinh.docx"))[.posixPermissions] as? Int == 0o600)
        #expect(try manager.attributesOfItem(atPath: quorum.store)[.posixPermissions] as? Int == 0o600)
    }

    /// Mutated results files through the real binary: a refusal exits 1 with an error (never a crash), and the store is
    /// exactly as it was. The seed and count are `QUORUM_FUZZ_SEED` and `QUORUM_FUZZ_COUNT` (a twentieth of it runs here).
    @Test func refusedResultsLeaveTheStoreAsItWas() throws {
        defer { quorum.remove() }
        #expect(try quorum.run("start", "pho-chanh-van-phong-2021").status == 0)
        #expect(try quorum.run("roster", instance, "--file", "samples/pho-chanh-van-phong-2021/roster.csv").status == 0)
        let seed = ProcessInfo.processInfo.environment["QUORUM_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_211_130
        let count = max(12, (ProcessInfo.processInfo.environment["QUORUM_FUZZ_COUNT"].flatMap(Int.init) ?? 300) / 20)
        print("fuzz seed \(seed), \(count) results files through quorum record")
        var state = seed
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let original = Array(try String(contentsOfFile: quorum.path("samples/pho-chanh-van-phong-2021/buoc-1.yaml"), encoding: .utf8))
        let noise = Array("\r\n\t \"'[]{},:#&*-9xĐ")
        for round in 0..<count {
            var text = original
            for _ in 0...random(3) {
                let position = random(text.count)
                if random(2) == 0 { text.remove(at: position) } else { text.insert(noise[random(noise.count)], at: position) }
            }
            try String(text).write(toFile: quorum.path("mutated.yaml"), atomically: true, encoding: .utf8)
            let before = try quorum.run("history", instance, "--json").output
            let result = try quorum.run("record", instance, "buoc-1", "--file", "mutated.yaml")
            #expect([0, 1, 2].contains(result.status), "round \(round): exit \(result.status); never an internal error")
            if result.status != 0 {
                #expect(result.errors.contains("error:"), "round \(round)")
                #expect(try quorum.run("history", instance, "--json").output == before, "round \(round): a refusal stored something")
            }
        }
    }

    @Test func absurdCountsAreRefusedNotOverflowed() throws {
        defer { quorum.remove() }
        #expect(try quorum.run("start", "pho-chanh-van-phong-2021").status == 0)
        let result = try quorum.run("record", instance, "buoc-1", "--present", "4", "--ballots", "9223372036854775807,1,1,1")
        #expect(result.status == 2)
        #expect(result.errors.contains("--ballots takes four whole numbers from 0 to 1000000"))
        let present = try quorum.run("record", instance, "buoc-1", "--present", "99999999999")
        #expect(present.errors.contains("--present takes a whole number from 0 to 1000000"))
    }

    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> QuorumProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        process.environment = ["PATH": "/usr/bin:/bin", "USER": "reader", "HOME": "/"].merging(environment) { $1 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return QuorumProcess.Running(process: process, output: output, errors: errors).finish()
    }
}
