import QuorumRules

/// Turns a merged workflow document into a `WorkflowDefinition`, reporting every problem it finds at its path.
/// Abstract workflows (procedures meant to be extended) are checked for what they declare, and yield no definition.
public struct WorkflowValidator {
    let ruleSets: [String: RuleSet]
    /// Meeting times of other workflows' steps, for steps that meet after them.
    let otherTimes: [String: [String: MeetingTime]]
    /// Workflows that exist but cannot be used, their own problems reported where they are written: a step that
    /// follows one of them is not reported again.
    let unusableWorkflows: Set<String>
    /// Rule sets that exist but do not validate: a workflow naming one is not reported for it.
    let unusableRuleSets: Set<String>

    public init(ruleSets: [RuleSet], otherTimes: [String: [String: MeetingTime]] = [:], unusableWorkflows: Set<String> = [],
                unusableRuleSets: Set<String> = []) {
        self.ruleSets = Dictionary(ruleSets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.otherTimes = otherTimes
        self.unusableWorkflows = unusableWorkflows
        self.unusableRuleSets = unusableRuleSets
    }

    public func validate(_ document: WorkflowDocument, name documentName: String) -> (WorkflowDefinition?, [Diagnostic]) {
        var run = WorkflowValidation(document: document, name: document.id ?? documentName, ruleSets: ruleSets, otherTimes: otherTimes,
                                     unusableWorkflows: unusableWorkflows, unusableRuleSets: unusableRuleSets)
        let definition = run.validate()
        return (definition, run.problems.diagnostics)
    }
}

/// The state of one validation pass.
struct WorkflowValidation {
    let document: WorkflowDocument
    let ruleSets: [String: RuleSet]
    let isAbstract: Bool
    var problems: DiagnosticCollector
    var ruleSet: RuleSet?
    var personIDs = Set<String>()
    var bodies: [Body] = []
    let otherTimes: [String: [String: MeetingTime]]
    let unusableWorkflows: Set<String>
    let unusableRuleSets: Set<String>
    /// Times resolved so far, for steps that meet after an earlier step of this workflow.
    var resolvedTimes: [String: MeetingTime] = [:]
    /// Steps whose time is unknown because of a problem already reported: the steps after them are not reported too.
    var unresolvedSteps = Set<String>()

    init(document: WorkflowDocument, name: String, ruleSets: [String: RuleSet], otherTimes: [String: [String: MeetingTime]],
         unusableWorkflows: Set<String>, unusableRuleSets: Set<String>) {
        self.document = document
        self.ruleSets = ruleSets
        self.otherTimes = otherTimes
        self.unusableWorkflows = unusableWorkflows
        self.unusableRuleSets = unusableRuleSets
        self.isAbstract = document.abstract ?? false
        self.problems = DiagnosticCollector(document: name)
    }

    mutating func validate() -> WorkflowDefinition? {
        let id = problems.require(document.id, at: .root.key("id"), code: "missing-id", key: "missing-id-3")
        let name = problems.require(document.name, at: .root.key("name"), code: "missing-name", key: "missing-name-3")
        if let version = document.version, version < 1 {
            problems.error(at: .root.key("version"), code: "version-whole-number-up", ["version": version])
        }
        resolveRuleSet()
        let people = validatePeople()
        bodies = validateBodies()
        let steps = validateSteps()
        let titles = validateTitles(defaultCap: declaredCap)
        if !isAbstract {
            if titles.isEmpty, document.titles?.isEmpty ?? true {
                problems.error(at: .root.key("titles"), code: "workflow-runs-needs-least")
            }
            if steps.isEmpty, document.steps?.isEmpty ?? true {
                problems.error(at: .root.key("steps"), code: "workflow-runs-needs-least", key: "workflow-runs-needs-least-2")
            }
        }
        let eligibility = expressionRules(document.eligibility, kind: .eligibility, at: .root.key("eligibility"))
        let structure = expressionRules(document.structure, kind: .structure, at: .root.key("structure"))
        if !eligibility.isEmpty || !structure.isEmpty || titles.contains(where: { !$0.eligibility.isEmpty }) {
            checkCycleFields()
        }
        checkEffectivePeriod(steps)
        checkDates()
        checkCaps(titles)
        guard !isAbstract, !problems.hasErrors, let id, let name else { return nil }
        var definition = WorkflowDefinition(id: id, name: name, version: document.version ?? 1, basis: document.basis,
                                  ruleSet: ruleSet?.id, term: document.term, cycle: document.cycle, year: document.year,
                                  note: document.note,
                                  letterhead: Letterhead(organization: document.organization, parentOrganization: document.parentOrganization,
                                                         location: document.location, signerTitle: document.signer?.title,
                                                         signerName: document.signer?.name),
                                  eligibility: eligibility, structure: structure,
                                  people: people, bodies: bodies, titles: titles, steps: steps)
        definition.letterhead = letterhead()
        definition.termStart = document.termStart
        definition.termEnd = document.termEnd
        definition.deadline = document.deadline
        definition.titlesPerPerson = ruleSet?.titlesPerPerson
        definition.retirement = ruleSet.map { $0.retirement.isEmpty ? nil : $0.retirement } ?? nil
        return definition
    }

