/// Checks a meeting's results against the instance before they are stored, and collects every problem: the step
/// must be open, the counts must be possible, every name must be a known person, double entries must come from two
/// people. Names are stored as person keys, so namesakes are never confused.
struct RecordCheck {
    let definition: WorkflowDefinition
    let state: InstanceState
    let actor: String
    let directory: PersonDirectory
    let screen: EligibilityScreen?

    init(definition: WorkflowDefinition, state: InstanceState, actor: String, screen: EligibilityScreen? = nil, directory: PersonDirectory? = nil) {
        self.definition = definition
        self.state = state
        self.actor = actor
        self.screen = screen
        self.directory = directory ?? PersonDirectory(definition: definition, roster: state.roster)
    }

    /// Results may name a title by its display name (as written in the plan) as well as by its id; they are stored by id.
    private func titlesByID(_ input: StepRecord) -> StepRecord {
        let names = Dictionary(definition.titles.map { (PersonDirectory.normalized($0.name), $0.id) }, uniquingKeysWith: { first, _ in first })
        func id(_ title: String) -> String { definition.title(title) != nil ? title : names[PersonDirectory.normalized(title)] ?? title }
        func lists(_ lists: [TitleList]) -> [TitleList] { lists.map { TitleList(title: id($0.title), names: $0.names) } }
        var record = input
        record.votes = record.votes.map { TitleVotes(title: id($0.title), candidates: $0.candidates) }
        record.agreed = lists(record.agreed)
        record.writeIns = record.writeIns.map(lists)
        record.review = record.review?.map { entry in
            var entry = entry
            entry.title = id(entry.title)
            return entry
        }
        record.papers = record.papers.map { paper in
            var paper = paper
            paper.marks = lists(paper.marks)
            return paper
        }
        return record
    }

