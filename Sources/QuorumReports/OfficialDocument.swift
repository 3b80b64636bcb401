/// A Vietnamese administrative document: national-motto header, issuing body and number, place and date line,
/// title, body, and signature block. Writers turn it into Markdown or print-ready HTML.
public struct OfficialDocument: Sendable {
    public enum Block: Sendable {
        case heading(String)
        case paragraph(String)
        case bullets([String])
        case table(headers: [String], rows: [[String]])
        /// A diagram in Mermaid's language.
        case diagram(String)
        /// A small left-aligned note, such as the verification hash.
        case note(String)
        case pageBreak
    }

    public struct Signature: Sendable {
        public let role: String
        public let name: String?
    }

    public let parentOrganization: String?
    public let organization: String
    public let number: String
    public let dateline: String
    public let title: String
    public let subtitle: String?
    public var blocks: [Block]
    public var signatures: [Signature]
    /// "Nơi nhận" lines, for documents sent to an authority.
    public var recipients: [String]
    /// Pages after the signature, such as the lists attached to a submission.
    public var appendices: [Block] = []

    static let motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    static let mottoLine = "Độc lập - Tự do - Hạnh phúc"
}

extension OfficialDocument.Block {
    var isDiagram: Bool { if case .diagram = self { true } else { false } }
}
