import ArgumentParser
import QuorumCore

struct Screen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Screen candidates against the eligibility rules and show who is eligible and why.",
        discussion: "Screens the current step's candidates, or everyone in the roster with --all (or before any list exists)."
    )

    @OptionGroup var options: ProjectOptions

    @Argument(help: "Instance id.")
    var instance: String

    @Flag(help: "Screen everyone in the roster, not only the current candidates.")
    var all = false

    func run() throws {
        try CommandFailure.reporting(instance: instance) {
            let project = try Project(options)
            let loaded = try project.service().load(instance)
            Screen.report(loaded.state, definition: loaded.definition, everyone: all).forEach { Output.line($0) }
        }
    }

    static func report(_ state: InstanceState, definition: WorkflowDefinition, everyone: Bool) -> [String] {
        let screen = EligibilityScreen(definition: definition)
        let directory = PersonDirectory(definition: definition, roster: state.roster)
        var lines: [String] = []
        if state.roster?.people.isEmpty ?? true {
            lines.append(Messages.text(.screenNoRoster, ["instance": state.id]))
        }
        for title in definition.titles {
            let rules = definition.eligibility(for: title)
            guard !rules.isEmpty else {
                lines.append(Messages.text(.screenNoRules, ["title": title.name]))
                continue
            }
            let names = everyone ? nil : state.candidates?[title.id]
            let kept = state.kept(title.id) ?? title.kept
            let candidates = (names ?? state.roster?.people.map { directory.key($0.id) } ?? []).filter { !kept.contains($0) }
            lines.append(Messages.text(names == nil ? .screenTitleEveryone : .screenTitleCandidates,
                                       ["title": title.name, "rules": rules.count, "kept": kept.count, "others": candidates.count]))
            for key in kept {
                lines += describe(key, kept: true, title: title, screen: screen, directory: directory, state: state, definition: definition)
            }
            for key in candidates {
                lines += describe(key, kept: false, title: title, screen: screen, directory: directory, state: state, definition: definition)
            }
        }
        return lines
    }

    /// One person's verdict: eligible or not and why, whether they already hold the title, and how many titles they
    /// would be planned for.
    private static func describe(_ key: String, kept: Bool, title: Title, screen: EligibilityScreen, directory: PersonDirectory,
                                 state: InstanceState, definition: WorkflowDefinition) -> [String] {
        let findings = screen.screen(key, for: title, directory: directory, rosterImported: state.roster != nil, overrides: state.overrides)
        let blocking = findings.filter(\.blocks)
        let overridden = findings.filter { $0.overriddenBecause != nil }
        let label = directory.label(key) + (kept ? Messages.text(.screenKeptMark) : "")
        var lines: [String]
        if blocking.isEmpty {
            let overrides = overridden.map { "\($0.rule): \($0.overriddenBecause!)" }.joined(separator: "; ")
            lines = [Messages.text(.screenEligible, ["person": label]) + (overridden.isEmpty ? "" : Messages.text(.screenByOverride, ["overrides": overrides]))]
        } else {
            lines = [Messages.text(.screenNotEligible, ["person": label]) + (kept ? Messages.text(.screenProposeRemoval) : "")]
            blocking.forEach { lines.append("      \($0.rule): \($0.explanation)") }
        }
        if kept, let current = directory.entry(key)?.record?.currentTitle,
           PersonDirectory.folded(current) == PersonDirectory.folded(title.name) {
            lines.append(Messages.text(.screenAlreadyHolds, ["title": current]))
        }
        if let limit = definition.titlesPerPerson {
            var titles = Set((directory.entry(key)?.record?.plannedTitles ?? []).map(PersonDirectory.folded))
            titles.insert(PersonDirectory.folded(title.name))
            if titles.count > limit {
                lines.append(Messages.text(.screenOverLimit, ["count": titles.count, "limit": limit,
                                                        "titles": ((directory.entry(key)?.record?.plannedTitles ?? []) + [title.name]).joined(separator: ", ")]))
            }
        }
        return lines
    }
}
