import Foundation
import QuorumCore

/// A store that, after every change, appends the instance's new head hash to a file the office keeps elsewhere, so
/// that events cut off the end of a history can be detected later with `quorum verify --expect HASH`.
struct AnchoredStore: InstanceStore {
    let base: any InstanceStore
    let file: String

    var location: String? { base.location }

    func create(_ header: InstanceHeader, definition: PinnedDefinition, events: [Event], summary: StateSummary?) throws {
        try base.create(header, definition: definition, events: events, summary: summary)
        anchor(header.id, events.last)
    }

    func append(_ events: [Event], to instance: String, expectedRevision: Int, definitions: [PinnedDefinition], summary: StateSummary?) throws {
        try base.append(events, to: instance, expectedRevision: expectedRevision, definitions: definitions, summary: summary)
        anchor(instance, events.last)
    }

    func load(_ instance: String) throws -> InstanceLog? { try base.load(instance) }
    func chain(_ instance: String, decoding cases: Set<String>) throws -> InstanceChain? { try base.chain(instance, decoding: cases) }
    func chains(_ instances: [String], decoding cases: Set<String>) throws -> [InstanceChain] { try base.chains(instances, decoding: cases) }
    func summaries() throws -> [String: StateSummary] { try base.summaries() }
    func instances() throws -> [InstanceHeader] { try base.instances() }
    func definition(_ hash: String) throws -> Data? { try base.definition(hash) }
    func protectionProblem() throws -> EventChain.Problem? { try base.protectionProblem() }

    /// `instance revision hash time`, one line per change. A failure to write is reported, never hidden.
    private func anchor(_ instance: String, _ event: Event?) {
        guard let event else { return }
        let line = "\(instance)\t\(event.sequence)\t\(event.hash)\t\(ISO8601DateFormatter().string(from: event.at))\n"
        if !FileManager.default.fileExists(atPath: file) {
            FileManager.default.createFile(atPath: file, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        guard let handle = FileHandle(forWritingAtPath: file) else {
            return Output.error(Messages.text(.warning, ["message": Messages.text(.anchorNotWritten, ["file": file, "instance": instance, "sequence": event.sequence, "hash": event.hash])]))
        }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        handle.write(Data(line.utf8))
    }
}
