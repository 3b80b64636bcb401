import Foundation
import Testing

@Suite("quorum init and --version")
struct InitTests {
    @Test("init writes a project that validates, schedules on working days and uses the rule set in force")
    func newProjectValidates() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let created = try quorum.run("init", "moi", "--year", "2027")
        #expect(created.status == 0, "\(created.errors)")
        let folder = quorum.project.appendingPathComponent("moi")
        for file in [".gitignore", "workflows/quy-trinh-4-buoc.yaml", "workflows/vi-du-don-vi.yaml", "rules/lich-lam-viec.yaml",
                     "rules/qd-377-2025.yaml", "schema/workflow.schema.json", "schema/rules.schema.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file) missing")
            #expect(created.output.contains(file), "init does not list \(file)")
        }
        let ignore = try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignore.split(separator: "\n").contains(".quorum/"))
        let example = try String(contentsOf: folder.appendingPathComponent("workflows/vi-du-don-vi.yaml"), encoding: .utf8)
        #expect(example.hasPrefix("# yaml-language-server: $schema=../schema/workflow.schema.json\n"))
        #expect(!example.contains("${"), "a placeholder was left in the example")
        // 2 March 2027 is a Tuesday: the second is the 9th, and the Thursday after it the 18th.
        #expect(example.contains("date: 2027-03-09") && example.contains("date: 2027-03-18"))
        #expect(example.contains("rules: qd-377-2025") && example.contains("term: 2026-2031"))

        let validation = try quorum.run("validate", "--project", "moi")
        #expect(validation.status == 0, "\(validation.errors)")
        #expect(validation.output.contains(": 0 errors, 0 warnings"), "\(validation.output)\(validation.errors)")
        let schedule = try quorum.run("schedule", "vi-du-don-vi-2027", "--project", "moi")
        #expect(schedule.status == 0 && schedule.output.contains("4 meetings, 0 warnings") && !schedule.errors.contains("warning:"),
                "\(schedule.output)\(schedule.errors)")
        let started = try quorum.run("start", "vi-du-don-vi-2027", "--project", "moi")
        #expect(started.status == 0, "\(started.errors)")

        // A cycle before the 2021 change of rules takes the rule set in force then.
        let older = try quorum.run("init", "cu", "--year", "2021")
        #expect(older.status == 0, "\(older.errors)")
        let oldExample = try String(contentsOf: quorum.project.appendingPathComponent("cu/workflows/vi-du-don-vi.yaml"), encoding: .utf8)
        #expect(oldExample.contains("rules: hd-06-2017") && oldExample.contains("term: 2021-2026"))
    }

    @Test("init refuses a folder that already has one of its files and changes nothing")
    func neverOverwrites() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let folder = quorum.project.appendingPathComponent("co-san/rules")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "ours\n".write(to: folder.appendingPathComponent("qd-377-2025.yaml"), atomically: true, encoding: .utf8)
        let refused = try quorum.run("init", "co-san")
        #expect(refused.status == 1)
        #expect(refused.errors.contains("rules/qd-377-2025.yaml") && refused.errors.contains("nothing was written"), "\(refused.errors)")
        let left = try FileManager.default.subpathsOfDirectory(atPath: quorum.path("co-san"))
        #expect(left.sorted() == ["rules", "rules/qd-377-2025.yaml"])
        #expect(try String(contentsOf: folder.appendingPathComponent("qd-377-2025.yaml"), encoding: .utf8) == "ours\n")
    }

    @Test("--version prints the version and the commit the binary was built from")
    func versionNamesTheCommit() throws {
        let quorum = try QuorumProcess()
        defer { quorum.remove() }
        let version = try quorum.run("--version")
        #expect(version.status == 0)
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", QuorumProcess.repository.path, "rev-parse", "--short=12", "HEAD"]
        let pipe = Pipe()
        git.standardOutput = pipe
        try git.run()
        let head = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        git.waitUntilExit()
        #expect(git.terminationStatus == 0 && head.count == 12)
        #expect(version.output.hasPrefix("0.1.0 (commit \(head)"), "\(version.output)")
    }
}
