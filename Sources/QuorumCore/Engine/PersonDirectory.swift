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

    /// The definition's people, each with the roster record linked to them; the roster's other people are entries too,
    /// made when asked for from `roster`, so that a roster of 100,000 is not copied. Entries are numbered declared
    /// first, then the roster's people in its order (`declared.count + position`); a roster record linked to a
    /// declared person is that person's entry, not one of its own.
    private let declared: [Entry]
    private let roster: [RosterPerson]
    /// By roster position: whether the record is a declared person's.
    private let linked: [Bool]
    private let byKey: [String: Int]
    /// The first entry of each name, and all of them for the names that several people share.
    private let byName: [String: Int]
    private let namesakes: [String: [Int]]
    /// By entry: whether someone else has the same name (labels say which one is meant).
    private let sharesName: [Bool]

    public init(definition: WorkflowDefinition, roster: Roster?) {
        let people = roster?.people ?? [], offset = definition.people.count
        // Roster ids first (the first of a repeated id wins), to link declared people by code or id.
        var byKey: [String: Int] = [:]
        byKey.reserveCapacity(offset + people.count)
        // Only people declared without a code are linked by name: only their names are looked for in the roster.
        let unlinked = Set(definition.people.filter { $0.code == nil }.map { Self.normalized($0.name) })
        var rosterByName: [String: [Int]] = [:], repeated: [String: [Int]] = [:]
        for (position, person) in people.enumerated() {
            if byKey[person.id] == nil { byKey[person.id] = offset + position } else { repeated[person.id, default: []].append(position) }
            if unlinked.contains(person.name) { rosterByName[person.name, default: []].append(position) }
        }
        func position(of id: String) -> Int? { byKey[id].flatMap { $0 >= offset ? $0 - offset : nil } }
        var linked = [Bool](repeating: false, count: people.count), claimed = Set<String>()
        let declared = definition.people.map { person in
            let sameName = rosterByName[Self.normalized(person.name)] ?? []
            let found = person.code.flatMap(position(of:)) ?? position(of: person.id) ?? (person.code == nil && sameName.count == 1 ? sameName[0] : nil)
            let record = found.map { people[$0] }
            // Every roster row of the linked id (an import refuses a repeated id, but a roster built otherwise may not).
            if let found, let record { ([found] + (repeated[record.id] ?? [])).forEach { linked[$0] = true } }
            return Entry(key: person.id, name: Self.normalized(person.name), record: record)
        }
        // A declared person's id, then their record's, is theirs: the first declared person's who has it.
        for (index, entry) in declared.enumerated() {
            for key in [entry.key, entry.record?.id].compactMap({ $0 }) where claimed.insert(key).inserted { byKey[key] = index }
        }
        var byName: [String: Int] = [:], namesakes: [String: [Int]] = [:]
        byName.reserveCapacity(offset + people.count)
        func add(_ name: String, _ index: Int) {
            guard let first = byName[name] else { byName[name] = index; return }
            namesakes[name, default: [first]].append(index)
        }
        for (index, entry) in declared.enumerated() { add(entry.name, index) }
        for (position, person) in people.enumerated() where !linked[position] { add(person.name, offset + position) }
        var sharesName = [Bool](repeating: false, count: offset + people.count)
        for indices in namesakes.values { indices.forEach { sharesName[$0] = true } }
        self.declared = declared
        self.roster = people
        self.linked = linked
        self.byKey = byKey
        self.byName = byName
        self.namesakes = namesakes
        self.sharesName = sharesName
    }

    private func entry(at index: Int) -> Entry {
        guard index >= declared.count else { return declared[index] }
        let person = roster[index - declared.count]
        return Entry(key: person.id, name: person.name, record: person)
    }

    /// Everyone, declared first: what a name that matches nobody is compared with.
    private var entries: [Entry] {
        declared + roster.indices.filter { !linked[$0] }.map { entry(at: declared.count + $0) }
    }

    private func named(_ name: String) -> [Int] { namesakes[name] ?? byName[name].map { [$0] } ?? [] }

    public func entry(_ key: String) -> Entry? { byKey[key].map(entry(at:)) }

    /// Finds a person by id, roster id, exact full name, or full name with birth year ("Nguyễn Văn A (1980)").
    public func resolve(_ reference: String) -> Resolution {
        let text = Self.normalized(reference)
        if let index = byKey[text] { return .found(entry(at: index)) }
        if case let indices = named(text), !indices.isEmpty {
            return indices.count == 1 ? .found(entry(at: indices[0])) : .ambiguous(indices.map(entry(at:)))
        }
        if let open = text.lastIndex(of: "("), text.hasSuffix(")") {
            let name = text[..<open].trimmingCharacters(in: .whitespaces)
            let year = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingCharacters(in: .whitespaces)
            let matches = named(name).map(entry(at:)).filter { $0.birthYear == year || $0.record?.id == year || $0.key == year }
            if matches.count == 1 { return .found(matches[0]) }
        }
        let entries = entries, folded = Self.folded(text)
        let alike = entries.filter { Self.folded($0.name) == folded }
        if !alike.isEmpty { return .unknown(likely: alike) }
        let names = Suggestion.closest(to: text, in: entries.map(\.name))
        return .unknown(likely: entries.filter { $0.name == names })
    }

    /// The key a reference stands for, when it names exactly one person; otherwise the reference itself (histories
    /// written before people were keyed by id hold names).
    public func key(_ reference: String) -> String {
        // An id, the common case, without copying its entry (and roster record) out of the directory.
        if let index = byKey[Self.normalized(reference)] { return index < declared.count ? declared[index].key : roster[index - declared.count].id }
        if case .found(let entry) = resolve(reference) { return entry.key }
        return reference
    }

    /// How a person is shown: the name, with the birth year (or id) when someone else has the same name.
    public func label(_ key: String) -> String {
        guard let index = byKey[key] else { return key }
        guard sharesName[index] else { return index < declared.count ? declared[index].name : roster[index - declared.count].name }
        let entry = entry(at: index)
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
