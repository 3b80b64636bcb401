import Crypto
import Foundation

/// Where an instance stands after its last event, kept by the store beside the history in the same transaction, so
/// that a list of many instances, or a decision that must know what the rest of its cycle planned, need not decode
/// and fold every history. It is derived data, sealed to the head of the chain it describes: a reader uses it only
/// when the verified chain ends at that head and the seal matches, and folds the history otherwise (a store written
/// before summaries, a summary lost or edited).
public struct StateSummary: Sendable, Equatable {
    public let revision: Int
    public let head: String
    public let currentStep: String?
    public let finished: Bool
    /// What other instances read about this one, as sealed and stored (`Facts.json`); nil in summaries kept before
    /// they were (the history is folded).
    public let factsJSON: String?
    public let seal: String

    /// The facts, read when asked for: a summary is checked against its chain without reading them.
    public var facts: Facts? { factsJSON.flatMap(Facts.init(json:)) }

    /// What other instances of the cycle need to know about this one.
    public struct Facts: Codable, Sendable, Equatable {
        public let cycle: String?
        public let year: Int?
        /// Steps decided, and not reopened since (a meeting of another track may follow one of them).
        public let decided: [String]
        /// Once the procedure has ended: each person on a final list (kept or added, by person key) and the names of
        /// the titles they are planned for, as the limit on titles per person counts them.
        public let planned: [String: [String]]

        public init(cycle: String?, year: Int?, decided: [String], planned: [String: [String]]) {
            self.cycle = cycle
            self.year = year
            self.decided = decided
            self.planned = planned
        }

        public init(_ state: InstanceState, definition: WorkflowDefinition) {
            var decided: [String] = []
            for decision in state.decisions where decision.outcome == .decided && !decided.contains(decision.step) { decided.append(decision.step) }
            var planned: [String: Set<String>] = [:]
            if let added = state.added {
                for title in definition.titles {
                    for key in state.kept(title) + (added[title.id] ?? []) { planned[key, default: []].insert(title.name) }
                }
            }
            self.init(cycle: definition.cycle, year: definition.year, decided: decided, planned: planned.mapValues { $0.sorted() })
        }

        /// Whether the instance belongs to the same review cycle as `definition`.
        public func sameCycle(as definition: WorkflowDefinition) -> Bool { cycle == definition.cycle && year == definition.year }

        /// The facts as sealed and stored: JSON with sorted keys, so that equal facts are equal bytes.
        public var json: String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
        }

        /// Facts read back from `json`; nil when the text is not theirs.
        public init?(json: String) {
            guard let facts = try? JSONDecoder().decode(Self.self, from: Data(json.utf8)) else { return nil }
            self = facts
        }
    }

    public init(revision: Int, head: String, currentStep: String?, finished: Bool, factsJSON: String? = nil, seal: String) {
        self.revision = revision
        self.head = head
        self.currentStep = currentStep
        self.finished = finished
        self.factsJSON = factsJSON
        self.seal = seal
    }

    public init(_ state: InstanceState, definition: WorkflowDefinition) {
        let facts = Facts(state, definition: definition).json
        self.init(revision: state.revision, head: state.lastHash, currentStep: state.currentStep, finished: state.isFinished, factsJSON: facts,
                  seal: Self.seal(revision: state.revision, head: state.lastHash, currentStep: state.currentStep, finished: state.isFinished,
                                  facts: facts))
    }

    /// Whether the summary is the one sealed for the chain's last event.
    public func describes(_ chain: InstanceChain) -> Bool {
        guard let last = chain.links.last, last.sequence == revision, last.hash == head else { return false }
        return seal == Self.seal(revision: revision, head: head, currentStep: currentStep, finished: finished, facts: factsJSON)
    }

    /// Summaries kept before facts were are sealed without them, and still describe their chain.
    static func seal(revision: Int, head: String, currentStep: String?, finished: Bool, facts: String?) -> String {
        let text = "quorum-summary\n\(revision)\n\(head)\n\(currentStep.map { "step:" + $0 } ?? "none")\n\(finished)"
            + (facts.map { "\nfacts:" + $0 } ?? "")
        return EventChain.hex(SHA256.hash(data: Data(text.utf8)))
    }
}
