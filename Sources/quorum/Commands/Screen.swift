import ArgumentParser
import QuorumCore

struct Screen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: Messages.text(.helpScreen),
        discussion: "Screens the current step's candidates, or everyone in the roster with --all (or before any list exists)."
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Flag(help: "Screen everyone in the roster, not only the current candidates.")
    var all = false

    @Flag(help: "Print every person's findings as JSON.")
    var json = false

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            let project = try Project(options)
            let loaded = try project.service().load(instance)
            let report = ScreeningReport(loaded.state, definition: loaded.definition, everyone: all)
            if json { return try Output.json(report) }
            report.lines.forEach { Output.line($0) }
        }
    }
}

/// Who meets the standards of each title and why not, computed once for the text and for `screen --json`.
struct ScreeningReport: Encodable {
    struct TitleScreening: Encodable {
        let title: String
        let name: String
        let rules: Int
        /// Whether the people are the current candidates (false: everyone in the roster).
        let candidatesOnly: Bool
        let people: [Person]
    }

    struct Person: Encodable {
        let person: String
        let label: String
        let kept: Bool
        let eligible: Bool
        let findings: [EligibilityScreen.Finding]
        /// The roster's current title, when it is the planned title (already appointed).
        let holdsTitle: String?
        /// The titles the person would be planned for, when more than the limit.
        let overLimit: [String]?
        let limit: Int?
    }

    let instance: String
    let rosterImported: Bool
    let titles: [TitleScreening]

    init(_ state: InstanceState, definition: WorkflowDefinition, everyone: Bool) {
        let screen = EligibilityScreen(definition: definition)
        let directory = PersonDirectory(definition: definition, roster: state.roster)
        instance = state.id
        rosterImported = !(state.roster?.people.isEmpty ?? true)
        titles = definition.titles.map { title in
            let rules = definition.eligibility(for: title)
            let names = everyone ? nil : state.candidates?[title.id]
            let kept = state.kept(title)
            let candidates = (names ?? state.roster?.people.map { directory.key($0.id) } ?? []).filter { !kept.contains($0) }
            let people = rules.isEmpty ? [] : kept.map { (key: $0, kept: true) } + candidates.map { (key: $0, kept: false) }
            return TitleScreening(title: title.id, name: title.name, rules: rules.count, candidatesOnly: names != nil, people: people.map { entry in
                let findings = screen.screen(entry.key, for: title, directory: directory, rosterImported: state.roster != nil, overrides: state.overrides)
                let record = directory.entry(entry.key)?.record
                let holds = record?.currentTitle.flatMap { entry.kept && PersonDirectory.folded($0) == PersonDirectory.folded(title.name) ? $0 : nil }
                var planned = Set((record?.plannedTitles ?? []).map(PersonDirectory.folded))
                planned.insert(PersonDirectory.folded(title.name))
                let over = definition.titlesPerPerson.flatMap { planned.count > $0 ? (record?.plannedTitles ?? []) + [title.name] : nil }
                return Person(person: entry.key, label: directory.label(entry.key), kept: entry.kept, eligible: !findings.contains(where: \.blocks),
                              findings: findings, holdsTitle: holds, overLimit: over, limit: over == nil ? nil : definition.titlesPerPerson)
            })
        }
    }

    var lines: [String] {
        var lines: [String] = []
        if !rosterImported { lines.append(Messages.text(.screenNoRoster, ["instance": instance])) }
        for title in titles {
            guard title.rules > 0 else {
                lines.append(Messages.text(.screenNoRules, ["title": title.name]))
                continue
            }
            let kept = title.people.filter(\.kept).count
            lines.append(Messages.text(title.candidatesOnly ? .screenTitleCandidates : .screenTitleEveryone,
                                       ["title": title.name, "rules": title.rules, "kept": kept, "others": title.people.count - kept]))
            for person in title.people { lines += Self.describe(person) }
        }
        return lines
    }

    /// One person's verdict: eligible or not and why, whether they already hold the title, and how many titles they
    /// would be planned for.
    private static func describe(_ person: Person) -> [String] {
        let label = person.label + (person.kept ? Messages.text(.screenKeptMark) : "")
        var lines: [String]
        if person.eligible {
            let overridden = person.findings.filter { $0.overriddenBecause != nil }
            let overrides = overridden.map { "\($0.rule): \($0.overriddenBecause!)" }.joined(separator: "; ")
            lines = [Messages.text(.screenEligible, ["person": label]) + (overridden.isEmpty ? "" : Messages.text(.screenByOverride, ["overrides": overrides]))]
        } else {
            lines = [Messages.text(.screenNotEligible, ["person": label]) + (person.kept ? Messages.text(.screenProposeRemoval) : "")]
            person.findings.filter(\.blocks).forEach { lines.append("      \($0.rule): " + Messages.finding($0)) }
        }
        if let current = person.holdsTitle { lines.append(Messages.text(.screenAlreadyHolds, ["title": current])) }
        if let titles = person.overLimit, let limit = person.limit {
            lines.append(Messages.text(.screenOverLimit, ["count": Set(titles.map(PersonDirectory.folded)).count, "limit": limit,
                                                          "titles": titles.joined(separator: ", ")]))
        }
        return lines
    }
}
