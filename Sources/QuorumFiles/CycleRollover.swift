import Foundation
import QuorumCore
import Yams

/// Writes the definition for the next review cycle from this year's: the year and cycle move on, dates move to the
/// same weekday of the new year, references to other tracks of the old year follow them, and the people approved in
/// the last run are carried into `kept`. The result is a draft for people to check, and it says so.
public enum CycleRollover {
    public struct Draft: Sendable {
        public let id: String
        public let text: String
        public let changes: [Phrase]
    }

    public struct Problem: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// - Parameter approved: per title id, the people added to the plan by the previous cycle's final list (their key,
    ///   a definition or roster id, and their name).
    /// - Parameter removed: per title id, the people the previous cycle's review took out of the plan.
    /// - Parameter ruleSets: the rule sets available, to name one in force at the new cycle's first meeting.
    public static func draft(from file: String, year: Int, approved: [String: [(key: String, name: String)]],
                             removed: [String: [String]] = [:], current: WorkflowDefinition, ruleSets: [RuleSet]) throws -> Draft {
        var problems: [LocatedDiagnostic] = []
        guard case .mapping(var entries, let location)? = DefinitionCatalog.read(file, problems: &problems) else {
            throw Problem(description: "cannot read \(file)")
        }
        guard let oldID = entries.first(where: { $0.key == "id" })?.value.string else { throw Problem(description: "\(file) has no id") }
        let oldYear = entries.first { $0.key == "year" }?.value.string.flatMap { Int($0) } ?? trailingYear(oldID)
        guard let oldYear, year > oldYear else {
            throw Problem(description: "the new cycle's year must come after \(oldYear.map(String.init) ?? "the old one")")
        }
        var changes: [Phrase] = []
        func set(_ key: String, _ value: String) {
            let node = YAMLTree.scalar(Node.Scalar(value), location)
            if let index = entries.firstIndex(where: { $0.key == key }) { entries[index].value = node } else {
                entries.insert(YAMLTree.Entry(key: key, keyLocation: location, value: node), at: min(entries.count, 3))
            }
        }
        let newID = trailingYear(oldID) == oldYear ? String(oldID.dropLast(4)) + String(year) : "\(oldID)-\(year)"
        set("id", newID)
        changes.append(Phrase("rollover.id", ["old": oldID, "new": newID]))
        set("year", String(year))
        set("cycle", "Rà soát, bổ sung quy hoạch cán bộ năm \(year)")
        changes.append(Phrase("rollover.year", ["year": year]))
        // A review held once the term has ended plans for the next term, of the same length.
        let term = (current.term ?? "").split(separator: "-").compactMap { Int($0) }
        if term.count == 2, year >= term[1] {
            let next = "\(term[1])-\(2 * term[1] - term[0])"
            set("term", next)
            changes.append(Phrase("rollover.term", ["old": current.term!, "new": next]))
        }
        let weeks = 52 * (year - oldYear)
        if let old = current.deadline, let moved = sameDay(old, yearsLater: year - oldYear) {
            set("deadline", moved)
            changes.append(Phrase("rollover.deadline", ["old": old, "new": moved]))
        }
        if let index = entries.firstIndex(where: { $0.key == "steps" }), case .sequence(var steps, let stepsLocation) = entries[index].value {
            for position in steps.indices {
                guard case .mapping(var fields, let stepLocation) = steps[position] else { continue }
                let stepID = fields.first { $0.key == "id" }?.value.string ?? "?"
                for field in fields.indices {
                    if fields[field].key == "date", let old = fields[field].value.string, let moved = moveDate(old, weeks: weeks, into: year) {
                        fields[field].value = .scalar(Node.Scalar(moved), stepLocation)
                        changes.append(Phrase("rollover.date", ["step": stepID, "old": old, "new": moved]))
                    }
                    if fields[field].key == "after", case .mapping(var reference, let referenceLocation) = fields[field].value,
                       let index = reference.firstIndex(where: { $0.key == "workflow" }), let other = reference[index].value.string,
                       trailingYear(other) == oldYear {
                        let moved = String(other.dropLast(4)) + String(year)
                        reference[index].value = .scalar(Node.Scalar(moved), referenceLocation)
                        fields[field].value = .mapping(reference, referenceLocation)
                        changes.append(Phrase("rollover.follows", ["step": stepID, "new": moved, "old": other]))
                    }
                }
                steps[position] = .mapping(fields, stepLocation)
            }
            entries[index].value = .sequence(steps, stepsLocation)
        }
        carry(approved, removed: removed, into: &entries, at: location, changes: &changes)
        if let first = current.steps.compactMap(\.meets?.date).first.flatMap({ moveDate($0, weeks: weeks, into: year) }),
           let old = ruleSets.first(where: { $0.id == current.ruleSet }), !inForce(old, on: first),
           let replacement = ruleSets.first(where: { inForce($0, on: first) }) {
            set("rules", replacement.id)
            changes.append(Phrase("rollover.rules", ["old": old.id, "new": replacement.id, "date": first]))
        }
        let yaml = try Yams.serialize(node: YAMLTree.mapping(entries, location).node, width: -1, allowUnicode: true)
        let header = "# yaml-language-server: $schema=../schema/workflow.schema.json\n"
            + "# DRAFT written by 'quorum new-cycle' from \((file as NSString).lastPathComponent) for \(year): check the dates, people and rules before use.\n"
        return Draft(id: newID, text: header + yaml, changes: changes)
    }

