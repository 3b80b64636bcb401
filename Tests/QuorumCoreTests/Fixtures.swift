import Foundation
import QuorumFiles
@testable import QuorumCore

/// A small workflow built in code: a 4-member council, a discussion then a secret ballot.
enum Fixtures {
    static let ruleSetDocument = RuleSetDocument(id: "test-rules", name: "Test rules", rules: [
        RuleDocument(id: "half-of-members", kind: "threshold", base: "total-members", comparison: "more-than", fraction: "1/2",
                     examples: [RuleExampleDocument(count: 3, of: 4, passes: true), RuleExampleDocument(count: 2, of: 4, passes: false)]),
        RuleDocument(id: "two-thirds-present", kind: "quorum", base: "total-members", comparison: "at-least", fraction: "2/3"),
        RuleDocument(id: "top-three", kind: "selection", cap: 3, ties: "run-off"),
    ])

    /// An eligibility rule on last year's rating, for tests that screen people.
    static let goodRatingsLastYear = RuleDocument(id: "good-ratings", kind: "eligibility", name: "Rated good last year",
        expression: "cycle.year - 1 in person.ratings && person.ratings[cycle.year - 1] in ['HTTNV', 'HTXSNV']")

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

    /// A new instance of `definition` at its secret ballot: started, `candidates` agreed, the discussion decided.
    static func atVote(_ service: InstanceService, _ definition: WorkflowDefinition, candidates: [String] = ["Ann", "Bob", "Cat"]) throws -> String {
        let id = try service.start(definition).id
        _ = try service.record(agreed(candidates), in: id, current: definition)
        _ = try service.advance(id, current: definition)
        return id
    }
}

extension Array where Element == RecordProblem {
    /// Whether one of the problems is of `kind` and names these values (and perhaps others).
    func has(_ kind: RecordProblem.Kind, _ values: [String: String] = [:], suggestion: String? = nil) -> Bool {
        contains { problem in
            problem.kind == kind && values.allSatisfy { problem.values[$0.key] == $0.value } && (suggestion == nil || problem.suggestion == suggestion)
        }
    }
}

extension Phrase {
    /// The English catalog of the repository (`messages/en.yaml`), for tests that read what a user reads.
    static let englishCatalog: MessageCatalog = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../messages/en.yaml").standardized.path
        return try! MessageCatalog(yaml: String(contentsOfFile: file, encoding: .utf8), file: file)
    }()

    /// The phrase as the English command line words it.
    var english: String { Self.englishCatalog.words(self) ?? "missing message \(self)" }
}