    /// Returns the record to store and warnings to show, or throws with every problem found.
    func check(_ input: StepRecord) throws(EngineError) -> (StepRecord, warnings: [RecordProblem]) {
        guard let current = state.currentStep else { throw .finished(state.id) }
        guard let step = definition.step(input.step) else {
            throw .unknownStep(input.step, known: definition.steps.map(\.id))
        }
        guard step.id == current else { throw .stepNotOpen(requested: step.id, current: current) }
        let body = definition.body(step.body)!
        var problems: [RecordProblem] = []
        var warnings: [RecordProblem] = []
        var record = titlesByID(input)
        record.attempt = state.attempt
        checkEntry(record, step: step, problems: &problems)
        record.writeIns = record.writeIns?.map { list in
            TitleList(title: list.title, names: list.names.compactMap { resolve($0, subject: .title(list.title), problems: &problems) })
        }
        if !record.papers.isEmpty {
            let limit = input.present ?? body.totalMembers
            if record.papers.count > limit {
                problems.append(input.present == nil ? .init(.record, .papersOverMembers, ["papers": record.papers.count, "members": limit, "body": body.name])
                                                     : .init(.record, .papersOverPresent, ["papers": record.papers.count, "present": limit]))
            }
            if let issued = record.ballots?.issued, record.papers.count > issued {
                problems.append(.init(.ballots, .papersOverIssued, ["papers": record.papers.count, "issued": issued]))
            }
            let titles = Set(definition.titles.map(\.id))
            for paper in record.papers {
                for mark in paper.marks where !mark.title.isEmpty && !titles.contains(mark.title) {
                    problems.append(.init(.paper(paper.number ?? 0), .notATitleOnPaper, ["title": mark.title],
                                          suggestion: Suggestion.closest(to: mark.title, in: titles).map { "'\($0)'" }))
                }
            }
            if step.form.isBallot {
                record.papers = record.papers.map { paper in
                    var paper = paper
                    paper.marks = paper.marks.map { TitleList(title: $0.title, names: $0.names.map(directory.key)) }
                    return paper
                }
                record = BallotCounter(definition: definition, step: step, state: state).count(record, problems: &problems)
            } else {
                problems.append(.init(.record, .discussionHasNoPapers, ["step": step.id]))
            }
        }
        if let present = record.present {
            if present < 0 { problems.append(.init(.present, .negativeAttendance)) }
            if present > body.totalMembers {
                problems.append(.init(.present, .presentOverMembers, ["present": present, "body": body.name, "members": body.totalMembers]))
            }
        }
        if let ballots = record.ballots { checkCounts(ballots, present: record.present, problems: &problems) }
        if let summoned = record.summoned, let present = record.present, present > summoned {
            problems.append(.init(.present, .presentOverSummoned, ["present": present, "summoned": summoned]))
        }
        checkAttendees(&record, body: body, problems: &problems)
        if let quorum = step.quorum, let present = record.present, !quorum.check(present, of: body.totalMembers).passes,
           !record.votes.isEmpty || !record.agreed.isEmpty {
            problems.append(.init(.present, .quorumMissed, check: quorum.check(present, of: body.totalMembers)))
        }
        let knownTitles = definition.titles.map(\.id)
        for title in record.votes.map(\.title) + record.agreed.map(\.title) + (record.writeIns ?? []).map(\.title)
            where !knownTitles.contains(title) {
            problems.append(.init(.title(title), .unknownTitle, ["title": title], suggestion: Suggestion.closest(to: title, in: knownTitles).map { "'\($0)'" }))
        }
        if step.form.isBallot {
            if record.present == nil, !record.votes.isEmpty {
                problems.append(.init(.present, .ballotNeedsPresent))
            }
            if !record.agreed.isEmpty { problems.append(.init(.record, .ballotTakesVotes, ["step": step.id])) }
            if record.ballots == nil, !record.votes.isEmpty {
                warnings.append(.init(.record, .countsNotRecorded))
            }
            if !(record.writeIns ?? []).isEmpty, step.form != .nominationBallot {
                problems.append(.init(.record, .writeInsOnNomination, ["step": step.id]))
            }
            record.votes = checkVotes(record, step: step, body: body, problems: &problems, warnings: &warnings)
        } else {
            if !record.votes.isEmpty { problems.append(.init(.record, .discussionTakesList, ["step": step.id])) }
            if record.runOff { problems.append(.init(.record, .discussionHasNoRunOff)) }
            record.agreed = checkAgreed(record, problems: &problems)
        }
        record.review = checkReview(record, step: step, problems: &problems)
        checkMeeting(&record, body: body, problems: &problems)
        guard problems.isEmpty else { throw .invalidRecord(step: step.id, problems: problems) }
        return (record, warnings)
    }

    /// The person a name, id or "name (birth year)" stands for; a name that matches nobody exactly, or several people,
    /// is a problem that names the likely person.
    func resolve(_ reference: String, subject: RecordProblem.Subject, problems: inout [RecordProblem]) -> String? {
        switch directory.resolve(reference) {
        case .found(let entry):
            return entry.key
        case .ambiguous(let entries):
            problems.append(.init(subject, .ambiguousName, ["name": reference, "count": entries.count, "people": directory.hint(entries),
                                                            "example": "\(entries[0].name) (\(entries[0].birthYear ?? entries[0].key))"]))
        case .unknown(let likely):
            problems.append(.init(subject, .unknownName, ["name": reference], suggestion: likely.isEmpty ? nil : directory.hint(likely)))
        }
        return nil
    }

    /// Double entry: each of the two entries once the step asks for them, by two different people.
    private func checkEntry(_ record: StepRecord, step: Step, problems: inout [RecordProblem]) {
        guard step.doubleEntry, !record.runOff else {
            if record.entry != nil, !step.doubleEntry { problems.append(.init(.record, .enteredOnce, ["step": step.id])) }
            return
        }
        guard let entry = record.entry, entry == 1 || entry == 2 else {
            problems.append(.init(.record, .enteredTwice, ["step": step.id]))
            return
        }
        if let other = state.entries[3 - entry]?.actor, other == actor {
            problems.append(.init(.record, .sameClerk, ["other": 3 - entry, "actor": actor, "entry": entry]))
        }
    }

