import Foundation
import QuorumCore
import QuorumReports

/// Writing to the terminal and formatting what the engine decided.
enum Output {
    static func line(_ text: String = "") { print(safe(text)) }

    /// Many lines at once, each as `line` prints it, written in large pieces.
    static func lines(_ texts: [String]) {
        for start in stride(from: 0, to: texts.count, by: 1_000) {
            print(texts[start..<min(start + 1_000, texts.count)].lazy.map(safe).joined(separator: "\n"))
        }
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((safe(text) + "\n").utf8))
    }

    /// Text for a terminal: control characters (escape sequences, carriage returns, bells) taken from names, actors or
    /// files are shown as `\u{1B}`, never obeyed. Line breaks and tabs of the output itself stay.
    static func safe(_ text: String) -> String {
        // Bytes first: a control character is one of these bytes in UTF-8, or starts with 0xC2 (U+0080–009F) or 0xE2
        // (U+2028, U+2029); a line without any is returned as it is, as most lines of a long listing are.
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }),
              text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) { result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// A value inside one line (an actor, a name, a reason): its line breaks are shown too.
    static func inline(_ text: String) -> String {
        let safe = safe(text)
        guard safe.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }) else { return safe }
        return safe.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
    }

    /// The control characters (Unicode category Cc: U+0000–001F and U+007F–009F) other than line feed and tab, and the
    /// line and paragraph separators, by their code points: a history of many lines is checked scalar by scalar.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }

    static func json(_ value: some Encodable) throws {
        print(String(decoding: try encoded(value), as: UTF8.self))
    }

    /// A value as the JSON every command and `quorum serve` print: sorted keys, ISO 8601 dates.
    static func encoded(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }

    static func timestamp(_ date: Date) -> String { timestampFormatter.string(from: date) }

    private static let timestampFormatter = MinuteFormatter(format: "yyyy-MM-dd HH:mm:ss xxx", locale: Locale(identifier: "en_US_POSIX"))
}
