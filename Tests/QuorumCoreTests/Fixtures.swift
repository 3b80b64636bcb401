import Foundation
@testable import QuorumCore

/// A small workflow built in code: a 4-member council, a discussion then a secret ballot.
enum Fixtures {
    static let ruleSetDocument = RuleSetDocument(id: "test-rules", name: "Test rules", rules: [
        RuleDocument(id: "half-of-members", kind: "threshold", base: "total-members", comparison: "more-than", fraction: "1/2",
                     examples: [RuleExampleDocument(count: 3, of: 4, passes: true), RuleExampleDocument(count: 2, of: 4, passes: false)]),
        RuleDocument(id: "two-thirds-present", kind: "quorum", base: "total-members", comparison: "at-least", fraction: "2/3"),
        RuleDocument(id: "top-three", kind: "selection", cap: 3, ties: "run-off"),
    ])

    static var ruleSet: RuleSet { RuleSetValidator().validate(ruleSetDocument, file: "test").0! }

    static func document() -> WorkflowDocument {
        var document = WorkflowDocument(id: "track")
        document.name = "Test track"
        document.rules = "test-rules"
        document.authority = "The authority"
        document.people = ["ann", "bob", "cat", "dan", "kim"].map { PersonDocument(id: $0, name: $0.capitalized) }
        document.bodies = [BodyDocument(id: "council", name: "Council",
                                        members: ["ann", "bob", "cat", "dan"].map { MemberDocument(person: $0, role: "member") })]
        document.titles = [TitleDocument(id: "deputy", name: "Deputy", kept: ["kim"])]
        document.steps = [
            StepDocument(id: "agree", name: "Agree the list", body: "council", form: "discussion", date: "2021-03-12", time: "14:00",
                         transitions: [TransitionDocument(when: "nobody-passes", to: "end")]),
            StepDocument(id: "vote", name: "Secret ballot", body: "council", form: "secret-ballot", date: "2021-03-18", time: "16:00",
                         quorum: "two-thirds-present", threshold: "half-of-members", selection: "top-three",
                         transitions: [TransitionDocument(when: "quorum-not-met", to: "vote"),
                                       TransitionDocument(when: "nobody-passes", to: "end")]),
        ]
        return document
    }

    static func definition(_ edit: (inout WorkflowDocument) -> Void = { _ in }) -> WorkflowDefinition {
        var document = document()
        edit(&document)
        let (definition, diagnostics) = WorkflowValidator(ruleSets: [ruleSet]).validate(document, name: "track")
        precondition(definition != nil, "fixture does not validate: \(diagnostics)")
        return definition!
    }

    static func votes(_ tallies: [String: Int], present: Int = 4) -> StepRecord {
        StepRecord(step: "vote", present: present,
                   votes: [TitleVotes(title: "deputy", candidates: tallies.sorted { $0.key < $1.key }.map { CandidateVotes(name: $0.key, votes: $0.value) })])
    }

    static func agreed(_ names: [String]) -> StepRecord {
        StepRecord(step: "agree", present: 4, agreed: [TitleList(title: "deputy", names: names)])
    }
}

/// An in-memory store with the same all-or-nothing and revision guarantees as the SQLite one.
final class MemoryInstanceStore: InstanceStore, @unchecked Sendable {
    private let lock = NSLock()
    private var headers: [InstanceHeader] = []
    private var events: [String: [Event]] = [:]
    private var definitions: [String: Data] = [:]

    func create(_ header: InstanceHeader, definition: PinnedDefinition, firstEvent: Event) throws {
        try lock.withLock {
            guard events[header.id] == nil else { throw EngineError.duplicateInstance(header.id) }
            headers.append(header)
            events[header.id] = [firstEvent]
            definitions[definition.hash] = definition.json
        }
    }

    func append(_ new: [Event], to instance: String, expectedRevision: Int, definitions pinned: [PinnedDefinition]) throws {
        try lock.withLock {
            let revision = events[instance]?.last?.sequence ?? 0
            guard revision == expectedRevision else {
                throw EngineError.concurrentChange(instance: instance, expected: expectedRevision, actual: revision)
            }
            events[instance, default: []] += new
            for definition in pinned { definitions[definition.hash] = definition.json }
        }
    }

    func load(_ instance: String) throws -> InstanceLog? {
        lock.withLock {
            guard let header = headers.first(where: { $0.id == instance }) else { return nil }
            return InstanceLog(header: header, events: events[instance] ?? [], definitions: definitions)
        }
    }

    func instances() throws -> [InstanceHeader] { lock.withLock { headers } }
}