    /// The counting committee's arithmetic: no more papers than people, and every paper accounted for.
    private func checkCounts(_ ballots: BallotCount, present: Int?, problems: inout [RecordProblem]) {
        if [ballots.issued, ballots.returned, ballots.valid, ballots.invalid].contains(where: { $0 < 0 }) {
            problems.append(.init(.ballots, .negativeBallotCounts))
            return
        }
        if let present, ballots.issued > present {
            problems.append(.init(.ballots, .issuedOverPresent, ["issued": ballots.issued, "present": present]))
        }
        if ballots.returned > ballots.issued {
            problems.append(.init(.ballots, .returnedOverIssued, ["returned": ballots.returned, "issued": ballots.issued]))
        }
        let (sum, overflow) = ballots.valid.addingReportingOverflow(ballots.invalid)
        if overflow || sum != ballots.returned {
            problems.append(.init(.ballots, .validPlusInvalid, ["valid": ballots.valid, "invalid": ballots.invalid, "returned": ballots.returned]))
        }
    }

    /// Attendees named in the minutes: each a member of the body, once, and as many as the count present.
    private func checkAttendees(_ record: inout StepRecord, body: Body, problems: inout [RecordProblem]) {
        if !record.attendees.isEmpty, let present = record.present, present != record.attendees.count {
            problems.append(.init(.present, .attendeesMiscounted, ["present": present, "named": record.attendees.count]))
        }
        let keys = record.attendees.compactMap { resolve($0, subject: .present, problems: &problems) }
        if Set(keys).count != keys.count { problems.append(.init(.present, .attendeeTwice)) }
        if body.unnamedCount == 0 {
            let members = Set(body.members.map(\.person))
            for key in keys where !members.contains(key) {
                problems.append(.init(.present, .notAMember, ["person": directory.label(key), "body": body.name]))
            }
        }
        record.attendees = keys
    }

    /// Vote totals, with names resolved to people. A name off the list is refused unless the results declare it as a
    /// written-in nomination; a run-off may only name the tied candidates.
    private func checkVotes(_ input: StepRecord, step: Step, body: Body, problems: inout [RecordProblem],
                            warnings: inout [RecordProblem]) -> [TitleVotes] {
        let ceiling = input.ballots?.valid ?? input.present ?? body.totalMembers
        let tied = input.runOff ? currentTies() : [:]
        if input.runOff, tied.isEmpty {
            problems.append(.init(.record, .noTieToSettle, ["step": step.id]))
        }
        return input.votes.map { entry in
            var seen = Set<String>()
            let listed = state.candidates?[entry.title].map { $0.map(directory.key) }
            let writeIns = Set(input.writeIns(for: entry.title))
            let candidates = entry.candidates.compactMap { candidate -> CandidateVotes? in
                let subject = RecordProblem.Subject.candidate(title: entry.title, name: candidate.name)
                guard let key = resolve(candidate.name, subject: subject, problems: &problems) else { return nil }
                if !seen.insert(key).inserted { problems.append(.init(subject, .candidateTwice, ["name": candidate.name, "title": entry.title])) }
                if candidate.votes < 0 { problems.append(.init(subject, .negativeVotes, ["name": candidate.name])) }
                if candidate.votes > ceiling {
                    let kind: RecordProblem.Kind = input.ballots != nil ? .votesOverValidBallots : input.present != nil ? .votesOverPresent : .votesOverMembers
                    problems.append(.init(subject, kind, ["name": candidate.name, "votes": candidate.votes, "count": ceiling, "body": body.name]))
                }
                if input.runOff, let names = tied[entry.title], !names.contains(key) {
                    problems.append(.init(subject, .notAmongTied, ["name": candidate.name, "title": entry.title,
                                                                   "tied": names.map(directory.label).joined(separator: ", ")]))
                } else if !input.runOff, let listed, !listed.contains(key), !writeIns.contains(key) {
                    problems.append(.init(subject, step.form == .nominationBallot ? .notACandidateWriteIn : .notACandidate,
                                          ["name": candidate.name, "title": entry.title]))
                }
                return CandidateVotes(name: key, votes: candidate.votes)
            }
            for key in listed ?? [] where !seen.contains(key) && !input.runOff {
                warnings.append(.init(.title(entry.title), .noVotesRecorded, ["person": directory.label(key), "title": entry.title]))
            }
            return TitleVotes(title: entry.title, candidates: candidates)
        }
    }

