/// Splits text into lines at LF, dropping a CR before it. Works on Unicode scalars because Swift treats CRLF
/// as one `Character`, which `\n`-based splitting on characters would miss.
enum TextLines {
    static func split(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line[...]))
        }
    }

    /// How many line breaks a parsed field contains.
    static func breaks(in text: String) -> Int { text.unicodeScalars.filter { $0 == "\n" }.count }
}
