import Foundation
import Testing

/// Signatures as an office meets them: every command signs with the clerk's key, a history rewritten and hashed again
/// by someone who has the store but not the key is caught, and the office's keyring decides whose keys are trusted.
@Suite(.serialized)
struct SignatureEndToEndTests {
    let quorum: QuorumProcess
    let track = "pho-chanh-van-phong-2021"
    var instance: String { "\(track)-1" }

    init() throws { quorum = try QuorumProcess() }

    /// An instance with its roster and step 1 recorded, ready to advance: three commands, each signing its last event.
    private func recorded() throws {
        #expect(try quorum.run("start", track).status == 0)
        #expect(try quorum.run("roster", instance, "--file", "samples/\(track)/roster.csv").status == 0)
        try "present: 4\nagreed:\n  pho-chanh-van-phong: [Nguyễn Hữu Phước]\nreview:\n  pho-chanh-van-phong:\n    - { person: tran-thi-thu-ha, decision: keep }\n    - { person: cb-0099, decision: remove, reason: Không hoàn thành nhiệm vụ năm 2020 }\n"
            .write(toFile: quorum.path("b1.yaml"), atomically: true, encoding: .utf8)
        #expect(try quorum.run("record", instance, "buoc-1", "--file", "b1.yaml").status == 0)
    }

    /// What an attacker with the SQLite file and the source code can do: change an event's actor from `sequence` on,
    /// compute every hash again as Quorum does, and keep or drop the signatures (they cannot make new ones).
    private func rewrite(from sequence: Int, keepingSignatures: Bool) throws {
        let script = """
            import hashlib, sqlite3, sys, datetime
            db = sqlite3.connect(sys.argv[1])
            triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
            for name, _ in triggers: db.execute("DROP TRIGGER " + name)
            rows = db.execute("SELECT sequence, at, actor, payload, previous_hash FROM event WHERE instance_id = ? ORDER BY sequence", (sys.argv[2],)).fetchall()
            previous = None
            for sequence, at, actor, payload, previous_hash in rows:
                if sequence < int(sys.argv[3]):
                    previous = db.execute("SELECT hash FROM event WHERE instance_id = ? AND sequence = ?", (sys.argv[2], sequence)).fetchone()[0]
                    continue
                moment = datetime.datetime.strptime(at, "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=datetime.timezone.utc)
                ms = round(moment.timestamp() * 1000)
                digest = hashlib.sha256(f"{sequence}\\n{ms}\\nsomeone else\\n{previous}\\n".encode() + payload.encode()).hexdigest()
                db.execute("UPDATE event SET actor = 'someone else', previous_hash = ?, hash = ? WHERE instance_id = ? AND sequence = ?",
                           (previous, digest, sys.argv[2], sequence))
                if sys.argv[4] == "drop": db.execute("UPDATE event SET signer = NULL, signature = NULL WHERE instance_id = ? AND sequence = ?", (sys.argv[2], sequence))
                previous = digest
            for _, sql in triggers: db.execute(sql)
            db.commit()
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, quorum.store, instance, "\(sequence)", keepingSignatures ? "keep" : "drop"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test(arguments: [true, false]) func aHistoryHashedAgainWithoutTheKeyIsCaught(keepingSignatures: Bool) throws {
        defer { quorum.remove() }
        try recorded()
        let verified = try quorum.run("verify", instance)
        #expect(verified.status == 0 && verified.output.contains(": 3 commands, the last at event #4"), "\(verified.output)")
        try rewrite(from: 3, keepingSignatures: keepingSignatures)
        let result = try quorum.run("verify", instance)
        #expect(result.status == 3)
        #expect(result.errors.contains(keepingSignatures ? "the signature on event #3 is not its signer's signature"
                                                         : "the last event, #4, is not signed although earlier events are"), "\(result.errors)")
        #expect(try quorum.run("status", instance).status == 3, "no command reads it")
    }

    @Test func theKeyringDecidesWhoseSignaturesAreTrusted() throws {
        defer { quorum.remove() }
        let shown = try quorum.run("key", "show")
        #expect(shown.status == 0)
        let entry = shown.output.split(separator: "\n").dropFirst().joined(separator: "\n")
        #expect(entry.hasPrefix("  - key: ") && entry.contains("    name: hanh.hctc"))
        try FileManager.default.createDirectory(atPath: quorum.path(".quorum"), withIntermediateDirectories: true)
        try "# Khóa tin cậy của Văn phòng\nkeys:\n\(entry.replacingOccurrences(of: "hanh.hctc", with: "Nguyễn Thị Hạnh"))\n"
            .write(toFile: quorum.path(".quorum/keyring.yaml"), atomically: true, encoding: .utf8)
        try recorded()
        #expect(try quorum.run("verify", instance).output.contains("(Nguyễn Thị Hạnh): 3 commands"))

        // Another machine's key, not in the keyring, writes nothing; the office's own goes on.
        let stranger: [String: String?] = ["QUORUM_SIGNING_KEY": quorum.path(".keys/stranger.key")]
        let refused = try quorum.run(["advance", instance], environment: stranger)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("is not in the office's keyring") && refused.errors.contains("nothing was stored"), "\(refused.errors)")
        #expect(try quorum.run("verify", instance).output.contains("the last at event #4"))
        #expect(try quorum.run("advance", instance).status == 0)
    }
}
