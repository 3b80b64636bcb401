import ArgumentParser
import QuorumCore

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
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
            let service = try project.service()
            let (problem, chain) = try service.verification(instance, expectedHead: expect, decoding: DoubleEntryAudit.cases)
            let links = chain.links
            if json { try Output.json(VerificationReport(instance: instance, problem: problem, chain: chain, expected: expect, keyring: service.keyring)) }
            if let problem {
                throw CommandFailure(Messages.text(.verifyFailed, ["instance": instance, "problem": RefusalText.chain(problem)]), .tampered)
            }
            if json { return }
            Output.line(Messages.text(.verified, ["instance": instance, "count": links.count, "sequence": links.last?.sequence ?? 0, "hash": links.last?.hash ?? "—",
                                                  "holds": expect.map { Messages.text(.verifiedHolds, ["hash": $0.prefix(16)]) } ?? ""]))
            let signers = Signer.all(in: chain, keyring: service.keyring)
            if signers.isEmpty { Output.line(Messages.text(.notSigned)) }
            for signer in signers {
                Output.line(Messages.text(.signedBy, ["fingerprint": signer.fingerprint, "name": signer.name ?? Messages.text(.signedByUnknown),
                                                      "count": signer.signatures, "sequence": signer.lastSequence]))
            }
            Output.line(Messages.text(.verifyActorsNote))
            for finding in DoubleEntryAudit.sameUser(chain.events) {
                Output.line("⚠ " + Self.sameUser(finding))
            }
        }
    }
}

extension Verify {
    static func sameUser(_ finding: DoubleEntryAudit.Finding) -> String {
        let actors = finding.actors.map { "'\($0)'" }.joined(separator: ", ")
        return switch finding.trace {
        case .systemUser(let user): Messages.text(.sameUser, ["step": finding.step, "attempt": finding.attempt, "user": user, "actors": actors])
        case .signingKey(let key): Messages.text(.sameKey, ["step": finding.step, "attempt": finding.attempt, "key": key, "actors": actors])
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
    var signers: [Signer]?

    /// The verification of an instance's chain: its problem, or its length, head, signers and double-entry findings.
    init(instance: String, problem: EventChain.Problem?, chain: InstanceChain, expected: String?, keyring: Keyring?) {
        self.instance = instance
        intact = problem == nil
        guard problem == nil else {
            self.problem = problem.map(RefusalText.chain)
            return
        }
        events = chain.links.count
        headSequence = chain.links.last?.sequence
        head = chain.links.last?.hash
        self.expected = expected
        sameUser = DoubleEntryAudit.sameUser(chain.events).map(Verify.sameUser)
        signers = Signer.all(in: chain, keyring: keyring)
    }
}

/// A key that signed the history: whose, when the keyring says, and how many commands it signed.
struct Signer: Encodable {
    let fingerprint: String
    let name: String?
    let signatures: Int
    let lastSequence: Int

    /// Every key that signed the chain, in the order each first signed.
    static func all(in chain: InstanceChain, keyring: Keyring?) -> [Signer] {
        let signed = chain.links.compactMap { link in link.signature.map { (key: $0.signer, sequence: link.sequence) } }
        var order: [String] = []
        for entry in signed where !order.contains(entry.key) { order.append(entry.key) }
        return order.map { key in
            let mine = signed.filter { $0.key == key }
            return Signer(fingerprint: EventSignature.fingerprint(of: key), name: keyring?.name(of: key), signatures: mine.count,
                          lastSequence: mine.last?.sequence ?? 0)
        }
    }
}
