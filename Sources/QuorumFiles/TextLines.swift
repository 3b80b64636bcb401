/// Splits text into lines at LF, dropping a CR before it. Works on the UTF-8 bytes, not on `Character`s: Swift treats
/// CRLF as one `Character`, which `\n`-based splitting on characters would miss, and a line feed byte is never part of
/// another character in UTF-8.
enum TextLines {
    static func split(_ text: String) -> [String] { slices(text).map(String.init) }

    /// The same lines as parts of `text`, sharing its storage: a spreadsheet's rows keep their line for locating a
    /// problem, and a copy of each line was a sixth of the memory of reading a large roster.
    static func slices(_ text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            Substring(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
        }
    }

    /// How many line breaks a parsed field contains.
    static func breaks(in text: String) -> Int { text.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 } }
}
