@testable import QuorumCore
import Testing

/// How the directory links the definition's people to the roster and keys everyone, where the two disagree.
struct PersonDirectoryTests {
    /// Ann is declared without a code and shares her name with two roster people, so is linked to neither; Bob is linked
    /// by code, Cat by an id the roster also uses; Dan's code points elsewhere while the roster has someone whose id is
    /// `dan`; Kim's code names a row the roster repeats.
    let directory = PersonDirectory(definition: Fixtures.definition { document in
        document.people = [PersonDocument(id: "ann", name: "Ann"), PersonDocument(id: "bob", name: "Bob", code: "r-3"),
                           PersonDocument(id: "cat", name: "Cat"), PersonDocument(id: "dan", name: "Dan", code: "r-4"),
                           PersonDocument(id: "kim", name: "Kim", code: "r-5")]
    }, roster: Roster(people: [
        RosterPerson(id: "r-1", name: "Ann", birthDate: "1980-01-01"), RosterPerson(id: "r-2", name: "Ann"),
        RosterPerson(id: "r-3", name: "Robert"), RosterPerson(id: "cat", name: "Catherine", birthDate: "1979-05-05"),
        RosterPerson(id: "r-4", name: "Dan"), RosterPerson(id: "dan", name: "Daniel"),
        RosterPerson(id: "r-5", name: "Kim"), RosterPerson(id: "r-5", name: "Kimberly"),
    ], source: nil))

    @Test func namesakesAreAllNamedInOrderAndLabelled() {
        guard case .ambiguous(let entries) = directory.resolve("Ann") else { Issue.record("Ann is three people"); return }
        #expect(entries.map(\.key) == ["ann", "r-1", "r-2"], "declared first, then the roster's order")
        #expect(directory.label("ann") == "Ann (ann)" && directory.label("r-1") == "Ann (1980)" && directory.label("r-2") == "Ann (r-2)")
        #expect(directory.resolve("Ann (1980)") == .found(entries[1]))
    }

    @Test func aLinkedRecordIsItsDeclaredPerson() {
        #expect(directory.key("r-3") == "bob" && directory.entry("r-3")?.record?.name == "Robert")
        #expect(directory.entry("cat")?.record?.birthDate == "1979-05-05" && directory.label("cat") == "Cat")
        if case .found = directory.resolve("Robert") { Issue.record("a linked record is not a person of its own") }
        if case .found = directory.resolve("Kimberly") { Issue.record("nor is a repeat of its row") }
    }

    @Test func aDeclaredIdComesBeforeTheSameRosterId() {
        #expect(directory.entry("dan")?.record?.id == "r-4", "the id is the declared Dan's, linked by code")
        #expect(directory.label("dan") == "Dan", "the roster's Dan is his record, not a namesake")
        guard case .found(let daniel) = directory.resolve("Daniel") else { Issue.record("Daniel is in the roster"); return }
        #expect(daniel.record?.name == "Daniel")
    }
}
