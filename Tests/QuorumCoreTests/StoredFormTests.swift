import Foundation
@testable import QuorumCore
import QuorumRules
import Testing

/// Large payloads are stored in a form of their own: a decision with each title's threshold rule and base once, each
/// candidate's verdict on it and no empty screening, a candidate as a row `[name, votes, verdict, rank, passes]`
/// unless it has findings or a settled tie; a record's votes as `[name, votes]` pairs. Each reads back as it was. Any
/// other encoder (output for people and programs, events stored before) writes the whole form, which still reads.
struct StoredFormTests {
    static let majority = ThresholdRule(id: "tren-50", base: .totalMembers, comparison: .moreThan, fraction: Fraction(numerator: 1, denominator: 2)!)

    static func decision(bases: [Int] = [13, 13, 13], screening: [EligibilityScreen.Finding] = []) -> StepDecision {
        let votes = [9, 7, 6]
        let candidates = zip(votes, bases).enumerated().map { index, pair in
            let check = majority.check(pair.0, of: pair.1)
            return CandidateOutcome(name: "cb-\(index)", votes: pair.0, check: check, rank: check.passes ? index + 1 : nil,
                                    verdict: check.passes ? .selected : .failed, screening: index == 1 ? screening : [])
        }
        let agreed = CandidateOutcome(name: "cb-agreed", votes: nil, check: nil, rank: nil, verdict: .agreed)
        return StepDecision(step: "buoc-4", attempt: 1, outcome: .decided, quorum: nil, ballots: nil,
                            titles: [TitleOutcome(title: "Phó Chánh Văn phòng", cap: 4, kept: 0, candidates: candidates + [agreed],
                                                  handedOn: candidates.filter { $0.verdict == .selected }.map(\.name))],
                            guardTaken: nil, next: .end)
    }

    private func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    @Test func aTitlesThresholdIsStoredOnceAndTheDecisionReadsBackAsDecided() throws {
        let decision = Self.decision()
        let stored = EventChain.encode(.advanced(decision))
        #expect(text(stored).contains(#""threshold":{"baseCount":13,"rule":{"base":"total-members""#))
        #expect(!text(stored).contains(#""check""#))
        #expect(!text(stored).contains(#""candidates""#))
        #expect(text(stored).contains(#""rows":[["cb-0",9,"selected",1,true],["cb-1",7,"selected",2,true],["cb-2",6,"failed",null,false],"#
                                      + #"["cb-agreed",null,"agreed",null,null]]"#))
        let read = try EventChain.decode(stored)
        #expect(read == .advanced(decision))
        guard case .advanced(let back) = read else { return }
        #expect(back.titles[0].candidates.map { $0.check?.arithmetic } == ["9 × 2 = 18 > 13", "7 × 2 = 14 > 13", "6 × 2 = 12 ≤ 13", nil])
    }

