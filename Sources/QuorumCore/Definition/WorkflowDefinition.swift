import QuorumRules

/// A validated, self-contained workflow: `extends:` merged, rules and body membership resolved.
/// An instance is pinned to one of these; its canonical JSON is what the content hash covers.
public struct WorkflowDefinition: Codable, Sendable, Equatable {
    public let id: String
    public let name: String
    public let version: Int
    public let basis: String?
    public let ruleSet: String?
    public let term: String?
    public let cycle: String?
    public let note: String?
    public let people: [Person]
    public let bodies: [Body]
    public let titles: [Title]
    public let steps: [Step]

    public func step(_ id: String) -> Step? { steps.first { $0.id == id } }
    public func body(_ id: String) -> Body? { bodies.first { $0.id == id } }
    public func title(_ id: String) -> Title? { titles.first { $0.id == id } }
    public func person(_ id: String) -> Person? { people.first { $0.id == id } }
    public func personName(_ id: String) -> String { person(id)?.name ?? id }
}

public struct Person: Codable, Sendable, Equatable {
    public let id: String
    public let name: String
    public let note: String?
}

public struct Member: Codable, Sendable, Equatable {
    public let person: String
    public let role: String?
}

/// A body that meets. Its membership is flattened at validation: named members of included bodies once each,
/// plus head counts of bodies whose members are not named.
public struct Body: Codable, Sendable, Equatable {
    public let id: String
    public let name: String
    public let members: [Member]
    public let unnamedCount: Int
    public let includes: [String]

    public var totalMembers: Int { members.count + unnamedCount }
}

public struct Title: Codable, Sendable, Equatable {
    public let id: String
    public let name: String
    public let cap: Int
    public let authority: String?
    /// Person ids already in the plan who stay in it ("giữ quy hoạch"); they count toward the cap.
    public let kept: [String]
    public let removed: [Removal]

    /// Places left for people added in this cycle.
    public var freePlaces: Int { max(0, cap - kept.count) }
}

public struct Removal: Codable, Sendable, Equatable {
    public let person: String
    public let reason: String
}