    /// The names tied for each title's last places, as the step stands before a run-off.
    private func currentTies() -> [String: [String]] {
        let decider = StepDecider(definition: definition, state: state, screen: screen, people: Memo { [directory] in directory })
        return Dictionary(decider.tiesBeforeSettling().map { ($0.title, $0.tie.names) }, uniquingKeysWith: { $1 })
    }

    private func checkAgreed(_ input: StepRecord, problems: inout [RecordProblem]) -> [TitleList] {
        input.agreed.map { entry in
            let keys = entry.names.compactMap { resolve($0, subject: .candidate(title: entry.title, name: $0), problems: &problems) }
            guard let title = definition.title(entry.title) else { return TitleList(title: entry.title, names: keys) }
            if Set(keys).count != keys.count { problems.append(.init(.title(title.id), .personTwiceInList, ["title": title.id])) }
            for key in keys where title.kept.contains(key) {
                problems.append(.init(.candidate(title: title.id, name: directory.label(key)), .alreadyKept,
                                      ["person": directory.label(key), "title": title.id]))
            }
            return TitleList(title: entry.title, names: keys)
        }
    }

    /// Who chaired, kept the minutes, counted and stayed away, resolved to people; absentees are members, and the
    /// meeting's times are times of day, the end after the start.
    private func checkMeeting(_ record: inout StepRecord, body: Body, problems: inout [RecordProblem]) {
        record.chair = record.chair.flatMap { resolve($0, subject: .record, problems: &problems) }
        record.secretary = record.secretary.flatMap { resolve($0, subject: .record, problems: &problems) }
        record.committee = record.committee?.compactMap { member in
            resolve(member.person, subject: .record, problems: &problems).map { CommitteeMember(person: $0, role: member.role) }
        }
        let members = Set(body.members.map(\.person))
        record.absent = record.absent?.compactMap { absence in
            guard let key = resolve(absence.person, subject: .present, problems: &problems) else { return nil }
            if body.unnamedCount == 0, !members.contains(key) {
                problems.append(.init(.present, .absentNotAMember, ["person": directory.label(key), "body": body.name]))
            }
            if record.attendees.contains(key) { problems.append(.init(.present, .presentAndAbsent, ["person": directory.label(key)])) }
            return Absence(person: key, reason: absence.reason)
        }
        func minutes(_ time: String?) -> Int? {
            guard let time else { return nil }
            let parts = time.split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2, (0...23).contains(parts[0]), (0...59).contains(parts[1]) else {
                problems.append(.init(.record, .notATime, ["time": time]))
                return nil
            }
            return parts[0] * 60 + parts[1]
        }
        if let start = minutes(record.startedAt), let end = minutes(record.endedAt), end < start {
            problems.append(.init(.record, .endsBeforeStarts, ["end": record.endedAt!, "start": record.startedAt!]))
        }
    }

    /// Review decisions: only at a review step, only for people kept for that title, a reason for every removal.
    private func checkReview(_ input: StepRecord, step: Step, problems: inout [RecordProblem]) -> [ReviewEntry]? {
        guard let entries = input.review, !entries.isEmpty else { return input.review }
        guard step.reviews else {
            problems.append(.init(.record, .noReviewAtStep, ["step": step.id]))
            return nil
        }
        return entries.compactMap { entry in
            let subject = RecordProblem.Subject.candidate(title: entry.title, name: entry.person)
            guard let title = definition.title(entry.title) else {
                problems.append(.init(.title(entry.title), .unknownTitle, ["title": entry.title]))
                return nil
            }
            guard let key = resolve(entry.person, subject: subject, problems: &problems) else { return nil }
            if !title.kept.contains(key) {
                problems.append(.init(subject, .notInPlan, ["person": entry.person, "title": title.id]))
            }
            if entry.decision == .remove, (entry.reason ?? "").isEmpty {
                problems.append(.init(subject, .removalNeedsReason, ["person": entry.person]))
            }
            return ReviewEntry(title: entry.title, person: key, decision: entry.decision, reason: entry.reason)
        }
    }
}