    /// Adds the approved people to their titles' `kept` lists, declaring them under `people` when they are new.
    private static func carry(_ approved: [String: [(key: String, name: String)]], removed: [String: [String]],
                              into entries: inout [YAMLTree.Entry], at location: SourceLocation, changes: inout [Phrase]) {
        guard approved.values.contains(where: { !$0.isEmpty }) || removed.values.contains(where: { !$0.isEmpty }) else { return }
        var people = entries.first { $0.key == "people" }?.value.items ?? []
        var titles = entries.first { $0.key == "titles" }?.value.items ?? []
        for title in Set(approved.keys).union(removed.keys).sorted() {
            guard let index = titles.firstIndex(where: { $0["id"]?.string == title }), case .mapping(var fields, let titleLocation) = titles[index] else { continue }
            var kept = fields.first { $0.key == "kept" }?.value.items ?? []
            for person in removed[title] ?? [] where kept.contains(where: { $0.string == person }) {
                kept.removeAll { $0.string == person }
                changes.append(Phrase("rollover.removed", ["title": title, "person": person]))
            }
            for (key, name) in approved[title] ?? [] {
                // A person the workflow declares keeps their id; one known only from the roster is declared, linked by code.
                var id = key
                if !people.contains(where: { $0["id"]?.string == key }) {
                    id = slug(name)
                    if !people.contains(where: { $0["id"]?.string == id }) {
                        people.append(.mapping([.init(key: "id", keyLocation: location, value: .scalar(Node.Scalar(id), location)),
                                                .init(key: "name", keyLocation: location, value: .scalar(Node.Scalar(name), location)),
                                                .init(key: "code", keyLocation: location, value: .scalar(Node.Scalar(key), location))], location))
                    }
                }
                if !kept.contains(where: { $0.string == id }) { kept.append(.scalar(Node.Scalar(id), location)) }
                changes.append(Phrase("rollover.kept", ["title": title, "person": name]))
            }
            if let keptIndex = fields.firstIndex(where: { $0.key == "kept" }) { fields[keptIndex].value = .sequence(kept, titleLocation) } else {
                fields.append(.init(key: "kept", keyLocation: titleLocation, value: .sequence(kept, titleLocation)))
            }
            titles[index] = .mapping(fields, titleLocation)
        }
        for (key, value) in [("people", people), ("titles", titles)] {
            if let index = entries.firstIndex(where: { $0.key == key }) { entries[index].value = .sequence(value, location) } else {
                entries.append(.init(key: key, keyLocation: location, value: .sequence(value, location)))
            }
        }
    }

    public static func inForce(_ ruleSet: RuleSet, on date: String) -> Bool {
        (ruleSet.effectiveFrom.map { $0 <= date } ?? true) && (ruleSet.effectiveUntil.map { date <= $0 } ?? true)
    }

    /// The same calendar day some years later; 29 February becomes 28 February in a common year.
    static func sameDay(_ text: String, yearsLater years: Int) -> String? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let year = parts[0] + years
        return CalendarDay.text(year: year, month: parts[1], day: min(parts[2], CalendarDay.days(inMonth: parts[1], year: year)))
    }

    /// 52 weeks a year keeps the weekday; a week more when that falls in the year before.
    static func moveDate(_ text: String, weeks: Int, into year: Int) -> String? {
        guard var time = try? MeetingTime(date: text, time: "12:00", timezone: "UTC") else { return nil }
        guard let moved = try? time.shifted(days: weeks * 7) else { return nil }
        time = moved
        while let stillEarly = Int(time.date.prefix(4)), stillEarly < year, let later = try? time.shifted(days: 7) { time = later }
        return time.date
    }

    static func trailingYear(_ id: String) -> Int? {
        id.count > 5 && id.dropLast(4).hasSuffix("-") ? Int(id.suffix(4)) : nil
    }

    /// An id from a Vietnamese full name: "Võ Thành Tâm" → "vo-thanh-tam".
    static func slug(_ name: String) -> String {
        name.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }
}
