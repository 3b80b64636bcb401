import QuorumCore

/// A Vietnamese official document: the header (issuing body and number beside the national name, or the Party's),
/// the place and date line, title, body, the signature block and "Nơi nhận". Writers turn it into Markdown, print-ready
/// HTML or Word. It carries no script, diagram or link: records are often confidential and opened offline.
public struct OfficialDocument: Sendable {
    public enum Block: Sendable, Equatable {
        case heading(String)
        case paragraph(String)
        case bullets([String])
        case table(headers: [String], rows: [[String]])
        /// A small left-aligned note, such as the verification hash.
        case note(String)
        case pageBreak
    }

    public struct Signature: Sendable, Equatable {
        /// "T/M ĐẢNG ỦY", "KT. CHÁNH VĂN PHÒNG": the capacity line above the title, if any.
        public var capacity: String?
        public let role: String
        public let name: String?

        public init(capacity: String? = nil, role: String, name: String?) {
            self.capacity = capacity
            self.role = role
            self.name = name
        }
    }

    public let format: RecordFormat
    /// The issuing body's lines over the number, the last one printed bold: `UBND TỈNH`, `VĂN PHÒNG UBND TỈNH`.
    public let issuer: [String]
    public let number: String
    public let dateline: String
    public let confidential: Bool
    public let title: String
    public let subtitle: String?
    public var blocks: [Block]
    public var signatures: [Signature]
    /// "Nơi nhận" lines, for documents sent somewhere.
    public var recipients: [String]
    /// Pages after the signature, such as the lists attached to a submission.
    public var appendices: [Block] = []

    /// The national name and motto of State documents; Party documents print the Party's name instead.
    static let stateName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    static let stateMotto = "Độc lập - Tự do - Hạnh phúc"
    static let partyName = "ĐẢNG CỘNG SẢN VIỆT NAM"

    /// The right column of the header, above the date line: the national name and motto, or the Party's name.
    var nationalLines: [String] { format == .state ? [Self.stateName, Self.stateMotto] : [Self.partyName] }
}
