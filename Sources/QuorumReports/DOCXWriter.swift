import Foundation
import ZIPFoundation

/// Writes official documents as a Word file (WordprocessingML in a ZIP package), because offices edit and sign in
/// Word: A4 with the margins of Decree 30, Times New Roman, the two-column header as a borderless table, data tables
/// with their header row repeated on every page and rows that do not break, and the signature block kept together.
public enum DOCXWriter {
    public static func write(_ documents: [OfficialDocument], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (name, text) in [("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelations),
                             ("word/_rels/document.xml.rels", documentRelations), ("word/styles.xml", styles),
                             ("word/document.xml", document(documents))] {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    static func document(_ documents: [OfficialDocument]) -> String {
        var body = ""
        for (index, document) in documents.enumerated() {
            if index > 0 { body += pageBreak }
            body += section(document)
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
    }

    private static func section(_ document: OfficialDocument) -> String {
        var issuer = document.issuer.enumerated().map { index, line in paragraph(line, bold: index == document.issuer.count - 1, center: true, size: 26) }.joined()
        issuer += paragraph(document.format == .party ? "*" : "———", center: true, size: 26) + paragraph(document.number, center: true, size: 26)
        if document.confidential { issuer += paragraph("MẬT", bold: true, center: true, size: 26) }
        var national = document.nationalLines.map { paragraph($0, bold: true, center: true, size: 24) }.joined()
        national += paragraph("———", center: true, size: 26) + paragraph(document.dateline, italic: true, center: true, size: 26)
        var xml = table([[issuer, national]], widths: [3800, 5600], borders: false, header: false)
        xml += paragraph(document.title, bold: true, center: true)
        if let subtitle = document.subtitle { xml += paragraph(subtitle, bold: true, center: true) }
        xml += blocks(document.blocks)
        var cells: [String] = []
        if !document.recipients.isEmpty {
            cells.append(paragraph("Nơi nhận:", bold: true, italic: true, size: 24) + document.recipients.map { paragraph("- " + $0, size: 22) }.joined())
        }
        for signature in document.signatures {
            cells.append((signature.capacity.map { paragraph($0, bold: true, center: true) } ?? "") + paragraph(signature.role, bold: true, center: true)
                + paragraph("(Ký, ghi rõ họ tên)", italic: true, center: true) + String(repeating: paragraph("", keepNext: true), count: 3)
                + paragraph(signature.name ?? "", bold: true, center: true))
        }
        if !cells.isEmpty { xml += table([cells], widths: cells.map { _ in 9400 / cells.count }, borders: false, header: false) }
        return xml + blocks(document.appendices)
    }

    private static func blocks(_ blocks: [OfficialDocument.Block]) -> String {
        blocks.map { block in
            switch block {
            case .heading(let text): paragraph(text, bold: true, keepNext: true)
            case .paragraph(let text): paragraph(text, indent: true)
            case .bullets(let items): items.map { paragraph("- " + $0) }.joined()
            case .note(let text): paragraph(text, size: 20)
            case .pageBreak: pageBreak
            case .table(let headers, let rows):
                table([headers.map { paragraph($0, bold: true, center: true, size: 24) }]
                      + rows.map { $0.map { paragraph($0, size: 24) } }, widths: nil, borders: true, header: true)
            }
        }.joined()
    }

    static let pageBreak = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"

    private static func paragraph(_ text: String, bold: Bool = false, italic: Bool = false, center: Bool = false, indent: Bool = false,
                                  size: Int = 28, keepNext: Bool = false) -> String {
        var properties = center ? "<w:jc w:val=\"center\"/>" : (indent ? "<w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/>" : "")
        if keepNext { properties = "<w:keepNext/>" + properties }
        let run = (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "") + "<w:sz w:val=\"\(size)\"/>"
        return "<w:p><w:pPr>\(properties)<w:spacing w:after=\"60\"/></w:pPr><w:r><w:rPr>\(run)</w:rPr><w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p>"
    }

    /// Rows of cells (each cell's paragraphs); the first row repeats on every page when `header`, and no row breaks.
    private static func table(_ rows: [[String]], widths: [Int]?, borders: Bool, header: Bool) -> String {
        let border = borders ? "single" : "nil"
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"\(border)\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>" }.joined()
            + "</w:tblBorders></w:tblPr><w:tblGrid>" + (widths ?? rows.first.map { $0.map { _ in 1000 } } ?? []).map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for (index, row) in rows.enumerated() {
            xml += "<w:tr><w:trPr><w:cantSplit/>" + (header && index == 0 ? "<w:tblHeader/>" : "") + "</w:trPr>"
            xml += row.map { "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>\($0.isEmpty ? "<w:p/>" : $0)</w:tc>" }.joined() + "</w:tr>"
        }
        return xml + "</w:tbl>" + paragraph("", size: 12)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
        """

    static let packageRelations = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """

    static let documentRelations = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>
        """
}
