import Foundation

/// Vietnamese alphabetical order, as lists of candidates are written "xếp theo vần A, B, C của tên": by the given name
/// (the last word), then the rest of the name; letters in the Vietnamese alphabet's order (a ă â b c d đ e ê …), tones
/// only when the letters are equal.
public enum VietnameseCollation {
    static let alphabet = Array("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")

    /// Tone marks in the order dictionaries use: none, huyền, sắc, hỏi, ngã, nặng.
    static let tones: [Unicode.Scalar: Int] = ["\u{300}": 1, "\u{301}": 2, "\u{309}": 3, "\u{303}": 4, "\u{323}": 5]

    public static func sorted(_ names: [String], by name: (String) -> String = { $0 }) -> [String] {
        names.sorted { key(name($0)).lexicographicallyPrecedes(key(name($1))) }
    }

    /// Letters first (given name, then the others), then tones, so "Hà" follows "Ha" and precedes "Hải".
    static func key(_ name: String) -> [Int] {
        var words = name.split(separator: " ").map(String.init)
        if let given = words.popLast() { words.insert(given, at: 0) }
        var letters: [Int] = [], marks: [Int] = []
        for word in words {
            for character in word.lowercased() {
                let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
                var tone = 0
                var base = ""
                for scalar in scalars {
                    if let value = tones[scalar] { tone = value } else { base.unicodeScalars.append(scalar) }
                }
                let letter = base.precomposedStringWithCanonicalMapping.first ?? character
                letters.append((alphabet.firstIndex(of: letter) ?? 100) + 1)
                marks.append(tone)
            }
            letters.append(0)
            marks.append(0)
        }
        return letters + marks
    }
}