    /// The letterhead with how the records are laid out and addressed.
    private mutating func letterhead() -> Letterhead {
        var letterhead = Letterhead(organization: document.organization, parentOrganization: document.parentOrganization,
                                    location: document.location, signerTitle: document.signer?.title, signerName: document.signer?.name)
        guard let records = document.records else { return letterhead }
        if let format = records.format {
            letterhead.format = problems.enumValue(RecordFormat.self, format, at: .root.key("records").key("format"), what: "record format")
        }
        if letterhead.format == .party, records.partyOrganization == nil {
            problems.error(at: .root.key("records"), code: "party-format-needs")
        }
        if let chair = records.chair { _ = checkPerson(chair, at: .root.key("records").key("chair")) }
        letterhead.abbreviation = records.abbreviation
        letterhead.partyCommittee = records.partyCommittee
        letterhead.partyOrganization = records.partyOrganization
        letterhead.partyAbbreviation = records.partyAbbreviation
        letterhead.recipients = records.recipients
        letterhead.archive = records.archive
        letterhead.confidential = records.confidential
        letterhead.chair = records.chair
        letterhead.partySignerTitle = records.partySigner?.title
        letterhead.partySignerName = records.partySigner?.name
        letterhead.plan = records.plan
        return letterhead
    }

    /// A title may not hold more people than the rule set's selection rules allow.
    private mutating func checkCaps(_ titles: [Title]) {
        guard let ruleSet, let allowed = ruleSet.maxCap else { return }
        for (index, title) in (document.titles ?? []).enumerated() {
            guard let cap = title.cap, cap > allowed else { continue }
            problems.error(at: DocumentPath.root.key("titles").index(index).key("cap"),
                           code: "cap-more-rule-set", ["cap": cap, "ruleSet": ruleSet.id, "allowed": allowed])
        }
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return text.count == 10 && parts.count == 3 && (1...12).contains(parts[1])
            && (1...CalendarDay.days(inMonth: parts[1], year: parts[0])).contains(parts[2])
    }

    private mutating func checkDates() {
        for (key, value) in [("term-start", document.termStart), ("term-end", document.termEnd), ("deadline", document.deadline)] {
            guard let value else { continue }
            if !Self.isDate(value) {
                problems.error(at: .root.key(key), code: "not-date", key: "not-date-2", ["value": value])
            }
        }
        if let start = document.termStart, let end = document.termEnd, end <= start {
            problems.error(at: .root.key("term-end"), code: "term-ends-before-starts", ["end": end, "start": start])
        }
    }

    /// The cap of the procedure's selection rule: it applies to every title, even in a track that skips the step using it.
    private var declaredCap: Int? {
        let ids = (document.steps ?? []).compactMap(\.selection)
        for id in ids.reversed() {
            if case .selection(let rule)? = ruleSet?.rule(id)?.content { return rule.cap }
        }
        return nil
    }

    private mutating func resolveRuleSet() {
        guard let setID = document.rules else { return }
        if let found = ruleSets[setID] {
            ruleSet = found
        } else if !unusableRuleSets.contains(setID) {
            problems.error(at: .root.key("rules"), code: "unknown-rule-set", ["setID": setID], notes: Suggestion.note(for: setID, in: ruleSets.keys))
        }
    }

