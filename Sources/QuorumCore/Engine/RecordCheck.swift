/// Checks a meeting's results against the instance before they are stored, and collects every problem: the step
/// must be open, the counts must be possible, every name must be a known person, double entries must come from two
/// people. Names are stored as person keys, so namesakes are never confused.
struct RecordCheck {
    let definition: WorkflowDefinition
    let state: InstanceState
    let actor: String
    let directory: PersonDirectory

    init(definition: WorkflowDefinition, state: InstanceState, actor: String) {
        self.definition = definition
        self.state = state
        self.actor = actor
        directory = PersonDirectory(definition: definition, roster: state.roster)
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
                problems.append(.init(.record, "\(record.papers.count) ballot papers, but only \(limit) \(input.present == nil ? "members in '\(body.name)'" : "members were present")"))
            }
            if let issued = record.ballots?.issued, record.papers.count > issued {
                problems.append(.init(.ballots, "\(record.papers.count) ballot papers, but only \(issued) were issued"))
            }
            let titles = Set(definition.titles.map(\.id))
            for paper in record.papers {
                for mark in paper.marks where !mark.title.isEmpty && !titles.contains(mark.title) {
                    problems.append(.init(.paper(paper.number ?? 0), "'\(mark.title)' is not a title; a paper holds only the names marked for each title"
                        + (Suggestion.closest(to: mark.title, in: titles).map { "; did you mean '\($0)'?" } ?? "")))
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
                problems.append(.init(.record, "step '\(step.id)' is a discussion; it has no ballot papers"))
            }
        }
        if let present = record.present {
            if present < 0 { problems.append(.init(.present, "attendance cannot be negative")) }
            if present > body.totalMembers {
                problems.append(.init(.present, "\(present) present, but '\(body.name)' has only \(body.totalMembers) members"))
            }
        }
        if let ballots = record.ballots { checkCounts(ballots, present: record.present, problems: &problems) }
        if let summoned = record.summoned, let present = record.present, present > summoned {
            problems.append(.init(.present, "\(present) present, but only \(summoned) were summoned"))
        }
        checkAttendees(&record, body: body, problems: &problems)
        if let quorum = step.quorum, let present = record.present, !quorum.check(present, of: body.totalMembers).passes,
           !record.votes.isEmpty || !record.agreed.isEmpty {
            let check = quorum.check(present, of: body.totalMembers)
            problems.append(.init(.present, "the meeting missed its quorum (\(check.explanation)), so it could not vote; "
                + "record the attendance alone, and the step is held again"))
        }
        let knownTitles = definition.titles.map(\.id)
        for title in record.votes.map(\.title) + record.agreed.map(\.title) + (record.writeIns ?? []).map(\.title)
            where !knownTitles.contains(title) {
            problems.append(.init(.title(title), "unknown title '\(title)'" + (Suggestion.closest(to: title, in: knownTitles).map { "; did you mean '\($0)'?" } ?? "")))
        }
        if step.form.isBallot {
            if record.present == nil, !record.votes.isEmpty {
                problems.append(.init(.present, "a ballot needs the number of members present (present: or attendees:), to check the quorum and the votes"))
            }
            if !record.agreed.isEmpty { problems.append(.init(.record, "step '\(step.id)' is a \(step.form.label); record vote totals, not an agreed list")) }
            if record.ballots == nil, !record.votes.isEmpty {
                warnings.append(.init(.record, "the ballot counts (issued, returned, valid, invalid) are not recorded; the minutes will lack them"))
            }
            if !(record.writeIns ?? []).isEmpty, step.form != .nominationBallot {
                problems.append(.init(.record, "step '\(step.id)' is a \(step.form.label); only nomination ballots take written-in names"))
            }
            record.votes = checkVotes(record, step: step, body: body, problems: &problems, warnings: &warnings)
        } else {
            if !record.votes.isEmpty { problems.append(.init(.record, "step '\(step.id)' is a discussion; record the agreed list, not vote totals")) }
            if record.runOff { problems.append(.init(.record, "a discussion has no run-off")) }
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
            problems.append(.init(subject, "'\(reference)' is the name of \(entries.count) people: \(directory.hint(entries)); "
                + "write the id, or the name with the birth year, e.g. '\(entries[0].name) (\(entries[0].birthYear ?? entries[0].key))'"))
        case .unknown(let likely):
            problems.append(.init(subject, "'\(reference)' matches nobody in the roster or the workflow's people"
                + (likely.isEmpty ? "" : "; did you mean \(directory.hint(likely))?")))
        }
        return nil
    }

    /// Double entry: each of the two entries once the step asks for them, by two different people.
    private func checkEntry(_ record: StepRecord, step: Step, problems: inout [RecordProblem]) {
        guard step.doubleEntry, !record.runOff else {
            if record.entry != nil, !step.doubleEntry { problems.append(.init(.record, "step '\(step.id)' is entered once; leave out --entry")) }
            return
        }
        guard let entry = record.entry, entry == 1 || entry == 2 else {
            problems.append(.init(.record, "step '\(step.id)' is entered twice by different people; give --entry 1 or --entry 2"))
            return
        }
        if let other = state.entries[3 - entry]?.actor, other == actor {
            problems.append(.init(.record, "entry \(3 - entry) was made by '\(actor)'; entry \(entry) must be made by someone else"))
        }
    }

    /// The counting committee's arithmetic: no more papers than people, and every paper accounted for.
    private func checkCounts(_ ballots: BallotCount, present: Int?, problems: inout [RecordProblem]) {
        if [ballots.issued, ballots.returned, ballots.valid, ballots.invalid].contains(where: { $0 < 0 }) {
            problems.append(.init(.ballots, "ballot counts cannot be negative"))
            return
        }
        if let present, ballots.issued > present {
            problems.append(.init(.ballots, "\(ballots.issued) ballots issued, but only \(present) members were present"))
        }
        if ballots.returned > ballots.issued {
            problems.append(.init(.ballots, "\(ballots.returned) ballots returned, but only \(ballots.issued) were issued"))
        }
        let (sum, overflow) = ballots.valid.addingReportingOverflow(ballots.invalid)
        if overflow || sum != ballots.returned {
            problems.append(.init(.ballots, "\(ballots.valid) valid + \(ballots.invalid) invalid does not make the \(ballots.returned) ballots returned"))
        }
    }

    /// Attendees named in the minutes: each a member of the body, once, and as many as the count present.
    private func checkAttendees(_ record: inout StepRecord, body: Body, problems: inout [RecordProblem]) {
        if !record.attendees.isEmpty, let present = record.present, present != record.attendees.count {
            problems.append(.init(.present, "\(present) present, but \(record.attendees.count) attendees are named"))
        }
        let keys = record.attendees.compactMap { resolve($0, subject: .present, problems: &problems) }
        if Set(keys).count != keys.count { problems.append(.init(.present, "a person appears twice among the attendees")) }
        if body.unnamedCount == 0 {
            let members = Set(body.members.map(\.person))
            for key in keys where !members.contains(key) {
                problems.append(.init(.present, "'\(directory.label(key))' is not a member of '\(body.name)'"))
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
            problems.append(.init(.record, "there is no tie to settle at step '\(step.id)'; a run-off is held only among candidates tied for the last place"))
        }
        return input.votes.map { entry in
            var seen = Set<String>()
            let listed = state.candidates?[entry.title].map { $0.map(directory.key) }
            let writeIns = Set(input.writeIns(for: entry.title))
            let candidates = entry.candidates.compactMap { candidate -> CandidateVotes? in
                let subject = RecordProblem.Subject.candidate(title: entry.title, name: candidate.name)
                guard let key = resolve(candidate.name, subject: subject, problems: &problems) else { return nil }
                if !seen.insert(key).inserted { problems.append(.init(subject, "'\(candidate.name)' appears twice for '\(entry.title)'")) }
                if candidate.votes < 0 { problems.append(.init(subject, "'\(candidate.name)' has a negative vote count")) }
                if candidate.votes > ceiling {
                    let what = input.ballots != nil ? "valid ballots" : input.present != nil ? "members present" : "members of '\(body.name)'"
                    problems.append(.init(subject, "'\(candidate.name)' has \(candidate.votes) votes, more than the \(ceiling) \(what)"))
                }
                if input.runOff, let names = tied[entry.title], !names.contains(key) {
                    problems.append(.init(subject, "'\(candidate.name)' is not among those tied for '\(entry.title)' "
                        + "(\(names.map(directory.label).joined(separator: ", "))); a run-off is held only among them"))
                } else if !input.runOff, let listed, !listed.contains(key), !writeIns.contains(key) {
                    let remedy = step.form == .nominationBallot
                        ? "; if the name was written in on the ballots, declare it under 'write-ins'" : ""
                    problems.append(.init(subject, "'\(candidate.name)' is not a candidate for '\(entry.title)' at this step\(remedy)"))
                }
                return CandidateVotes(name: key, votes: candidate.votes)
            }
            for key in listed ?? [] where !seen.contains(key) && !input.runOff {
                warnings.append(.init(.title(entry.title), "no votes recorded for '\(directory.label(key))' ('\(entry.title)'); counted as 0"))
            }
            return TitleVotes(title: entry.title, candidates: candidates)
        }
    }

    /// The names tied for each title's last places, as the step stands before a run-off.
    private func currentTies() -> [String: [String]] {
        Dictionary(StepDecider(definition: definition, state: state).tiesBeforeSettling().map { ($0.title, $0.tie.names) },
                   uniquingKeysWith: { $1 })
    }

    private func checkAgreed(_ input: StepRecord, problems: inout [RecordProblem]) -> [TitleList] {
        input.agreed.map { entry in
            let keys = entry.names.compactMap { resolve($0, subject: .candidate(title: entry.title, name: $0), problems: &problems) }
            guard let title = definition.title(entry.title) else { return TitleList(title: entry.title, names: keys) }
            if Set(keys).count != keys.count { problems.append(.init(.title(title.id), "a person appears twice in the list for '\(title.id)'")) }
            for key in keys where title.kept.contains(key) {
                problems.append(.init(.candidate(title: title.id, name: directory.label(key)),
                                      "'\(directory.label(key))' is already kept in the plan for '\(title.id)'; list only people to add"))
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
                problems.append(.init(.present, "'\(directory.label(key))' is listed as absent but is not a member of '\(body.name)'"))
            }
            if record.attendees.contains(key) { problems.append(.init(.present, "'\(directory.label(key))' is listed both as present and as absent")) }
            return Absence(person: key, reason: absence.reason)
        }
        func minutes(_ time: String?) -> Int? {
            guard let time else { return nil }
            let parts = time.split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2, (0...23).contains(parts[0]), (0...59).contains(parts[1]) else {
                problems.append(.init(.record, "'\(time)' is not a time of day; write it HH:MM, e.g. 14:00"))
                return nil
            }
            return parts[0] * 60 + parts[1]
        }
        if let start = minutes(record.startedAt), let end = minutes(record.endedAt), end < start {
            problems.append(.init(.record, "the meeting ends (\(record.endedAt!)) before it starts (\(record.startedAt!))"))
        }
    }

    /// Review decisions: only at a review step, only for people kept for that title, a reason for every removal.
    private func checkReview(_ input: StepRecord, step: Step, problems: inout [RecordProblem]) -> [ReviewEntry]? {
        guard let entries = input.review, !entries.isEmpty else { return input.review }
        guard step.reviews else {
            problems.append(.init(.record, "step '\(step.id)' does not review the people already in the plan; leave out 'review'"))
            return nil
        }
        return entries.compactMap { entry in
            let subject = RecordProblem.Subject.candidate(title: entry.title, name: entry.person)
            guard let title = definition.title(entry.title) else {
                problems.append(.init(.title(entry.title), "unknown title '\(entry.title)'"))
                return nil
            }
            guard let key = resolve(entry.person, subject: subject, problems: &problems) else { return nil }
            if !title.kept.contains(key) {
                problems.append(.init(subject, "'\(entry.person)' is not in the plan for '\(title.id)', so there is nothing to review"))
            }
            if entry.decision == .remove, (entry.reason ?? "").isEmpty {
                problems.append(.init(subject, "removing '\(entry.person)' from the plan needs a reason for the record"))
            }
            return ReviewEntry(title: entry.title, person: key, decision: entry.decision, reason: entry.reason)
        }
    }
}
