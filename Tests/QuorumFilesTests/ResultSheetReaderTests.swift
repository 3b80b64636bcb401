import Foundation
import QuorumCore
@testable import QuorumFiles
import Testing

struct ResultSheetReaderTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-results-\(UUID().uuidString)")

    private func write(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func failure(_ path: String) -> [LocatedDiagnostic] {
        do {
            _ = try ResultSheetReader.read(path, step: "buoc-2")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func readsASpreadsheetExportWithAByteOrderMark() throws {
        let path = try write("totals.csv", "\u{FEFF}title,name,votes\r\npho-chanh,Nguyễn Hữu Phước,25\r\npho-chanh,\"Võ Thành Tâm\",21\r\n\r\n")
        let sheet = try ResultSheetReader.read(path, step: "buoc-2")
        #expect(sheet.record.votes == [TitleVotes(title: "pho-chanh", candidates: [CandidateVotes(name: "Nguyễn Hữu Phước", votes: 25),
                                                                                 CandidateVotes(name: "Võ Thành Tâm", votes: 21)])])
        #expect(sheet.record.source == path)
        let located = sheet.locate(RecordProblem(.candidate(title: "pho-chanh", name: "Võ Thành Tâm"), .negativeVotes), saying: Phrase("verbatim", ["text": "x"]))
        #expect(located.location?.line == 3)
        #expect(located.location?.column == 11)
    }

    @Test func pointsAtTheBadCell() throws {
        let path = try write("bad.csv", "title,name,votes\npho-chanh,Nguyễn Văn A,12\npho-chanh,Trần Thị Bé,mười\npho-chanh,,3\n")
        let diagnostics = failure(path)
        #expect(diagnostics.map { "\($0.location!.line):\($0.location!.column)" } == ["3:23", "4:11"])
        #expect(diagnostics[0].message.english.contains("'mười' is not a vote count"))
        #expect(diagnostics[1].message.english.contains("the name is empty"))
    }

    @Test func unknownColumnsAreNamed() throws {
        let diagnostics = failure(try write("columns.csv", "title,ho-ten,votes\nx,y,1\n"))
        #expect(diagnostics.contains { $0.message.english.contains("unknown column 'ho-ten'") && $0.location?.column == 7 })
    }

    @Test func anAgreedListNeedsNoVotesColumn() throws {
        let sheet = try ResultSheetReader.read(try write("agreed.csv", "title,name\nt,An\nt,Bình\n"), step: "buoc-1")
        #expect(sheet.record.agreed == [TitleList(title: "t", names: ["An", "Bình"])])
    }

    @Test func readsYAMLResultsAndNormalisesNames() throws {
        let decomposed = "Nguye\u{0302}\u{0303}n  Văn   A"
        let path = try write("totals.yaml", "present: 27\nballots: { issued: 27, returned: 27, valid: 26, invalid: 1 }\nvotes:\n  t:\n    \(decomposed): 20\nnote: Ghi chú\n")
        let sheet = try ResultSheetReader.read(path, step: "buoc-2")
        #expect(sheet.record.present == 27)
        #expect(sheet.record.ballots == BallotCount(issued: 27, returned: 27, valid: 26, invalid: 1))
        #expect(sheet.record.votes.first?.candidates == [CandidateVotes(name: "Nguyễn Văn A", votes: 20)])
        #expect(sheet.record.note == "Ghi chú")
        #expect(sheet.locate(RecordProblem(.present, .negativeAttendance), saying: Phrase("verbatim", ["text": "x"])).location?.line == 1)
    }

    @Test func yamlResultsWithATypoAreLocated() throws {
        let diagnostics = failure(try write("typo.yaml", "present: 27\nvotse:\n  t:\n    A: 1\n"))
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location?.line == 2)
        #expect(diagnostics[0].notes.map(\.english).contains("did you mean 'votes'?"))
    }
}

