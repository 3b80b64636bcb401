import Foundation
@testable import QuorumCore
import Testing

/// A definition is pinned (encoded and hashed) once per process and found again by equality; what it finds must be
/// what encoding the definition afresh gives, for every version of a workflow, however many were pinned before it.
struct PinnedDefinitionTests {
    @Test func aPinFoundAgainIsTheDefinitionsOwn() throws {
        let versions = (0..<6).map { hour in Fixtures.definition { $0.steps![1].time = "1\(hour):00" } }
        for definition in versions + versions.reversed() {
            let pinned = PinnedDefinition(definition), fresh = PinnedDefinition(encoding: definition)
            #expect(pinned == fresh)
            #expect(try pinned.definition() == definition)
        }
        #expect(Set(versions.map { PinnedDefinition($0).hash }).count == versions.count)
    }
}