    private mutating func validatePeople() -> [Person] {
        var people: [Person] = []
        var seen = Set<String>()
        for (index, person) in (document.people ?? []).enumerated() {
            let path = DocumentPath.root.key("people").index(index)
            guard let id = uniqueID(person.id, at: path, in: &seen, what: "person") else { continue }
            guard let name = problems.require(person.name, at: path.key("name"), code: "missing-name", key: "missing-name-4", ["id": id]) else { continue }
            people.append(Person(id: id, name: name, note: person.note, code: person.code))
        }
        personIDs = seen
        return people
    }

    /// Checks a person reference; abstract procedures may name people their tracks define.
    mutating func checkPerson(_ id: String, at path: DocumentPath) -> Bool {
        if personIDs.contains(id) { return true }
        if !isAbstract {
            problems.error(at: path, code: "unknown-person", ["id": id], notes: Suggestion.note(for: id, in: personIDs))
        }
        return false
    }

    mutating func uniqueID(_ id: String?, at path: DocumentPath, in seen: inout Set<String>, what: String) -> String? {
        guard let id = problems.require(id, at: path.key("id"), code: "missing-id", key: "missing-id-4", ["what": what]) else { return nil }
        if !seen.insert(id).inserted {
            problems.error(at: path.key("id"), code: "duplicate-id", ["what": what, "id": id])
            return nil
        }
        return id
    }

    private mutating func validateTitles(defaultCap: Int?) -> [Title] {
        var titles: [Title] = []
        var seen = Set<String>()
        for (index, title) in (document.titles ?? []).enumerated() {
            let path = DocumentPath.root.key("titles").index(index)
            guard let id = uniqueID(title.id, at: path, in: &seen, what: "title") else { continue }
            let name = problems.require(title.name, at: path.key("name"), code: "missing-name", key: "missing-name-5", ["id": id])
            let cap = title.cap ?? defaultCap
            // A selection rule or rule set that does not resolve is reported where it is named; the titles lacking
            // its cap are not reported too.
            let selectionNamed = (document.steps ?? []).contains { $0.selection != nil }
            if cap == nil, !selectionNamed, document.rules == nil || ruleSet != nil {
                problems.error(at: path, code: "title-no-cap", ["id": id])
            } else if let cap, cap < 1 {
                problems.error(at: path.key("cap"), code: "cap-below-one", ["cap": cap])
            }
            let kept = title.kept ?? []
            var keptSeen = Set<String>()
            for (position, person) in kept.enumerated() {
                let personPath = path.key("kept").index(position)
                if checkPerson(person, at: personPath), !keptSeen.insert(person).inserted {
                    problems.error(at: personPath, code: "listed-twice-under", ["person": person])
                }
            }
            if let cap, cap >= 1, kept.count > cap {
                problems.error(at: path.key("kept"), code: "title-keeps-people-but", ["id": id, "kept": kept.count, "cap": cap],
                               notes: [Phrase("note.removeKept")])
            }
            var removals: [Removal] = []
            for (position, removal) in (title.removed ?? []).enumerated() {
                let removalPath = path.key("removed").index(position)
                guard let person = problems.require(removal.person, at: removalPath.key("person"), code: "missing-person"),
                      checkPerson(person, at: removalPath.key("person")) else { continue }
                if keptSeen.contains(person) {
                    problems.error(at: removalPath.key("person"), code: "both-kept-removed-title", ["person": person, "id": id])
                }
                guard let reason = problems.require(removal.reason, at: removalPath.key("reason"),
                                                    code: "removing-needs-record", ["person": person]) else { continue }
                removals.append(Removal(person: person, reason: reason))
            }
            let authority = title.authority ?? document.authority
            if authority == nil, !isAbstract {
                problems.error(at: path, code: "title-no-approving-authority", ["id": id])
            }
            let eligibility = expressionRules(title.eligibility, kind: .eligibility, at: path.key("eligibility"))
            if let name, let cap, cap >= 1 {
                titles.append(Title(id: id, name: name, cap: cap, authority: authority, kept: kept, removed: removals,
                                    eligibility: eligibility))
            }
        }
        return titles
    }
}
