import CSV
import Foundation
@testable import QuorumFiles
import Testing

struct CSVTableTests {
    /// CSV.swift parses the text the same with trimming as without whenever `needsTrimming` says it may skip it, over
    /// seeded random texts of fields, spaces, tabs, quotes, separators and line breaks.
    @Test(arguments: [",", ";", "\t"] as [Unicode.Scalar])
    func aTextWithNothingToTrimIsReadIntoTheSameFieldsWithoutTrimming(separator: Unicode.Scalar) throws {
        var generator = SeededGenerator(seed: UInt64(separator.value))
        let pieces = ["a", "Bế", "12", " ", "\t", ",", ";", "\"", "\n", "\r\n", "x y"]
        var skipped = 0, trimmed = 0, changedByTrimming = 0
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 1...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let withTrimming = try Self.rows(text, separator: separator, trim: true)
            if CSVTable.needsTrimming(text, separator: separator) {
                trimmed += 1
                if try Self.rows(text, separator: separator, trim: false) != withTrimming { changedByTrimming += 1 }
            } else {
                skipped += 1
                #expect(try Self.rows(text, separator: separator, trim: false) == withTrimming, "\(text.debugDescription)")
            }
        }
        // Both kinds of text were drawn, and trimming does change some of those the check keeps it for.
        #expect(skipped > 300 && trimmed > 300)
        #expect(changedByTrimming > 0)
    }

    @Test func paddingIsFoundAtEveryEdgeAndNowhereElse() {
        for padded in [" a,b", "a,b ", "a ,b", "a, b", "\"a\" ,b", "a,\"b\"\t", "a\n b", "a \r\nb"] {
            #expect(CSVTable.needsTrimming(padded, separator: ","), "\(padded.debugDescription)")
        }
        for plain in ["a,b", "Nguyễn Văn A,12", "\"a,b\",c", "x y,z", ""] {
            #expect(!CSVTable.needsTrimming(plain, separator: ","), "\(plain.debugDescription)")
        }
        // A tab that separates is not padding; a space next to it is.
        #expect(!CSVTable.needsTrimming("a\tb", separator: "\t"))
        #expect(CSVTable.needsTrimming("a \tb", separator: "\t"))
    }

    private static func rows(_ text: String, separator: Unicode.Scalar, trim: Bool) throws -> [[String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: trim, delimiter: separator,
                                   whitespaces: CharacterSet(charactersIn: separator == "\t" ? " " : " \t"))
        return Array(reader)
    }
}
