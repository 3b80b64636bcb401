import Foundation
import QuorumCore

/// How offices' spreadsheets name the roster's columns and write its values, declared as data in `rules/` (a file
/// with `columns:` and `values:`): "Họ và tên" is `full_name`; "Thạc sỹ" is the degree "Thạc sĩ" the rules compare
/// with. Headers and spellings are matched after Unicode NFC, with spaces collapsed and case ignored.
public struct RosterFormat: Sendable {
    public let id: String
    /// Folded header → field.
    let columns: [String: String]
    /// Field → folded spelling → the value the rules use.
    let values: [String: [String: String]]

    public init(id: String, columns: [String: [String]], values: [String: [String: [String]]]) {
        self.id = id
        var headers: [String: String] = [:]
        for (field, aliases) in columns {
            for alias in aliases + [field] { headers[Self.fold(alias)] = field }
        }
        self.columns = headers
        self.values = values.mapValues { canonical in
            var spellings: [String: String] = [:]
            for (value, aliases) in canonical {
                for alias in aliases + [value] { spellings[Self.fold(alias)] = value }
            }
            return spellings
        }
    }

    /// The roster field a column header means, if any.
    public func field(forHeader header: String) -> String? { columns[Self.fold(header)] }

    /// Whether the format lists the values of a field (then a value it does not know is worth a warning).
    public func lists(_ field: String) -> Bool { values[field] != nil }

    /// The value the rules use for a spelling of a field, or nil when the format does not know it.
    public func value(_ text: String, of field: String) -> String? { values[field]?[Self.fold(text)] }

    static func fold(_ text: String) -> String {
        PersonDirectory.normalized(text).lowercased()
    }
}
