@testable import quorum
import Testing

struct OutputTests {
    /// Every control character is shown, whichever of its UTF-8 forms the byte scan meets first: one byte (C0, DEL),
    /// two (C1, from 0xC2) or three (the line and paragraph separators, from 0xE2).
    @Test(arguments: [("\u{1B}[2J", "\\u{1B}[2J"), ("a\u{7F}", "a\\u{7F}"), ("b\u{85}c", "b\\u{85}c"), ("d\u{9B}", "d\\u{9B}"),
                      ("e\u{2028}f", "e\\u{2028}f"), ("g\u{2029}", "g\\u{2029}"), ("\r", "\\u{D}")])
    func aControlCharacterIsShownNotObeyed(text: String, shown: String) {
        #expect(Output.safe(text) == shown)
    }

    /// Text without one comes back as it is, including the bytes that only start one (0xC2, 0xE2) in other characters.
    @Test(arguments: ["Nguyễn Thị Bé Ba", "12/14 = 85,7% ≥ 2/3 — đạt", "giá\u{A0}trị ©", "tab\tand\nline", ""])
    func textWithoutOneIsUnchanged(text: String) {
        #expect(Output.safe(text) == text)
    }
}