    /// Decisions stored before rows keep an object per candidate, with its verdict on the title's threshold.
    @Test func aDecisionWithAnObjectPerCandidateReads() throws {
        let objects = [#"{"name":"cb-0","passes":true,"rank":1,"verdict":"selected","votes":9}"#,
                       #"{"name":"cb-1","passes":true,"rank":2,"verdict":"selected","votes":7}"#,
                       #"{"name":"cb-2","passes":false,"verdict":"failed","votes":6}"#, #"{"name":"cb-agreed","verdict":"agreed"}"#]
        let stored = text(EventChain.encode(.advanced(Self.decision())))
        guard let rows = stored.range(of: #""rows":\[.*\]\]"#, options: .regularExpression) else { Issue.record("no rows: \(stored)"); return }
        let earlier = stored.replacingCharacters(in: rows, with: #""candidates":["# + objects.joined(separator: ",") + "]")
        #expect(try EventChain.decode(Data(earlier.utf8)) == .advanced(Self.decision()))
    }

    /// A candidate with findings, or whose tie was settled, keeps an object: rows hold the plain ones only.
    @Test func aTitleWithFindingsKeepsAnObjectPerCandidate() throws {
        let decision = Self.decision(screening: [EligibilityScreen.Finding(rule: "tuoi", name: "Tuổi", passed: true, outcome: .meets, detail: "57")])
        let stored = EventChain.encode(.advanced(decision))
        #expect(!text(stored).contains(#""rows""#))
        #expect(text(stored).contains(#"{"name":"cb-2","passes":false,"verdict":"failed","votes":6}"#))
        #expect(try EventChain.decode(stored) == .advanced(decision))
    }

    @Test(arguments: [#"[["cb-1",9,"selected",1]]"#, #"[["cb-1",9,"chosen",1,true]]"#, #"[[9,"cb-1","selected",1,true]]"#])
    func aCandidateRowThatIsNotNameVotesVerdictRankAndPassesIsRefused(rows: String) {
        let json = #"{"advanced":{"_0":{"attempt":1,"next":"end","outcome":"decided","step":"s","titles":[{"cap":4,"handedOn":[],"kept":0,"#
            + #""rows":\#(rows),"structure":[],"title":"t"}]}}}"#
        #expect(throws: DecodingError.self) { try EventChain.decode(Data(json.utf8)) }
    }

    /// Counts whose checks do not share one base (none arise today) keep a check per candidate.
    @Test func checksWithoutOneBaseKeepTheirOwn() throws {
        let decision = Self.decision(bases: [13, 13, 11])
        let stored = EventChain.encode(.advanced(decision))
        #expect(!text(stored).contains(#""threshold""#))
        #expect(text(stored).components(separatedBy: #""check":"#).count == 4)
        #expect(try EventChain.decode(stored) == .advanced(decision))
    }

    @Test func aDecisionWithACheckPerCandidateReads() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let earlier = try encoder.encode(EventPayload.advanced(Self.decision()))
        #expect(text(earlier).components(separatedBy: #""check":"#).count == 4)
        #expect(try EventChain.decode(earlier) == .advanced(Self.decision()))
    }

    /// The verdict is what was decided, even if the arithmetic were worked differently today.
    @Test func theRecordedVerdictStands() throws {
        let stored = text(EventChain.encode(.advanced(Self.decision())))
            .replacingOccurrences(of: #"["cb-2",6,"failed",null,false]"#, with: #"["cb-2",6,"failed",null,true]"#)
        guard case .advanced(let back) = try EventChain.decode(Data(stored.utf8)) else { Issue.record("not a decision"); return }
        #expect(back.titles[0].candidates[2].check?.passes == true)
        #expect(back.titles[0].candidates[2].check?.scaledCount == 12)
    }

    static let record = StepRecord(step: "buoc-4", present: 13, votes: [
        TitleVotes(title: "pho-chanh-van-phong", candidates: [CandidateVotes(name: "cb-1", votes: 9), CandidateVotes(name: "Lê Thị \"Bé\" Ba", votes: 0)]),
        TitleVotes(title: "chanh-van-phong", candidates: []),
    ])

    @Test func aRecordsVotesAreStoredAsPairsAndReadBackTheSame() throws {
        let stored = EventChain.encode(.recorded(Self.record))
        #expect(text(stored).contains(#"{"tally":[["cb-1",9],["Lê Thị \"Bé\" Ba",0]],"title":"pho-chanh-van-phong"}"#))
        #expect(!text(stored).contains(#""candidates""#))
        #expect(try EventChain.decode(stored) == .recorded(Self.record))
    }

    @Test func aRecordWithVotesAsObjectsReads() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let earlier = try encoder.encode(EventPayload.recorded(Self.record))
        #expect(text(earlier).contains(#"{"name":"cb-1","votes":9}"#))
        #expect(try EventChain.decode(earlier) == .recorded(Self.record))
    }

    @Test(arguments: [#"[["cb-1",9,3]]"#, #"[["cb-1"]]"#, #"[[9,"cb-1"]]"#])
    func aTallyEntryThatIsNotANameAndVotesIsRefused(tally: String) {
        let json = #"{"recorded":{"_0":{"agreed":[],"attempt":1,"attendees":[],"papers":[],"runOff":false,"step":"buoc-4","votes":[{"tally":\#(tally),"title":"t"}]}}}"#
        #expect(throws: DecodingError.self) { try EventChain.decode(Data(json.utf8)) }
    }
}

/// A list of instances reads the definition a `started` event pins from its bytes when they are exactly the canonical
/// form, and decodes any other bytes: nothing pinned goes unchecked.
struct StartedHashTests {
    static let hash = String(repeating: "0123456789abcdef", count: 4)

    private func link(_ json: String) -> InstanceChain.Link {
        InstanceChain.Link(sequence: 1, at: Date(), actor: "a", payloadData: Data(json.utf8), previousHash: "", hash: "")
    }

    @Test func theHashIsReadFromCanonicalBytes() {
        let stored = EventChain.encode(.started(Started(workflow: "pho-chanh-van-phong-2021", definitionHash: Self.hash)))
        #expect(InstanceChain.Link(sequence: 1, at: Date(), actor: "a", payloadData: stored, previousHash: "", hash: "").startedHash == Self.hash)
    }

    @Test(arguments: [
        #"{"started":{"_0":{"definitionHash":"\#(hash)","definitionHash":"\#(hash)","workflow":"w"}}}"#,
        #"{"started":{"_0":{"definitionHash":"\#(hash.uppercased())","workflow":"w"}}}"#,
        #"{"started":{"_0":{"definitionHash":"\#(hash)","workflow":"w\"x"}}}"#,
        #"{"started":{"_0":{"definitionHash":"\#(hash)","workflow":"w","x":"y"}}}"#,
        #"{"started":{"_0":{"definitionHash":"\#(hash.dropLast())","workflow":"w"}}}"#,
        #"{"started":{"_0":{"definitionHash":"\#(hash)","workflow":"w"}}} "#,
        #"{"migrated":{"_0":{"definitionHash":"\#(hash)","workflow":"w"}}}"#,
    ])
    func otherBytesAreDecodedInstead(json: String) {
        #expect(link(json).startedHash == nil)
    }
}
