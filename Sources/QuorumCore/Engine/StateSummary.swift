import Crypto
import Foundation

/// Where an instance stands after its last event, kept by the store beside the history in the same transaction, so
/// that a list of many instances need not decode and fold every history. It is derived data, sealed to the head of
/// the chain it describes: a reader uses it only when the verified chain ends at that head and the seal matches, and
/// folds the history otherwise (a store written before summaries, a summary lost or edited).
public struct StateSummary: Sendable, Equatable {
    public let revision: Int
    public let head: String
    public let currentStep: String?
    public let finished: Bool
    public let seal: String

    public init(revision: Int, head: String, currentStep: String?, finished: Bool, seal: String) {
        self.revision = revision
        self.head = head
        self.currentStep = currentStep
        self.finished = finished
        self.seal = seal
    }

    public init(_ state: InstanceState) {
        self.init(revision: state.revision, head: state.lastHash, currentStep: state.currentStep, finished: state.isFinished,
                  seal: Self.seal(revision: state.revision, head: state.lastHash, currentStep: state.currentStep, finished: state.isFinished))
    }

    /// Whether the summary is the one sealed for the chain's last event.
    public func describes(_ chain: InstanceChain) -> Bool {
        guard let last = chain.links.last, last.sequence == revision, last.hash == head else { return false }
        return seal == Self.seal(revision: revision, head: head, currentStep: currentStep, finished: finished)
    }

    static func seal(revision: Int, head: String, currentStep: String?, finished: Bool) -> String {
        let text = "quorum-summary\n\(revision)\n\(head)\n\(currentStep.map { "step:" + $0 } ?? "none")\n\(finished)"
        return EventChain.hex(SHA256.hash(data: Data(text.utf8)))
    }
}
