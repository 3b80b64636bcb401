@testable import QuorumCore
import Testing

struct WorkflowValidatorTests {
    private func problems(_ edit: (inout WorkflowDocument) -> Void) -> [Diagnostic] {
        var document = Fixtures.document()
        edit(&document)
        return WorkflowValidator(ruleSets: [Fixtures.ruleSet]).validate(document, name: "track").1
    }

    private func expectError(at path: String, containing text: String, _ edit: (inout WorkflowDocument) -> Void,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let found = problems(edit)
        #expect(found.contains { $0.severity == .error && $0.path.description == path && $0.message.english.contains(text) },
                "expected an error at \(path) containing '\(text)', got \(found.map { "\($0.path): \($0.message.english)" })",
                sourceLocation: sourceLocation)
    }

    @Test func theFixtureIsValid() {
        #expect(problems { _ in }.isEmpty)
        let definition = Fixtures.definition()
        #expect(definition.titles[0].cap == 3)
        #expect(definition.steps.map(\.next) == [.step("vote"), .end])
    }

    @Test func unknownReferencesSuggestTheClosestId() {
        expectError(at: "steps[0].body", containing: "unknown body 'councl'") { $0.steps![0].body = "councl" }
        let notes = problems { $0.steps![0].body = "councl" }.first?.notes ?? []
        #expect(notes.map(\.english) == ["did you mean 'council'?"])
        expectError(at: "bodies[0].members[1].person", containing: "unknown person 'bobb'") { $0.bodies![0].members![1].person = "bobb" }
        expectError(at: "titles[0].kept[0]", containing: "unknown person") { $0.titles![0].kept = ["nobody"] }
        expectError(at: "steps[1].threshold", containing: "unknown rule 'half'") { $0.steps![1].threshold = "half" }
        expectError(at: "steps[1].transitions[0].to", containing: "unknown step 'vot'") { $0.steps![1].transitions![0].to = "vot" }
        expectError(at: "rules", containing: "unknown rule set") { $0.rules = "other-rules" }
    }

    @Test func aRuleOfTheWrongKindIsRefused() {
        expectError(at: "steps[1].threshold", containing: "is a quorum rule") { $0.steps![1].threshold = "two-thirds-present" }
    }

    @Test func duplicateIdsAreErrors() {
        expectError(at: "steps[1].id", containing: "duplicate step id 'agree'") { $0.steps![1].id = "agree" }
        expectError(at: "people[1].id", containing: "duplicate person id") { $0.people![1].id = "ann" }
    }

    @Test func capsAndKeptPeopleAreChecked() {
        expectError(at: "titles[0].cap", containing: "at least 1") { $0.titles![0].cap = 0 }
        expectError(at: "titles[0].kept", containing: "keeps 2 people but its cap is 1") {
            $0.titles![0].cap = 1
            $0.titles![0].kept = ["kim", "ann"]
        }
    }

    @Test func stepsMustMeetInOrder() {
        expectError(at: "steps[1].date", containing: "before the step it follows") { $0.steps![1].date = "2021-03-11" }
        expectError(at: "steps[1].date", containing: "is not a date") { $0.steps![1].date = "18/03/2021" }
        expectError(at: "steps[1].time", containing: "not a time of day") { $0.steps![1].time = "25:00" }
    }

    @Test func votingStepsNeedABodyAndAThreshold() {
        expectError(at: "steps[1]", containing: "needs a 'threshold'") { $0.steps![1].threshold = nil }
        expectError(at: "steps[1].body", containing: "needs a 'body'") { $0.steps![1].body = nil }
        expectError(at: "steps[0].threshold", containing: "discussion without a vote") { $0.steps![0].threshold = "half-of-members" }
    }

    @Test func bodiesNeedMembersAndMustNotIncludeThemselves() {
        expectError(at: "bodies[1]", containing: "has no members") { $0.bodies!.append(BodyDocument(id: "empty", name: "Empty")) }
        expectError(at: "bodies[0].includes", containing: "cycle") { $0.bodies![0].includes = ["council"] }
    }

    @Test func compositeBodiesCountEachPersonOnce() {
        let definition = Fixtures.definition {
            $0.bodies!.append(BodyDocument(id: "staff", name: "Staff", members: [MemberDocument(person: "ann"), MemberDocument(person: "kim")], count: 5))
            $0.bodies!.append(BodyDocument(id: "all", name: "All", includes: ["council", "staff", "council"]))
        }
        let all = definition.body("all")!
        #expect(all.members.map(\.person) == ["ann", "bob", "cat", "dan", "kim"])
        #expect(all.totalMembers == 10)
    }

    @Test func unreachableAndNeverFinishingStepsAreFound() {
        expectError(at: "steps[1].id", containing: "can never be reached") {
            $0.steps![0].transitions = [TransitionDocument(when: nil, to: "end")]
        }
        expectError(at: "steps[0].id", containing: "can never finish") {
            $0.steps![1].transitions = [TransitionDocument(when: nil, to: "agree")]
            $0.steps![0].transitions = []
        }
    }

    @Test func skippedStepsLeaveTheRun() {
        let definition = Fixtures.definition { $0.steps![1].skip = true }
        #expect(definition.steps.map(\.id) == ["agree"])
        #expect(definition.steps[0].next == .end)
        #expect(definition.titles[0].cap == 3, "the cap still comes from the procedure's selection rule")
    }

    @Test func reportsEveryProblemAtOnce() {
        let found = problems {
            $0.steps![0].body = "nobody"
            $0.titles![0].cap = 0
            $0.steps![1].date = "2020-01-01"
        }
        #expect(found.filter { $0.severity == .error }.count >= 3)
    }
}
