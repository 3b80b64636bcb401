extension StringProtocol {
    /// The text without the spaces and tabs around it: the characters Foundation's `CharacterSet.whitespaces` holds
    /// (tab and Unicode's space separators), trimmed scalar by scalar as Foundation trims them, without passing
    /// through NSString, which on Linux costs more than the rest of reading a roster's field.
    func trimmingSpaces() -> String {
        let text = String(self)
        // Most fields begin and end with a printable ASCII character: nothing to trim.
        if let first = text.utf8.first, let last = text.utf8.last, (0x21..<0x80).contains(first), (0x21..<0x80).contains(last) { return text }
        let scalars = text.unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
