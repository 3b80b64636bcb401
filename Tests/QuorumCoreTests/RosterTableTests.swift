import Foundation
@testable import QuorumCore
import Testing

/// A roster is stored in its event as a table (column names once, a row per person); rosters stored earlier as an
/// object per person still read, and a table this version cannot read whole is refused.
struct RosterTableTests {
    static let roster = Roster(people: [
        RosterPerson(id: "cb-1", name: "Nguyễn Văn An", birthDate: "1975-03-12", gender: "nam", ethnicity: "Kinh", unit: "Văn phòng",
                     currentTitle: "Phó Chánh Văn phòng", degree: "Thạc sĩ", politicalTheory: "Cao cấp",
                     ratings: [.init(year: 2019, text: "HTXSNV"), .init(year: 2020, text: "HTTNV")],
                     discipline: [.init(year: 2018, text: "khiển trách")], plannedTitles: ["Chánh Văn phòng"]),
        RosterPerson(id: "cb-2", name: "Lê Thị \"Bé\" Ba"),
    ], source: "ho-so.csv")

    private func decoded(_ json: String) throws -> Roster { try JSONDecoder().decode(Roster.self, from: Data(json.utf8)) }

    @Test func aRosterIsStoredAsATableAndReadBackTheSame() throws {
        let data = EventChain.encode(.rosterImported(Self.roster))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix(#"{"rosterImported":{"_0":{"columns":["id","name","birthDate""#))
        #expect(text.contains(#"["cb-2","Lê Thị \"Bé\" Ba",null,null,null,null,null,null,null,[],[],[]]"#))
        #expect(text.contains(#"[2019,"HTXSNV",2020,"HTTNV"],[2018,"khiển trách"]"#))
        #expect(try EventChain.decode(data) == .rosterImported(Self.roster))
    }

    /// The event is encoded a row at a time; its bytes are those of the payload encoded whole, as the chain hashes them.
    @Test(arguments: [roster, Roster(people: roster.people, source: nil), Roster(people: [], source: "trống.csv")])
    func aRosterEventIsTheWholePayloadEncoded(roster: Roster) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let whole = try encoder.encode(EventPayload.rosterImported(roster))
        #expect(String(decoding: EventChain.encode(.rosterImported(roster)), as: UTF8.self) == String(decoding: whole, as: UTF8.self))
    }

    @Test func aRosterStoredAsAnObjectPerPersonStillReads() throws {
        let people = String(decoding: try JSONEncoder().encode(Self.roster.people), as: UTF8.self)
        #expect(try decoded(#"{"people":\#(people),"source":"ho-so.csv"}"#) == Self.roster)
    }

    @Test func aTableIsReadByItsColumnNames() throws {
        let roster = try decoded(#"{"columns":["name","id","ratings"],"rows":[["Trần Văn Cường","cb-3",[[2020,"HTNV"]]]]}"#)
        #expect(roster.people == [RosterPerson(id: "cb-3", name: "Trần Văn Cường", ratings: [.init(year: 2020, text: "HTNV")])])
        #expect(roster.source == nil)
    }

    /// Tables written before ratings were flat lists hold `[year, text]` pairs, and read as they were written.
    @Test func ratingsAndDisciplineStoredAsPairsStillRead() throws {
        let person = Self.roster.people[0]
        let flat = try decoded(#"{"columns":["id","name","ratingsFlat","disciplineFlat"],"rows":[["cb-1","An",[2019,"HTXSNV",2020,"HTTNV"],[2018,"khiển trách"]]]}"#)
        let pairs = try decoded(#"{"columns":["id","name","ratings","discipline"],"rows":[["cb-1","An",[[2019,"HTXSNV"],[2020,"HTTNV"]],[[2018,"khiển trách"]]]]}"#)
        #expect(flat == pairs && flat.people[0].ratings == person.ratings && flat.people[0].discipline == person.discipline)
    }

    @Test(arguments: [
        (#"{"columns":["id","name","salary"],"rows":[]}"#, "roster column 'salary' is unknown or repeated"),
        (#"{"columns":["id","name","ratings","ratingsFlat"],"rows":[]}"#, "roster column 'ratingsFlat' is unknown or repeated"),
        (#"{"columns":["id","name","ratingsFlat"],"rows":[["cb-1","An",[2019,"HTXSNV",2020]]]}"#, "a year in a roster row has no text"),
        (#"{"columns":["id","name","id"],"rows":[]}"#, "roster column 'id' is unknown or repeated"),
        (#"{"columns":["id","unit"],"rows":[]}"#, "a roster table needs the columns id and name"),
        (#"{"columns":["id","name"],"rows":[["cb-1","An","extra"]]}"#, "a roster row has more values than columns"),
        (#"{"columns":["id","name","unit"],"rows":[["cb-1","An"]]}"#, "a roster row has fewer values than columns"),
    ])
    func aTableThatCannotBeReadWholeIsRefused(json: String, message: String) {
        do {
            _ = try decoded(json)
            Issue.record("read: \(json)")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
