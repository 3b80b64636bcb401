import Foundation

/// Everyone an instance can name: the definition's people and the imported roster. A definition person is linked to
/// their roster record by `code` (or an `id` that is a roster id); one without either is linked to the one roster
/// record of exactly the same name, if there is exactly one. People are keyed by id; a name is only a way to find
/// that id, and a name that matches nobody exactly, or several people, is never guessed.
public struct PersonDirectory: Sendable {
    public struct Entry: Sendable, Equatable {
        /// The definition id when the person is declared in the workflow, else the roster id.
        public let key: String
        public let name: String
        public let record: RosterPerson?

        public var birthYear: String? { record?.birthDate.map { String($0.prefix(4)) } }
    }

    public enum Resolution: Equatable, Sendable {
        case found(Entry)
        /// Several people have this name; the reference must say which (by id, or "Name (birth year)").
        case ambiguous([Entry])
        /// Nobody has exactly this name; `likely` are the people it most probably means.
        case unknown(likely: [Entry])
    }

    public let entries: [Entry]
    private let byKey: [String: Int]
    private let byName: [String: [Int]]
    /// By entry: whether someone else has the same name (labels say which one is meant).
    private let sharesName: [Bool]

    public init(definition: WorkflowDefinition, roster: Roster?) {
        var entries: [Entry] = []
        var linked = Set<String>()
        // Only people declared without a code are linked by name: only their names are looked for in the roster.
        let unlinked = Set(definition.people.filter { $0.code == nil }.map { Self.normalized($0.name) })
        var rosterByName: [String: [RosterPerson]] = [:]
        for person in roster?.people ?? [] where unlinked.contains(person.name) { rosterByName[person.name, default: []].append(person) }
        for person in definition.people {
            let sameName = rosterByName[Self.normalized(person.name)] ?? []
            let record = person.code.flatMap { roster?.person(id: $0) } ?? roster?.person(id: person.id)
                ?? (person.code == nil && sameName.count == 1 ? sameName[0] : nil)
            if let record { linked.insert(record.id) }
            entries.append(Entry(key: person.id, name: Self.normalized(person.name), record: record))
        }
        for person in roster?.people ?? [] where !linked.contains(person.id) {
            entries.append(Entry(key: person.id, name: person.name, record: person))
        }
        var byKey: [String: Int] = [:], byName: [String: [Int]] = [:]
        byKey.reserveCapacity(entries.count * 2)
        byName.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            byKey[entry.key] = byKey[entry.key] ?? index
            if let id = entry.record?.id { byKey[id] = byKey[id] ?? index }
            byName[entry.name, default: []].append(index)
        }
        var sharesName = [Bool](repeating: false, count: entries.count)
        for indices in byName.values where indices.count > 1 { indices.forEach { sharesName[$0] = true } }
        self.entries = entries
        self.byKey = byKey
        self.byName = byName
        self.sharesName = sharesName
    }

    public func entry(_ key: String) -> Entry? { byKey[key].map { entries[$0] } }

    /// Finds a person by id, roster id, exact full name, or full name with birth year ("Nguyễn Văn A (1980)").
    public func resolve(_ reference: String) -> Resolution {
        let text = Self.normalized(reference)
        if let index = byKey[text] { return .found(entries[index]) }
        if let indices = byName[text] {
            return indices.count == 1 ? .found(entries[indices[0]]) : .ambiguous(indices.map { entries[$0] })
        }
        if let open = text.lastIndex(of: "("), text.hasSuffix(")") {
            let name = text[..<open].trimmingCharacters(in: .whitespaces)
            let year = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingCharacters(in: .whitespaces)
            let matches = (byName[name] ?? []).map { entries[$0] }.filter { $0.birthYear == year || $0.record?.id == year || $0.key == year }
            if matches.count == 1 { return .found(matches[0]) }
        }
        let folded = Self.folded(text)
        let alike = entries.filter { Self.folded($0.name) == folded }
        if !alike.isEmpty { return .unknown(likely: alike) }
        let names = Suggestion.closest(to: text, in: entries.map(\.name))
        return .unknown(likely: entries.filter { $0.name == names })
    }

    /// The key a reference stands for, when it names exactly one person; otherwise the reference itself (histories
    /// written before people were keyed by id hold names).
    public func key(_ reference: String) -> String {
        // An id, the common case, without copying its entry (and roster record) out of the directory.
        if let index = byKey[Self.normalized(reference)] { return entries[index].key }
        if case .found(let entry) = resolve(reference) { return entry.key }
        return reference
    }

    /// How a person is shown: the name, with the birth year (or id) when someone else has the same name.
    public func label(_ key: String) -> String {
        guard let index = byKey[key] else { return key }
        guard sharesName[index] else { return entries[index].name }
        let entry = entries[index]
        return "\(entry.name) (\(entry.birthYear ?? entry.record?.id ?? entry.key))"
    }

    /// How a problem names a person the user might have meant.
    public func hint(_ entries: [Entry]) -> String {
        entries.map { entry in "'\(entry.name)' (\(entry.record?.id ?? entry.key)\(entry.birthYear.map { ", \($0)" } ?? ""))" }
            .joined(separator: ", ")
    }

    /// NFC, with runs of spaces collapsed, as names are compared.
    public static func normalized(_ name: String) -> String {
        isNormalized(name) ? name : name.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether text is its own normal form without composing it: spaced once, and made only of letters that are
    /// precomposed and never combine with a neighbour (NFC quick check "yes", combining class 0). Those are ASCII,
    /// Latin-1 and the Latin extensions up to U+02FF, and Latin Extended Additional, where the Vietnamese letters are:
    /// ids, dates and rating codes, and names typed on a Vietnamese keyboard. Anything else is composed.
    static func isNormalized(_ text: String) -> Bool {
        var previousSpace = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x20 {
                if previousSpace { return false }
                previousSpace = true
                continue
            }
            guard (0x21..<0x7F).contains(value) || (0xA1..<0x300).contains(value) || (0x1E00..<0x1F00).contains(value) else { return false }
            previousSpace = false
        }
        return !previousSpace || text.isEmpty  // a blank field (most rows have some) is already its normal form
    }

    /// Without case, diacritics and spacing differences, to find the person a mistyped name meant.
    public static func folded(_ name: String) -> String {
        normalized(name).replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .filter { !$0.isWhitespace }
    }
}