struct RosterReaderTests {
    @Test func readsAYAMLRosterAndPointsAtBadFields() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-roster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let good = folder.appendingPathComponent("good.yaml").path
        try """
            people:
              - id: cb-1
                full_name: Nguyễn Văn A
                birth_date: 12/05/1978
                gender: nam
                ratings: { 2019: HTTNV, 2020: HTXSNV }
                discipline: { 2015: Khiển trách }
                planned_titles: [Trưởng phòng]
            """.write(toFile: good, atomically: true, encoding: .utf8)
        let roster = try RosterReader.read(good).roster
        #expect(roster.people == [RosterPerson(id: "cb-1", name: "Nguyễn Văn A", birthDate: "1978-05-12", gender: "nam",
                                               ratings: [.init(year: 2019, text: "HTTNV"), .init(year: 2020, text: "HTXSNV")],
                                               discipline: [.init(year: 2015, text: "Khiển trách")], plannedTitles: ["Trưởng phòng"])])
        let bad = folder.appendingPathComponent("bad.yaml").path
        try "people:\n  - id: cb-1\n    full_name: A\n    birth_date: 1978-13-01\n  - id: cb-1\n    full_name: B\n".write(toFile: bad, atomically: true, encoding: .utf8)
        do {
            _ = try RosterReader.read(bad)
            Issue.record("a roster with errors must not be read")
        } catch {
            #expect(error.diagnostics.map { "\($0.location!.line):\($0.location!.column)" } == ["4:17", "5:9"])
        }
    }
}

struct BallotPaperReaderTests {
    @Test func readsPapersOneByOneAndRefusesADuplicateNumber() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-papers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let good = folder.appendingPathComponent("good.csv").path
        try "ballot,marked\n1,Nguyễn Văn A; Trần Thị B\n2,\n".write(toFile: good, atomically: true, encoding: .utf8)
        let sheet = try ResultSheetReader.read(good, step: "buoc-4")
        #expect(sheet.record.papers == [BallotPaper(number: 1, marks: [TitleList(title: "", names: ["Nguyễn Văn A", "Trần Thị B"])]),
                                        BallotPaper(number: 2, marks: [TitleList(title: "", names: [])])])
        let bad = folder.appendingPathComponent("bad.csv").path
        try "ballot,marked\n1,A\n2,B\n1,C\nx,D\n".write(toFile: bad, atomically: true, encoding: .utf8)
        do {
            _ = try ResultSheetReader.read(bad, step: "buoc-4")
            Issue.record("duplicate ballot numbers must be refused")
        } catch {
            #expect(error.diagnostics.map(\.message.english) == ["ballot 1 is entered twice (first on line 2)", "'x' is not a ballot number; number the papers 1, 2, 3, …"])
            #expect(error.diagnostics.map { $0.location?.line } == [4, 5])
        }
    }
}

extension ResultSheetReaderTests {
    /// Excel under Vietnamese regional settings separates fields with semicolons; some exports use tabs.
    @Test(arguments: [";", "\t"])
    func semicolonsAndTabsSeparateFieldsAsCommasDo(separator: String) throws {
        let text = ["title", "name", "votes"].joined(separator: separator) + "\n"
            + ["pho-chanh", "Nguyễn Hữu Phước", "25"].joined(separator: separator) + "\n"
            + ["pho-chanh", "\"Võ Thành Tâm; Kinh tế\"", "x"].joined(separator: separator) + "\n"
        let path = try write("ket-qua.csv", text)
        let problems = failure(path)
        #expect(problems.map(\.message.english) == ["'x' is not a vote count; write a whole number from 0 up"])
        #expect(problems.first?.location?.line == 3)
        #expect(problems.first?.location?.column == 35, "columns count the separator, and none inside quotes")
        let fixed = try write("ket-qua-2.csv", text.replacingOccurrences(of: "\(separator)x\n", with: "\(separator)21\n"))
        let sheet = try ResultSheetReader.read(fixed, step: "buoc-2")
        #expect(sheet.record.votes.first?.candidates.map(\.name) == ["Nguyễn Hữu Phước", "Võ Thành Tâm; Kinh tế"])
    }
}
