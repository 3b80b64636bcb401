import ArgumentParser
import QuorumCore

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Messages.text(.helpVerify),
        discussion: "Exit 0 when the history is intact, 3 when it is not."
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Option(help: "A head hash written down earlier (in signed minutes, or the anchor file): the history must still contain it and end after it, never cut off before it.")
    var expect: String?

    @Flag(help: "Print the verification as JSON.")
    var json = false

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            let project = try Project(options)
            if let problem = try project.service().verify(instance, expectedHead: expect) {
                if json { try Output.json(VerificationReport(instance: instance, intact: false, problem: "\(problem)")) }
                throw CommandFailure("the history of \(instance) does not verify: \(problem)", .tampered)
            }
            let loaded = try project.service().load(instance)
            let events = loaded.events
            if json {
                return try Output.json(VerificationReport(instance: instance, intact: true, events: events.count, headSequence: events.last?.sequence,
                                                          head: events.last?.hash, expected: expect, sameUser: DoubleEntryAudit.sameUser(events).map { "\($0)" }))
            }
            Output.line("\(instance): all \(events.count) events verified\(expect.map { " and the history still holds \($0.prefix(16))…" } ?? "");"
                + " the chain ends at event #\(events.last?.sequence ?? 0) with \(events.last?.hash ?? "—")")
            Output.line("note: actors are labels typed at the command line (--actor, else the system user), not authenticated identities")
            for finding in DoubleEntryAudit.sameUser(loaded.events) {
                Output.line("⚠ \(finding)")
            }
        }
    }
}

/// What `verify --json` prints: whether the chain holds, its length and head, or the first problem.
struct VerificationReport: Encodable {
    let instance: String
    let intact: Bool
    var events: Int?
    var headSequence: Int?
    var head: String?
    var expected: String?
    var problem: String?
    var sameUser: [String]?
}
